package org.provenant.filters.license.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.provenant.filters.code.CodePackageReader;
import org.provenant.filters.code.CodeReadLimits;
import org.provenant.filters.code.PackageContents;
import org.provenant.filters.code.PackageLicensing;
import org.provenant.filters.license.LicenseNames;
import org.provenant.filters.license.LicensePolicy;
import org.provenant.filters.license.MavenRepository;
import org.provenant.filters.license.MavenRepositoryLayout;
import org.provenant.filters.license.PackageFiles;
import org.provenant.filters.license.PackageLicense;
import org.provenant.filters.license.PackageLicenseResolver;
import org.provenant.filters.license.SpdxExpression;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.ReadSink;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;
import org.provenant.schemas.Rejection;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Agreement of Provenant's licence detection with the licence packages DECLARE in their registry
 * (npm {@code license} of {@code /NAME/latest}; Maven {@code <licenses>} of the nearest pom up the
 * parent chain on Central). Input: the directory {@code filters/bench/fetch-declared-packages.sh}
 * fills ({@code manifest.tsv}).
 *
 * <p>Each archive is read by {@link CodePackageReader} with a licensing that does what the
 * pipeline's {@code SpdxPackageLicensing} does ({@link PackageLicenseResolver} over the package-level
 * files, then {@code forFile}) and, beside it, the same with the manifests ({@code package.json},
 * {@code pom.xml}, {@code Cargo.toml}, {@code pyproject.toml}, {@code setup.cfg}) removed from the
 * package-level files: "files only" (licence files, READMEs, REUSE, headers). The package-level
 * licence is what a file without a header at the top of the package gets (the root scope, or the
 * single top directory's, e.g. npm's {@code package/}).
 *
 * <p>Classes: {@code exact} (same expression, operand order and case ignored, GNU {@code X} read as
 * {@code X-only}), {@code same-ids} (same set of ids, operators differ), {@code same-families}
 * (same ids once {@code -only}/{@code -or-later} are dropped), {@code superset} (Provenant found
 * the declared ids and more), {@code mismatch}, {@code unknown} (no expression or only {@code
 * LicenseRef-}), {@code declared-unmapped} (the declaration is not SPDX-mappable).
 *
 * <p>Copyleft leak check: files the default policy ({@link LicensePolicy#permissive()}) keeps in
 * a package whose declared expression names a copyleft id; split by whether copyleft is mandatory
 * (in every OR alternative) and whether the file carries its own licence statement.
 *
 * <p>The declared side goes through {@code LicenseNames} and {@code SpdxExpression} (see {@code
 * mapName}), the code that also reads the manifests for Provenant's answer: not independent
 * evidence. {@link IndependentRegistryAgreement} recomputes the package-level rows from this
 * class's TSV with a declared side of its own.
 *
 * <p>Run: {@code java -cp $CP org.provenant.filters.license.bench.RegistryAgreement WORK_DIR
 * [OUT.tsv]}.
 */
public final class RegistryAgreement {
  private RegistryAgreement() {}

  private static final Set<String> MANIFESTS = Set.of("package.json", "pom.xml", "cargo.toml", "pyproject.toml", "setup.cfg");
  private static final Pattern COPYLEFT = Pattern.compile(
      "^(A?GPL|LGPL|MPL|EPL|CDDL|EUPL|CC-BY-SA|OSL|CPL|SSPL|Sleepycat|CECILL|MS-RL|ODbL|OFL|RPL|QPL|NPL|SPL|Artistic-1)"
          + ".*");
  private static final Set<String> OWN_KINDS = Set.of(PackageLicenseResolver.SPDX_HEADER,
      PackageLicenseResolver.FILE_HEADER, PackageLicenseResolver.REUSE_SIDECAR, PackageLicenseResolver.REUSE_TOML);

  /** Maven licence names / URLs that LicenseNames does not know (checked by hand). */
  private static final Map<String, String> EXTRA = Map.ofEntries(
      Map.entry("gplv2 with classpath exception", "GPL-2.0-only WITH Classpath-exception-2.0"),
      Map.entry("gpl2 w/ cpe", "GPL-2.0-only WITH Classpath-exception-2.0"),
      Map.entry("gnu general public license (gpl), version 2, with the classpath exception",
          "GPL-2.0-only WITH Classpath-exception-2.0"),
      Map.entry("gpl-2.0-with-classpath-exception", "GPL-2.0-only WITH Classpath-exception-2.0"),
      Map.entry("cddl + gplv2 with classpath exception", "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0"),
      Map.entry("cddl/gplv2+ce", "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0"),
      Map.entry("the gnu general public license, v2 with universal foss exception, v1.0",
          "GPL-2.0-only WITH Universal-FOSS-exception-1.0"),
      Map.entry("bouncy castle licence", "MIT"),
      Map.entry("eclipse distribution license - v 1.0", "BSD-3-Clause"),
      Map.entry("edl 1.0", "BSD-3-Clause"),
      Map.entry("eclipse distribution license v. 1.0", "BSD-3-Clause"),
      Map.entry("hsqldb license, a bsd open source license", "BSD-3-Clause"),
      Map.entry("public domain", "LicenseRef-provenant-public-domain"),
      Map.entry("gnu affero general public license v3", "AGPL-3.0-only"),
      Map.entry("unicode/icu license", "Unicode-3.0"),
      Map.entry("universal permissive license, version 1.0", "UPL-1.0"),
      Map.entry("the gnu general public license (gpl), version 2, with classpath exception",
          "GPL-2.0-only WITH Classpath-exception-2.0"),
      Map.entry("gnu lesser general public license version 2.1, february 1999", "LGPL-2.1-only"),
      // npm: not an SPDX id, but unambiguous
      Map.entry("bsd-0-clause", "0BSD"));

  /** One package's result. */
  record Row(String eco, String coords, String declaredRaw, String declared, String withMeta, String withMetaClass,
      String filesOnly, String filesOnlyClass, String withPom, String withPomClass, int files, int kept,
      int filesAgree, String perFile, String metaEvidence) {}

  public static void main(String[] args) throws Exception {
    Path work = Paths.get(args.length > 0 ? args[0] : "/work/bench-data/declared");
    Path outTsv = args.length > 1 ? Paths.get(args[1]) : work.resolve("agreement.tsv");
    List<String> manifest = Files.readAllLines(work.resolve("manifest.tsv"));
    LicensePolicy policy = LicensePolicy.permissive();
    List<Row> rows = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    Set<String> unmapped = new TreeSet<>();
    int[] leakCounts = new int[4]; // [mandatory own, mandatory package-level, optional own, optional package-level]
    // WORK_DIR/m2 (the fetched poms in repository layout): the third column is then the flat jar read
    // with read.code.maven_repository naming it, through MavenRepository, as the pipeline does
    MavenRepository repository = Files.isDirectory(work.resolve("m2")) ? MavenRepository.directory(work.resolve("m2")) : null;
    Map<String, Integer> perFileTotal = new TreeMap<>();
    Map<String, Integer> defaultLeaks = new TreeMap<>();
    for (String line : manifest) {
      String[] f = line.split("\t");
      String eco = f[0];
      Path archive = work.resolve(f[1]);
      String coords = f[3];
      Declared d = eco.equals("npm") ? npmDeclared(work.resolve(f[2])) : mavenDeclared(f[2].equals("-") ? null : work.resolve(f[2]));
      if (d.spdx == null) {
        unmapped.add(coords + ": " + d.raw);
      }
      Probe probe = eco.equals("maven") && repository != null ? new Probe(repository)
          : new Probe(eco.equals("maven") ? besidePoms(archive, coords, work.resolve("poms")) : Map.of());
      Map<String, Integer> perFile = new TreeMap<>();
      int[] counts = new int[3];
      Map<String, int[]> pkgLeaks = new TreeMap<>();
      Map<String, String> leakExample = new HashMap<>();
      boolean copyleft = d.spdx != null && mentionsCopyleft(d.spdx);
      boolean mandatory = d.spdx != null && mandatoryCopyleft(SpdxExpression.parse(d.spdx).root().orElse(null));
      boolean proprietary = d.spdx == null && d.raw != null && d.raw.toUpperCase(Locale.ROOT).matches("(SEE LICEN[CS]E IN|UNLICENSED|PROPRIETARY).*");
      ReadSink sink = new ReadSink() {
        @Override
        public void candidate(Candidate c) {
          counts[0]++;
          String spdx = String.valueOf(c.license() == null ? null : c.license().spdx());
          perFile.merge(spdx, 1, Integer::sum);
          perFileTotal.merge(spdx, 1, Integer::sum);
          String fc = classify(d.spdx, c.license() == null ? null : c.license().spdx());
          if (fc.equals("exact") || fc.equals("same-ids") || fc.equals("same-families")) {
            counts[2]++;
          }
          // the default run: license_policy, permissive, scope package (the file's licence and its package's)
          boolean keptByDefault = policy.judge(c.license()).kept() && c.license().packageSpdx() != null
              && policy.judgeExpression(c.license().packageSpdx()).kept();
          if (keptByDefault && (mandatory || proprietary)) {
            defaultLeaks.merge(coords + " (declared " + d.spdx + ")", 1, Integer::sum);
          }
          if (policy.judge(c.license()).kept()) {
            counts[1]++;
            if (copyleft) {
              boolean own = c.license().evidence().stream().anyMatch(e -> OWN_KINDS.contains(e.kind())
                  && e.location().startsWith(c.source().path()));
              leakCounts[(mandatory ? 0 : 2) + (own ? 0 : 1)]++;
              String key = String.format("  KEPT in %s (declared %s, copyleft %s): as %s, %s", coords, d.spdx,
                  mandatory ? "MANDATORY" : "optional", spdx,
                  own ? "own statement " + ownStatements(c.license()) : "package-level licence");
              pkgLeaks.computeIfAbsent(key, k -> new int[1])[0]++;
              leakExample.putIfAbsent(key, c.source().path());
            }
          }
        }

        @Override
        public void rejected(Rejection r) {}
      };
      new CodePackageReader(CodeReadLimits.DEFAULTS, probe).readArchive(archive.toString(), CodePackageReader.Opener.localFile(archive), sink);
      String a = probe.packageLevel(Variant.ARCHIVE);
      String b = probe.packageLevel(Variant.FILES_ONLY);
      String perFileTop = perFile.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(4)
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
      String pomVariant = probe.packageLevel(Variant.REGISTRY_POM);
      rows.add(new Row(eco, coords, d.raw, d.spdx, a, classify(d.spdx, a), b, classify(d.spdx, b),
          pomVariant == null && !eco.equals("maven") ? "-" : pomVariant, eco.equals("maven") ? classify(d.spdx, pomVariant) : "-",
          counts[0], counts[1], counts[2], perFileTop, probe.metaEvidence()));
      pkgLeaks.forEach((k, n) -> leaks.add(k + ": " + n[0] + " files, e.g. " + leakExample.get(k)));
    }
    report(rows, leaks, leakCounts, unmapped, perFileTotal, outTsv);
    System.out.printf("%nKEPT BY THE DEFAULT POLICY (permissive, scope package) in packages whose declared licence is copyleft"
        + " in every alternative, or proprietary / SEE LICENSE IN: %d files%n", defaultLeaks.values().stream().mapToInt(Integer::intValue).sum());
    defaultLeaks.forEach((k, n) -> System.out.println("  " + k + ": " + n));
  }

  // ---- the licensing probe ----------------------------------------------------------------------

  /** Does what SpdxPackageLicensing does, and records the package-level licence with and without manifests. */
  enum Variant { ARCHIVE, FILES_ONLY, REGISTRY_POM }

  /**
   * What the pipeline reads beside the jar when the jar sits in a Maven repository layout with its
   * pom and its parents' ({@link MavenRepositoryLayout#poms}), served from {@code poms/G:A:V.pom}.
   */
  static Map<String, String> besidePoms(Path archive, String gav, Path poms) {
    return MavenRepositoryLayout.poms(archive.getFileName().toString(), rel -> {
      String name;
      if (!rel.contains("/")) {
        name = gav;
      } else {
        List<String> parts = new ArrayList<>(List.of(rel.split("/")));
        parts.removeIf(x -> x.equals(".."));
        if (parts.size() < 4) {
          return Optional.empty();
        }
        int n = parts.size();
        name = String.join(".", parts.subList(0, n - 3)) + ":" + parts.get(n - 3) + ":" + parts.get(n - 2);
      }
      try {
        Path p = poms.resolve(name + ".pom");
        return Files.exists(p) ? Optional.of(Files.readString(p)) : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  static final class Probe implements PackageLicensing {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> extraPom;
    private transient PackageLicense withPom;

    private final transient MavenRepository repository;

    Probe(Map<String, String> extraPom) {
      this.extraPom = extraPom;
      this.repository = null;
    }

    /** A probe whose third variant looks the jar's poms up in {@code repository} from its own files and name. */
    Probe(MavenRepository repository) {
      this.extraPom = Map.of();
      this.repository = repository;
    }
    private final transient PackageLicenseResolver resolver = PackageLicenseResolver.create();
    private transient PackageContents last;
    private transient PackageLicense withMeta;
    private transient PackageLicense filesOnly;

    @Override
    public boolean isPackageLevel(String path) {
      return PackageFiles.isPackageLevel(path);
    }

    @Override
    public License licenseFor(PackageContents pkg, String path, String text) {
      if (pkg != last) {
        last = pkg;
        withMeta = resolver.resolve(PackageFiles.of(pkg.files()));
        Map<String, String> noMeta = new LinkedHashMap<>();
        pkg.files().forEach((p, t) -> {
          if (!MANIFESTS.contains(p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT))) {
            noMeta.put(p, t);
          }
        });
        filesOnly = resolver.resolve(PackageFiles.of(noMeta));
        Map<String, String> outside = repository != null ? repository.poms(pkg.archiveName(), pkg.files()) : extraPom;
        if (!outside.isEmpty() || repository != null) {
          Map<String, String> plus = new TreeMap<>(pkg.files());
          plus.putAll(outside); // the poms beside the jar or in the named repository, as ReadInputs reads them
          withPom = resolver.resolve(PackageFiles.of(plus));
        }
      }
      int slash = path.indexOf('/');
      tops.add(slash < 0 ? "" : path.substring(0, slash + 1));
      // with a named repository, files get what the pipeline gives them with read.code.maven_repository
      return resolver.forFile(path, text, repository != null && withPom != null ? withPom : withMeta);
    }

    /** Top-level directories ("" for a file at the root) of every path seen. */
    private final transient Set<String> tops = new TreeSet<>();

    /** The single top directory of every file (npm's package/), else "". */
    private String top() {
      return tops.size() == 1 ? tops.iterator().next() : "";
    }

    /** What a header-less file at the top of the package gets. */
    String packageLevel(Variant v) {
      PackageLicense p = switch (v) {
        case ARCHIVE -> withMeta;
        case FILES_ONLY -> filesOnly;
        case REGISTRY_POM -> withPom;
      };
      if (p == null) {
        return null;
      }
      String probe = top() + "provenant-probe.txt";
      return resolver.forFile(probe, "", p).spdx();
    }

    String metaEvidence() {
      if (withMeta == null) {
        return "";
      }
      String probe = top() + "provenant-probe.txt";
      return resolver.forFile(probe, "", withMeta).evidence().stream()
          .map(e -> e.kind() + ":" + e.location().replaceFirst("^.*/", "") + "=" + e.spdx())
          .distinct().collect(Collectors.joining(" "));
    }
  }

  private static String ownStatements(License l) {
    return l.evidence().stream().filter(e -> OWN_KINDS.contains(e.kind()))
        .map(e -> e.kind() + "=" + e.spdx()).distinct().collect(Collectors.joining(", "));
  }


  // ---- declared licences ------------------------------------------------------------------------

  record Declared(String raw, String spdx) {}

  static Declared npmDeclared(Path json) throws IOException {
    JsonNode n = new ObjectMapper().readTree(json.toFile());
    List<String> raws = new ArrayList<>();
    JsonNode lic = n.get("license");
    if (lic != null && lic.isTextual()) {
      raws.add(lic.asText());
    } else if (lic != null && lic.isObject() && lic.has("type")) {
      raws.add(lic.get("type").asText());
    }
    JsonNode arr = n.get("licenses");
    if (raws.isEmpty() && arr != null && arr.isArray()) {
      for (JsonNode x : arr) {
        raws.add(x.isObject() ? x.path("type").asText() : x.asText());
      }
    }
    if (raws.isEmpty()) {
      return new Declared("(none)", null);
    }
    return combine(raws, raws.stream().map(r -> mapName(r, "")).toList());
  }

  static Declared mavenDeclared(Path pom) throws Exception {
    if (pom == null) {
      return new Declared("(no pom with <licenses>)", null);
    }
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(pom.toFile());
    List<String> raws = new ArrayList<>();
    List<String> mapped = new ArrayList<>();
    Element licenses = child(doc.getDocumentElement(), "licenses");
    NodeList list = licenses == null ? null : licenses.getChildNodes();
    for (int i = 0; list != null && i < list.getLength(); i++) {
      if (list.item(i) instanceof Element l && l.getTagName().equals("license")) {
        String name = text(child(l, "name"));
        String url = text(child(l, "url"));
        raws.add(name + (url.isEmpty() ? "" : " <" + url + ">"));
        mapped.add(mapName(name, url));
      }
    }
    return combine(raws, mapped);
  }

  /** Several declared licences are read as a choice (OR): the npm and Maven convention for dual licensing. */
  private static Declared combine(List<String> raws, List<String> mapped) {
    String raw = String.join(" | ", raws);
    if (mapped.contains(null)) {
      return new Declared(raw, null);
    }
    List<String> distinct = mapped.stream().distinct().toList();
    String expr = distinct.size() == 1 ? distinct.get(0)
        : distinct.stream().map(e -> "(" + e + ")").collect(Collectors.joining(" OR "));
    SpdxExpression e = SpdxExpression.parse(expr);
    return new Declared(raw, e.isValid() ? canon(e) : null);
  }

  private static String mapName(String name, String url) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (EXTRA.containsKey(key)) {
      return EXTRA.get(key);
    }
    if (key.startsWith("see license in") || key.equals("unlicensed")) {
      return null;
    }
    Optional<String> m = LicenseNames.get().toSpdx(name);
    if (m.isEmpty() && !url.isEmpty()) {
      m = LicenseNames.get().toSpdx(url);
    }
    return m.orElse(null);
  }

  /** The first child element of {@code e} named {@code name}, or null. */
  static Element child(Element e, String name) {
    NodeList l = e.getChildNodes();
    for (int i = 0; i < l.getLength(); i++) {
      if (l.item(i) instanceof Element c && c.getTagName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The node's text with runs of white space made one space; "" for no node. */
  static String text(Node n) {
    return n == null ? "" : n.getTextContent().strip().replaceAll("\\s+", " ");
  }

  // ---- comparison -------------------------------------------------------------------------------

  /** Expression with AND/OR operands sorted and flattened, GNU bare ids as -only, + as -or-later. */
  static String canon(SpdxExpression e) {
    return e.root().map(RegistryAgreement::canon).orElse(e.input());
  }

  private static String canon(SpdxExpression.Node n) {
    if (n instanceof SpdxExpression.Id id) {
      return canonId(id.id(), id.orLater());
    }
    if (n instanceof SpdxExpression.With w) {
      return canonId(w.license().id(), w.license().orLater()) + " WITH " + w.exception();
    }
    boolean and = n instanceof SpdxExpression.And;
    List<SpdxExpression.Node> terms = and ? ((SpdxExpression.And) n).terms() : ((SpdxExpression.Or) n).terms();
    TreeSet<String> parts = new TreeSet<>();
    for (SpdxExpression.Node t : terms) {
      String s = canon(t);
      boolean compound = t instanceof SpdxExpression.And || t instanceof SpdxExpression.Or;
      boolean sameOp = and ? t instanceof SpdxExpression.And : t instanceof SpdxExpression.Or;
      if (sameOp) {
        parts.addAll(List.of(s.substring(1, s.length() - 1).split(and ? " AND " : " OR ")));
      } else {
        parts.add(compound ? s : s);
      }
    }
    return parts.size() == 1 ? parts.first() : "(" + String.join(and ? " AND " : " OR ", parts) + ")";
  }

  private static final Pattern GNU = Pattern.compile("^(A?GPL|LGPL|GFDL)-\\d\\.\\d$");

  private static String canonId(String id, boolean orLater) {
    if (GNU.matcher(id).matches()) {
      return id + (orLater ? "-or-later" : "-only");
    }
    if (id.endsWith("+") && GNU.matcher(id.substring(0, id.length() - 1)).matches()) {
      return id.substring(0, id.length() - 1) + "-or-later";
    }
    return id + (orLater ? "+" : "");
  }

  private static Set<String> ids(String canonExpr) {
    Set<String> out = new TreeSet<>();
    for (String t : canonExpr.replaceAll("[()]", " ").split("\\s+")) {
      if (!t.isEmpty() && !t.equals("AND") && !t.equals("OR") && !t.equals("WITH")) {
        out.add(t);
      }
    }
    return out;
  }

  private static Set<String> families(Set<String> ids) {
    return ids.stream().map(i -> i.replaceAll("(-only|-or-later|\\+)$", "")).collect(Collectors.toCollection(TreeSet::new));
  }

  static String classify(String declared, String provenant) {
    if (declared == null) {
      return "declared-unmapped";
    }
    if (provenant == null) {
      return "unknown";
    }
    SpdxExpression pe = SpdxExpression.parse(provenant);
    if (!pe.isValid()) {
      return "mismatch";
    }
    String p = canon(pe);
    Set<String> pids = ids(p);
    if (p.equalsIgnoreCase(declared) || stripParens(p).equalsIgnoreCase(stripParens(declared))) {
      return "exact";
    }
    if (pids.stream().allMatch(i -> i.startsWith("LicenseRef-"))) {
      return "unknown";
    }
    Set<String> dids = ids(declared);
    if (pids.equals(dids)) {
      return "same-ids";
    }
    if (families(pids).equals(families(dids))) {
      return "same-families";
    }
    if (families(pids).containsAll(families(dids))) {
      return "superset";
    }
    return "mismatch";
  }

  private static String stripParens(String s) {
    return s.startsWith("(") && s.endsWith(")") ? s.substring(1, s.length() - 1) : s;
  }

  static boolean mentionsCopyleft(String expr) {
    return ids(expr).stream().anyMatch(i -> COPYLEFT.matcher(i).matches());
  }

  /** True when every way to satisfy the expression includes a copyleft id. */
  static boolean mandatoryCopyleft(SpdxExpression.Node n) {
    if (n == null) {
      return false;
    }
    if (n instanceof SpdxExpression.Id id) {
      return COPYLEFT.matcher(id.id()).matches();
    }
    if (n instanceof SpdxExpression.With w) {
      return COPYLEFT.matcher(w.license().id()).matches();
    }
    if (n instanceof SpdxExpression.And a) {
      return a.terms().stream().anyMatch(RegistryAgreement::mandatoryCopyleft);
    }
    return ((SpdxExpression.Or) n).terms().stream().allMatch(RegistryAgreement::mandatoryCopyleft);
  }

  // ---- report -----------------------------------------------------------------------------------

  private static void report(List<Row> rows, List<String> leaks, int[] leakCounts, Set<String> unmapped,
      Map<String, Integer> perFileTotal, Path outTsv) throws IOException {
    String fmt = "%-5s %-48s %-40s | %-36s %-13s | %-36s %-13s | %-13s | %5d files %5d agree %5d kept | %s%n";
    System.out.printf(fmt.replaceAll("%5d", "%5s"), "eco", "package", "declared", "provenant (archive as read)",
        "class", "provenant (files only)", "class", "+poms beside", "", "", "", "top per-file licences");
    for (Row r : rows) {
      System.out.printf(fmt, r.eco(), cut(r.coords(), 48), cut(r.declared() == null ? "?" + r.declaredRaw() : r.declared(), 40),
          cut(String.valueOf(r.withMeta()), 36), r.withMetaClass(), cut(String.valueOf(r.filesOnly()), 36),
          r.filesOnlyClass(), r.withPomClass(), r.files(), r.filesAgree(), r.kept(), r.perFile());
    }
    System.out.println();
    for (String eco : List.of("npm", "maven", "all")) {
      List<Row> sel = rows.stream().filter(r -> eco.equals("all") || r.eco().equals(eco)).toList();
      List<Row> mapped = sel.stream().filter(r -> r.declared() != null).toList();
      System.out.printf("%s: %d packages, %d with a mappable declaration, %d files, %d kept%n", eco, sel.size(),
          mapped.size(), sel.stream().mapToInt(Row::files).sum(), sel.stream().mapToInt(Row::kept).sum());
      System.out.println("  with metadata: " + tally(mapped, true));
      System.out.println("  files only:    " + tally(mapped, false));
      if (eco.equals("maven")) {
        System.out.println("  + poms beside (repository layout): " + tally(mapped, null));
      }
      int mf = mapped.stream().mapToInt(Row::files).sum();
      int ma = mapped.stream().mapToInt(Row::filesAgree).sum();
      System.out.printf("  per file: %d/%d = %.1f%% of files have a licence agreeing with the declaration"
          + " (exact, same ids or same families)%n", ma, mf, mf == 0 ? 0 : 100.0 * ma / mf);
    }
    System.out.println();
    System.out.println("per family of the declared licence (npm: with metadata; maven: "
        + "with the named repository when WORK_DIR/m2 exists); agree = exact, same ids or same families:");
    for (String eco : List.of("npm", "maven")) {
      SortedMap<String, int[]> fam = new TreeMap<>();
      for (Row r : rows) {
        if (!r.eco().equals(eco) || r.declared() == null) {
          continue;
        }
        String cls = eco.equals("maven") && !r.withPomClass().equals("-") && r.withPom() != null ? r.withPomClass() : r.withMetaClass();
        int[] c = fam.computeIfAbsent(family(r.declared()), k -> new int[2]);
        c[1]++;
        if (cls.equals("exact") || cls.equals("same-ids") || cls.equals("same-families")) {
          c[0]++;
        }
      }
      fam.forEach((k, c) -> System.out.printf("  %-5s %-22s %3d/%-3d%n", eco, k, c[0], c[1]));
    }
    System.out.println();
    System.out.println("per-file license.spdx over all files (top 25): " + perFileTotal.entrySet().stream()
        .sorted((x, y) -> y.getValue() - x.getValue()).limit(25).map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ")));
    System.out.println();
    System.out.println("declarations not mapped to SPDX (" + unmapped.size() + "):");
    unmapped.forEach(u -> System.out.println("  " + u));
    System.out.println();
    System.out.printf("COPYLEFT LEAKS (kept by the permissive policy, package declares copyleft): %d%n",
        leakCounts[0] + leakCounts[1] + leakCounts[2] + leakCounts[3]);
    System.out.printf("  copyleft mandatory: %d with the file's own statement, %d from the package-level licence%n",
        leakCounts[0], leakCounts[1]);
    System.out.printf("  copyleft optional (OR): %d with the file's own statement, %d from the package-level licence%n",
        leakCounts[2], leakCounts[3]);
    leaks.forEach(System.out::println);
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(outTsv, StandardCharsets.UTF_8))) {
      w.println("eco\tpackage\tdeclared_raw\tdeclared_spdx\tarchive\tarchive_class\tfiles_only"
          + "\tfiles_only_class\twith_registry_pom\twith_registry_pom_class\tfiles\tfiles_agree\tkept\tper_file_top"
          + "\tpackage_evidence");
      for (Row r : rows) {
        w.println(String.join("\t", r.eco(), r.coords(), r.declaredRaw(), String.valueOf(r.declared()),
            String.valueOf(r.withMeta()), r.withMetaClass(), String.valueOf(r.filesOnly()), r.filesOnlyClass(),
            String.valueOf(r.withPom()), r.withPomClass(), Integer.toString(r.files()), Integer.toString(r.filesAgree()),
            Integer.toString(r.kept()), r.perFile(), r.metaEvidence()));
      }
    }
    System.out.println("wrote " + outTsv);
  }

  private static String tally(List<Row> rows, Boolean withMeta) {
    SortedMap<String, Integer> c = new TreeMap<>();
    for (Row r : rows) {
      c.merge(withMeta == null ? r.withPomClass() : withMeta ? r.withMetaClass() : r.filesOnlyClass(), 1, Integer::sum);
    }
    int n = rows.size();
    int exact = c.getOrDefault("exact", 0);
    int compatible = exact + c.getOrDefault("same-ids", 0);
    return String.format("exact %d/%d = %.1f%%, exact+same-ids %d = %.1f%%, %s", exact, n, 100.0 * exact / n,
        compatible, 100.0 * compatible / n, c);
  }

  /** The declared licence's family: {@code OR (dual)} for a choice, else its first id without version. */
  static String family(String declared) {
    if (declared.contains(" OR ")) {
      return "OR (dual)";
    }
    String first = ids(declared).iterator().next();
    java.util.regex.Matcher m = Pattern.compile("^([A-Za-z]+(?:-[A-Za-z]+)*?)(?:-\\d.*|-Clause.*)?$").matcher(first);
    return m.matches() ? m.group(1) : first;
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
