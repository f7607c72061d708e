package org.provenant.filters.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Character-level helpers with the semantics the published heuristics were defined with: lengths
 * in code points (not UTF-16 units), whitespace as Unicode space separators plus the usual control
 * whitespace, and line splitting on every Unicode line boundary. Package-private: the filters'
 * statistics are defined in terms of these.
 */
final class Texts {
  private Texts() {}

  /** Length in code points. */
  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * True for white space: Java's {@link Character#isWhitespace} plus the no-break spaces and NEL,
   * which are white space for the heuristics' reference implementation.
   */
  static boolean isSpace(int cp) {
    if (cp > ' ') {
      return cp >= 0x80 && (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85);
    }
    // At or below the space: the space itself, TAB to CR, and FS to US.
    return cp >= 0x1C || (cp >= 0x09 && cp <= 0x0D);
  }

  /**
   * The first index in {@code [from, to)} of {@code s} that is not {@link #isSpace} white space, or
   * {@code to}. White space is never a surrogate, so this steps by chars.
   */
  static int skipSpace(String s, int from, int to) {
    int i = from;
    while (i < to && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * The index just past the last character in {@code [from, to)} of {@code s} that is not {@link
   * #isSpace} white space, or {@code from}.
   */
  static int skipSpaceBackwards(String s, int from, int to) {
    int end = to;
    while (end > from && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** {@code s} without leading and trailing {@link #isSpace} characters. */
  static String strip(String s) {
    return stripStart(stripEnd(s));
  }

  /** {@code s} without leading {@link #isSpace} characters. */
  static String stripStart(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  /** {@code s} without trailing {@link #isSpace} characters. */
  static String stripEnd(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** True at a line boundary character: LF, VT, FF, CR, FS, GS, RS, NEL, LS, PS. */
  static boolean isLineBreak(char c) {
    if (c > '\u001E') {
      return c >= '\u0085' && (c == '\u0085' || c == '\u2028' || c == '\u2029');
    }
    return c >= '\n' && (c <= '\r' || c >= '\u001C');
  }

  /** Non-overlapping occurrences of {@code needle} in {@code s}, scanning left to right. */
  static int count(String s, String needle) {
    int count = 0;
    int from = 0;
    while (true) {
      int at = s.indexOf(needle, from);
      if (at < 0) {
        return count;
      }
      count++;
      from = at + needle.length();
    }
  }

  /** A ratio, 0 when the denominator is 0. */
  static double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
  }

  /**
   * A statistic as written in lineage and rejection details: at most four decimals, rounded half
   * even, no trailing zeros ({@code 0.6}, {@code 4.7059}, {@code 0}).
   */
  static String fmt(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    BigDecimal d = new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }
}
