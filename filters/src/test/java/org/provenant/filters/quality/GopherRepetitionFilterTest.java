package org.provenant.filters.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GopherRepetitionFilterTest {
  private static final double EPS = 1e-12;

  @Test
  void computesEveryStatisticOfASmallText() {
    // 12 code points; lines "a b", "a b", "c d", "" (one duplicate of 3 chars); one paragraph.
    String text = "a b\na b\nc d\n";
    QualityVerdict<GopherRepetitionFilter.Statistics> v = GopherRepetitionFilter.create().check(text);
    GopherRepetitionFilter.Statistics s = v.statistics();
    assertEquals(12, s.chars());
    assertEquals(1, s.paragraphs());
    assertEquals(0, s.duplicateParagraphs());
    assertEquals(4, s.lines());
    assertEquals(1, s.duplicateLines());
    assertEquals(0.25, s.dupLineFrac(), EPS);
    assertEquals(0.25, s.dupLineCharFrac(), EPS);
    assertEquals(6, s.words());
    // top 2-gram "a b" twice: 3 chars * 2; top 3-gram: all once, the first "a b a" wins: 5 chars.
    assertEquals(
        List.of(new NGramFraction(2, 6.0 / 12), new NGramFraction(3, 5.0 / 12), new NGramFraction(4, 7.0 / 12)),
        s.topNGrams());
    assertEquals(6, s.dupNGrams().size());
    assertTrue(s.dupNGrams().stream().allMatch(f -> f.fraction() == 0));

    assertEquals(Optional.of("dup_line_char_frac"), v.dropReason());
    assertEquals("dup_line_char_frac=0.25 > 0.2", v.detail());
    assertEquals(
        "chars=12 paragraphs=1 dup_para_frac=0 dup_para_char_frac=0 lines=4 dup_line_frac=0.25"
            + " dup_line_char_frac=0.25 words=6 top_2_gram=0.5 top_3_gram=0.4167 top_4_gram=0.5833"
            + " duplicated_5_n_grams=0 duplicated_6_n_grams=0 duplicated_7_n_grams=0"
            + " duplicated_8_n_grams=0 duplicated_9_n_grams=0 duplicated_10_n_grams=0",
        s.summary());
  }

  @Test
  void duplicateNGramsSkipPastEachRepeat() {
    // 3-grams joined without spaces: xyz, yzx, zxy, then xyz repeated at 3 and (after skipping 3) at 6.
    GopherRepetitionFilter f =
        GopherRepetitionFilter.builder().topNGrams(Map.of()).dupNGrams(Map.of(3, 0.5)).build();
    GopherRepetitionFilter.Statistics s = f.statistics("x y z x y z x y z");
    assertEquals(List.of(new NGramFraction(3, 6.0 / 17)), s.dupNGrams());
    assertEquals(List.of(), s.topNGrams());
    assertTrue(f.check("x y z x y z x y z").kept());
    QualityVerdict<?> v =
        GopherRepetitionFilter.builder().topNGrams(Map.of()).dupNGrams(Map.of(3, 0.3)).build()
            .check("x y z x y z x y z");
    assertEquals(Optional.of("duplicated_3_n_grams"), v.dropReason());
    assertEquals("duplicated_3_n_grams=0.3529 > 0.3", v.detail());
  }

  @Test
  void topNGramFractionCountsOverlapsAndCanExceedOne() {
    GopherRepetitionFilter.Statistics s =
        GopherRepetitionFilter.builder().topNGrams(Map.of(2, 0.2)).build().statistics("a a a a");
    assertEquals(List.of(new NGramFraction(2, 9.0 / 7)), s.topNGrams());
  }

  @Test
  void topNGramTiesGoToTheEarliestNGram() {
    // "I am" and "am Frank" both occur 3 times; "I am" comes first: 4 chars * 3 over 61.
    GopherRepetitionFilter.Statistics s =
        GopherRepetitionFilter.create()
            .statistics("I am Frank, you are Jhon. I am Frank. I am Frank you are Jhon");
    assertEquals(new NGramFraction(2, 12.0 / 61), s.topNGrams().get(0));
  }

  @Test
  void paragraphsAreSplitAfterStripping() {
    String text = "\n\nsame para\n\nsame para\n\nother one\n\n";
    GopherRepetitionFilter.Statistics s = GopherRepetitionFilter.create().statistics(text);
    assertEquals(3, s.paragraphs());
    assertEquals(1, s.duplicateParagraphs());
    assertEquals(1.0 / 3, s.dupParaFrac(), EPS);
    assertEquals(9.0 / text.length(), s.dupParaCharFrac(), EPS);
    assertEquals(Optional.of("dup_para_frac"), GopherRepetitionFilter.create().check(text).dropReason());
  }

  @Test
  void keepsTheEmptyTextAndOrdinaryProse() {
    QualityVerdict<?> empty = GopherRepetitionFilter.create().check("");
    assertTrue(empty.kept());
    QualityVerdict<?> prose =
        GopherRepetitionFilter.create()
            .check("The river rose overnight and flooded the lower fields.\n"
                + "By noon the farmers had moved their animals to the hill.\n\n"
                + "Nobody remembered a spring as wet as this one.");
    assertTrue(prose.kept(), prose.detail());
    assertEquals(prose.statistics().summary(), prose.detail());
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GopherRepetitionFilter.builder().dupLineFrac(1.5));
    assertEquals("dupLineFrac must be in [0, 1]: 1.5", e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class, () -> GopherRepetitionFilter.builder().topNGrams(Map.of(0, 0.2)));
    assertEquals("topNGrams: n must be >= 1: 0", e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class, () -> GopherRepetitionFilter.builder().dupNGrams(Map.of(5, 2.0)));
    assertEquals("dupNGrams must be in [0, 1]: 2.0", e.getMessage());
  }

  /**
   * The n-gram statistics against the plain definition (datatrove's): n-grams as joined strings in
   * a map, on random texts over a tiny vocabulary so that repeats, ties and glued collisions ("ab" +
   * "c" against "a" + "bc") are frequent.
   */
  @Test
  void nGramStatisticsMatchThePlainStringDefinition() {
    java.util.Random random = new java.util.Random(42);
    String[] vocabulary = {"a", "b", "ab", "c", "bc", "abc", "the", "cat", "é", "日本"};
    GopherRepetitionFilter filter = GopherRepetitionFilter.create();
    for (int t = 0; t < 300; t++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(9) == 0 ? "\n" : " ");
      }
      GopherRepetitionFilter.Statistics s = filter.statistics(text.toString());
      List<String> words = WordSplitter.split(text.toString());
      int chars = Texts.length(text.toString());
      for (NGramFraction f : s.topNGrams()) {
        assertEquals(Texts.ratio(plainTop(words, f.n()), chars), f.fraction(), 0.0, text + " top " + f.n());
      }
      for (NGramFraction f : s.dupNGrams()) {
        assertEquals(Texts.ratio(plainDup(words, f.n()), chars), f.fraction(), 0.0, text + " dup " + f.n());
      }
    }
  }

  private static long plainTop(List<String> words, int n) {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (int i = 0; i + n <= words.size(); i++) {
      counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best == null ? 0 : (long) Texts.length(best) * bestCount;
  }

  private static long plainDup(List<String> words, int n) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    long repeated = 0;
    int i = 0;
    while (i + n <= words.size()) {
      List<String> gram = words.subList(i, i + n);
      if (!seen.add(String.join("", gram))) {
        for (String w : gram) {
          repeated += Texts.length(w);
        }
        i += n;
      } else {
        i++;
      }
    }
    return repeated;
  }
}
