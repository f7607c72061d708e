package org.provenant.filters.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GopherQualityFilterTest {
  private static final String CAT = "The cat sat on the mat. It was happy with that.";

  private static GopherQualityFilter small() {
    return GopherQualityFilter.builder().minDocWords(5).build();
  }

  @Test
  void computesEveryStatisticOfASmallText() {
    // Tokens: The cat sat on the mat . It was happy with that . (13; 11 with letters, 35 chars).
    GopherQualityFilter.Statistics s = small().statistics(CAT);
    assertEquals(
        new GopherQualityFilter.Statistics(13, 11, 35.0 / 11, 0, 0, 0, 0, 1, 0, 0, 11.0 / 13, 3), s);
    assertEquals(
        "words=13 non_symbol_words=11 mean_word_len=3.1818 hash_ratio=0 ellipsis_ratio=0 lines=1"
            + " bullet_lines=0 end_ellipsis_lines=0 alpha_words=0.8462 stop_words=3",
        s.summary());
    QualityVerdict<GopherQualityFilter.Statistics> v = small().check(CAT);
    assertTrue(v.kept());
    assertEquals(s.summary(), v.detail());
  }

  @Test
  void stopWordsAreCaseSensitiveAsInTheReference() {
    // "The" does not count; "the", "with", "that" do.
    assertEquals(3, small().statistics(CAT).stopWords());
    QualityVerdict<?> v = small().check("The Cat Sat On A Mat. It Was Happy With That.");
    assertEquals(Optional.of("gopher_enough_stop_words"), v.dropReason());
    assertEquals("stop_words=0 < 2", v.detail());
  }

  @Test
  void dropsWithEachReasonInOrder() {
    assertEquals(
        "non_symbol_words=11 < 50", GopherQualityFilter.create().check(CAT).detail());
    assertEquals(
        Optional.of("gopher_long_doc"),
        GopherQualityFilter.builder().minDocWords(1).maxDocWords(10).build().check(CAT).dropReason());
    assertEquals(
        "mean_word_len=3.1818 > 3",
        GopherQualityFilter.builder().minDocWords(5).maxAvgWordLength(3).build().check(CAT).detail());
    QualityVerdict<?> hashes = small().check(CAT + " #one #two");
    assertEquals(Optional.of("gopher_too_many_hashes"), hashes.dropReason());
    assertEquals("hash_ratio=0.1176 > 0.1", hashes.detail());
    QualityVerdict<?> ellipsis = small().check(CAT + " And\u2026 then... so...");
    assertEquals(Optional.of("gopher_too_many_ellipsis"), ellipsis.dropReason());
    assertEquals("ellipsis_ratio=0.1579 > 0.1", ellipsis.detail());

    String bullets = "- the first item with the words\n- the second item\n\u2022 the third\n  - with that";
    QualityVerdict<?> b = small().check(bullets);
    assertEquals(Optional.of("gopher_too_many_bullets"), b.dropReason());
    assertEquals("bullet_lines=1 > 0.9", b.detail());

    String trailing =
        "the first line goes on and on and on...\nthe second line is about that and this\u2026\nthe third line.";
    QualityVerdict<?> t = small().check(trailing);
    assertEquals(Optional.of("gopher_too_many_end_ellipsis"), t.dropReason());
    assertEquals("end_ellipsis_lines=0.6667 > 0.3", t.detail());

    QualityVerdict<?> alpha = small().check(CAT + " 100 200 300 400 500");
    assertEquals(Optional.of("gopher_below_alpha_threshold"), alpha.dropReason());
    assertEquals("alpha_words=0.6111 < 0.8", alpha.detail());
  }

  @Test
  void aTextWithoutWordsIsShort() {
    GopherQualityFilter noMinimum = GopherQualityFilter.builder().minDocWords(0).build();
    assertEquals(Optional.of("gopher_short_doc"), noMinimum.check("").dropReason());
    assertEquals(Optional.of("gopher_short_doc"), noMinimum.check(" \n ").dropReason());
  }

  @Test
  void customStopWords() {
    GopherQualityFilter f =
        GopherQualityFilter.builder().minDocWords(5).stopWords(List.of("cat", "mat")).build();
    assertEquals(2, f.statistics(CAT).stopWords());
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertEquals(
        "minDocWords is negative: -1",
        assertThrows(IllegalArgumentException.class, () -> GopherQualityFilter.builder().minDocWords(-1))
            .getMessage());
    assertEquals(
        "minDocWords (200) is greater than maxDocWords (100)",
        assertThrows(
                IllegalArgumentException.class,
                () -> GopherQualityFilter.builder().maxDocWords(100).minDocWords(200).build())
            .getMessage());
    assertEquals(
        "minAlphaWordsRatio must be in [0, 1]: 1.2",
        assertThrows(
                IllegalArgumentException.class, () -> GopherQualityFilter.builder().minAlphaWordsRatio(1.2))
            .getMessage());
    assertEquals(
        "minStopWords (3) is more than there are stopWords (2)",
        assertThrows(
                IllegalArgumentException.class,
                () -> GopherQualityFilter.builder().minStopWords(3).stopWords(List.of("a", "b")).build())
            .getMessage());
  }
}
