package org.provenant.filters.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class C4QualityFilterTest {
  private static final String PAGE =
      "Home | About | Contact\n"
          + "This page needs JavaScript enabled to work.\n"
          + "We use cookies to improve your experience.\n"
          + "Ok.\n"
          + "The first real sentence is here. The second follows it.\n"
          + "A third sentence cites a source.[2]\n"
          + "Fourth and fifth sentences! Are they here? Yes they are.\n"
          + "Trailing words with an ellipsis...\n"
          + "x".repeat(1001) + " is long.";

  @Test
  void removesLinesAndCountsWhy() {
    QualityVerdict<C4QualityFilter.Statistics> v = C4QualityFilter.create().check(PAGE);
    assertTrue(v.kept(), v.detail());
    assertEquals(new C4QualityFilter.Statistics(9, 3, 1, 2, 1, 1, 1, 6, 0), v.statistics());
    assertEquals(
        Optional.of(
            "The first real sentence is here. The second follows it.\n"
                + "A third sentence cites a source.\n"
                + "Fourth and fifth sentences! Are they here? Yes they are."),
        v.rewrittenText());
    assertEquals(
        "lines=9 kept=3 sentences=6 removed_too_long_word=1 removed_no_terminal_punct=2"
            + " removed_too_few_words=1 removed_javascript=1 removed_policy=1",
        v.detail());
  }

  @Test
  void aTextThatKeepsEveryLineIsNotRewritten() {
    String text = "One sentence is here. Two are here. Three now.\nFour is next. Five ends it.";
    QualityVerdict<?> v = C4QualityFilter.create().check(text);
    assertTrue(v.kept());
    assertEquals(Optional.empty(), v.rewrittenText());
  }

  @Test
  void dropsPagesWithLoremIpsumOrCurlyBracketsOnKeptLines() {
    String five = "\nOne sentence is here. Two are here. Three now. Four is next. Five ends it.";
    QualityVerdict<?> lorem = C4QualityFilter.create().check("Some Lorem Ipsum text is here." + five);
    assertEquals(Optional.of("lorem_ipsum"), lorem.dropReason());
    assertEquals("line=1", lorem.detail());
    QualityVerdict<?> curly = C4QualityFilter.create().check(five.strip() + "\nThe map is {a: 1} here.");
    assertEquals(Optional.of("curly_bracket"), curly.dropReason());
    assertEquals("line=2", curly.detail());
    // As in the reference, a lorem ipsum line removed earlier (no terminal punctuation) does not count.
    assertTrue(C4QualityFilter.create().check("lorem ipsum dolor sit amet" + five).kept());
  }

  @Test
  void dropsTooFewSentences() {
    QualityVerdict<?> v = C4QualityFilter.create().check("Just one sentence.\nAnd a second one here.");
    assertEquals(Optional.of("too_few_sentences"), v.dropReason());
    assertEquals("sentences=2 < 5", v.detail());
  }

  @Test
  void sentenceModeFiltersSentencesAndJoinsWithSpaces() {
    C4QualityFilter f = C4QualityFilter.builder().splitParagraph(false).minNumSentences(2).build();
    QualityVerdict<C4QualityFilter.Statistics> v = f.check("One two three. Four five six! seven eight nine");
    assertEquals(Optional.of("One two three. Four five six!"), v.rewrittenText());
    assertEquals(3, v.statistics().lines());
    assertEquals(2, v.statistics().sentences());
  }

  @Test
  void everyLineCheckCanBeTurnedOff() {
    C4QualityFilter off =
        C4QualityFilter.builder()
            .removeCitations(false)
            .filterNoTerminalPunct(false)
            .minNumSentences(0)
            .minWordsPerLine(0)
            .maxWordLength(Integer.MAX_VALUE)
            .filterLoremIpsum(false)
            .filterJavascript(false)
            .filterCurlyBracket(false)
            .filterPolicy(false)
            .build();
    QualityVerdict<?> v = off.check(PAGE);
    assertTrue(v.kept());
    assertEquals(Optional.empty(), v.rewrittenText());
  }

  @Test
  void paragraphFilterCountsLongLines() {
    String para = "p".repeat(200);
    QualityVerdict<C4ParagraphFilter.Statistics> keep =
        C4ParagraphFilter.create().check(para + "\nshort\n" + para + "\n" + para);
    assertTrue(keep.kept());
    assertEquals("lines=4 paragraphs=3", keep.detail());
    QualityVerdict<C4ParagraphFilter.Statistics> drop =
        C4ParagraphFilter.create().check(para + "\n" + para + "\n" + "p".repeat(199));
    assertEquals(Optional.of("too_few_paragraphs"), drop.dropReason());
    assertEquals("paragraphs=2 < 3 (lines of >= 200 chars)", drop.detail());
    assertTrue(C4ParagraphFilter.create().withMinParagraphs(2).check(para + "\n" + para).kept());
    assertTrue(C4ParagraphFilter.create().withMinParagraphLength(5).check("hello\nthere\nworld").kept());
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertEquals(
        "minNumSentences is negative: -1",
        assertThrows(IllegalArgumentException.class, () -> C4QualityFilter.builder().minNumSentences(-1))
            .getMessage());
    assertEquals(
        "maxWordLength is less than 1: 0",
        assertThrows(IllegalArgumentException.class, () -> C4QualityFilter.builder().maxWordLength(0))
            .getMessage());
    assertEquals(
        "minParagraphs is less than 1: 0",
        assertThrows(IllegalArgumentException.class, () -> C4ParagraphFilter.create().withMinParagraphs(0))
            .getMessage());
  }
}
