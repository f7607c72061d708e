package org.provenant.filters.license;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;

/**
 * Decides the licence of a package from its package-level files ({@link PackageFiles}), and then
 * the licence of each file in it.
 *
 * <p>Per directory that has licence statements (the root is the package licence; a LICENSE in a
 * subdirectory governs that subtree; a jar's {@code META-INF/} licence files and {@code
 * META-INF/maven/**}{@code /pom.xml} speak for the whole jar, as the Maven convention has them):
 *
 * <ul>
 *   <li>licence files (LICENSE, COPYING, ..., and {@code LICENSES/<id>.txt}) are read with {@link
 *       LicenseTextMatcher} (kind {@code license_file}); NOTICE files are evidence only;
 *   <li>manifests are read with {@link PackageMetadata} (kinds {@code package_json}, {@code pom},
 *       {@code cargo}, {@code pyproject}, {@code setup_cfg}) and a jar's {@code MANIFEST.MF} with
 *       {@link JarManifest} ({@code jar_manifest}); poms beside the jar ({@code ../A-V.pom}) or
 *       from a named repository ({@code maven-repository:G/A/V/A-V.pom}) speak for the root;
 *   <li>a licence file's text adds "any later version" ({@link LaterVersionWording}) and
 *       exceptions ({@link LicenseExceptions}, also from a file of its own) to the licences found
 *       in it; its "Third-Party Software Licenses" section is evidence only, as a NOTICE is; a
 *       file named for a part ({@link #isPartLicense}) is evidence when a manifest declares the
 *       licence, and counts with the others when none does;
 *   <li>the licence is the manifests' declared expression when there is one (it carries the
 *       OR/AND meaning that files cannot), else the AND of the licence files' licences, else what
 *       the README's licence section says (kind {@code readme});
 *   <li>conflict: manifests that disagree with each other, or a licence file whose licence is not
 *       in the declared expression (compared by family, so a GPL-3.0 text agrees with a declared
 *       {@code GPL-3.0-or-later}). On conflict the licence is the AND of every statement, so a
 *       policy sees all of them.
 * </ul>
 *
 * <p>Bad input (malformed manifests, binary text) gives less evidence, never an exception.
 * Immutable and thread-safe.
 */
public final class PackageLicenseResolver {
  /** Evidence kinds. */
  public static final String LICENSE_FILE = "license_file";
  public static final String SPDX_HEADER = "spdx_header";
  public static final String REUSE_SIDECAR = "reuse_sidecar";
  public static final String REUSE_TOML = "reuse_toml";
  /** A {@code .reuse/dep5} (Debian copyright-format) paragraph that covers the file. */
  public static final String REUSE_DEP5 = "reuse_dep5";
  public static final String README = "readme";
  /** A licence stated in prose in a source file's leading comment ({@link HeaderComment}). */
  public static final String FILE_HEADER = "file_header";
  /** Lowest confidence of a header-comment match that decides a file's licence. */
  static final double HEADER_MIN_CONFIDENCE = 0.75;

  private final LicenseTextMatcher matcher;
  private final SpdxHeaderScanner headers;

  private PackageLicenseResolver(LicenseTextMatcher matcher, SpdxHeaderScanner headers) {
    this.matcher = matcher;
    this.headers = headers;
  }

  /** A resolver using the shared {@link LicenseTextMatcher} and default header scanner. */
  public static PackageLicenseResolver create() {
    return new PackageLicenseResolver(LicenseTextMatcher.shared(), SpdxHeaderScanner.create());
  }

  /** A copy using {@code headers} for SPDX header lines. */
  public PackageLicenseResolver withHeaderScanner(SpdxHeaderScanner headers) {
    return new PackageLicenseResolver(matcher, requireNonNull(headers));
  }

