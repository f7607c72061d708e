package org.provenant.filters.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.OptionalInt;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Source;
import org.junit.jupiter.api.Test;

/** Quality filters as pipeline steps: lineage on keep, reason and statistic on reject. */
class QualityFilterStepTest {
  private static final LineageEntry READ = new LineageEntry("read_warc@1", LineageEntry.OK, null);

  private static Document doc(String text) {
    return Document.of("doc-1", text, Kind.WEB, Source.builder("in.warc.gz", 42).build(), List.of(READ));
  }

  @Test
  void keptDocumentGetsTheStatisticsInItsLineage() {
    DocumentStep step = GopherQualityFilter.builder().minDocWords(5).build().asStep();
    assertEquals("gopher_quality@1", step.id());
    Outcome.Kept kept = assertInstanceOf(
        Outcome.Kept.class, step.apply(doc("The cat sat on the mat. It was happy with that.")));
    assertEquals(
        List.of(
            READ,
            new LineageEntry(
                "gopher_quality@1", "ok",
                "words=13 non_symbol_words=11 mean_word_len=3.1818 hash_ratio=0 ellipsis_ratio=0"
                    + " lines=1 bullet_lines=0 end_ellipsis_lines=0 alpha_words=0.8462 stop_words=3")),
        kept.document().lineage());
    assertEquals("The cat sat on the mat. It was happy with that.", kept.document().text());
  }

  @Test
  void rejectedDocumentCarriesReasonAndStatistic() {
    DocumentStep step = GopherRepetitionFilter.create().asStep();
    Outcome.Rejected r = assertInstanceOf(
        Outcome.Rejected.class, step.apply(doc("I am your father.\nI am your father.\nI am your father.\n")));
    Rejection rejection = r.rejection();
    assertEquals("doc-1", rejection.id());
    assertEquals("gopher_repetition@1", rejection.step());
    assertEquals("dup_line_frac", rejection.reason());
    assertEquals("dup_line_frac=0.5 > 0.3", rejection.detail());
    assertEquals(
        new LineageEntry("gopher_repetition@1", "rejected", "dup_line_frac: dup_line_frac=0.5 > 0.3"),
        rejection.lineage().get(1));
  }

  @Test
  void lineFilterReplacesTheTextAndSaysModified() {
    String text = "Click here\nOne sentence is here. Two are here. Three now.\nFour is next. Five ends it.";
    Outcome.Kept kept = assertInstanceOf(Outcome.Kept.class, C4QualityFilter.create().asStep().apply(doc(text)));
    assertEquals(
        "One sentence is here. Two are here. Three now.\nFour is next. Five ends it.",
        kept.document().text());
    LineageEntry last = kept.document().lineage().get(1);
    assertEquals("c4_quality@1", last.step());
    assertEquals("modified", last.outcome());
  }

  @Test
  void regexFilterDropsOnAMatch() {
    RegexFilter f = RegexFilter.of("(?i)copyright");
    QualityVerdict<RegexFilter.Statistics> v = f.check("Text.\n\nCoPyRiGhT 2024");
    assertEquals("regex_match", v.dropReason().get());
    assertEquals("pattern=(?i)copyright at=7", v.detail());
    assertEquals(OptionalInt.of(7), v.statistics().matchOffset());
    assertEquals("matches=0", f.check("Text.").detail());
    assertEquals(
        "regex is not a valid pattern: Unclosed group near index 1\n(",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RegexFilter.of("("))
            .getMessage());
  }

  @Test
  void everyStepSurvivesJavaSerialization() throws Exception {
    String text = "I am your father.\nI am your father.\nYou are a wizard, Harry. Lorem ipsum.";
    for (QualityFilter<?> f : List.of(
        GopherRepetitionFilter.create(), GopherQualityFilter.create(), C4QualityFilter.create(),
        C4ParagraphFilter.create(), C4BadWordsFilter.english(), FineWebQualityFilter.create(),
        RegexFilter.of("wizard"))) {
      DocumentStep step = f.asStep();
      DocumentStep copy = roundTrip(step);
      assertEquals(step.id(), copy.id());
      assertEquals(step.apply(doc(text)), copy.apply(doc(text)), step.id());
    }
  }

  private static DocumentStep roundTrip(DocumentStep step) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(step);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (DocumentStep) in.readObject();
    }
  }
}
