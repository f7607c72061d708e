package org.provenant.filters.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FineWebQualityFilterTest {
  // Non-blank lines: 21, 5, 21 (duplicate), 32 code points; 83 code points, 4 of them \n.
  private static final String TEXT =
      "First line ends well.\nshort\nFirst line ends well.\n\nAnother long line without a stop";

  @Test
  void computesEveryStatistic() {
    FineWebQualityFilter.Statistics s = FineWebQualityFilter.create().statistics(TEXT);
    assertEquals(new FineWebQualityFilter.Statistics(4, 0.5, 0.75, 21.0 / 79, 17, 4, 4.0 / 17), s);
    assertEquals(
        "lines=4 line_punct_ratio=0.5 short_line_ratio=0.75 char_dup_ratio=0.2658 words=17 list_ratio=0.2353",
        s.summary());
  }

  @Test
  void dropsWithEachReasonInOrder() {
    QualityVerdict<?> shortLines = FineWebQualityFilter.create().check(TEXT);
    assertEquals(Optional.of("short_line_ratio"), shortLines.dropReason());
    assertEquals("short_line_ratio=0.75 > 0.67", shortLines.detail());

    QualityVerdict<?> dup = FineWebQualityFilter.builder().shortLineThr(1).build().check(TEXT);
    assertEquals("char_dup_ratio=0.2658 > 0.01", dup.detail());

    QualityVerdict<?> list =
        FineWebQualityFilter.builder().shortLineThr(1).charDuplicatesRatio(1).newLineRatio(0.2).build().check(TEXT);
    assertEquals(Optional.of("list_ratio"), list.dropReason());
    assertEquals("list_ratio=0.2353 > 0.2", list.detail());

    assertTrue(
        FineWebQualityFilter.builder().shortLineThr(1).charDuplicatesRatio(1).build().check(TEXT).kept());

    QualityVerdict<?> punct = FineWebQualityFilter.create().check("no stop here\nnor here at all");
    assertEquals("line_punct_ratio=0 < 0.12", punct.detail());
    QualityVerdict<?> empty = FineWebQualityFilter.create().check(" \n\t\n");
    assertEquals(Optional.of("empty"), empty.dropReason());
  }

  @Test
  void terminalPunctuationIsAnyScriptsSentenceTerminal() {
    FineWebQualityFilter f = FineWebQualityFilter.create();
    assertEquals(1.0, f.statistics("\u4eca\u5929\u5929\u6c14\u5f88\u597d\u3002\n\u00bfQu\u00e9 tal?\nIs it \u0644\u0627\u061f").linePunctRatio());
    assertEquals(0.0, f.statistics("a quote\"\nan ellipsis\u2026\n(bracket)").linePunctRatio());
    assertEquals(
        0.5, FineWebQualityFilter.builder().stopChars(".").build().statistics("end.\nend!").linePunctRatio());
  }

  @Test
  void excludeZeroLetsUnpunctuatedTextsPass() {
    String text = "a list item that is long enough\nanother list item that is long too";
    assertEquals(Optional.of("line_punct_ratio"), FineWebQualityFilter.create().check(text).dropReason());
    assertTrue(FineWebQualityFilter.builder().linePunctExcludeZero(true).build().check(text).kept());
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertEquals(
        "linePunctThr must be in [0, 1]: -0.1",
        assertThrows(IllegalArgumentException.class, () -> FineWebQualityFilter.builder().linePunctThr(-0.1))
            .getMessage());
    assertEquals(
        "stopChars is empty",
        assertThrows(IllegalArgumentException.class, () -> FineWebQualityFilter.builder().stopChars(""))
            .getMessage());
    assertEquals(
        "shortLineLength is negative: -1",
        assertThrows(IllegalArgumentException.class, () -> FineWebQualityFilter.builder().shortLineLength(-1))
            .getMessage());
  }
}
