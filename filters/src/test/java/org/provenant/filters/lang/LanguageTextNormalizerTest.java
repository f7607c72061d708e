package org.provenant.filters.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    // OpenNLP's retweet pattern, whose \b is JDK 17's only on a JDK before 19
    java.util.regex.Pattern retweet = java.util.regex.Pattern.compile("\\b(rt[ :])+", java.util.regex.Pattern.CASE_INSENSITIVE);
    boolean jdk17Boundary = Runtime.version().feature() < 19;
    Random random = new Random(11);
    int withoutSurrogates = 0;
    for (int t = 0; t < 50_000; t++) {
      String text = randomText(random, 40);
      assertEquals(digits.matcher(text).replaceAll(" "), LanguageTextNormalizer.replaceDigitRuns(text), () -> "digits: [" + text + "]");
      assertEquals(spaces.matcher(text).replaceAll(" "), LanguageTextNormalizer.collapseSpaceRuns(text), () -> "spaces: [" + text + "]");
      assertEquals(hashUser.matcher(text).replaceAll(" "), LanguageTextNormalizer.replaceHashtagsAndUsers(text), () -> "hashtags: [" + text + "]");
      assertEquals(face.matcher(text).replaceAll(" "), LanguageTextNormalizer.replaceFaces(text), () -> "faces: [" + text + "]");
      if (jdk17Boundary) {
        assertEquals(retweet.matcher(text).replaceAll(" "), LanguageTextNormalizer.replaceRetweets(text), () -> "retweets: [" + text + "]");
      }
      if (text.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
        withoutSurrogates++;
        assertEquals(emoji.matcher(text).replaceAll(" "), LanguageTextNormalizer.replaceEmojiRuns(text), () -> "emoji: [" + text + "]");
        assertEquals(repeated.matcher(text).replaceAll("$1$1"), LanguageTextNormalizer.shrinkRepeats(text), () -> "repeats: [" + text + "]");
      }
      if (Runtime.version().feature() == 17) {
        // on every text, surrogates included: the same answer as JDK 17's pattern, or the same throw
        assertEquals(orThrown(() -> repeated.matcher(text).replaceAll("$1$1")), orThrown(() -> LanguageTextNormalizer.repeatsAsJdk17(text)),
            () -> "repeats as JDK 17: [" + text + "]");
      }
    }
    assertTrue(withoutSurrogates > 10_000, "texts without surrogates: " + withoutSurrogates);
  }

  /**
   * The word boundary of the retweet pattern is JDK 17's on every JDK (these hold on any JVM; the
   * comparisons with the pattern and with OpenNLP hold where the JDK's {@code \\b} is JDK 17's).
   */
  @Test
  void theRetweetPatternsWordBoundaryIsJdk17sOnEveryJdk() {
    // after a letter outside ASCII, "rt " is inside a word (JDK 19 and later would cut it)
    assertEquals("Debian har lärt oss", LanguageTextNormalizer.replaceRetweets("Debian har lärt oss"));
    assertEquals("Das führt zu nichts", LanguageTextNormalizer.replaceRetweets("Das führt zu nichts"));
    assertEquals("\uD835\uDC00rt x", LanguageTextNormalizer.replaceRetweets("\uD835\uDC00rt x")); // a letter beyond the BMP
    assertEquals("\u0661rt x", LanguageTextNormalizer.replaceRetweets("\u0661rt x")); // an Arabic-Indic digit
    assertEquals("_rt x", LanguageTextNormalizer.replaceRetweets("_rt x"));
    // a non-spacing mark counts as a word char only after a letter or digit
    assertEquals("e\u0301rt x", LanguageTextNormalizer.replaceRetweets("e\u0301rt x"));
    assertEquals(" \u0301 x", LanguageTextNormalizer.replaceRetweets(" \u0301rt x"));
    // at a boundary, a run of retweets is one space
    assertEquals(" hello", LanguageTextNormalizer.replaceRetweets("RT rt:hello"));
    assertEquals("start  bye", LanguageTextNormalizer.replaceRetweets("start rt bye"));
    assertEquals("art  x", LanguageTextNormalizer.replaceRetweets("art rt x"));
    assertEquals("rt", LanguageTextNormalizer.replaceRetweets("rt"));
    assertEquals("Vi har försökt, som vår erfarenhet med Debian har lärt oss",
        LanguageTextNormalizer.normalize("Vi har försökt, som vår erfarenhet med Debian har lärt oss"));
  }

  private static String orThrown(java.util.function.Supplier<String> f) {
    try {
      return f.get();
    } catch (StringIndexOutOfBoundsException e) {
      return "thrown";
    }
  }

  @Test
  void longTextsGiveExactlyWhatOpenNlpGives() {
    assumeTrue(Runtime.version().feature() < 19, "OpenNLP's retweet pattern reads \\b as JDK 17 did only before JDK 19");
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
    assumeTrue(Runtime.version().feature() < 19, "OpenNLP's retweet pattern reads \\b as JDK 17 did only before JDK 19");
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
    if (Runtime.version().feature() == 17) { // later JDKs fixed the back reference
      org.junit.jupiter.api.Assertions.assertThrows(StringIndexOutOfBoundsException.class, () -> OPENNLP.normalize(text));
    }
    assertEquals("word " + x + x, LanguageTextNormalizer.normalize(text));
    // where the pattern does not throw, its reading past the repetition is OpenNLP's answer on JDK
    // 17, kept on every JDK
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
