package org.provenant.filters.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;

/**
 * Finds the Creative Commons licence a web page declares, from its HTML (not the extracted text),
 * and tells a declaration apart from a page that merely links to or discusses a licence.
 *
 * <p>Declarations (confidence 1.0): {@code rel="license"} on a {@code link} or {@code a}, {@code
 * <meta name="license|dc.rights|dcterms.license|...">}, {@code og:license}, microdata {@code
 * itemprop="license"}, and a JSON-LD {@code license}. A plain link to a creativecommons.org licence
 * inside the page footer (a {@code footer}, {@code role=contentinfo}, or an element whose id or class
 * says footer, copyright, colophon or licence) is a declaration with confidence 0.8. The same link
 * anywhere else in the body is a mention (0.3): recorded as evidence, never the page's licence.
 *
 * <p>{@code license.spdx} is the one SPDX id the declarations agree on. When they name different
 * licences, it is null and {@code conflict} is true; every statement is in the evidence with where
 * it was found: {@code head}, {@code footer}, {@code body} or {@code json-ld}.
 */
public final class CreativeCommonsDetector {
  public static final String REL_LICENSE = "rel_license";
  public static final String META_LICENSE = "meta_license";
  public static final String OG_LICENSE = "og_license";
  public static final String MICRODATA_LICENSE = "microdata_license";
  public static final String JSON_LD_LICENSE = "json_ld_license";
  public static final String CC_LINK = "cc_link";

  /** Confidence below which a statement is a mention, not a declaration. */
  public static final double DECLARATION_CONFIDENCE = 0.5;
  /** Most evidence entries kept per page (a hostile page may hold thousands of links). */
  public static final int MAX_EVIDENCE = 16;

  private static final Set<String> META_NAMES =
      Set.of("license", "licence", "dc.rights", "dc.license", "dcterms.license", "dcterms.rights",
          "rights", "copyright");
  private static final Pattern FOOTERISH =
      Pattern.compile("footer|copyright|colophon|licen[cs]e|site-info|contentinfo", Pattern.CASE_INSENSITIVE);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The licence {@code page} declares, with every statement found. */
  public License detect(org.jsoup.nodes.Document page) {
    return detect(PageStatements.of(page));
  }

  /** The licence a page declares, from its statement-bearing elements. */
  public License detect(PageStatements page) {
    Set<Evidence> found = new LinkedHashSet<>();
    Element head = page.head;
    for (Element e : page.withRel) {
      if (hasRelLicense(e.attr("rel"))) {
        String href = e.attr("abs:href").isEmpty() ? e.attr("href") : e.attr("abs:href");
        add(found, REL_LICENSE, location(e, head), href, CcLicenseUrl.spdxOf(href), 1.0);
      }
    }
    for (Element m : page.metas) {
      String name = m.attr("name").toLowerCase(Locale.ROOT);
      String property = m.attr("property").toLowerCase(Locale.ROOT);
      String content = m.attr("content");
      if (content.isBlank()) {
        continue;
      }
      if (META_NAMES.contains(name)) {
        Optional<String> id = readStatement(content);
        if (id.isPresent() || name.startsWith("licen") || name.endsWith("license")) {
          add(found, META_LICENSE, location(m, head), content, id, 1.0);
        }
      } else if (property.equals("og:license") || property.equals("article:license") || property.equals("dc:license")) {
        add(found, OG_LICENSE, location(m, head), content, readStatement(content), 1.0);
      }
    }
    for (Element e : page.itemprops) {
      String v = e.hasAttr("href") ? e.attr("abs:href") : e.hasAttr("content") ? e.attr("content") : e.text();
      add(found, MICRODATA_LICENSE, location(e, head), v, readStatement(v), 1.0);
    }
    for (Element script : page.jsonLd) {
      for (String v : jsonLdLicenses(script.data())) {
        add(found, JSON_LD_LICENSE, "json-ld", v, readStatement(v), 1.0);
      }
    }
    for (Element a : page.ccLinks) {
      if (hasRelLicense(a.attr("rel"))) {
        continue;
      }
      String href = a.attr("abs:href").isEmpty() ? a.attr("href") : a.attr("abs:href");
      Optional<String> id = CcLicenseUrl.spdxOf(href);
      if (id.isEmpty()) {
        continue;
      }
      boolean footer = inFooter(a);
      add(found, CC_LINK, footer ? "footer" : location(a, head), href, id, footer ? 0.8 : 0.3);
    }
    List<Evidence> evidence = new ArrayList<>(found);
    if (evidence.size() > MAX_EVIDENCE) {
      evidence = new ArrayList<>(evidence.subList(0, MAX_EVIDENCE));
    }
    Set<String> declared = new TreeSet<>();
    for (Evidence e : found) {
      if (e.spdx() != null && e.confidence() != null && e.confidence() >= DECLARATION_CONFIDENCE) {
        declared.add(e.spdx());
      }
    }
    if (declared.isEmpty()) {
      return evidence.isEmpty() ? License.UNKNOWN : new License(null, evidence, false);
    }
    if (declared.size() == 1) {
      return new License(declared.iterator().next(), evidence, false);
    }
    return new License(null, evidence, true);
  }

