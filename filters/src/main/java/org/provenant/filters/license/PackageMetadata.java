package org.provenant.filters.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.provenant.schemas.Evidence;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Licence statements of package manifests as {@link Evidence}: package.json {@code license}
 * (string, legacy object, legacy {@code licenses} array), pom.xml {@code <licenses>} (with the
 * parent pom's when the pom has none), Cargo.toml {@code license}/{@code license-file},
 * pyproject.toml ({@code [project] license} string or table, {@code license-expression}, {@code
 * [tool.poetry] license}, Trove classifiers) and setup.cfg ({@code [metadata] license},
 * classifiers). Each statement gives one evidence; its {@code spdx} is null when the statement
 * names no licence we can map. Malformed files give no evidence, never an exception.
 */
final class PackageMetadata {
  private PackageMetadata() {}

  static final String PACKAGE_JSON = "package_json";
  static final String POM = "pom";
  static final String CARGO = "cargo";
  static final String PYPROJECT = "pyproject";
  static final String SETUP_CFG = "setup_cfg";

  /** Confidence of a statement that is a valid SPDX expression. */
  static final double EXPRESSION_CONFIDENCE = 1.0;
  /** Confidence of a licence name or URL mapped to SPDX. */
  static final double NAME_CONFIDENCE = 0.9;
  /** Confidence of a Trove classifier mapped to SPDX (versions are often missing). */
  static final double CLASSIFIER_CONFIDENCE = 0.8;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One licence statement as evidence: {@link #mapStatement}, plus the licence exception a name
   * speaks of ("GPLv2 with Classpath exception", {@link LicenseExceptions#inName}) when the
   * mapped licence does not carry it yet and is of a family the exception applies to.
   */
  static Evidence statement(String kind, String location, String value) {
    Evidence plain = mapStatement(kind, location, value);
    Optional<LicenseExceptions.Entry> exception = LicenseExceptions.inName(value);
    if (exception.isEmpty() || LicenseNames.looksLikeUrl(value.strip())) {
      return plain;
    }
    Evidence base = plain;
    if (base.spdx() == null) {
      // "GNU GPL v2 with the Classpath linking exception": the name without the exception's words
      String rest = value.replaceAll("(?i)\\s*(?:,?\\s*with|w/|\\+)\\s*(?:the\\s+)?[A-Za-z -]*exception.*$", "")
          .replaceAll(StablePattern.rewrite("(?i)\\s*\\+\\s*cpe\\b.*$"), "").strip();
      if (rest.isEmpty() || rest.equals(value.strip())) {
        return plain;
      }
      base = mapStatement(kind, location, rest);
    }
    if (base.spdx() == null || !LicenseExceptions.appliesTo(base.spdx(), exception.get())
        || SpdxExpression.parse(base.spdx()).exceptionIds().contains(exception.get().id())) {
      return plain;
    }
    return new Evidence(kind, location, value.strip(), LicenseExceptions.attach(base.spdx(), exception.get()), NAME_CONFIDENCE);
  }

  private static Evidence mapStatement(String kind, String location, String value) {
    String v = value.strip();
    SpdxExpression e = SpdxExpression.parse(v);
    if (e.isValid()) {
      return new Evidence(kind, location, v, e.normalized().orElseThrow(), EXPRESSION_CONFIDENCE);
    }
    String upper = v.toUpperCase(Locale.ROOT);
    if (upper.equals("UNLICENSED") || upper.equals("PROPRIETARY")) {
      return new Evidence(kind, location, v, "LicenseRef-provenant-proprietary", EXPRESSION_CONFIDENCE);
    }
    Optional<String> mapped = LicenseNames.get().toSpdx(v);
    if (mapped.isEmpty() && v.contains("/") && !LicenseNames.looksLikeUrl(v)) {
      // Legacy "MIT/Apache-2.0" (Cargo, old npm): slash means OR.
      SpdxExpression or = SpdxExpression.parse(v.replace("/", " OR "));
      if (or.isValid()) {
        return new Evidence(kind, location, v, or.normalized().orElseThrow(), NAME_CONFIDENCE);
      }
    }
    if (mapped.isEmpty()) {
      String noParen = v.replaceAll("\\([^)]*\\)", " ").strip();
      if (!noParen.equals(v)) {
        mapped = LicenseNames.get().toSpdx(noParen);
      }
    }
    return new Evidence(kind, location, v, mapped.orElse(null), mapped.isPresent() ? NAME_CONFIDENCE : null);
  }

  // ---- package.json ---------------------------------------------------------------------------

  static List<Evidence> packageJson(String location, String text) {
    List<Evidence> out = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (Exception e) {
      return out;
    }
    if (root == null || !root.isObject()) {
      return out;
    }
    addNpm(out, location, root.get("license"));
    JsonNode arr = root.get("licenses");
    if (arr != null && arr.isArray()) {
      List<String> alternatives = new ArrayList<>();
      List<Evidence> parts = new ArrayList<>();
      for (JsonNode n : arr) {
        addNpm(parts, location, n);
      }
      for (Evidence p : parts) {
        if (p.spdx() == null) {
          out.addAll(parts); // an unmappable entry: report each as it is
          return out;
        }
        alternatives.add(p.spdx());
      }
      if (alternatives.size() == 1) {
        out.addAll(parts);
      } else if (!alternatives.isEmpty()) {
        // npm's legacy array lists alternatives (dual licensing).
        SpdxExpression or = SpdxExpression.parse("(" + String.join(") OR (", alternatives) + ")");
        out.add(new Evidence(PACKAGE_JSON, location, "licenses: " + alternatives,
            or.normalized().orElse(null), or.isValid() ? NAME_CONFIDENCE : null));
      }
    }
    return out;
  }

  private static void addNpm(List<Evidence> out, String location, JsonNode n) {
    if (n == null || n.isNull()) {
      return;
    }
    if (n.isTextual()) {
      String v = n.asText();
      if (v.toUpperCase(Locale.ROOT).startsWith("SEE LICEN")) {
        out.add(new Evidence(PACKAGE_JSON, location, v, null, null));
      } else {
        out.add(statement(PACKAGE_JSON, location, v));
      }
    } else if (n.isObject() && n.hasNonNull("type")) {
      out.add(statement(PACKAGE_JSON, location, n.get("type").asText()));
    } else if (n.isObject() && n.hasNonNull("url")) {
      out.add(statement(PACKAGE_JSON, location, n.get("url").asText()));
    }
  }

  // ---- pom.xml --------------------------------------------------------------------------------

  /**
   * The {@code <licenses>} of the pom at {@code location}; when it lists none, those of its parent
   * pom found through {@code <relativePath>} (default {@code ../pom.xml}) in {@code poms}, up to
   * five levels. Several licences in one pom are alternatives (Maven's documented meaning): one
   * evidence with their OR, plus the raw names.
   */
  static List<Evidence> pom(String location, Function<String, Optional<String>> poms) {
    String loc = location;
    for (int level = 0; level < 5; level++) {
      Optional<String> text = poms.apply(loc);
      if (text.isEmpty()) {
        return List.of();
      }
      Document doc = parseXml(text.get());
      if (doc == null) {
        return List.of();
      }
      Element project = doc.getDocumentElement();
      List<Evidence> found = pomLicenses(loc, project);
      if (!found.isEmpty()) {
        return found;
      }
      Element parent = child(project, "parent");
      if (parent == null) {
        return List.of();
      }
      if (MavenRepository.isRepositoryPath(loc)) {
        // a pom read from a named repository: its parent is there too, by coordinates
        loc = MavenRepository.parentLocation(loc, text.get()).orElse(null);
        if (loc == null) {
          return List.of();
        }
        continue;
      }
      if (MavenRepositoryLayout.isBeside(loc)) {
        // a pom beside the archive: its parent is found by coordinates in repository layout
        loc = MavenRepositoryLayout.parentLocation(loc, text.get()).orElse(null);
        if (loc == null) {
          return List.of();
        }
        continue;
      }
      Element rel = child(parent, "relativePath");
      String relPath = rel == null ? "../pom.xml" : rel.getTextContent().strip();
      if (relPath.isEmpty()) {
        return List.of(); // <relativePath/>: parent comes from a repository, not this package
      }
      if (!relPath.endsWith(".xml")) {
        relPath = relPath + "/pom.xml";
      }
      loc = resolve(PackageFiles.dir(loc), relPath);
      if (loc == null) {
        return List.of();
      }
    }
    return List.of();
  }

  private static List<Evidence> pomLicenses(String location, Element project) {
    Element licenses = child(project, "licenses");
    if (licenses == null) {
      return List.of();
    }
    List<Evidence> each = new ArrayList<>();
    NodeList list = licenses.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (!(list.item(i) instanceof Element lic) || !lic.getTagName().equals("license")) {
        continue;
      }
      Element name = child(lic, "name");
      Element url = child(lic, "url");
      String n = name == null ? "" : name.getTextContent().strip();
      String u = url == null ? "" : url.getTextContent().strip();
      Evidence byName = n.isEmpty() ? null : statement(POM, location, n);
      Evidence byUrl = u.isEmpty() ? null : statement(POM, location, u);
      if (byName != null && byName.spdx() != null && byUrl != null && byUrl.spdx() != null && !n.matches(".*\\d.*")
          && u.matches(".*\\d.*")) {
        // "GNU Lesser General Public License" + lgpl-3.0.html: the URL says which version (lgpl.txt says none)
        each.add(new Evidence(POM, location, n + " <" + u + ">", versionFromUrl(byName.spdx(), byUrl.spdx()), byName.confidence()));
      } else if (byName != null && byName.spdx() != null) {
        each.add(byName);
      } else if (byUrl != null && byUrl.spdx() != null) {
        // an unknown name that offers later versions keeps them when the link names one version
        String id = byUrl.spdx();
        if (NAME_OFFERS_LATER.matcher(n).find() && id.endsWith("-only") && LaterVersionWording.isGnu(id)) {
          id = id.substring(0, id.length() - "-only".length()) + "-or-later";
        }
        each.add(new Evidence(POM, location, n.isEmpty() ? u : n + " <" + u + ">", id, byUrl.confidence()));
      } else if (byName != null || byUrl != null) {
        each.add(new Evidence(POM, location, (n + " " + u).strip(), null, null));
      }
    }
    if (each.size() <= 1) {
      return each;
    }
    List<String> ids = new ArrayList<>();
    for (Evidence e : each) {
      if (e.spdx() == null) {
        return each;
      }
      if (!ids.contains(e.spdx())) {
        ids.add(e.spdx());
      }
    }
    if (ids.size() == 1) {
      return List.of(each.get(0));
    }
    SpdxExpression or = SpdxExpression.parse("(" + String.join(") OR (", ids) + ")");
    List<String> names = each.stream().map(Evidence::value).toList();
    return List.of(new Evidence(POM, location, String.join(" | ", names), or.normalized().orElse(null),
        or.isValid() ? NAME_CONFIDENCE : null));
  }

  /**
   * {@code byName} with the version {@code byUrl} gives, when both are one GNU id of the same
   * licence ({@code LGPL-2.1-or-later} named, {@code LGPL-3.0-only} linked → {@code
   * LGPL-3.0-or-later}: the name's range, the link's version); else {@code byName}.
   */
  static String versionFromUrl(String byName, String byUrl) {
    java.util.regex.Matcher n = GNU_ID.matcher(byName);
    java.util.regex.Matcher u = GNU_ID.matcher(byUrl);
    if (n.matches() && u.matches() && n.group(1).equals(u.group(1))) {
      return n.group(1) + "-" + u.group(2) + n.group(3);
    }
    return byName;
  }

  /** A licence name's "v2.1 or later", "2.0 or any later version": not "+", which names an exception in "GPLv2+CE". */
  private static final java.util.regex.Pattern NAME_OFFERS_LATER =
      StablePattern.compile("(?i)\\d\\s*,?\\s*or\\s+(?:\\(at your option\\)\\s*)?(?:any\\s+)?later\\b");

  private static final java.util.regex.Pattern GNU_ID = java.util.regex.Pattern.compile("(A?GPL|LGPL)-(\\d\\.\\d)(-only|-or-later)");

  static Document parseXml(String text) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new InputSource(new StringReader(text)));
    } catch (Exception e) {
      return null;
    }
  }

  static Element child(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el && el.getTagName().equals(tag)) {
        return el;
      }
    }
    return null;
  }

  /** {@code rel} against directory {@code dir}; null when it leaves the package. */
  static String resolve(String dir, String rel) {
    List<String> parts = new ArrayList<>();
    if (!dir.isEmpty() && !rel.startsWith("/")) {
      parts.addAll(List.of(dir.split("/")));
    }
    for (String s : rel.replace('\\', '/').split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(s);
      }
    }
    return String.join("/", parts);
  }

  // ---- TOML and INI (line parsers) ------------------------------------------------------------

  static List<Evidence> cargo(String location, String text) {
    List<Evidence> out = new ArrayList<>();
    Toml t = Toml.parse(text);
    t.string("package", "license").ifPresent(v -> out.add(statement(CARGO, location, v)));
    t.string("package", "license-file")
        .ifPresent(v -> out.add(new Evidence(CARGO, location, "license-file = " + v, null, null)));
    return out;
  }

  static List<Evidence> pyproject(String location, String text) {
    List<Evidence> out = new ArrayList<>();
    Toml t = Toml.parse(text);
    Optional<String> lic = t.string("project", "license");
    if (lic.isPresent()) {
      out.add(statement(PYPROJECT, location, lic.get()));
    } else {
      t.string("project", "license.text").ifPresent(v -> out.add(statement(PYPROJECT, location, v)));
      t.string("project", "license.file")
          .ifPresent(v -> out.add(new Evidence(PYPROJECT, location, "license.file = " + v, null, null)));
    }
    t.string("project", "license-expression").ifPresent(v -> out.add(statement(PYPROJECT, location, v)));
    t.string("tool.poetry", "license").ifPresent(v -> out.add(statement(PYPROJECT, location, v)));
    List<String> classifiers = new ArrayList<>(t.strings("project", "classifiers"));
    classifiers.addAll(t.strings("tool.poetry", "classifiers"));
    addClassifiers(out, PYPROJECT, location, classifiers);
    return out;
  }

  static List<Evidence> setupCfg(String location, String text) {
    List<Evidence> out = new ArrayList<>();
    Ini ini = Ini.parse(text);
    ini.get("metadata", "license").filter(v -> !v.isBlank()).ifPresent(v -> out.add(statement(SETUP_CFG, location, v)));
    ini.get("metadata", "license_expression").filter(v -> !v.isBlank())
        .ifPresent(v -> out.add(statement(SETUP_CFG, location, v)));
    ini.get("metadata", "classifiers").ifPresent(v -> addClassifiers(out, SETUP_CFG, location, v.lines().toList()));
    return out;
  }

  private static void addClassifiers(List<Evidence> out, String kind, String location, List<String> classifiers) {
    for (String c : classifiers) {
      String s = c.strip();
      if (!s.startsWith("License ::")) {
        continue;
      }
      String[] parts = s.split("::");
      String last = parts[parts.length - 1].strip();
      Evidence e = statement(kind, location, last);
      out.add(new Evidence(kind, location, s, e.spdx(), e.spdx() == null ? null : CLASSIFIER_CONFIDENCE));
    }
  }
}
