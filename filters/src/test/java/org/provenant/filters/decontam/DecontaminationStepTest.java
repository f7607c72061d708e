package org.provenant.filters.decontam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.filters.step.StepCatalog;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Source;

class DecontaminationStepTest {
  static final String Q1 = "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May."
      + " How many clips did Natalia sell altogether in April and May?";
  static final String Q2 = "Weng earns 12 dollars an hour for babysitting. Yesterday, she just did 50 minutes of babysitting."
      + " How much did she earn?";

  @TempDir Path dir;
  Path bench;

  @BeforeEach
  void writeBenchmark() throws Exception {
    bench = dir.resolve("arith.jsonl");
    Files.writeString(bench, String.join("\n",
        "{\"task_id\": \"arith/0\", \"question\": \"" + Q1 + "\", \"answer\": \"Natalia sold 48/2 = 24 clips in May.\"}",
        "",
        "{\"task_id\": 1, \"question\": \"" + Q2 + "\"}",
        "{\"question\": \"What is the capital of France?\"}") + "\n", StandardCharsets.UTF_8);
  }

  private DocumentStep step(Map<String, Object> extra) {
    Map<String, Object> p = new java.util.HashMap<>(Map.of(
        "benchmarks", List.of(bench.toString()), "text_field", "question,answer", "id_field", "task_id"));
    p.putAll(extra);
    return StepCatalog.build(List.of("decontaminate"), List.of(p)).get(0);
  }

  private static Document doc(String id, String text) {
    return Document.of(id, text, Kind.WEB, Source.builder("file:///crawl.warc.gz", 7).url("https://x.example/" + id).build(), List.of());
  }

  @Test
  void findsAnExactCopyWithTheSpanAndTheItem() {
    String text = "Intro text here. " + Q1 + " More filler.";
    Outcome o = step(Map.of()).apply(doc("exact", text));
    Rejection r = assertInstanceOf(Outcome.Rejected.class, o).rejection();
    assertEquals("decontaminate@1", r.step());
    assertEquals("benchmark_overlap", r.reason());
    // the whole question, 31 tokens; the document does not go on into the answer
    assertEquals("benchmark arith item arith/0: chars 17-171 (31 tokens): \""
        + Q1.substring(0, Q1.length() - 1) + "\"", r.detail());
    assertEquals("decontaminate@1", r.signals().statistics().get(0).step());
    assertEquals("overlap_tokens", r.signals().statistics().get(0).name());
    assertEquals(31.0, r.signals().statistics().get(0).value());
  }

  @Test
  void findsARecasedRespacedRepunctuatedCopy() {
    String text = "Notes:\nWENG   earns 12 DOLLARS an hour -- for babysitting!!\nYesterday she just did 50 minutes of babysitting;"
        + " how MUCH did she earn and why.";
    Rejection r = assertInstanceOf(Outcome.Rejected.class, step(Map.of()).apply(doc("recased", text))).rejection();
    assertEquals("benchmark arith item 1: chars 7-131 (21 tokens): \"WENG   earns 12 DOLLARS an hour -- for babysitting!!"
        + "\\nYesterday she just did 50 minutes of babysitting; how MUCH did she earn\"", r.detail());
  }

  @Test
  void aMatchMayRunFromTheQuestionIntoTheAnswer() {
    // the last 8 words of the question and the first 6 of the answer field: 14 tokens
    String text = "Quiz recap: did Natalia sell altogether in April and May? Natalia sold 48 / 2 = 24 clips - end";
    Rejection r = assertInstanceOf(Outcome.Rejected.class, step(Map.of()).apply(doc("joined", text))).rejection();
    assertEquals("benchmark arith item arith/0: chars 12-88 (14 tokens): "
        + "\"did Natalia sell altogether in April and May? Natalia sold 48 / 2 = 24 clips\"", r.detail());
  }

  @Test
  void twelveSharedWordsAreNotAThirteenGram() {
    DocumentStep s = step(Map.of());
    List<String> clean = List.of(
        "Natalia sold clips to 48 of her friends in April, and then we sold none at all.",
        "Weng earns 12 dollars an hour for babysitting. Yesterday, she just did 49 minutes of it.",
        "The capital of France is Paris, which is also its largest city and a busy port on the Seine.",
        "");
    for (String t : clean) {
      Outcome o = s.apply(doc("clean", t));
      Document kept = assertInstanceOf(Outcome.Kept.class, o, t).document();
      assertEquals("no 13-gram of 3 benchmark items", kept.lineage().get(kept.lineage().size() - 1).detail());
    }
    // with n = 8 the first two repeat an 8-gram
    DocumentStep eight = step(Map.of("n", 8));
    assertEquals("benchmark arith item arith/0: chars 0-58 (12 tokens): \"Natalia sold clips to 48 of her friends in April, and then\"",
        assertInstanceOf(Outcome.Rejected.class, eight.apply(doc("c0", clean.get(0)))).rejection().detail());
    assertEquals("benchmark arith item 1: chars 0-70 (12 tokens): \"Weng earns 12 dollars an hour for babysitting. Yesterday, she just did\"",
        assertInstanceOf(Outcome.Rejected.class, eight.apply(doc("c1", clean.get(1)))).rejection().detail());
    assertInstanceOf(Outcome.Kept.class, eight.apply(doc("c2", clean.get(2))));
  }

  @Test
  void everyOverlapOfEveryItemInDocumentOrder() {
    BenchmarkIndex index = BenchmarkIndex.of(List.of(
        new BenchmarkItem("a", "x", Q2), new BenchmarkItem("b", "y", Q1), new BenchmarkItem("c", "z", "too short to index")), 13);
    assertEquals(1, index.shortItems());
    assertEquals((21 - 13 + 1) + (31 - 13 + 1), index.grams());
    assertTrue(index.sorted());
    String text = Q1 + " and " + Q2 + " then " + Q1.toUpperCase();
    List<Overlap> all = index.all(text);
    assertEquals(3, all.size());
    assertEquals(List.of("y", "x", "y"), all.stream().map(Overlap::itemId).toList());
    assertEquals(List.of(0, 160, 286), all.stream().map(Overlap::start).toList());
    assertEquals(List.of(154, 279, 440), all.stream().map(Overlap::end).toList());
    assertEquals(List.of(31, 21, 31), all.stream().map(Overlap::tokens).toList());
    assertEquals(Q1.toUpperCase().substring(0, Q1.length() - 1), all.get(2).matchedText());
  }

  @Test
  void offsetsAreCodePoints() {
    BenchmarkIndex index = BenchmarkIndex.of(List.of(new BenchmarkItem("a", "x", Q2)), 13);
    Overlap o = index.first("\uD83D\uDE00\uD83D\uDE00 " + Q2).orElseThrow();
    assertEquals(3, o.start());
    assertEquals(3 + Q2.length() - 1, o.end());
  }

  @Test
  void aMissingTextFieldNamesTheLine() throws Exception {
    Files.writeString(bench, "{\"q\": \"x\"}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> step(Map.of("n", 5)));
    assertEquals("step decontaminate: benchmark " + bench + ":1: none of the text fields [question, answer] is present", e.getMessage());
  }
}