  /** A meta or JSON-LD value read as an SPDX id: a CC URL, or a CC short name. */
  static Optional<String> readStatement(String value) {
    Optional<String> byUrl = CcLicenseUrl.spdxOf(value);
    if (byUrl.isPresent()) {
      return byUrl;
    }
    int at = value.indexOf("creativecommons.org/");
    if (at >= 0) {
      int start = value.lastIndexOf("http", at);
      String url = value.substring(start < 0 ? at : start).split("[\\s\"'<>]", 2)[0];
      Optional<String> inside = CcLicenseUrl.spdxOf(start < 0 ? "//" + url : url);
      if (inside.isPresent()) {
        return inside;
      }
    }
    return CcLicenseUrl.spdxOfName(value);
  }

  private static boolean hasRelLicense(String rel) {
    for (String token : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (token.equals("license") || token.equals("licence") || token.equals("dc:license")
          || token.equals("cc:license")) {
        return true;
      }
    }
    return false;
  }

  private static void add(Set<Evidence> out, String kind, String location, String value, Optional<String> spdx, double confidence) {
    if (value == null || value.isBlank()) {
      return;
    }
    String v = value.strip();
    if (v.length() > 300) {
      v = v.substring(0, 300);
    }
    out.add(new Evidence(kind, location, v, spdx.orElse(null), spdx.isPresent() ? confidence : null));
  }

  private static String location(Element e, Element head) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == head) {
        return "head";
      }
    }
    return inFooter(e) ? "footer" : "body";
  }

  /**
   * Whether {@code e} is in the page's footer: a {@code footer} (or {@code role=contentinfo}, or an
   * element whose id or class says footer, copyright, colophon or licence) that does not belong to
   * an {@code article}, {@code aside} or {@code figure} inside the page. HTML gives each article its
   * own footer, and news and blog pages put image credits ("photo by X, CC BY 2.0") in them: those
   * speak for the image or the teaser, not for the page.
   */
  private static boolean inFooter(Element e) {
    boolean footer = false;
    for (Element p = e; p != null; p = p.parent()) {
      String tag = p.normalName();
      if (tag.equals("article") || tag.equals("aside") || tag.equals("figure") || tag.equals("figcaption")) {
        return false;
      }
      if (tag.equals("body") || tag.equals("html")) {
        return footer;
      }
      if (tag.equals("footer") || p.attr("role").equalsIgnoreCase("contentinfo")
          || (p.hasAttr("id") && FOOTERISH.matcher(p.id()).find())
          || (p.hasAttr("class") && FOOTERISH.matcher(p.className()).find())) {
        footer = true;
      }
    }
    return footer;
  }

  /** Every {@code license} value in a JSON-LD block: strings, or the {@code @id}/{@code url}/{@code name} of an object. */
  static List<String> jsonLdLicenses(String json) {
    List<String> out = new ArrayList<>();
    try {
      collect(JSON.readTree(json), out, 0);
    } catch (Exception e) {
      // Broken JSON-LD is common on the web; it states nothing we can read.
    }
    return out;
  }

  private static void collect(JsonNode node, List<String> out, int depth) {
    if (node == null || depth > 12 || out.size() >= MAX_EVIDENCE) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        collect(n, out, depth + 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String key = f.getKey();
      if (key.equals("license") || key.equals("http://schema.org/license") || key.equals("https://schema.org/license")) {
        licenseValues(f.getValue(), out);
      } else {
        collect(f.getValue(), out, depth + 1);
      }
    }
  }

  private static void licenseValues(JsonNode v, List<String> out) {
    if (v.isTextual()) {
      out.add(v.asText());
    } else if (v.isArray()) {
      for (JsonNode n : v) {
        licenseValues(n, out);
      }
    } else if (v.isObject()) {
      for (String k : List.of("@id", "url", "name")) {
        if (v.hasNonNull(k) && v.get(k).isTextual()) {
          out.add(v.get(k).asText());
          return;
        }
      }
    }
  }
}
