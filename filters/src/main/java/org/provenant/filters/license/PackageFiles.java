package org.provenant.filters.license;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The package-level files of one package that licence resolution reads: licence files, {@code
 * LICENSES/*}, package manifests, {@code REUSE.toml}, READMEs and {@code .license} sidecars, by
 * path inside the package ({@code /}-separated, no leading {@code /}). A reader decides what to
 * collect with {@link #isPackageLevel}. Immutable; paths are sorted.
 */
public final class PackageFiles {
  /** Deepest directory level of licence files, manifests and READMEs (0 = package root). */
  public static final int MAX_DEPTH = 2;
  /** Deepest directory level of pom.xml files (modules of a multi-module build). */
  public static final int MAX_POM_DEPTH = 4;
  /** Longest file kept; longer texts are cut (no licence or manifest is this long). */
  public static final int MAX_CHARS = 512 * 1024;

  private static final Pattern LICENSE_NAME =
      Pattern.compile("(?i)(un)?licen[cs]e|copying(\\.lesser|\\.lib)?|notice|copyright|copyleft|legal|patents|mit-license|licen[cs]e[-_.].*|(copying|notice|copyright|patents)[-_.].*|.*[-_.]licen[cs]e(\\.(txt|md|markdown|rst|html?))?");
  /** Extensions of code and data: {@code license.py} or {@code License.java} is source, not a licence. */
  private static final Pattern CODE_EXTENSION = Pattern.compile(
      "(?i).*\\.(py|java|js|mjs|cjs|ts|tsx|jsx|go|rs|c|h|cc|cpp|hpp|cxx|rb|php|cs|kt|kts|scala|swift|m|mm|pl|pm|lua"
          + "|sh|bash|ps1|bat|json|ya?ml|toml|xml|css|scss|less|vue|svelte|dart|ex|exs|erl|hs|clj|r|jl|sql|proto|class|jar"
          + "|png|jpe?g|gif|svg|ico|pdf|zip|gz)$");
  private static final Pattern README = Pattern.compile("(?i)readme(\\.[a-z0-9]{1,10})?");

  private final ImmutableSortedMap<String, String> files;

  private PackageFiles(ImmutableSortedMap<String, String> files) {
    this.files = files;
  }

  /** Files by path; paths are normalised ({@code \} to {@code /}, leading {@code ./} or {@code /} removed). */
  public static PackageFiles of(Map<String, String> files) {
    ImmutableSortedMap.Builder<String, String> b = ImmutableSortedMap.naturalOrder();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      String p = normalize(requireNonNull(e.getKey(), "path"));
      String t = e.getValue() == null ? "" : e.getValue();
      if (seen.add(p)) {
        b.put(p, t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t);
      }
    }
    return new PackageFiles(b.build());
  }

  /** No files. */
  public static PackageFiles empty() {
    return new PackageFiles(ImmutableSortedMap.of());
  }

  /** All files by normalised path. */
  public ImmutableSortedMap<String, String> files() {
    return files;
  }

  /** The text at {@code path}, if present. */
  public Optional<String> text(String path) {
    return Optional.ofNullable(files.get(normalize(path)));
  }

  /**
   * True for a path a reader should collect for licence resolution: licence-like files (LICENSE,
   * LICENCE, COPYING, NOTICE, COPYRIGHT, UNLICENSE with any extension or suffix) and manifests
   * (package.json, pom.xml, Cargo.toml, pyproject.toml, setup.cfg, REUSE.toml) and READMEs at
   * most {@value #MAX_DEPTH} directories deep, pom.xml up to {@value #MAX_POM_DEPTH}, any file
   * directly in a {@code LICENSES/} directory, and any {@code *.license} sidecar.
   */
  public static boolean isPackageLevel(String path) {
    if (path == null || path.isEmpty()) {
      return false;
    }
    String p = normalize(path);
    String name = name(p);
    int depth = depth(p);
    if (name.isEmpty()) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".license") && lower.length() > ".license".length()) {
      return true;
    }
    if (p.equals(JarManifest.PATH) || ((p.equals(DEP5) || p.endsWith("/" + DEP5)) && depth <= MAX_DEPTH)) {
      return true;
    }
    String parent = parentName(p);
    if (parent.equals("LICENSES") && depth <= MAX_DEPTH) {
      return true;
    }
    if (lower.equals("pom.xml")) {
      return depth <= MAX_POM_DEPTH;
    }
    if (depth > MAX_DEPTH) {
      return false;
    }
    return switch (lower) {
      case "package.json", "cargo.toml", "pyproject.toml", "setup.cfg", "reuse.toml" -> true;
      default -> README.matcher(name).matches() || isLicenseName(name);
    };
  }

  /** Kind of a package-level file, for resolution. */
  enum Kind { LICENSE_FILE, LICENSES_DIR, SIDECAR, PACKAGE_JSON, POM, CARGO, PYPROJECT, SETUP_CFG, REUSE_TOML, DEP5, JAR_MANIFEST, README, OTHER }

  /** Path of the Debian copyright file REUSE reads ({@link ReuseToml#parseDep5}). */
  public static final String DEP5 = ".reuse/dep5";

  static Kind kind(String path) {
    String name = name(path);
    String lower = name.toLowerCase(Locale.ROOT);
    if (MavenRepository.isRepositoryPath(path)) {
      // the jar's pom and its parents, read from a Maven repository the user named
      return lower.endsWith(".pom") ? Kind.POM : Kind.OTHER;
    }
    if (path.equals(JarManifest.PATH)) {
      return Kind.JAR_MANIFEST;
    }
    if (path.equals(DEP5) || path.endsWith("/" + DEP5)) {
      return depth(path) <= MAX_DEPTH ? Kind.DEP5 : Kind.OTHER;
    }
    if (parentName(path).equals("LICENSES")) {
      return Kind.LICENSES_DIR;
    }
    if (MavenRepositoryLayout.isBeside(path)) {
      // the archive's own pom; its parents elsewhere in the repository are read through it
      return lower.endsWith(".pom") && path.lastIndexOf('/') == MavenRepositoryLayout.BESIDE.length() - 1 ? Kind.POM : Kind.OTHER;
    }
    switch (lower) {
      case "package.json": return Kind.PACKAGE_JSON;
      case "pom.xml": return Kind.POM;
      case "cargo.toml": return Kind.CARGO;
      case "pyproject.toml": return Kind.PYPROJECT;
      case "setup.cfg": return Kind.SETUP_CFG;
      case "reuse.toml": return Kind.REUSE_TOML;
      default: break;
    }
    if (lower.endsWith(".license") && lower.length() > 8) {
      return Kind.SIDECAR;
    }
    if (README.matcher(name).matches()) {
      return Kind.README;
    }
    if (isLicenseName(name)) {
      return Kind.LICENSE_FILE;
    }
    return Kind.OTHER;
  }

  private static boolean isLicenseName(String name) {
    return LICENSE_NAME.matcher(name).matches() && !CODE_EXTENSION.matcher(name).matches();
  }

  static String normalize(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }

  /** Directory part of a path, "" for the root. */
  static String dir(String path) {
    int s = path.lastIndexOf('/');
    return s < 0 ? "" : path.substring(0, s);
  }

  static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * The directory whose subtree a package-level file speaks for: its own directory, except that
   * a jar's {@code META-INF/} licence files and {@code META-INF/maven/<group>/<artifact>/pom.xml},
   * and the poms beside it in a Maven repository ({@link MavenRepositoryLayout}), speak for the
   * whole archive (the root, {@code ""}).
   */
  static String scopeDir(String path) {
    String p = normalize(path);
    if (MavenRepositoryLayout.isBeside(p) || MavenRepository.isRepositoryPath(p) || p.equals(JarManifest.PATH)) {
      return ""; // the poms beside a jar or in a named repository, and the jar's manifest, speak for the whole jar
    }
    if (p.startsWith("META-INF/")) {
      Kind k = kind(p);
      if (k == Kind.LICENSE_FILE && depth(p) == 1) {
        return "";
      }
      if (k == Kind.POM && p.startsWith("META-INF/maven/")) {
        return "";
      }
    }
    return dir(p);
  }

  static int depth(String path) {
    int d = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        d++;
      }
    }
    return d;
  }

  private static String parentName(String path) {
    String d = dir(path);
    return name(d);
  }
}