  /** Statements found in one directory. */
  private static final class Dir {
    final List<Evidence> files = new ArrayList<>();
    final List<Evidence> notices = new ArrayList<>();
    /** Manifest statements; the same statement reached twice (a pom and its parent chain) counts once. */
    final Set<Evidence> declared = new LinkedHashSet<>();
    final List<Evidence> readme = new ArrayList<>();
    /** Licence exceptions stated in a file of their own (a CLASSPATH-EXCEPTION file). */
    final Set<LicenseExceptions.Entry> exceptions = new LinkedHashSet<>();
    /** Licence files named for a part of the package (LICENSE.DOCS, LICENSE-ASM, THIRD-PARTY-NOTICES). */
    final List<Evidence> partFiles = new ArrayList<>();

    boolean decides() {
      return !files.isEmpty() || !declared.isEmpty() || !readme.isEmpty() || !notices.isEmpty() || !partFiles.isEmpty();
    }
  }

  /** The package licence and per-directory licences of {@code pkg}. */
  public PackageLicense resolve(PackageFiles pkg) {
    Map<String, Dir> dirs = new TreeMap<>();
    Map<String, String> sidecars = new TreeMap<>();
    List<ReuseToml> reuse = new ArrayList<>();
    Map<String, String> files = pkg.files();
    for (Map.Entry<String, String> f : files.entrySet()) {
      String path = f.getKey();
      String text = f.getValue();
      PackageFiles.Kind kind = PackageFiles.kind(path);
      String dir = PackageFiles.scopeDir(path);
      switch (kind) {
        case LICENSES_DIR -> dirs.computeIfAbsent(PackageFiles.dir(dir), d -> new Dir()).files
            .add(licensesDirFile(path, text));
        case LICENSE_FILE -> {
          Dir d = dirs.computeIfAbsent(dir, x -> new Dir());
          // ICU's LICENSE: its own licence, then "Third-Party Software Licenses" of what it bundles
          int cut = thirdPartyCut(text);
          String own = cut < 0 ? text : text.substring(0, cut);
          if (cut >= 0) {
            d.notices.addAll(licenseFile(path, text.substring(cut))); // evidence only, as a NOTICE is
          }
          List<LicenseExceptions.Entry> exceptions = LicenseExceptions.inText(own);
          List<Evidence> found = licenseFile(path, own, exceptions);
          List<Evidence> bases = found.stream().filter(e -> e.spdx() != null && !e.spdx().startsWith("LicenseRef-")).toList();
          for (LicenseExceptions.Entry x : exceptions) {
            if (bases.stream().noneMatch(e -> LicenseExceptions.appliesTo(e.spdx(), x))) {
              d.exceptions.add(x); // the exception alone: it applies to the directory's licence
              found = new ArrayList<>(found);
              found.add(new Evidence(LICENSE_FILE, path, "exception: " + x.id(), null, null));
            }
          }
          if (PackageFiles.name(path).toLowerCase(Locale.ROOT).startsWith("notice")) {
            d.notices.addAll(found);
          } else if (isPartLicense(PackageFiles.name(path))) {
            d.partFiles.addAll(found);
          } else {
            d.files.addAll(found);
          }
        }
        case JAR_MANIFEST -> dirs.computeIfAbsent(dir, x -> new Dir()).declared
            .addAll(JarManifest.parse(text).licenseEvidence(path));
        case DEP5 -> reuse.add(ReuseToml.parseDep5(path, text));
        case PACKAGE_JSON -> dirs.computeIfAbsent(dir, x -> new Dir()).declared
            .addAll(PackageMetadata.packageJson(path, text));
        case POM -> dirs.computeIfAbsent(dir, x -> new Dir()).declared
            .addAll(PackageMetadata.pom(path, p -> Optional.ofNullable(files.get(p))));
        case CARGO -> dirs.computeIfAbsent(dir, x -> new Dir()).declared.addAll(PackageMetadata.cargo(path, text));
        case PYPROJECT -> dirs.computeIfAbsent(dir, x -> new Dir()).declared
            .addAll(PackageMetadata.pyproject(path, text));
        case SETUP_CFG -> dirs.computeIfAbsent(dir, x -> new Dir()).declared
            .addAll(PackageMetadata.setupCfg(path, text));
        case README -> dirs.computeIfAbsent(dir, x -> new Dir()).readme.addAll(ReadmeLicense.read(path, text, matcher));
        case SIDECAR -> sidecars.put(path, text);
        case REUSE_TOML -> reuse.add(ReuseToml.parse(path, text));
        default -> { }
      }
    }
    // parents before their subdirectories (a directory sorts before what it holds)
    TreeMap<String, License> scopes = new TreeMap<>();
    for (Map.Entry<String, Dir> e : dirs.entrySet()) {
      if (e.getValue().decides()) {
        License l = decide(e.getValue());
        License enclosing = evidenceOnly(e.getValue()) ? enclosing(scopes, e.getKey()) : null;
        if (enclosing != null && enclosing.spdx() != null) {
          // a NOTICE, or a file named for a part that names no licence (a list of bundled dependencies,
          // as @nextcloud/files' dist/vendor.LICENSE.txt): evidence; the directory keeps the licence around it
          List<Evidence> evidence = new ArrayList<>(l.evidence());
          enclosing.evidence().stream().filter(x -> !evidence.contains(x)).forEach(evidence::add);
          l = new License(enclosing.spdx(), evidence, enclosing.conflict());
        }
        if (l.spdx() != null || !l.evidence().isEmpty()) {
          scopes.put(e.getKey(), l);
        }
      }
    }
    // Deepest REUSE.toml first: a nested one governs its subtree.
    reuse.sort((a, b) -> Integer.compare(PackageFiles.depth(b.location()), PackageFiles.depth(a.location())));
    return new PackageLicense(ImmutableSortedMap.copyOf(scopes), ImmutableSortedMap.copyOf(sidecars), ImmutableList.copyOf(reuse));
  }

