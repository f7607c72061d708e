package org.provenant.filters.license;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a licence file offers a GNU licence's later versions: the GPL, LGPL and AGPL texts are
 * the same for {@code -only} and {@code -or-later}; what decides is the notice a package adds,
 * "either version 2 of the License, or (at your option) any later version". The texts' own "How
 * to Apply These Terms" appendix contains that sentence as a sample, so the appendix is cut out
 * before the wording is looked for. Stateless.
 */
public final class LaterVersionWording {
  private static final Pattern OFFER = StablePattern.compile(
      "(?i)\\(?\\s*at your option\\s*\\)?,?\\s*any later version|or any later version (?:published|of the license)"
          + "|version \\d(?:\\.\\d)? or later\\b|version \\d(?:\\.\\d)?\\+");
  /** Where the sample notice of a GNU licence text begins. */
  private static final Pattern APPENDIX = Pattern.compile("(?i)how to apply these terms to your new (?:programs|libraries)");
  /** Where it ends: the last sentence of each GNU licence's appendix. */
  private static final Pattern APPENDIX_END = Pattern.compile(
      "(?i)(?:use the gnu (?:lesser|library) general public license instead of this license\\.?"
          + "|why-not-lgpl\\.html>?\\.?|that's all there is to it!?"
          + "|how to apply and follow the gnu agpl, see <?https?://www\\.gnu\\.org/licenses/?>?\\.?)");

  private LaterVersionWording() {}

  /** True when {@code text}, without a GNU licence's sample appendix, offers any later version. */
  public static boolean offersLater(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    return OFFER.matcher(withoutAppendix(LicenseExceptions.flatten(text))).find();
  }

  /** {@code id} as {@code -or-later} when it is a GNU {@code -only} id and {@code text} offers later versions. */
  public static String apply(String id, String text) {
    if (id.endsWith("-only") && isGnu(id) && offersLater(text)) {
      return id.substring(0, id.length() - "-only".length()) + "-or-later";
    }
    return id;
  }

  static boolean isGnu(String id) {
    // not GFDL: its addendum's sample notice ("Version 1.3 or any later version published") has no end marker
    return id.startsWith("GPL-") || id.startsWith("LGPL-") || id.startsWith("AGPL-");
  }

  /** {@code flat} with every appendix (from its heading to its last sentence, or to the end) removed. */
  static String withoutAppendix(String flat) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    Matcher start = APPENDIX.matcher(flat);
    while (start.find(from)) {
      out.append(flat, from, start.start());
      Matcher end = APPENDIX_END.matcher(flat);
      if (!end.find(start.end())) {
        return out.toString();
      }
      from = end.end();
    }
    out.append(flat.substring(from));
    return out.toString();
  }
}
