package org.provenant.filters.lang;

import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The text normalisation OpenNLP's language detector applies before counting n-grams (emoji, URL
 * and e-mail, Twitter, number, shrink, in that order), with each of OpenNLP's normalizers skipped
 * when a scan of the text shows that none of its patterns can match: on ordinary prose most of
 * them find nothing, and a scan for the characters a match must contain costs far less than the
 * regular expressions. Where a pattern may match, OpenNLP's own normalizer runs, so the result is
 * always exactly OpenNLP's ({@code LanguageTextNormalizerTest} compares them on generated texts).
 */
final class LanguageTextNormalizer {
  private static final CharSequenceNormalizer EMOJI = EmojiCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer URL = UrlCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer TWITTER = TwitterCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer NUMBER = NumberCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer SHRINK = ShrinkCharSequenceNormalizer.getInstance();

  private LanguageTextNormalizer() {}

  /** What OpenNLP's five language-detector normalizers, applied in order, make of {@code text}. */
  static String normalize(CharSequence text) {
    String s = text.toString();
    if (mayHaveEmoji(s)) {
      s = EMOJI.normalize(s).toString();
    }
    if (s.contains("http") || s.indexOf('@') >= 0) {
      s = URL.normalize(s).toString();
    }
    if (s.indexOf('#') >= 0 || s.indexOf('@') >= 0 || mayHaveRetweet(s) || mayHaveFace(s) || mayHaveLaugh(s)) {
      s = TWITTER.normalize(s).toString();
    }
    if (hasAsciiDigit(s)) {
      s = NUMBER.normalize(s).toString();
    }
    if (mayShrink(s)) {
      return SHRINK.normalize(s).toString();
    }
    return s.trim();
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

  /** {@code \b(rt[ :])+}, ASCII case-insensitive, needs "rt" then a space or colon. */
  private static boolean mayHaveRetweet(String s) {
    for (int i = 0; i + 2 < s.length(); i++) {
      char r = s.charAt(i);
      if ((r == 'r' || r == 'R') && (s.charAt(i + 1) == 't' || s.charAt(i + 1) == 'T')
          && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == ':')) {
        return true;
      }
    }
    return false;
  }

  /** {@code [:;x]-?[()dop]}, ASCII case-insensitive. */
  private static boolean mayHaveFace(String s) {
    for (int i = 0; i + 1 < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':' || c == ';' || c == 'x' || c == 'X') {
        char next = s.charAt(i + 1);
        if (isMouth(next) || (next == '-' && i + 2 < s.length() && isMouth(s.charAt(i + 2)))) {
          return true;
        }
      }
    }
    return false;
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

  /** Number's {@code \d+} is ASCII digits only (no UNICODE_CHARACTER_CLASS). */
  private static boolean hasAsciiDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Shrink's {@code \s{2,}} needs two white-space chars in a row, and {@code (.)\1{2,}} (ASCII
   * case-insensitive) three equal chars in a row; without either, Shrink only trims.
   */
  private static boolean mayShrink(String s) {
    for (int i = 0; i + 1 < s.length(); i++) {
      if (isRegexSpace(s.charAt(i)) && isRegexSpace(s.charAt(i + 1))) {
        return true;
      }
    }
    // The back reference compares code points, ASCII letters without case.
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

  /** {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