  /**
   * True when a directory states no licence of its own: only NOTICE files (evidence only) and files
   * named for a part that matched no licence.
   */
  private static boolean evidenceOnly(Dir d) {
    return d.files.isEmpty() && d.declared.isEmpty() && d.readme.isEmpty() && d.exceptions.isEmpty()
        && d.partFiles.stream().allMatch(e -> LicenseMatch.UNKNOWN_LICENSE_REF.equals(e.spdx())
            && e.confidence() != null && e.confidence() <= UNMATCHED_FILE_CONFIDENCE);
  }

  /** The licence of the nearest directory above {@code dir} among {@code scopes}, or null. */
  private static License enclosing(Map<String, License> scopes, String dir) {
    String d = dir;
    while (!d.isEmpty()) {
      d = PackageFiles.dir(d);
      License l = scopes.get(d);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  private Evidence licensesDirFile(String path, String text) {
    String name = PackageFiles.name(path);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    SpdxExpression byName = SpdxExpression.parse(stem);
    if (byName.isValid() && !stem.startsWith("LicenseRef-")) {
      return new Evidence(LICENSE_FILE, path, "LICENSES/" + name, byName.normalized().orElseThrow(), 1.0);
    }
    List<Evidence> matched = licenseFile(path, text);
    for (Evidence e : matched) {
      if (e.spdx() != null && !e.spdx().startsWith("LicenseRef-")) {
        return e;
      }
    }
    return new Evidence(LICENSE_FILE, path, "LICENSES/" + name, byName.isValid() ? stem : null, byName.isValid() ? 0.5 : null);
  }

  private List<Evidence> licenseFile(String path, String text) {
    return licenseFile(path, text, null);
  }

  /** The licences of a licence file; {@code exceptions} are those its text states (null: not looked for yet). */
  private List<Evidence> licenseFile(String path, String text, List<LicenseExceptions.Entry> exceptions) {
    List<Evidence> out = new ArrayList<>();
    for (LicenseMatch m : matcher.match(text)) {
      String spdx = m.spdx();
      String method = m.method();
      if (m.isListed()) {
        // what the text adds to the licence it holds: "or (at your option) any later version", an exception
        String later = LaterVersionWording.apply(spdx, text);
        if (!later.equals(spdx)) {
          method += "+later_version_offer";
          spdx = later;
        }
        exceptions = exceptions == null ? LicenseExceptions.inText(text) : exceptions;
        for (LicenseExceptions.Entry x : exceptions) {
          if (LicenseExceptions.appliesTo(spdx, x)) {
            spdx = LicenseExceptions.attach(spdx, x);
            method += "+" + x.id();
          }
        }
      }
      out.add(new Evidence(LICENSE_FILE, path, method + ": " + title(text), spdx, m.confidence()));
    }
    if (out.isEmpty() && hasTerms(text)) {
      // A licence file we cannot read as any licence still says "there are terms": unknown, not none.
      // A PATENTS file is an extra grant with its own terms: it counts beside a known licence.
      boolean patents = PackageFiles.name(path).toLowerCase(Locale.ROOT).startsWith("patents");
      out.add(new Evidence(LICENSE_FILE, path, "unmatched: " + title(text), LicenseMatch.UNKNOWN_LICENSE_REF,
          patents ? LicenseTextMatcher.UNKNOWN_CONFIDENCE : UNMATCHED_FILE_CONFIDENCE));
    }
    return out;
  }

  private static final java.util.regex.Pattern THIRD_PARTY_HEADING = java.util.regex.Pattern.compile(
      "(?im)^[ \\t#*=_-]*(?:third[- ]party (?:software )?(?:licen[cs]es|notices)|licen[cs]es? (?:of|for) (?:bundled|third[- ]party) [^\\n]*)[ \\t:#*=_-]*$");
  /** Fewest characters before a third-party heading for the text before it to be a licence of its own. */
  static final int MIN_OWN_CHARS = 200;

  /**
   * Where a licence file's section of bundled third-party licences begins (a line "Third-Party
   * Software Licenses", "Third party notices", "Licenses of bundled ..."), or -1: the text before
   * it is the package's licence, the section a file-level fact like a {@code third_party/x/LICENSE}.
   */
  static int thirdPartyCut(String text) {
    if (text.indexOf("hird", MIN_OWN_CHARS) < 0 && text.indexOf("HIRD", MIN_OWN_CHARS) < 0
        && text.indexOf("undled", MIN_OWN_CHARS) < 0) {
      return -1; // no heading can follow: most licence files, at the cost of two scans
    }
    java.util.regex.Matcher m = THIRD_PARTY_HEADING.matcher(text);
    while (m.find()) {
      if (m.start() >= MIN_OWN_CHARS) {
        return m.start();
      }
    }
    return -1;
  }

  /** Confidence of a licence file that matched nothing. */
  static final double UNMATCHED_FILE_CONFIDENCE = 0.1;

  /** True when {@code text} has a line of three or more words that is not a copyright line. */
  static boolean hasTerms(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    int start = 0;
    int lines = 0;
    while (start < text.length() && lines++ < 200) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (!LicenseWords.isCopyrightLine(text, start, end)) {
        int[] words = {0};
        LicenseWords.forEachWord(text.subSequence(start, end), w -> words[0]++);
        if (words[0] >= 3) {
          return true;
        }
      }
      start = end + 1;
    }
    return false;
  }

  private static String title(String text) {
    for (String line : text.split("\n", 20)) {
      String l = line.replaceAll("[#*=_\\-\\s]+", " ").strip();
      if (!l.isEmpty()) {
        return l.length() <= 100 ? l : l.substring(0, 97) + "...";
      }
    }
    return "";
  }

  private static License decide(Dir d) {
    List<Evidence> evidence = new ArrayList<>();
    evidence.addAll(d.declared);
    evidence.addAll(d.files);
    evidence.addAll(d.notices);
    evidence.addAll(d.readme);
    evidence.addAll(d.partFiles);

    List<String> declared = distinctSpdx(List.copyOf(d.declared), false);
    // Listed licences, plus unknown licence wording (the matcher's license_words, confidence 0.3:
    // extra terms such as a patent grant); a file that merely matched nothing counts only alone.
    List<String> fileIds = distinctSpdx(
        d.files.stream().filter(e -> e.confidence() == null || e.confidence() > UNMATCHED_FILE_CONFIDENCE).toList(),
        false);
    if (fileIds.isEmpty()) {
      fileIds = distinctSpdx(d.files, false);
    }
    if (declared.isEmpty() && !d.partFiles.isEmpty()) {
      // nothing declares the package's licence: a file named for a part may be about all of it,
      // so it counts with the others (their AND), as the stricter reading
      List<Evidence> all = new ArrayList<>(d.files);
      all.addAll(d.partFiles);
      fileIds = distinctSpdx(all.stream().filter(e -> e.confidence() == null || e.confidence() > UNMATCHED_FILE_CONFIDENCE).toList(), false);
      if (fileIds.isEmpty()) {
        fileIds = distinctSpdx(all, false);
      }
    }
    fileIds = withExceptions(fileIds, d.exceptions);
    // a licence file's exception the declaration leaves out (pom "GPL-2.0", LICENSE GPL-2.0 + Classpath)
    Set<LicenseExceptions.Entry> fileExceptions = new LinkedHashSet<>(d.exceptions);
    for (String f : fileIds) {
      for (String x : SpdxExpression.parse(f).exceptionIds()) {
        LicenseExceptions.entries().stream().filter(e -> e.id().equals(x)).forEach(fileExceptions::add);
      }
    }
    declared = withExceptions(declared, fileExceptions);
    if (!declared.isEmpty()) {
      boolean conflict = false;
      Set<String> declaredFamilies = new LinkedHashSet<>();
      Set<Set<String>> declaredSets = new LinkedHashSet<>();
      for (String expr : declared) {
        Set<String> fam = families(expr);
        declaredSets.add(fam);
        declaredFamilies.addAll(fam);
      }
      conflict = declaredSets.size() > 1;
      List<String> parts = new ArrayList<>(declared);
      for (String f : fileIds) {
        if (f.startsWith("LicenseRef-")) {
          continue; // licence-like text we cannot name: not evidence against the declaration
        }
        if (!declaredFamilies.containsAll(families(f))) {
          conflict = true;
          parts.add(f);
        }
      }
      String expr = conflict ? and(parts) : declared.get(0);
      return new License(expr, evidence, conflict);
    }
    if (!fileIds.isEmpty()) {
      List<String> ids = dedupeFamilies(fileIds);
      // LGPL-3.0 is GPL-3.0 plus permissions; its packages ship both texts.
      if (ids.stream().anyMatch(i -> i.startsWith("LGPL-3.0"))) {
        ids.removeIf(i -> i.startsWith("GPL-3.0"));
      }
      return new License(and(ids), evidence, false);
    }
    List<String> readme = distinctSpdx(d.readme, false);
    if (!readme.isEmpty()) {
      return new License(and(readme), evidence, false);
    }
    return new License(null, evidence, false);
  }

  /** Each expression with every exception in {@code exceptions} that applies to it attached. */
  private static List<String> withExceptions(List<String> exprs, Set<LicenseExceptions.Entry> exceptions) {
    if (exceptions.isEmpty()) {
      return exprs;
    }
    List<String> out = new ArrayList<>();
    for (String e : exprs) {
      String x = e;
      for (LicenseExceptions.Entry ex : exceptions) {
        if (LicenseExceptions.appliesTo(x, ex) && !SpdxExpression.parse(x).exceptionIds().contains(ex.id())) {
          x = LicenseExceptions.attach(x, ex);
        }
      }
      if (!out.contains(x)) {
        out.add(x);
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern LICENSE_STEM =
      java.util.regex.Pattern.compile("(?i)(?:un)?licen[cs]e|copying|copyright|copyleft|legal|patents|mit-license");
  private static final java.util.regex.Pattern LICENSE_QUALIFIER = java.util.regex.Pattern.compile(
      "(?i)(?:[-_. ]?(?:mit|apache|apache-?2(?:\\.0)?|bsd|isc|gpl|lgpl|agpl|mpl|epl|edl|cddl|lesser|lib|gplv?\\d|v?\\d(?:\\.\\d)?))*"
          + "(?:\\.(?:txt|md|markdown|rst|html?|adoc))?");

  /**
   * True for a licence file named for a part of the package rather than the package: {@code
   * LICENSE.DOCS}, {@code LICENSE-ASM.txt}, {@code THIRD-PARTY-LICENSE}, {@code LICENSE_bundled};
   * not {@code LICENSE}, {@code LICENSE.txt}, {@code COPYING.LESSER}, {@code LICENSE-MIT},
   * {@code LICENSE-APACHE-2.0} or {@code LICENSE-EDL-1.0.txt} (named for a licence: a
   * dual-licensed package's texts). When a manifest declares the package's licence, such a file
   * is evidence, not part of the package's expression; when nothing declares it, it counts with
   * the other licence files.
   */
  static boolean isPartLicense(String name) {
    java.util.regex.Matcher stem = LICENSE_STEM.matcher(name);
    if (!stem.lookingAt()) {
      return true; // THIRD-PARTY-LICENSE, ThirdPartyNotices.txt: named for something else first
    }
    String rest = name.substring(stem.end());
    if (LICENSE_QUALIFIER.matcher(rest).matches()) {
      return false;
    }
    // LICENSE-EPL-1.0.txt, LICENSE.BSD-3-Clause: named for a licence, one of a dual-licensed package's texts
    String qualifier = rest.replaceFirst("(?i)\\.(txt|md|markdown|rst|html?|adoc)$", "").replaceFirst("^[-_. ]+", "");
    return qualifier.isEmpty() || !(SpdxLicenseList.get().licenseId(qualifier).isPresent()
        || LicenseNames.get().toSpdx(qualifier.replace('_', ' ')).isPresent());
  }

  /** File-level licence of {@code path} (text = its content) inside the resolved package. */
  public License forFile(String path, String text, PackageLicense pkg) {
    String p = PackageFiles.normalize(requireNonNull(path, "path"));
    List<Evidence> own = new ArrayList<>();
    List<String> headerExprs = new ArrayList<>();
    for (SpdxHeaderScanner.Header h : headers.scan(text)) {
      String spdx = h.expression().normalized().orElse(null);
      own.add(new Evidence(SPDX_HEADER, p + ":" + h.line(), h.value(), spdx, spdx == null ? null : 1.0));
      if (spdx != null) {
        headerExprs.add(spdx);
      }
    }
    List<String> sidecarExprs = new ArrayList<>();
    Optional<String> sidecar = pkg.sidecar(p);
    if (sidecar.isPresent()) {
      for (SpdxHeaderScanner.Header h : headers.withMaxLines(10_000).scan(sidecar.get())) {
        String spdx = h.expression().normalized().orElse(null);
        own.add(new Evidence(REUSE_SIDECAR, p + ".license:" + h.line(), h.value(), spdx, spdx == null ? null : 1.0));
        if (spdx != null) {
          sidecarExprs.add(spdx);
        }
      }
    }
    Optional<ReuseToml.Annotation> annotation = Optional.empty();
    String annotationAt = null;
    ReuseToml annotationFrom = null;
    for (ReuseToml r : pkg.reuse()) {
      String rdir = r.baseDir();
      if (!rdir.isEmpty() && !p.startsWith(rdir + "/")) {
        continue;
      }
      annotation = r.lookup(p);
      if (annotation.isPresent()) {
        annotationAt = r.location();
        annotationFrom = r;
        break;
      }
    }
    String reuseExpr = null;
    if (annotation.isPresent()) {
      ReuseToml.Annotation a = annotation.get();
      reuseExpr = a.expression().normalized().orElse(null);
      own.add(new Evidence(annotationFrom.evidenceKind(), annotationAt, String.join(", ", a.globs()) + " = " + a.value()
          + " (" + a.precedence().name().toLowerCase(Locale.ROOT) + ")", reuseExpr, reuseExpr == null ? null : 1.0));
    }

    // a licence stated in prose in the leading comment, when no tag, sidecar or REUSE entry says it
    if (headerExprs.isEmpty() && sidecarExprs.isEmpty() && annotation.isEmpty()) {
      for (LicenseMatch m : headerMatches(text)) {
        own.add(new Evidence(FILE_HEADER, p, m.method() + ": leading comment", m.spdx(), m.confidence()));
        headerExprs.add(m.spdx());
      }
    }

    // REUSE: a sidecar replaces the file's own header.
    List<String> fileExprs = !sidecarExprs.isEmpty() ? sidecarExprs : headerExprs;
    boolean conflict = !sidecarExprs.isEmpty() && !headerExprs.isEmpty()
        && !families(and(sidecarExprs)).equals(families(and(headerExprs)));
    String expr;
    License scope = pkg.scopeFor(PackageFiles.dir(p));
    if (reuseExpr != null && annotation.get().precedence() == ReuseToml.Precedence.OVERRIDE) {
      expr = reuseExpr;
    } else if (reuseExpr != null && annotation.get().precedence() == ReuseToml.Precedence.AGGREGATE) {
      List<String> all = new ArrayList<>(fileExprs);
      all.add(reuseExpr);
      expr = and(all);
    } else if (!fileExprs.isEmpty()) {
      expr = and(fileExprs);
    } else if (reuseExpr != null) {
      expr = reuseExpr;
    } else {
      expr = scope.spdx();
      conflict |= scope.conflict();
    }
    List<Evidence> evidence = new ArrayList<>(own);
    evidence.addAll(scope.evidence());
    License declared = pkg.declared();
    if (declared != scope) {
      // a file under a subtree's own licence: the package's statements are evidence too
      declared.evidence().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
    }
    return new License(expr, evidence, conflict, declared.spdx());
  }

  /** Listed licences the leading comment of {@code text} states with enough confidence. */
  private List<LicenseMatch> headerMatches(String text) {
    String comment = HeaderComment.of(text);
    if (comment.isEmpty() || LicenseTextMatcher.hasNoLicenseCue(comment)) {
      return List.of();
    }
    // one package's files mostly share one header once copyright lines are gone: the matcher's
    // memo answers the repeats
    List<LicenseMatch> found = new ArrayList<>();
    for (LicenseMatch m : matcher.match(comment)) {
      if (m.isListed() && m.confidence() >= HEADER_MIN_CONFIDENCE) {
        found.add(m);
      }
    }
    return found;
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static List<String> distinctSpdx(List<Evidence> ev, boolean listedOnly) {
    Set<String> out = new LinkedHashSet<>();
    for (Evidence e : ev) {
      if (e.spdx() != null && (!listedOnly || !e.spdx().startsWith("LicenseRef-"))) {
        out.add(e.spdx());
      }
    }
    return new ArrayList<>(out);
  }

  private static List<String> dedupeFamilies(List<String> ids) {
    List<String> out = new ArrayList<>();
    Set<Set<String>> seen = new LinkedHashSet<>();
    for (String id : ids) {
      if (seen.add(families(id))) {
        out.add(id);
      }
    }
    return out;
  }

  /** Licence ids of an expression with version-range suffixes removed (GPL-3.0-or-later → GPL-3.0). */
  static Set<String> families(String expr) {
    Set<String> out = new LinkedHashSet<>();
    for (String id : SpdxExpression.parse(expr).licenseIds()) {
      out.add(family(id));
    }
    if (out.isEmpty()) {
      out.add(expr);
    }
    return out;
  }

  static String family(String id) {
    return id.replaceAll("(-only|-or-later|\\+)$", "");
  }

  private static String and(List<String> exprs) {
    if (exprs.size() == 1) {
      return exprs.get(0);
    }
    List<SpdxExpression> parsed = new ArrayList<>();
    for (String e : exprs) {
      SpdxExpression x = SpdxExpression.parse(e);
      if (!x.isValid()) {
        return String.join(" AND ", exprs);
      }
      parsed.add(x);
    }
    return SpdxExpression.and(parsed).normalized().orElse(String.join(" AND ", exprs));
  }
}
