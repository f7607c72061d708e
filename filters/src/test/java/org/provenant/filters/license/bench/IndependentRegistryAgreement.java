package org.provenant.filters.license.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@link RegistryAgreement}'s package-level agreement recomputed with a declared side that owes
 * nothing to the code under test. {@code RegistryAgreement} maps each registry's declaration
 * through {@code LicenseNames} (and reads it with {@code SpdxExpression}), the code whose answers
 * it judges; here:
 *
 * <ul>
 *   <li>npm: the {@code license} string is an SPDX expression by npm's rules; it is read by {@link
 *       IndependentSpdx#strict} against the SPDX list of the npm packages {@code spdx-license-ids}
 *       and {@code spdx-exceptions}. Anything else (not a string, not valid) is unknown.
 *   <li>Maven: each {@code <license>}'s name and URL, exactly as the pom writes them, must be a row
 *       of the hand-written table {@code filters/bench/declared-maven-licences.tsv}; several
 *       licences are a choice (OR). A pair not in the table, or mapped to {@code ?}, is unknown.
 * </ul>
 *
 * <p>Provenant's answers are read from {@code RegistryAgreement}'s TSV ({@code archive} for npm,
 * {@code with_registry_pom} for Maven with the named repository, {@code archive} for Maven read
 * flat) and compared by {@link IndependentSpdx#lenient}: {@code exact} (same canonical expression),
 * {@code same-ids}, {@code same-families}, {@code superset}, {@code mismatch}, {@code unknown}
 * (no answer, or only {@code LicenseRef-} ids). Packages whose declaration is unknown are left out
 * of the rates and listed.
 *
 * <p>Run: {@code java -cp $CP org.provenant.filters.license.bench.IndependentRegistryAgreement
 * WORK_DIR AGREEMENT.tsv SPDX_LICENSE_IDS_DIR SPDX_EXCEPTIONS_DIR MAVEN_TABLE.tsv}.
 */
public final class IndependentRegistryAgreement {
  private IndependentRegistryAgreement() {}

  /** A declaration as the registry writes it and as the independent mapping reads it (empty: unknown, with why). */
  record Declared(String raw, Optional<String> spdx, String why) {}

  /** One row of the Maven table. */
  record TableRow(String name, String url, String spdx, String rule) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: IndependentRegistryAgreement WORK_DIR AGREEMENT.tsv SPDX_LICENSE_IDS_DIR SPDX_EXCEPTIONS_DIR MAVEN_TABLE.tsv");
    }
    Path work = Paths.get(args[0]);
    IndependentSpdx strict = IndependentSpdx.strict(Paths.get(args[2]), Paths.get(args[3]));
    int[] sizes = strict.listSizes();
    if (sizes[0] < 500 || sizes[1] < 30) {
      throw new IllegalArgumentException("SPDX lists look truncated: " + sizes[0] + " licence ids, " + sizes[1] + " exception ids");
    }
    System.out.printf("SPDX list: %d licence ids (current and deprecated), %d exception ids%n", sizes[0], sizes[1]);
    Map<String, TableRow> table = mavenTable(Paths.get(args[4]), strict);
    Map<String, String[]> answers = answers(Paths.get(args[1]));
    Set<String> tableUsed = new TreeSet<>();
    List<String[]> rows = new ArrayList<>(); // eco, coords, declared(new), provenant, old declared, old class, new class, view
    List<String> unknown = new ArrayList<>();
    for (String line : Files.readAllLines(work.resolve("manifest.tsv"))) {
      String[] f = line.split("\t");
      String eco = f[0];
      String coords = f[3];
      Declared d = eco.equals("npm") ? npm(work.resolve(f[2]), strict)
          : maven(f[2].equals("-") ? null : work.resolve(f[2]), table, tableUsed, strict);
      String[] a = answers.get(coords);
      if (a == null) {
        throw new IllegalStateException("no answer in the agreement TSV for " + coords);
      }
      if (d.spdx().isEmpty()) {
        unknown.add(coords + ": " + d.raw() + " (" + d.why() + ")");
      }
      String oldDeclared = a[3].equals("null") ? null : a[3];
      if (eco.equals("npm")) {
        rows.add(new String[] {"npm", coords, d.spdx().orElse(null), a[4], oldDeclared, a[5], classify(d.spdx(), a[4]), "as read"});
      } else {
        rows.add(new String[] {"maven", coords, d.spdx().orElse(null), a[4], oldDeclared, a[5], classify(d.spdx(), a[4]), "flat"});
        rows.add(new String[] {"maven", coords, d.spdx().orElse(null), a[8], oldDeclared, a[9], classify(d.spdx(), a[8]), "repository"});
      }
    }
    for (String key : table.keySet()) {
      if (!tableUsed.contains(key)) {
        System.out.println("note: table row never used: " + key.replace('\t', ' '));
      }
    }
    report(rows, unknown);
  }

  // ---- declared ---------------------------------------------------------------------------------

  static Declared npm(Path metaJson, IndependentSpdx strict) throws IOException {
    JsonNode n = new ObjectMapper().readTree(metaJson.toFile());
    JsonNode lic = n.get("license");
    if (lic != null && lic.isTextual()) {
      Optional<String> s = strict.canonical(lic.asText());
      return new Declared(lic.asText(), s, s.isPresent() ? "" : "not a valid SPDX expression");
    }
    if (lic != null && lic.isObject() && lic.path("type").isTextual()) { // npm's legacy {type, url}
      Optional<String> s = strict.canonical(lic.path("type").asText());
      return new Declared("{type: " + lic.path("type").asText() + "}", s, s.isPresent() ? "" : "legacy type not a valid SPDX expression");
    }
    if (lic != null) {
      return new Declared(lic.toString(), Optional.empty(), "\"license\" is neither a string nor {type}");
    }
    JsonNode arr = n.get("licenses"); // npm's legacy list: a choice
    if (arr != null && arr.isArray() && arr.size() > 0) {
      List<String> parts = new ArrayList<>();
      for (JsonNode x : arr) {
        parts.add(x.isObject() ? x.path("type").asText() : x.asText());
      }
      return choice(String.join(" | ", parts), parts.stream().map(strict::canonical).toList(), strict, "legacy licenses[]");
    }
    return new Declared("(none)", Optional.empty(), "no licence declared");
  }

  static Declared maven(Path pom, Map<String, TableRow> table, Set<String> used, IndependentSpdx strict) throws Exception {
    if (pom == null) {
      return new Declared("(no pom with <licenses>)", Optional.empty(), "no licence declared");
    }
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(pom.toFile());
    Element licenses = RegistryAgreement.child(doc.getDocumentElement(), "licenses");
    List<String> raws = new ArrayList<>();
    List<Optional<String>> mapped = new ArrayList<>();
    NodeList list = licenses == null ? null : licenses.getChildNodes();
    for (int i = 0; list != null && i < list.getLength(); i++) {
      if (list.item(i) instanceof Element l && l.getTagName().equals("license")) {
        String key = RegistryAgreement.text(RegistryAgreement.child(l, "name")) + "\t" + RegistryAgreement.text(RegistryAgreement.child(l, "url"));
        raws.add(key.replace("\t", " <") + ">");
        TableRow row = table.get(key);
        if (row != null) {
          used.add(key);
        }
        mapped.add(row == null || row.spdx().equals("?") ? Optional.empty() : strict.canonical(row.spdx()));
      }
    }
    if (raws.isEmpty()) {
      return new Declared("(empty <licenses>)", Optional.empty(), "no licence declared");
    }
    return choice(String.join(" | ", raws), mapped, strict, "a <license> not in the table, or ? there");
  }

  /** Several declared licences are a choice: the npm and Maven convention for dual licensing. */
  private static Declared choice(String raw, List<Optional<String>> mapped, IndependentSpdx strict, String whyUnknown) {
    if (mapped.stream().anyMatch(Optional::isEmpty)) {
      return new Declared(raw, Optional.empty(), whyUnknown);
    }
    String expr = mapped.stream().map(m -> "(" + m.get() + ")").collect(Collectors.joining(" OR "));
    return new Declared(raw, strict.canonical(expr), "");
  }

  /** The table: name TAB url TAB spdx-or-? TAB rule [TAB where it occurs]; every spdx must be valid on the SPDX list. */
  static Map<String, TableRow> mavenTable(Path tsv, IndependentSpdx strict) throws IOException {
    Map<String, TableRow> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(tsv)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 4) {
        throw new IllegalArgumentException(tsv + ": fewer than 4 fields: " + line);
      }
      if (!f[2].equals("?") && strict.canonical(f[2]).isEmpty()) {
        throw new IllegalArgumentException(tsv + ": not a valid SPDX expression: " + f[2]);
      }
      if (out.put(f[0] + "\t" + f[1], new TableRow(f[0], f[1], f[2], f[3])) != null) {
        throw new IllegalArgumentException(tsv + ": duplicate row: " + f[0] + " " + f[1]);
      }
    }
    return out;
  }

  // ---- Provenant's answers ----------------------------------------------------------------------

  /** RegistryAgreement's TSV by package: the whole row. */
  static Map<String, String[]> answers(Path tsv) throws IOException {
    Map<String, String[]> out = new HashMap<>();
    List<String> lines = Files.readAllLines(tsv);
    if (!lines.get(0).startsWith("eco\tpackage\tdeclared_raw\tdeclared_spdx\tarchive\tarchive_class\tfiles_only\tfiles_only_class"
        + "\twith_registry_pom\twith_registry_pom_class")) {
      throw new IllegalArgumentException(tsv + ": not RegistryAgreement's TSV: " + lines.get(0));
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      out.put(f[1], f);
    }
    return out;
  }

  // ---- comparison -------------------------------------------------------------------------------

  static String classify(Optional<String> declared, String answer) {
    if (declared.isEmpty()) {
      return "declared-unknown";
    }
    if (answer == null || answer.equals("null") || answer.equals("-")) {
      return "unknown";
    }
    Optional<String> p = IndependentSpdx.lenient().canonical(answer);
    if (p.isEmpty()) {
      return "mismatch";
    }
    if (p.get().equalsIgnoreCase(declared.get())) {
      return "exact";
    }
    Set<String> pids = IndependentSpdx.ids(p.get());
    if (pids.stream().allMatch(i -> i.startsWith("LicenseRef-") || i.startsWith("DocumentRef-"))) {
      return "unknown";
    }
    Set<String> dids = IndependentSpdx.ids(declared.get());
    if (pids.equals(dids)) {
      return "same-ids";
    }
    Set<String> pf = IndependentSpdx.families(pids);
    Set<String> df = IndependentSpdx.families(dids);
    if (pf.equals(df)) {
      return "same-families";
    }
    return pf.containsAll(df) ? "superset" : "mismatch";
  }

  // ---- report -----------------------------------------------------------------------------------

  private static void report(List<String[]> rows, List<String> unknown) {
    System.out.printf("%-5s %-10s %-44s %-10s %-10s | %-40s | %-40s | %s%n", "eco", "view", "package", "old class", "new class",
        "declared (old -> independent)", "", "provenant");
    for (String[] r : rows) {
      boolean differs = !String.valueOf(r[4]).equalsIgnoreCase(String.valueOf(r[2])) && !sameCanonical(r[4], r[2]) || !r[5].equals(classOld(r[6]));
      System.out.printf("%-5s %-10s %-44s %-10s %-10s | %-40s | %-40s | %s%s%n", r[0], r[7], r[1], r[5], r[6], r[4], r[2], r[3],
          differs ? "   <- DIFFERS" : "");
    }
    System.out.println();
    tally(rows, "npm", "as read");
    tally(rows, "maven", "flat");
    tally(rows, "maven", "repository");
    List<String[]> run = rows.stream().filter(r -> r[0].equals("npm") || r[7].equals("repository")).toList();
    System.out.println("all, as a run with the repository reads them (npm as read, Maven with the repository):");
    System.out.println("  old declared side (LicenseNames + RegistryAgreement.EXTRA): " + rate(run, 5, 4));
    System.out.println("  independent declared side:                                 " + rate(run, 6, 2));
    System.out.println();
    System.out.println("declarations the independent mapping leaves unknown (" + unknown.size() + "):");
    unknown.forEach(u -> System.out.println("  " + u));
    System.out.println();
    System.out.println("packages where the old and the independent figure differ (declared mapping or class; npm as read, Maven with the repository):");
    for (String[] r : run) {
      boolean declaredDiffers = !sameCanonical(r[4], r[2]);
      if (declaredDiffers || !r[5].equals(classOld(r[6]))) {
        System.out.printf("  %s: declared %s -> %s; provenant %s; %s -> %s%n", r[1], r[4], r[2], r[3], r[5], r[6]);
      }
    }
  }

  /** The old class name for the same outcome: old "declared-unmapped" is new "declared-unknown". */
  private static String classOld(String newClass) {
    return newClass.equals("declared-unknown") ? "declared-unmapped" : newClass;
  }

  private static boolean sameCanonical(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    Optional<String> ca = IndependentSpdx.lenient().canonical(a);
    Optional<String> cb = IndependentSpdx.lenient().canonical(b);
    return ca.isPresent() && cb.isPresent() && ca.get().equalsIgnoreCase(cb.get());
  }

  private static void tally(List<String[]> rows, String eco, String view) {
    List<String[]> sel = rows.stream().filter(r -> r[0].equals(eco) && r[7].equals(view)).toList();
    System.out.printf("%s, %s: old %s%n", eco, view, rate(sel, 5, 4));
    System.out.printf("%s, %s: new %s%n", eco, view, rate(sel, 6, 2));
  }

  /** exact / packages with a known declaration, and the classes. */
  private static String rate(List<String[]> rows, int classColumn, int declaredColumn) {
    List<String[]> known = rows.stream().filter(r -> r[declaredColumn] != null).toList();
    SortedMap<String, Integer> classes = new TreeMap<>();
    known.forEach(r -> classes.merge(r[classColumn], 1, Integer::sum));
    int exact = classes.getOrDefault("exact", 0);
    return String.format("exact %d/%d = %.1f%% %s (%d declarations unknown)", exact, known.size(),
        known.isEmpty() ? 0 : 100.0 * exact / known.size(), classes, rows.size() - known.size());
  }
}
