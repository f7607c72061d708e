package org.provenant.filters.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  };

  @Test
  void givesExactlyWhatOpenNlpsNormalizersGive() {
    Random random = new Random(7);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      int pieces = random.nextInt(12);
      for (int i = 0; i < pieces; i++) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      assertEquals(OPENNLP.normalize(text).toString(), LanguageTextNormalizer.normalize(text), () -> "text: [" + text + "]");
    }
  }

  @Test
  void ordinaryProseSkipsThePatternsAndKeepsTheText() {
    assertEquals("The cat sat on the mat.", LanguageTextNormalizer.normalize("  The cat sat on the mat. "));
    assertEquals("a a", LanguageTextNormalizer.normalize("a 123 a"));
    assertEquals("haha", LanguageTextNormalizer.normalize("hahahaha"));
    // OpenNLP's emoji pattern also takes the hyphen (see mayHaveEmoji).
    assertEquals("well known", LanguageTextNormalizer.normalize("well-known"));
  }
}
