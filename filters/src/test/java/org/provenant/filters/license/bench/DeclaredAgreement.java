package org.provenant.filters.license.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.provenant.filters.code.CodePackageReader;
import org.provenant.filters.code.CodeReadLimits;
import org.provenant.filters.code.PackageContents;
import org.provenant.filters.code.PackageLicensing;
import org.provenant.filters.license.LicensePolicy;
import org.provenant.filters.license.PackageFiles;
import org.provenant.filters.license.PackageLicenseResolver;
import org.provenant.filters.license.SpdxExpression;
import org.provenant.filters.license.SpdxPackageLicensing;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.ReadSink;
import org.provenant.schemas.License;
import org.provenant.schemas.Rejection;

/**
 * Agreement of Provenant's licence detection with the licences real packages declare in their
 * registries ({@code tests/bench/fetch-declared.sh} writes the packages and {@code declared.tsv}).
 * Per package: the declared licence as an SPDX expression (npm strings as given, Maven licence
 * names and URLs through the explicit table below), Provenant's package-level answer with all
 * evidence and with licence files, READMEs and headers only (package manifests removed), and the
 * licence of every file as the code reader assigns it, judged by the default policy. Two counts
 * about copyleft: kept files whose own licence expression has no choice free of copyleft (a leak:
 * must be 0), and kept files of packages whose declared licence has none (each printed with its
 * evidence: a file may carry a permissive licence of its own inside a copyleft package).
 *
 * <pre>java -cp ... org.provenant.filters.license.bench.DeclaredAgreement WORK_DIR [PACKAGE_REGEX]</pre>
 */
public final class DeclaredAgreement {
  private DeclaredAgreement() {}

  /** Maven licence names and URLs, as poms write them, to SPDX ids; first match wins. */
  private static final Map<Pattern, String> MAVEN = new LinkedHashMap<>();

  static {
    m("universal foss exception", "GPL-2.0-only WITH Universal-FOSS-exception-1.0");
    m("gpl.*classpath|classpath.*exception|gpl2 w/ cpe", "GPL-2.0-only WITH Classpath-exception-2.0");
    m("^lgpl-2\\.1-or-later|lesser.*2\\.1 or later|library general public license v2\\.1 or later", "LGPL-2.1-or-later");
    m("^lgpl-2\\.1|lesser general public license, version 2\\.1|lgpl-2\\.1", "LGPL-2.1-only");
    m("lesser general public license", "LGPL-2.1-only"); // logback: the URL names 2.1
    m("apache|apache-2\\.0", "Apache-2.0");
    m("mit", "MIT");
    m("bsd-3-clause|bsd license 3|asm\\.ow2\\.io/license|antlr\\.org/license", "BSD-3-Clause");
    m("bsd-2-clause|jdbc\\.postgresql\\.org", "BSD-2-Clause");
    m("eclipse public license 1\\.0|epl 1\\.0|eclipse public license - v 1\\.0|epl-v10", "EPL-1.0");
    m("eclipse public license v2\\.0|epl 2\\.0|eclipse public license - version 2\\.0|epl-2\\.0", "EPL-2.0");
    m("mpl 2\\.0|mozilla public license, version 2\\.0", "MPL-2.0");
    m("edl 1\\.0|eclipse distribution license", "BSD-3-Clause");
    m("unicode-3\\.0", "Unicode-3.0");
  }

  private static void m(String regex, String spdx) {
    MAVEN.put(Pattern.compile(regex), spdx);
  }

  /** npm strings that are not SPDX (or use deprecated ids) to SPDX. */
  private static String npmToSpdx(String declared) {
    String s = declared.trim();
    if (s.startsWith("SEE LICENSE IN") || s.equals("NONE") || s.equals("UNLICENSED")) {
      return null;
    }
    s = s.replace("LGPL-3.0+", "LGPL-3.0-or-later").replace("GPL-2.0)", "GPL-2.0-only)").replace("PSF-2.0", "PSF-2.0");
    s = s.replaceAll("\\bLGPL-2\\.1\\b(?!-)", "LGPL-2.1-only").replaceAll("\\bLGPL-3\\.0\\b(?![-+])", "LGPL-3.0-only");
    return s;
  }

