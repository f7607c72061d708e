package org.provenant.filters.lang;

import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The text normalisation OpenNLP's language detector applies before counting n-grams (emoji, URL
 * and e-mail, Twitter, number, shrink, in that order), computed so that the result is always
 * exactly OpenNLP's ({@code LanguageTextNormalizerTest} compares them on generated texts) at a
 * fraction of the cost of the regular expressions, which ran on nearly every real page:
 *
 * <ul>
 *   <li>emoji, number, shrink, and Twitter's hashtag-or-user and face patterns, which are a
 *       character class, a digit run, a white-space run, a repeated character, a '#' or '@' run
 *       and a two- or three-char face, are single loops over the chars; on a text that holds
 *       surrogates, where {@code Pattern} reads code points, the emoji pattern runs as OpenNLP runs
 *       it, and the repeated-character pattern is JDK 17's matcher written out ({@link
 *       #repeatsAsJdk17}: its case-insensitive back reference reads past a supplementary
 *       character, which later JDKs fixed);
 *   <li>URL, and Twitter's laugh pattern, run as OpenNLP's, only when a scan shows that they can
 *       match (most prose has no "http", '@' or "haha");
 *   <li>Twitter's retweet pattern {@code \\b(rt[ :])+} is a loop too, with the word boundary of
 *       JDK 17 pinned ({@link #replaceRetweets}): JDK 19 changed what {@code \\b} means, and with
 *       the pattern the same page got other language scores on another JVM.
 * </ul>
 */
final class LanguageTextNormalizer {
  private static final CharSequenceNormalizer EMOJI = EmojiCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer URL = UrlCharSequenceNormalizer.getInstance();
  /** Twitter's laugh pattern, compiled as OpenNLP compiles it. */
  private static final java.util.regex.Pattern LAUGH =
      java.util.regex.Pattern.compile("([hj])+([aieou])+(\\1+\\2+)+", java.util.regex.Pattern.CASE_INSENSITIVE);

  private LanguageTextNormalizer() {}

  /** What OpenNLP's five language-detector normalizers, applied in order, make of {@code text}. */
  static String normalize(CharSequence text) {
    String s = text.toString();
    if (hasSurrogate(s)) {
      if (mayHaveEmoji(s)) {
        s = EMOJI.normalize(s).toString();
      }
    } else {
      s = replaceEmojiRuns(s);
    }
    if (s.contains("http") || s.indexOf('@') >= 0) {
      s = URL.normalize(s).toString();
    }
    // Twitter: hashtags and users, retweets, faces, laughs, in that order
    s = replaceHashtagsAndUsers(s);
    if (mayHaveRetweet(s)) {
      s = replaceRetweets(s);
    }
    s = replaceFaces(s);
    if (mayHaveLaugh(s)) {
      s = LAUGH.matcher(s).replaceAll("$1$2$1$2");
    }
    s = replaceDigitRuns(s);
    // Shrink: white-space runs first, then repeated characters, then trim
    s = collapseSpaceRuns(s);
    if (hasSurrogate(s)) {
      if (mayRepeat(s)) {
        s = repeatsAsOpenNlp(s);
      }
    } else {
      s = shrinkRepeats(s);
    }
    return s.trim();
  }

  /**
   * Shrink's repeated-character pattern {@code (.)\\1{2,}} (case-insensitive) to {@code $1$1} on a
   * text that holds surrogates, as OpenNLP runs it on JDK 17 ({@link #repeatsAsJdk17}), except
   * where JDK 17's {@code Pattern} fails: its case-insensitive back reference to a supplementary
   * char compares one code point past the repetition, and throws when that is past the end (three
   * U+10FFFF at the end of a page). There the repetitions are shrunk code point by code point, as
   * the pattern means, so that one hostile page cannot stop a run. Later JDKs fixed the back
   * reference, so with the pattern itself such texts shrank differently on another JVM.
   */
  static String repeatsAsOpenNlp(String s) {
    try {
      return repeatsAsJdk17(s);
    } catch (StringIndexOutOfBoundsException e) {
      return shrinkRepeatedCodePoints(s);
    }
  }

  /**
   * {@code (.)\\1{2,}} with {@code CASE_INSENSITIVE}, replaced by {@code $1$1}, step for step as JDK
   * 17's {@code Pattern} runs it: a match may start at any char (a low surrogate too); the group is
   * one code point; each back reference takes as many chars as the group but compares as many
   * code points, from the group's start and from its own (ASCII letters folded), so a supplementary
   * group also compares the code point after it; and it throws {@link
   * StringIndexOutOfBoundsException} where JDK 17's does, reading at the end of the text.
   */
  static String repeatsAsJdk17(String s) {
    int n = s.length();
    StringBuilder out = null;
    int copied = 0;
    int p = 0;
    while (p < n) {
      int cp = s.codePointAt(p);
      if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && isLineTerminator((char) cp)) {
        p++;
        continue;
      }
      int groupEnd = p + Character.charCount(cp);
      int size = groupEnd - p;
      int i = groupEnd;
      int repeats = 0;
      while (i + size <= n && backReferenceMatches(s, p, size, i)) {
        i += size;
        repeats++;
      }
      if (repeats < 2) {
        p++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(s, copied, p).append(s, p, groupEnd).append(s, p, groupEnd);
      copied = i;
      p = i;
    }
    return out == null ? s : out.append(s, copied, n).toString();
  }

  /** JDK 17's case-insensitive back reference to the group of {@code size} chars at {@code group}, tried at {@code at}. */
  private static boolean backReferenceMatches(String s, int group, int size, int at) {
    int x = at;
    int j = group;
    for (int k = 0; k < size; k++) {
      int c1 = Character.codePointAt((CharSequence) s, x); // past the end: JDK 17 throws here too
      int c2 = Character.codePointAt((CharSequence) s, j);
      if (c1 != c2 && asciiLower(c1) != asciiLower(c2)) {
        return false;
      }
      x += Character.charCount(c1);
      j += Character.charCount(c2);
    }
    return true;
  }

  private static int asciiLower(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }

  /** {@code (.)\\1{2,}} to {@code $1$1} on code points, ASCII letters folded. */
  static String shrinkRepeatedCodePoints(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && isLineTerminator((char) cp)) {
        out.appendCodePoint(cp);
        i = next;
        continue;
      }
      int folded = cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
      int end = next;
      int repeats = 0;
      while (end < s.length()) {
        int c = s.codePointAt(end);
        if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != folded) {
          break;
        }
        end += Character.charCount(c);
        repeats++;
      }
      out.appendCodePoint(cp);
      if (repeats >= 2) {
        out.appendCodePoint(cp);
        i = end;
      } else {
        i = next;
      }
    }
    return out.toString();
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Emoji's {@code replaceAll(" ")} on a text without surrogates, where every match is a run of
   * chars from U+D83C up or hyphens (see {@link #mayHaveEmoji}): each run becomes one space.
   */
  static String replaceEmojiRuns(String s) {
    int i = 0;
    while (i < s.length() && !isEmojiChar(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, i);
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isEmojiChar(c)) {
        out.append(' ');
        do {
          i++;
        } while (i < s.length() && isEmojiChar(s.charAt(i)));
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isEmojiChar(char c) {
    return c >= '\uD83C' || c == '-';
  }

  /** Number's {@code \\d+} replaced by a space: each run of ASCII digits becomes one space. */
  static String replaceDigitRuns(String s) {
    int i = 0;
    while (i < s.length() && !isAsciiDigit(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, i);
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isAsciiDigit(c)) {
        out.append(' ');
        do {
          i++;
        } while (i < s.length() && isAsciiDigit(s.charAt(i)));
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Shrink's {@code \\s{2,}} replaced by a space: each run of two or more of {@code [ \t\n\x0B\f\r]} becomes one space. */
  static String collapseSpaceRuns(String s) {
    int i = 0;
    while (i + 1 < s.length() && !(isRegexSpace(s.charAt(i)) && isRegexSpace(s.charAt(i + 1)))) {
      i++;
    }
    if (i + 1 >= s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, i);
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isRegexSpace(c) && i + 1 < s.length() && isRegexSpace(s.charAt(i + 1))) {
        out.append(' ');
        i += 2;
        while (i < s.length() && isRegexSpace(s.charAt(i))) {
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * Shrink's {@code (.)\\1{2,}} (ASCII case-insensitive) replaced by {@code $1$1} on a text without
   * surrogates: a char that {@code .} takes (not a line terminator) followed by at least two chars
   * equal to it with ASCII letters folded becomes that char twice, as written first.
   */
  static String shrinkRepeats(String s) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i + 2 < s.length()) {
      char c = s.charAt(i);
      if (isLineTerminator(c)) {
        i++;
        continue;
      }
      char folded = asciiLower(c);
      int end = i + 1;
      while (end < s.length() && asciiLower(s.charAt(end)) == folded) {
        end++;
      }
      if (end - i >= 3) {
        if (out == null) {
          out = new StringBuilder(s.length());
        }
        out.append(s, copied, i).append(c).append(c);
        copied = end;
        i = end;
      } else {
        i++;
      }
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, s.length()).toString();
  }

  /** What {@code .} does not take without DOTALL and UNIX_LINES. */
  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Three code points in a row equal with ASCII letters folded: where {@code (.)\\1{2,}} may match. */
  private static boolean mayRepeat(String s) {
    int before = -1;
    int last = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int folded = cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
      if (folded == last && folded == before) {
        return true;
      }
      before = last;
      last = folded;
    }
    return false;
  }

  /**
   * Emoji's pattern {@code [\uD83C-\uDBFF\uDC00-\uDFFF]+} is read by {@code Pattern} with the
   * escaped pair {@code \uDBFF\uDC00} as one code point, U+10FC00: it is the range U+D83C to
   * U+10FC00, a hyphen and U+DFFF. So a hyphen, or any char from U+D83C up, may match.
   */
  private static boolean mayHaveEmoji(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\uD83C' || c == '-') {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code \\b(rt[ :])+}, ASCII case-insensitive, needs "rt" then a space or colon, at a word
   * boundary: not after an ASCII letter, digit or underscore (a word char for {@code \\b} whatever
   * the JDK; anything else is left to the pattern).
   */
  private static boolean mayHaveRetweet(String s) {
    for (int i = 0; i + 2 < s.length(); i++) {
      char r = s.charAt(i);
      if ((r == 'r' || r == 'R') && (s.charAt(i + 1) == 't' || s.charAt(i + 1) == 'T')
          && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == ':') && (i == 0 || !isAsciiWordChar(s.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Twitter's {@code \\b(rt[ :])+} (ASCII case-insensitive) replaced by a space, with {@code \\b}
   * as JDK 17's {@code Pattern} reads it, on every JDK: a word char is a letter, a digit (Unicode
   * categories L and Nd) or '_', and a non-spacing mark after a word char (through any run of marks)
   * counts as one. JDK 19 made {@code \\b} ASCII-only, like {@code \\w} (JDK-8264160), so there the
   * "rt " of German "führt " or Swedish "lärt " was cut, and on those texts the language scores
   * moved by up to 0.013; this method gives one answer, JDK 17's and OpenNLP's there, on any JVM.
   */
  static String replaceRetweets(String s) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i + 2 < s.length()) {
      int end = i;
      if (isRetweetAt(s, i) && !wordBefore(s, i)) {
        while (isRetweetAt(s, end)) {
          end += 3;
        }
      }
      if (end == i) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, i).append(' ');
      copied = end;
      i = end;
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  private static boolean isRetweetAt(String s, int i) {
    if (i + 2 >= s.length()) {
      return false;
    }
    char r = s.charAt(i);
    char t = s.charAt(i + 1);
    char after = s.charAt(i + 2);
    return (r == 'r' || r == 'R') && (t == 't' || t == 'T') && (after == ' ' || after == ':');
  }

  /** Whether the char before {@code i} is a word char for JDK 17's {@code \\b}. */
  private static boolean wordBefore(String s, int i) {
    if (i == 0) {
      return false;
    }
    int ch = Character.codePointBefore(s, i);
    if (isJdk17WordChar(ch)) {
      return true;
    }
    if (Character.getType(ch) != Character.NON_SPACING_MARK) {
      return false;
    }
    // a mark counts when the first char before its run of marks is a letter or digit
    for (int x = i - 1; x >= 0; x--) {
      int c = Character.codePointAt(s, x);
      if (Character.isLetterOrDigit(c)) {
        return true;
      }
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        return false;
      }
    }
    return false;
  }

  private static boolean isJdk17WordChar(int ch) {
    return ch == '_' || Character.isLetterOrDigit(ch);
  }

  private static boolean isAsciiWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Twitter's {@code [#@]\\S+} replaced by a space: '#' or '@' and the non-white-space run after it become one space. */
  static String replaceHashtagsAndUsers(String s) {
    int i = nextHashtagOrUser(s, 0);
    if (i < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    while (i >= 0) {
      int end = i + 1;
      while (end < s.length() && !isRegexSpace(s.charAt(end))) {
        end++;
      }
      out.append(s, copied, i).append(' ');
      copied = end;
      i = nextHashtagOrUser(s, end);
    }
    return out.append(s, copied, s.length()).toString();
  }

  /** Where the next '#' or '@' followed by a non-white-space char is, from {@code from}; -1 if none. */
  private static int nextHashtagOrUser(String s, int from) {
    for (int i = from; i + 1 < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == '#' || c == '@') && !isRegexSpace(s.charAt(i + 1))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Twitter's {@code [:;x]-?[()dop]} (ASCII case-insensitive) replaced by a space: a face is one of
   * {@code : ; x X}, an optional hyphen, and one of {@code ( ) d o p D O P}. It matches inside
   * words too ("expect" becomes "e ect"), as in OpenNLP.
   */
  static String replaceFaces(String s) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i + 1 < s.length()) {
      char c = s.charAt(i);
      int end = -1;
      if (c == ':' || c == ';' || c == 'x' || c == 'X') {
        char next = s.charAt(i + 1);
        if (next == '-' && i + 2 < s.length() && isMouth(s.charAt(i + 2))) {
          end = i + 3;
        } else if (isMouth(next)) {
          end = i + 2;
        }
      }
      if (end < 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, i).append(' ');
      copied = end;
      i = end;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, s.length()).toString();
  }

  private static boolean isMouth(char c) {
    return switch (c) {
      case '(', ')', 'd', 'o', 'p', 'D', 'O', 'P' -> true;
      default -> false;
    };
  }

  /**
   * {@code ([hj])+([aieou])+(\1+\2+)+}, ASCII case-insensitive: a match holds an h or j, a run of
   * vowels, and right after the run the same letter again (the vowel group cannot stop inside the
   * run, since a vowel is not the h or j the back reference needs).
   */
  private static boolean mayHaveLaugh(String s) {
    for (int i = 0; i + 2 < s.length(); i++) {
      char c = asciiLower(s.charAt(i));
      if (c == 'h' || c == 'j') {
        int j = i + 1;
        while (j < s.length() && isVowel(s.charAt(j))) {
          j++;
        }
        if (j > i + 1 && j < s.length() && asciiLower(s.charAt(j)) == c) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return switch (asciiLower(c)) {
      case 'a', 'i', 'e', 'o', 'u' -> true;
      default -> false;
    };
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
