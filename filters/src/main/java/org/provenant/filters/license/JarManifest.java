package org.provenant.filters.license;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.provenant.schemas.Evidence;

/**
 * A jar's {@code META-INF/MANIFEST.MF} main section (JAR file specification: {@code Name: value}
 * lines, a line starting with one space continues the previous one, the main section ends at the
 * first blank line), for what it says about the package: {@code Bundle-License} (OSGi: a licence
 * name, URL or SPDX expression, several separated by commas, each optionally followed by {@code
 * ;link=...} or {@code ;description=...}), and the names that help find the jar's pom in a Maven
 * repository ({@code Bundle-SymbolicName}, {@code Implementation-Vendor-Id}, {@code
 * Implementation-Title}, {@code Implementation-Version}, {@code Automatic-Module-Name}).
 * Attribute names are matched case-insensitively, as the specification says. Immutable.
 */
public final class JarManifest {
  /** Path of the manifest inside a jar. */
  public static final String PATH = "META-INF/MANIFEST.MF";
  /** Evidence kind of a {@code Bundle-License} statement. */
  public static final String EVIDENCE_KIND = "jar_manifest";

  private final ImmutableMap<String, String> main;

  private JarManifest(ImmutableMap<String, String> main) {
    this.main = main;
  }

  /** Parses a manifest's text; lines that are not attributes are skipped. */
  public static JarManifest parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : (text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      if (line.startsWith(" ") && name != null) {
        value.append(line, 1, line.length());
        continue;
      }
      if (name != null) {
        out.putIfAbsent(name, value.toString().strip());
        name = null;
      }
      if (line.isEmpty()) {
        break; // end of the main section
      }
      int colon = line.indexOf(": ");
      if (colon <= 0) {
        continue;
      }
      name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      value = new StringBuilder(line.substring(colon + 2));
    }
    if (name != null) {
      out.putIfAbsent(name, value.toString().strip());
    }
    return new JarManifest(ImmutableMap.copyOf(out));
  }

  /** The value of main attribute {@code name}, if present and not blank. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(main.get(name.toLowerCase(Locale.ROOT))).filter(v -> !v.isBlank());
  }

  /** {@code Bundle-SymbolicName} without its directives ({@code ;singleton:=true}). */
  public Optional<String> symbolicName() {
    return get("Bundle-SymbolicName").map(v -> v.split(";", 2)[0].strip()).filter(v -> !v.isEmpty());
  }

  /**
   * The {@code Bundle-License} statement as evidence at {@code location}: an SPDX expression as
   * is; else each comma-separated licence (its name, else its {@code link}) read as a name or
   * URL, several being alternatives ({@code OR}, as a pom's list is). Empty when there is no
   * {@code Bundle-License} or it is {@code <<EXTERNAL>>}.
   */
  public List<Evidence> licenseEvidence(String location) {
    Optional<String> bl = get("Bundle-License");
    if (bl.isEmpty() || bl.get().equals("<<EXTERNAL>>")) {
      return List.of();
    }
    String v = bl.get();
    SpdxExpression whole = SpdxExpression.parse(v);
    if (whole.isValid()) {
      return List.of(new Evidence(EVIDENCE_KIND, location, "Bundle-License: " + v, whole.normalized().orElseThrow(),
          PackageMetadata.EXPRESSION_CONFIDENCE));
    }
    List<String> ids = new ArrayList<>();
    Double confidence = PackageMetadata.EXPRESSION_CONFIDENCE;
    // "Apache License, Version 2.0" is one name with a comma: when a clause does not map, the whole is one licence
    List<String> clauses = splitOutsideQuotes(v, ',');
    if (clauses.size() > 1 && clauses.stream().anyMatch(c -> clauseLicense(c, location).spdx() == null)) {
      clauses = List.of(v);
    }
    for (String clause : clauses) {
      Evidence chosen = clauseLicense(clause, location);
      if (chosen.spdx() == null) {
        return List.of(new Evidence(EVIDENCE_KIND, location, "Bundle-License: " + v, null, null));
      }
      if (!ids.contains(chosen.spdx())) {
        ids.add(chosen.spdx());
      }
      confidence = Math.min(confidence, chosen.confidence());
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    SpdxExpression or = SpdxExpression.parse("(" + String.join(") OR (", ids) + ")");
    return List.of(new Evidence(EVIDENCE_KIND, location, "Bundle-License: " + v, or.normalized().orElse(null),
        or.isValid() ? confidence : null));
  }

  /** One OSGi licence clause ({@code name;link=URL;description=...}): its name, else its link, read as a licence. */
  private static Evidence clauseLicense(String clause, String location) {
    List<String> parts = splitOutsideQuotes(clause, ';');
    String licenseName = unquote(parts.get(0));
    String link = null;
    for (String p : parts.subList(1, parts.size())) {
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("link")) {
        link = unquote(p.substring(eq + 1));
      }
    }
    Evidence byName = PackageMetadata.statement(EVIDENCE_KIND, location, licenseName);
    return byName.spdx() != null || link == null ? byName : PackageMetadata.statement(EVIDENCE_KIND, location, link);
  }

  private static List<String> splitOutsideQuotes(String s, char sep) {
    List<String> out = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == sep && !quoted) {
        out.add(s.substring(start, i).strip());
        start = i + 1;
      }
    }
    out.add(s.substring(start).strip());
    return out;
  }

  private static String unquote(String s) {
    String t = s.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1).strip() : t;
  }
}