  private static String mavenToSpdx(String declared) {
    if (declared.equals("NONE")) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (String one : declared.split(" OR ")) {
      String lower = one.toLowerCase(Locale.ROOT);
      String id = null;
      for (Map.Entry<Pattern, String> e : MAVEN.entrySet()) {
        if (e.getKey().matcher(lower).find()) {
          id = e.getValue();
          break;
        }
      }
      if (id == null) {
        return null;
      }
      ids.add(id);
    }
    return ids.size() == 1 ? ids.get(0) : "(" + String.join(" OR ", ids) + ")";
  }

  /** Licence ids of an expression, sorted; empty when it does not parse. */
  private static TreeSet<String> ids(String spdx) {
    TreeSet<String> out = new TreeSet<>();
    if (spdx == null) {
      return out;
    }
    SpdxExpression e = SpdxExpression.parse(spdx);
    if (e.isValid()) {
      out.addAll(e.licenseIds());
    }
    return out;
  }

  private static String normalized(String spdx) {
    if (spdx == null) {
      return null;
    }
    SpdxExpression e = SpdxExpression.parse(spdx);
    return e.isValid() ? e.normalized().orElse(spdx) : spdx;
  }

  private static final Pattern COPYLEFT = Pattern.compile("^(A?GPL|LGPL|MPL|EPL|CDDL|EUPL|OSL|CC-BY-SA|CPL|ODbL)");

  /** Whether every choice the declared expression offers includes a copyleft licence. */
  private static boolean copyleftOnly(String declaredSpdx) {
    if (declaredSpdx == null) {
      return false;
    }
    for (String choice : declaredSpdx.replace("(", "").replace(")", "").split(" OR ")) {
      boolean copyleft = false;
      for (String id : choice.split(" AND ")) {
        if (COPYLEFT.matcher(id.trim()).find()) {
          copyleft = true;
        }
      }
      if (!copyleft) {
        return false;
      }
    }
    return true;
  }

  /** The verdict category of Provenant's answer against the declared one. */
  private static String compare(String declared, String found) {
    if (declared == null) {
      return "declared-unmapped";
    }
    if (found == null) {
      return "provenant-none";
    }
    if (normalized(declared).equals(normalized(found))) {
      return "same-expression";
    }
    TreeSet<String> d = ids(declared);
    TreeSet<String> f = ids(found);
    if (d.equals(f)) {
      return "same-ids";
    }
    if (!d.isEmpty() && f.containsAll(d)) {
      return "declared-within";
    }
    return "different";
  }

  /** Remembers the package-level texts the reader hands to licensing. */
  private static final class Capturing implements PackageLicensing {
    private final SpdxPackageLicensing delegate = new SpdxPackageLicensing();
    PackageContents last;

    @Override
    public boolean isPackageLevel(String path) {
      return delegate.isPackageLevel(path);
    }

    @Override
    public License licenseFor(PackageContents pkg, String path, String text) {
      last = pkg;
      return delegate.licenseFor(pkg, path, text);
    }
  }

  /**
   * The licence Provenant gives a file without a licence statement of its own at the top of the
   * package: the package's root directory, or the one directory everything is in (npm packs put
   * everything under {@code package/}, whose licence files and manifest then govern it).
   */
  private static String packageAnswer(PackageLicenseResolver resolver, Map<String, String> files) {
    String top = null;
    for (String path : files.keySet()) {
      int slash = path.indexOf('/');
      String first = slash < 0 ? "" : path.substring(0, slash + 1);
      top = top == null ? first : top.equals(first) ? top : "";
    }
    return resolver.forFile((top == null ? "" : top) + "provenant-probe.txt", "", resolver.resolve(PackageFiles.of(files)))
        .spdx();
  }

  private static final Pattern MANIFEST = Pattern.compile("(^|.*/)(package\\.json|pom\\.xml|Cargo\\.toml|pyproject\\.toml|setup\\.cfg)$");

