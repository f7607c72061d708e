package org.provenant.filters.license.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.provenant.filters.license.LicenseMatch;
import org.provenant.filters.license.LicenseTextMatcher;
import org.provenant.filters.license.PackageFiles;
import org.provenant.filters.license.PackageLicense;
import org.provenant.filters.license.PackageLicenseResolver;
import org.provenant.filters.license.SpdxExpression;

/**
 * Agreement of licence detection with two published fixture sets (in the shared corpora, never
 * copied into the repository):
 *
 * <ul>
 *   <li>licensee ({@code licensee_expected.tsv}): each fixture directory is one package; its
 *       package-level files go through {@link PackageLicenseResolver}. Agreement: for an expected
 *       id, the package expression is that single id (GNU ids by family: licensee's {@code
 *       GPL-3.0} agrees with {@code GPL-3.0-only} or {@code -or-later}); for {@code other}, an
 *       expression that is not a single licensee-known id (a LicenseRef, an id licensee does not
 *       know, or a compound); for {@code none}, no expression.
 *   <li>google-licensecheck ({@code google_licensecheck_expected.tsv}): each file (its test header
 *       up to the first blank line removed) goes through {@link LicenseTextMatcher}. Agreement: the
 *       set of SPDX-listed ids found equals the expected set (GNU ids by family; {@code none} = no
 *       listed id).
 * </ul>
 *
 * <p>Run: see the report / BENCHMARKS.md ({@code java -cp ... LicenseAgreement [corporaDir]}).
 */
public final class LicenseAgreement {
  private LicenseAgreement() {}

  /** Result of one fixture set. */
  public record Agreement(String name, int matched, int total, List<String> misses) {
    public double rate() {
      return total == 0 ? 0 : (double) matched / total;
    }

    @Override
    public String toString() {
      return String.format("%s: %d/%d = %.1f%%", name, matched, total, 100 * rate());
    }
  }

  /** The shared licence corpora directory ({@code shared/corpora/licenses}) above the cwd, if any. */
  public static Optional<Path> findCorpora() {
    Path dir = Paths.get("").toAbsolutePath();
    for (int i = 0; i < 6 && dir != null; i++, dir = dir.getParent()) {
      Path c = dir.resolve("shared/corpora/licenses");
      if (Files.isRegularFile(c.resolve("licensee_expected.tsv"))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public static Agreement licensee(Path corpora) throws IOException {
    Set<String> known = new TreeSet<>();
    for (String l : Files.readAllLines(corpora.resolve("licensee/key2spdx.tsv"))) {
      String[] f = l.split("\t");
      if (f.length == 2) {
        known.add(f[1]);
      }
    }
    PackageLicenseResolver resolver = PackageLicenseResolver.create();
    List<String> lines = Files.readAllLines(corpora.resolve("licensee_expected.tsv"));
    int ok = 0;
    List<String> misses = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      Path dir = corpora.resolve(f[0]);
      String expected = f[3];
      Map<String, String> files = new LinkedHashMap<>();
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          String rel = dir.relativize(p).toString().replace('\\', '/');
          if (PackageFiles.isPackageLevel(rel)) {
            files.put(rel, read(p));
          }
        }
      }
      PackageLicense pkg = resolver.resolve(PackageFiles.of(files));
      String got = pkg.spdx().orElse(null);
      boolean agree;
      if (expected.equals("none")) {
        agree = got == null;
      } else if (expected.equals("other")) {
        agree = got != null && !isSingle(got, known);
      } else {
        agree = got != null && family(got).equals(family(expected)) && isSingleId(got);
      }
      if (agree) {
        ok++;
      } else {
        misses.add(f[0] + "\texpected=" + expected + "\tgot=" + got + (pkg.conflict() ? " (conflict)" : ""));
      }
    }
    return new Agreement("licensee", ok, lines.size() - 1, misses);
  }

  public static Agreement googleLicensecheck(Path corpora) throws IOException {
    LicenseTextMatcher matcher = LicenseTextMatcher.shared();
    List<String> lines = Files.readAllLines(corpora.resolve("google_licensecheck_expected.tsv"));
    int ok = 0;
    List<String> misses = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      String text = read(corpora.resolve(f[0]));
      int cut = text.indexOf("\n\n");
      text = cut < 0 ? "" : text.substring(cut + 2);
      Set<String> got = new TreeSet<>();
      List<LicenseMatch> matches = matcher.match(text);
      for (LicenseMatch m : matches) {
        if (m.isListed()) {
          got.add(family(m.spdx()));
        }
      }
      Set<String> exp = new TreeSet<>();
      if (!f[2].equals("none")) {
        for (String id : f[2].split(",")) {
          exp.add(family(id));
        }
      }
      if (got.equals(exp)) {
        ok++;
      } else {
        misses.add(f[0] + "\texpected=" + exp + "\tgot=" + matches);
      }
    }
    return new Agreement("google-licensecheck", ok, lines.size() - 1, misses);
  }

  private static boolean isSingleId(String expr) {
    SpdxExpression e = SpdxExpression.parse(expr);
    return e.isValid() && e.licenseIds().size() == 1 && e.exceptionIds().isEmpty();
  }

  private static boolean isSingle(String expr, Set<String> known) {
    if (!isSingleId(expr)) {
      return false;
    }
    String fam = family(expr);
    return known.stream().anyMatch(k -> family(k).equals(fam));
  }

  private static String family(String id) {
    return id.replaceAll("(-only|-or-later|\\+)$", "");
  }

  private static String read(Path p) throws IOException {
    byte[] b = Files.readAllBytes(p);
    return new String(b, StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws IOException {
    Path corpora = args.length > 0 ? Paths.get(args[0]) : findCorpora().orElseThrow(
        () -> new IllegalStateException("shared/corpora/licenses not found; pass its path"));
    long t0 = System.nanoTime();
    LicenseTextMatcher.shared();
    System.out.printf("matcher index built in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    for (Agreement a : List.of(licensee(corpora), googleLicensecheck(corpora))) {
      System.out.println(a);
      a.misses().forEach(m -> System.out.println("  MISS " + m));
    }
  }
}
