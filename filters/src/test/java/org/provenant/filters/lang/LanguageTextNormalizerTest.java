package org.provenant.filters.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.Test;

class LanguageTextNormalizerTest {
  private static final CharSequenceNormalizer OPENNLP =
      new AggregateCharSequenceNormalizer(
          EmojiCharSequenceNormalizer.getInstance(),
          UrlCharSequenceNormalizer.getInstance(),
          TwitterCharSequenceNormalizer.getInstance(),
          NumberCharSequenceNormalizer.getInstance(),
          ShrinkCharSequenceNormalizer.getInstance());

  /** Pieces that each pattern reacts to, and pieces that look close but must not. */
  private static final String[] PIECES = {
    "h", "H", "a", "A", "j", "e", "o", "r", "R", "t", "T", ":", ";", "x", "X", "-", "(", ")", "d", "p",
    "P", "#", "@", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\u00A0", "1", "42", "٣", "😀", "😀😀", "𝔘",
    "𝔘𝔘𝔘", "http://ex.org/a?b=1", "https", "me@ex.com", "aaa", "AaA", "é", "ééé", "rt ", "RT:", "haha",
    "HeHe", "jaja", "hihi", "the", "which", "expect", "word", ".", ",", "\u2028",
    // chars the hand-written passes must treat as the patterns do
    "\u2029", "\u0085", "\f", "   ", "...", "---", "--", "KKk", "kK", "k", "\u212A", "1a", "a1", "007",
    "\uE000", "\uFFFD", "\uFEFF", "\uD83B", "\uD83C", "\uFF21\uFF21\uFF21", "ÉÉé", "ééÉ", "\r\r\r", "\n\n",
    "\uD800", "\uDC00", "\uDBFF\uDFFF", "\uDBFF\uDC01", "z", "zz",
    "ex", "xp", "# ", "@@", "#a#b", "rt", "_rt ", "art ", "érT:", "x-)", ":-", "xD", "X-P", "\u0301rt ",
  };

  /** Shrink's and the other normalizers' passes against their patterns on texts from {@link #PIECES}. */
  @Test
  void eachHandWrittenPassIsItsPattern() {
    java.util.regex.Pattern emoji = java.util.regex.Pattern.compile("[\\uD83C-\\uDBFF\\uDC00-\\uDFFF]+");
    java.util.regex.Pattern digits = java.util.regex.Pattern.compile("\\d+");
    java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("\\s{2,}", java.util.regex.Pattern.CASE_INSENSITIVE);
    java.util.regex.Pattern repeated = java.util.regex.Pattern.compile("(.)\\1{2,}", java.util.regex.Pattern.CASE_INSENSITIVE);
    java.util.regex.Pattern hashUser = java.util.regex.Pattern.compile("[#@]\\S+");
    java.util.regex.Pattern face = java.util.regex.Pattern.compile("[:;x]-?[()dop]", java.util.regex.Pattern.CASE_INSENSITIVE);
    Random random = new Random(11);
    int withoutSurrogates = 0;
    for (int t = 0; t < 50_000; t++) {
      String text = randomText(random, 40);
      assertEquals(digits.matcher(text).replaceAll(" "), LanguageTextNormalizer.replaceDigitRuns(text), () -> "digits: [" + text + "]");
      assertEquals(spaces.matcher(text).replaceAll(" "), LanguageTextNormalizer.collapseSpaceRuns(text), () -> "spaces: [" + text + "]");
      assertEquals(hashUser.matcher(text).replaceAll(" "), LanguageTextNormalizer.replaceHashtagsAndUsers(text), () -> "hashtags: [" + text + "]");
      assertEquals(face.matcher(text).replaceAll(" "), LanguageTextNormalizer.replaceFaces(text), () -> "faces: [" + text + "]");
      if (text.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
        withoutSurrogates++;
        assertEquals(emoji.matcher(text).replaceAll(" "), LanguageTextNormalizer.replaceEmojiRuns(text), () -> "emoji: [" + text + "]");
        assertEquals(repeated.matcher(text).replaceAll("$1$1"), LanguageTextNormalizer.shrinkRepeats(text), () -> "repeats: [" + text + "]");
      }
    }
    assertTrue(withoutSurrogates > 10_000, "texts without surrogates: " + withoutSurrogates);
  }

  @Test
  void longTextsGiveExactlyWhatOpenNlpGives() {
    Random random = new Random(13);
    for (int t = 0; t < 5_000; t++) {
      assertSameAsOpenNlp(randomText(random, 200));
    }
  }

  /**
   * The same text as OpenNLP wherever OpenNLP gives one. Where it throws (java.util.regex's
   * case-insensitive back reference reads past a supplementary char, and after emoji only U+10FC01
   * and up are left, when two of them end the text) there is nothing to compare with.
   */
  private static void assertSameAsOpenNlp(String text) {
    String expected;
    try {
      expected = OPENNLP.normalize(text).toString();
    } catch (StringIndexOutOfBoundsException e) {
      return;
    }
    assertEquals(expected, LanguageTextNormalizer.normalize(text), () -> "text: [" + text + "]");
  }

  private static String randomText(Random random, int maxPieces) {
    StringBuilder b = new StringBuilder();
    int pieces = random.nextInt(maxPieces);
    for (int i = 0; i < pieces; i++) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  @Test
  void givesExactlyWhatOpenNlpsNormalizersGive() {
    Random random = new Random(7);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      int pieces = random.nextInt(12);
      for (int i = 0; i < pieces; i++) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      assertSameAsOpenNlp(b.toString());
    }
  }

  @Test
  void aPageEndingInRepeatedPlaneSixteenCharsIsShrunkWherePatternThrows() {
    String x = "\uDBFF\uDFFF"; // U+10FFFF: emoji's class stops at U+10FC00
    String text = "word " + x + x + x;
    org.junit.jupiter.api.Assertions.assertThrows(StringIndexOutOfBoundsException.class, () -> OPENNLP.normalize(text));
    assertEquals("word " + x + x, LanguageTextNormalizer.normalize(text));
    // where the pattern does not throw, its reading past the repetition is OpenNLP's answer, kept
    assertEquals("a" + x + x + x + "b", LanguageTextNormalizer.normalize("a" + x + x + x + x + "b"));
    assertEquals("AA", LanguageTextNormalizer.shrinkRepeatedCodePoints("AaaaaAaa"));
    assertEquals("\n\n\n", LanguageTextNormalizer.shrinkRepeatedCodePoints("\n\n\n"));
  }

  @Test
  void ordinaryProseSkipsThePatternsAndKeepsTheText() {
    assertEquals("The cat sat on the mat.", LanguageTextNormalizer.normalize("  The cat sat on the mat. "));
    assertEquals("a a", LanguageTextNormalizer.normalize("a 123 a"));
    assertEquals("haha", LanguageTextNormalizer.normalize("hahahaha"));
    // OpenNLP's emoji pattern also takes the hyphen (see mayHaveEmoji).
    assertEquals("well known", LanguageTextNormalizer.normalize("well-known"));
    // and its face pattern takes "xp" inside words
    assertEquals("e ect", LanguageTextNormalizer.normalize("expect"));
  }
}