  public static void main(String[] args) throws IOException {
    Path work = Paths.get(args[0]);
    LicensePolicy policy = LicensePolicy.permissive();
    PackageLicenseResolver resolver = PackageLicenseResolver.create();
    Map<String, Integer> withMeta = new TreeMap<>();
    Map<String, Integer> filesOnly = new TreeMap<>();
    long files = 0;
    long kept = 0;
    long leaks = 0;
    long inCopyleftPackages = 0;
    Map<String, Long> fileCategories = new TreeMap<>();
    List<String> rows = new ArrayList<>();
    rows.add("package\tregistry\tdeclared\tdeclared_spdx\tprovenant_package\tagreement\tprovenant_files_only\tagreement_files_only"
        + "\tfiles\tkept\tfiles_same_or_within\tfiles_unknown\tcopyleft_only\tleaked");
    for (String line : Files.readAllLines(work.resolve("declared.tsv"))) {
      String[] f = line.split("\t", 3);
      if (args.length > 1 && !f[0].matches(args[1])) {
        continue;
      }
      String name = f[0];
      String registry = f[1];
      String declaredSpdx = registry.equals("npm") ? npmToSpdx(f[2]) : mavenToSpdx(f[2]);
      Path archive = work.resolve("packages").resolve(name);
      Capturing licensing = new Capturing();
      CodePackageReader reader = new CodePackageReader(CodeReadLimits.DEFAULTS, licensing);
      List<License> fileLicences = new ArrayList<>();
      List<String> filePaths = new ArrayList<>();
      reader.readArchive(archive.toUri().toString(), CodePackageReader.Opener.localFile(archive), new ReadSink() {
        @Override
        public void candidate(Candidate c) {
          fileLicences.add(c.license());
          filePaths.add(c.source().path());
        }

        @Override
        public void rejected(Rejection r) {}
      });
      PackageContents contents = licensing.last == null ? PackageContents.of(name, Map.of()) : licensing.last;
      String pkgAll = packageAnswer(resolver, contents.files());
      Map<String, String> noManifest = new TreeMap<>(contents.files());
      noManifest.keySet().removeIf(p -> MANIFEST.matcher(p).matches());
      String pkgFiles = packageAnswer(resolver, noManifest);
      String a = compare(declaredSpdx, pkgAll);
      String b = compare(declaredSpdx, pkgFiles);
      withMeta.merge(a, 1, Integer::sum);
      filesOnly.merge(b, 1, Integer::sum);
      boolean copyleft = copyleftOnly(declaredSpdx);
      long pkgKept = 0;
      long pkgLeaks = 0;
      long agree = 0;
      long unknown = 0;
      for (int i = 0; i < fileLicences.size(); i++) {
        License l = fileLicences.get(i);
        String spdx = l.spdx();
        String c = compare(declaredSpdx, spdx);
        fileCategories.merge(c, 1L, Long::sum);
        if (c.equals("same-expression") || c.equals("same-ids") || c.equals("declared-within")) {
          agree++;
        }
        if (spdx == null) {
          unknown++;
        }
        if (policy.judge(l).kept()) {
          pkgKept++;
          if (copyleftOnly(normalized(spdx))) {
            pkgLeaks++;
            System.out.println("  LEAK: kept " + filePaths.get(i) + " as " + spdx + " from " + l.evidence());
          }
          if (copyleft) {
            inCopyleftPackages++;
            System.out.println("  kept in a copyleft package: " + filePaths.get(i) + " as " + spdx + " from " + l.evidence());
          }
        }
      }
      files += fileLicences.size();
      kept += pkgKept;
      leaks += pkgLeaks;
      rows.add(String.join("\t", name, registry, f[2], String.valueOf(declaredSpdx), String.valueOf(pkgAll), a,
          String.valueOf(pkgFiles), b, String.valueOf(fileLicences.size()), String.valueOf(pkgKept),
          String.valueOf(agree), String.valueOf(unknown), String.valueOf(copyleft), String.valueOf(pkgLeaks)));
      System.out.printf("%-52s %-5s declared %-40s | all %-40s %-16s | files-only %-30s %-16s | %5d files, %5d kept%s%n",
          name, registry, declaredSpdx, pkgAll, a, pkgFiles, b, fileLicences.size(), pkgKept,
          pkgLeaks > 0 ? ", " + pkgLeaks + " LEAKED" : "");
    }
    Files.write(work.resolve("agreement.tsv"), rows);
    System.out.println("packages: " + (rows.size() - 1));
    System.out.println("package level, all evidence: " + withMeta);
    System.out.println("package level, licence files/READMEs/headers only: " + filesOnly);
    System.out.println("files: " + files + ", kept by the default policy: " + kept + ", by category: " + fileCategories);
    System.out.println("copyleft leaks (kept files whose own licence has no choice free of copyleft): " + leaks);
    System.out.println("kept files of packages whose every declared choice is copyleft: " + inCopyleftPackages);
  }
}
