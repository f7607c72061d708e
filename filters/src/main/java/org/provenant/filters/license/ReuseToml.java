package org.provenant.filters.license;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code [[annotations]]} of a REUSE.toml (REUSE spec 3.2): path globs relative to the file's
 * directory ({@code *} within one path segment, {@code **} across segments, {@code \\*} a literal
 * star), each with an {@code SPDX-License-Identifier} and a {@code precedence} ({@code closest},
 * the default; {@code aggregate}; {@code override}). The last matching annotation wins, as the
 * spec says. Also the same for a Debian copyright file ({@code .reuse/dep5}, {@link #parseDep5}).
 * Immutable.
 */
public final class ReuseToml {
  /** How an annotation combines with the file's own licence statements. */
  public enum Precedence { CLOSEST, AGGREGATE, OVERRIDE }

  /** One annotation: its globs (already prefixed with the REUSE.toml directory) and licence. */
  public record Annotation(
      ImmutableList<String> globs, String value, SpdxExpression expression, Precedence precedence) {}

  private final String location;
  private final String evidenceKind;
  private final ImmutableList<Annotation> annotations;
  private final ImmutableList<Pattern> patterns;

  private ReuseToml(String location, String evidenceKind, ImmutableList<Annotation> annotations,
      java.util.function.Function<String, String> globToRegex) {
    this.location = location;
    this.evidenceKind = evidenceKind;
    this.annotations = annotations;
    List<Pattern> ps = new ArrayList<>();
    for (Annotation a : annotations) {
      StringBuilder alt = new StringBuilder();
      for (String g : a.globs()) {
        alt.append(alt.length() == 0 ? "" : "|").append(globToRegex.apply(g));
      }
      ps.add(Pattern.compile(alt.length() == 0 ? "(?!)" : alt.toString()));
    }
    this.patterns = ImmutableList.copyOf(ps);
  }

  /**
   * Reads the Debian copyright-format 1.0 file at {@code location} (REUSE's older {@code
   * .reuse/dep5}): each {@code Files:} paragraph's globs (relative to the directory that holds
   * {@code .reuse/}; {@code *} matches any run of characters including {@code /}, {@code ?} one
   * character) with the first line of its {@code License:} field, read as SPDX with Debian's short
   * names ({@code GPL-2+}, {@code Expat}, {@code or}/{@code and}, {@code with X exception}; see
   * {@link #debianLicense}). As Debian says, the last paragraph that matches wins; every one has
   * precedence {@code closest}. Paragraphs without {@code Files:} (the header, stand-alone
   * licence texts) are skipped; a malformed file gives fewer annotations, never an exception.
   */
  public static ReuseToml parseDep5(String location, String text) {
    String dir = PackageFiles.dir(location);
    if (PackageFiles.name(dir).equals(".reuse")) {
      dir = PackageFiles.dir(dir);
    }
    List<Annotation> out = new ArrayList<>();
    for (String paragraph : text.replace("\r", "").split("\n\\s*\n")) {
      String files = null;
      String license = null;
      String field = null;
      StringBuilder value = new StringBuilder();
      for (String line : (paragraph + "\n_end:").split("\n")) {
        if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
          if ("files".equals(field)) {
            value.append(' ').append(line.strip());
          }
          continue;
        }
        if ("files".equals(field)) {
          files = value.toString().strip();
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          field = null;
          continue;
        }
        field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        value = new StringBuilder(line.substring(colon + 1).strip());
        if (field.equals("license")) {
          license = value.toString();
        }
      }
      if (files == null || files.isEmpty() || license == null || license.isBlank()) {
        continue;
      }
      List<String> globs = new ArrayList<>();
      for (String g : files.split("\\s+")) {
        globs.add(prefix(dir, g));
      }
      out.add(new Annotation(ImmutableList.copyOf(globs), license, debianLicense(license), Precedence.CLOSEST));
    }
    return new ReuseToml(location, PackageLicenseResolver.REUSE_DEP5, ImmutableList.copyOf(out), ReuseToml::dep5GlobToRegex);
  }

  private static final Pattern DEBIAN_GNU = Pattern.compile("(?i)(A?GPL|LGPL|GFDL)-?(\\d)(?:\\.(\\d))?(\\+)?");
  private static final Pattern DEBIAN_WITH = Pattern.compile("(?i)\\s+with\\s+(.+?)\\s+exception\\s*$");

  /**
   * A Debian copyright-format licence short name as SPDX: {@code GPL-2+} is {@code
   * GPL-2.0-or-later}, {@code GPL-2} {@code GPL-2.0-only}, {@code Expat} {@code MIT}, lower-case
   * {@code or}/{@code and} are operators, {@code X with Y exception} is {@code X WITH} the
   * recognised exception ({@link LicenseExceptions}); other names are tried as SPDX ids in any case.
   */
  static SpdxExpression debianLicense(String value) {
    String v = value.strip();
    LicenseExceptions.Entry exception = null;
    java.util.regex.Matcher with = DEBIAN_WITH.matcher(v);
    if (with.find()) {
      exception = LicenseExceptions.inName(with.group(1) + " exception").orElse(null);
      if (exception == null) {
        return SpdxExpression.parse(""); // an exception we do not know: not a licence we can state
      }
      v = v.substring(0, with.start());
    }
    StringBuilder spdx = new StringBuilder();
    for (String token : v.split("\\s+")) {
      String t = token.replace(",", "");
      String lower = t.toLowerCase(Locale.ROOT);
      java.util.regex.Matcher gnu = DEBIAN_GNU.matcher(t);
      String mapped;
      if (lower.equals("or") || lower.equals("and")) {
        mapped = lower.toUpperCase(Locale.ROOT);
      } else if (gnu.matches()) {
        mapped = gnu.group(1).toUpperCase(Locale.ROOT) + "-" + gnu.group(2) + "." + (gnu.group(3) == null ? "0" : gnu.group(3))
            + (gnu.group(4) != null ? "-or-later" : "-only");
      } else if (lower.equals("expat")) {
        mapped = "MIT";
      } else {
        mapped = t;
      }
      spdx.append(spdx.length() == 0 ? "" : " ").append(mapped);
    }
    SpdxExpression e = SpdxExpression.parse(spdx.toString());
    if (e.isValid() && exception != null) {
      return SpdxExpression.parse(LicenseExceptions.attach(e.normalized().orElseThrow(), exception));
    }
    return e;
  }

  static String dep5GlobToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length() && (glob.charAt(i + 1) == '*' || glob.charAt(i + 1) == '?' || glob.charAt(i + 1) == '\\')) {
        re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
        i++;
      } else if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    // a directory name stands for everything under it
    return re + "(?:/.*)?";
  }

  /** The directory whose files the globs are relative to ("" = the package root). */
  public String baseDir() {
    String dir = PackageFiles.dir(location);
    return evidenceKind.equals(PackageLicenseResolver.REUSE_DEP5) && PackageFiles.name(dir).equals(".reuse") ? PackageFiles.dir(dir) : dir;
  }

  /** The evidence kind of this file's annotations: {@code reuse_toml} or {@code reuse_dep5}. */
  public String evidenceKind() {
    return evidenceKind;
  }

  /** Parses the REUSE.toml at {@code location}; a malformed file gives no annotations. */
  public static ReuseToml parse(String location, String text) {
    String dir = PackageFiles.dir(location);
    List<Annotation> out = new ArrayList<>();
    for (Toml.Table t : Toml.parse(text).tables("annotations")) {
      Object path = t.values().get("path");
      Object lic = t.values().get("SPDX-License-Identifier");
      if (path == null || !(lic instanceof String value)) {
        continue;
      }
      List<String> globs = new ArrayList<>();
      if (path instanceof List<?> l) {
        l.forEach(p -> globs.add(prefix(dir, String.valueOf(p))));
      } else {
        globs.add(prefix(dir, String.valueOf(path)));
      }
      Precedence p = Precedence.CLOSEST;
      if (t.values().get("precedence") instanceof String s) {
        try {
          p = Precedence.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          p = Precedence.CLOSEST;
        }
      }
      out.add(new Annotation(ImmutableList.copyOf(globs), value, SpdxExpression.parse(value), p));
    }
    return new ReuseToml(location, PackageLicenseResolver.REUSE_TOML, ImmutableList.copyOf(out), ReuseToml::globToRegex);
  }

  /** Path of the REUSE.toml inside the package. */
  public String location() {
    return location;
  }

  public ImmutableList<Annotation> annotations() {
    return annotations;
  }

  /** The last annotation whose globs match {@code path}. */
  public Optional<Annotation> lookup(String path) {
    for (int i = annotations.size() - 1; i >= 0; i--) {
      if (patterns.get(i).matcher(path).matches()) {
        return Optional.of(annotations.get(i));
      }
    }
    return Optional.empty();
  }

  private static String prefix(String dir, String glob) {
    String g = glob.startsWith("./") ? glob.substring(2) : glob;
    return dir.isEmpty() ? g : dir + "/" + g;
  }

  static String globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        re.append("\\*");
        i++;
      } else if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        // "**/" matches zero or more directories; a trailing "**" anything.
        if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
          re.append("(?:.*/)?");
          i += 2;
        } else {
          re.append(".*");
          i++;
        }
      } else if (c == '*') {
        re.append("[^/]*");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
