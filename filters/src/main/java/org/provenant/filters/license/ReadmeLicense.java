package org.provenant.filters.license;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The licence a README states in its licence section: a Markdown ({@code ## License}), setext
 * ({@code License} over {@code ----}) or reStructuredText heading named License/Licence/Licensing,
 * and the text under it up to the next heading (at most {@value #MAX_SECTION_CHARS} characters).
 * The section is read as: an {@code SPDX-License-Identifier}, a full licence text ({@link
 * LicenseTextMatcher}), or sentences naming licences ("released under the MIT License",
 * "Apache License, Version 2.0", "GPLv3 or later"). Several names give their AND, or their OR when
 * the sentence offers a choice ("at your option", "dual", " or the "). Package-private.
 */
final class ReadmeLicense {
  private ReadmeLicense() {}

  static final int MAX_SECTION_CHARS = 4000;

  private static final Pattern HEADING =
      Pattern.compile("(?im)^(?:#{1,6}\\s*|=+\\s*)?(?:\\W{0,3})(licen[cs]e|licen[cs]ing|copyright (?:and|&) licen[cs]e|licen[cs]e and copyright)\\s*:?\\s*#*\\s*$");
  private static final Pattern NEXT_HEADING = Pattern.compile("(?m)^(#{1,6}\\s+\\S|\\S.*\\n[-=~^]{3,}\\s*$)");

  private record Phrase(Pattern pattern, String id, String laterId) {}

  private static final List<Phrase> PHRASES = new ArrayList<>();

  private static void phrase(String regex, String id, String laterId) {
    PHRASES.add(new Phrase(StablePattern.compile(regex, Pattern.CASE_INSENSITIVE), id, laterId));
  }

  static {
    String v = "(?:,?\\s*(?:version|ver\\.?|v)?\\s*)";
    String later = "(?:\\s*(?:\\+|or later|or \\(at your option\\) any later version|or any later version|-or-later))";
    phrase("\\bAGPL" + v + "3(?:\\.0)?(?:-only)?" + later + "?", "AGPL-3.0-only", "AGPL-3.0-or-later");
    phrase("\\bGNU Affero General Public License" + v + "3(?:\\.0)?" + later + "?", "AGPL-3.0-only", "AGPL-3.0-or-later");
    phrase("\\bLGPL" + v + "3(?:\\.0)?(?:-only)?" + later + "?", "LGPL-3.0-only", "LGPL-3.0-or-later");
    phrase("\\bLGPL" + v + "2\\.1(?:-only)?" + later + "?", "LGPL-2.1-only", "LGPL-2.1-or-later");
    phrase("\\bGNU (?:Lesser|Library) General Public License" + v + "3(?:\\.0)?" + later + "?", "LGPL-3.0-only", "LGPL-3.0-or-later");
    phrase("\\bGNU (?:Lesser|Library) General Public License" + v + "2\\.1" + later + "?", "LGPL-2.1-only", "LGPL-2.1-or-later");
    phrase("(?<!L|A|Lesser |Affero )\\bGPL" + v + "3(?:\\.0)?(?:-only)?" + later + "?", "GPL-3.0-only", "GPL-3.0-or-later");
    phrase("(?<!L|A)\\bGPL" + v + "2(?:\\.0)?(?:-only)?" + later + "?", "GPL-2.0-only", "GPL-2.0-or-later");
    phrase("\\bGNU General Public License" + v + "3(?:\\.0)?" + later + "?", "GPL-3.0-only", "GPL-3.0-or-later");
    phrase("\\bGNU General Public License" + v + "2(?:\\.0)?" + later + "?", "GPL-2.0-only", "GPL-2.0-or-later");
    phrase("\\bApache(?: Software)?(?: License)?" + v + "2(?:\\.0)?\\b", "Apache-2.0", null);
    phrase("\\bMIT(?![-\\w])(?: license)?", "MIT", null);
    phrase("\\bMIT-0\\b|MIT No Attribution", "MIT-0", null);
    phrase("\\bBSD[- ]?3[- ]Clause|3-Clause BSD|New BSD|Modified BSD|Revised BSD", "BSD-3-Clause", null);
    phrase("\\bBSD[- ]?2[- ]Clause|2-Clause BSD|Simplified BSD|FreeBSD License", "BSD-2-Clause", null);
    phrase("\\bISC License|\\bISC\\b", "ISC", null);
    phrase("\\bMozilla Public License" + v + "2\\.0|\\bMPL[- ]?v?2(?:\\.0)?\\b", "MPL-2.0", null);
    phrase("\\bEclipse Public License" + v + "2\\.0|\\bEPL[- ]?v?2(?:\\.0)?\\b", "EPL-2.0", null);
    phrase("\\bEclipse Public License" + v + "1\\.0|\\bEPL[- ]?v?1(?:\\.0)?\\b", "EPL-1.0", null);
    phrase("\\bBoost Software License|\\bBSL-1\\.0\\b", "BSL-1.0", null);
    phrase("\\bThe Unlicense\\b|\\bUnlicense\\b", "Unlicense", null);
    phrase("\\bCC0\\b|Creative Commons Zero", "CC0-1.0", null);
    phrase("\\bCC[- ]BY[- ]SA[- ]4\\.0|Creative Commons Attribution[- ]Share[- ]?Alike 4\\.0", "CC-BY-SA-4.0", null);
    phrase("\\bCC[- ]BY[- ]4\\.0|Creative Commons Attribution 4\\.0", "CC-BY-4.0", null);
    phrase("\\bzlib(?:/libpng)? license", "Zlib", null);
    phrase("\\bWTFPL\\b", "WTFPL", null);
    phrase("\\bArtistic License" + v + "2\\.0", "Artistic-2.0", null);
    phrase("\\bEUPL" + v + "1\\.2", "EUPL-1.2", null);
  }

  private static final Pattern CHOICE = StablePattern.compile("(?i)at your option|dual[- ]licen|either of|\\bor the\\b|, or\\b|\\bor under");

  /** Licence evidence from {@code readme} at {@code location}; empty when it states none. */
  static List<org.provenant.schemas.Evidence> read(String location, String readme, LicenseTextMatcher matcher) {
    String section = section(readme);
    if (section == null) {
      return List.of();
    }
    List<SpdxHeaderScanner.Header> tags = SpdxHeaderScanner.create().scan(section);
    for (SpdxHeaderScanner.Header h : tags) {
      if (h.expression().isValid()) {
        return List.of(evidence(location, h.value(), h.expression().normalized().orElseThrow(), 0.9));
      }
    }
    if (section.length() > 400) {
      for (LicenseMatch m : matcher.match(section)) {
        if (m.isListed()) {
          return List.of(evidence(location, abbreviate(section), m.spdx(), Math.min(0.9, m.confidence())));
        }
      }
    }
    String first = firstParagraphs(section);
    Set<String> ids = new LinkedHashSet<>();
    for (Phrase p : PHRASES) {
      Matcher m = p.pattern().matcher(first);
      while (m.find()) {
        String hit = m.group();
        boolean later = p.laterId() != null && hit.toLowerCase().matches(".*(\\+|later)$");
        ids.add(later ? p.laterId() : p.id());
      }
    }
    // "MIT-0" also matches the MIT phrase; and one GPL version phrase may also hit its family.
    if (ids.contains("MIT-0")) {
      ids.remove("MIT");
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    String op = ids.size() > 1 && CHOICE.matcher(first).find() ? " OR " : " AND ";
    SpdxExpression e = SpdxExpression.parse(String.join(op, ids));
    return List.of(evidence(location, abbreviate(first), e.normalized().orElse(null), 0.7));
  }

  private static org.provenant.schemas.Evidence evidence(String location, String value, String spdx, double c) {
    return new org.provenant.schemas.Evidence("readme", location, value, spdx, spdx == null ? null : c);
  }

  /** Text under the first licence heading, or null. */
  static String section(String readme) {
    if (readme == null) {
      return null;
    }
    Matcher h = HEADING.matcher(readme);
    while (h.find()) {
      String line = h.group();
      int after = h.end();
      // A bare "License" line counts only as a setext heading (underlined) or after # / rst marks.
      boolean marked = line.stripLeading().startsWith("#");
      String rest = readme.substring(Math.min(after + 1, readme.length()));
      if (!marked) {
        if (!rest.matches("(?s)^[-=~^*]{3,}\\s*\\n.*") && !rest.matches("(?s)^[-=~^*]{3,}\\s*$")) {
          continue;
        }
        rest = rest.substring(rest.indexOf('\n') < 0 ? rest.length() : rest.indexOf('\n') + 1);
      }
      Matcher next = NEXT_HEADING.matcher(rest);
      int end = next.find() ? next.start() : rest.length();
      String s = rest.substring(0, Math.min(end, MAX_SECTION_CHARS)).strip();
      if (!s.isEmpty()) {
        return s;
      }
    }
    return null;
  }

  private static String firstParagraphs(String section) {
    String[] paras = section.split("\\n\\s*\\n");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < paras.length && i < 2; i++) {
      sb.append(paras[i]).append('\n');
    }
    return sb.toString();
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 300 ? one : one.substring(0, 297) + "...";
  }
}
