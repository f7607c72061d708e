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
 * spec says. Immutable.
 */
public final class ReuseToml {
  /** How an annotation combines with the file's own licence statements. */
  public enum Precedence { CLOSEST, AGGREGATE, OVERRIDE }

  /** One annotation: its globs (already prefixed with the REUSE.toml directory) and licence. */
  public record Annotation(
      ImmutableList<String> globs, String value, SpdxExpression expression, Precedence precedence) {}

  private final String location;
  private final ImmutableList<Annotation> annotations;
  private final ImmutableList<Pattern> patterns;

  private ReuseToml(String location, ImmutableList<Annotation> annotations) {
    this.location = location;
    this.annotations = annotations;
    List<Pattern> ps = new ArrayList<>();
    for (Annotation a : annotations) {
      StringBuilder alt = new StringBuilder();
      for (String g : a.globs()) {
        alt.append(alt.length() == 0 ? "" : "|").append(globToRegex(g));
      }
      ps.add(Pattern.compile(alt.length() == 0 ? "(?!)" : alt.toString()));
    }
    this.patterns = ImmutableList.copyOf(ps);
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
    return new ReuseToml(location, ImmutableList.copyOf(out));
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
