package org.provenant.filters.license;

import java.util.regex.Pattern;

/**
 * Regular expressions whose word boundaries mean the same on every JDK. JDK 19 made {@code \b}
 * ASCII-only, like {@code \w} (JDK-8264160); before, a letter or digit of any script was a word
 * char. So {@code \bMIT} found "MIT" right after a CJK character on JDK 21 but not on JDK 17, and
 * the same README could get two licence answers. Here {@code \b} and {@code \B} are written out as
 * look-arounds over JDK 17's word chars: Unicode letters and decimal digits (categories L and Nd),
 * '_', and non-spacing marks (Mn, which JDK 17 counts after a letter or digit; here always).
 */
final class StablePattern {
  /** A word char as JDK 17's {@code \b} reads one. */
  private static final String WORD = "[\\p{L}\\p{Nd}\\p{Mn}_]";
  static final String BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
  static final String NOT_BOUNDARY = "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";

  private StablePattern() {}

  static Pattern compile(String regex) {
    return compile(regex, 0);
  }

  static Pattern compile(String regex, int flags) {
    return Pattern.compile(rewrite(regex), flags);
  }

  /** {@code regex} with each {@code \b} and {@code \B} outside a character class and a quote written out. */
  static String rewrite(String regex) {
    StringBuilder out = new StringBuilder(regex.length() + 64);
    int classDepth = 0;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char next = regex.charAt(i + 1);
        if (next == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          end = end < 0 ? regex.length() : end + 2;
          out.append(regex, i, end);
          i = end;
          continue;
        }
        if (classDepth == 0 && next == 'b') {
          out.append(BOUNDARY);
        } else if (classDepth == 0 && next == 'B') {
          out.append(NOT_BOUNDARY);
        } else {
          out.append(c).append(next);
        }
        i += 2;
        continue;
      }
      if (c == '[') {
        classDepth++;
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
