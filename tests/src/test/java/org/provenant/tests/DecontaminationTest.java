package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;

/**
 * The {@code decontaminate} step in a whole run (added to preset none by {@code add_steps}) and
 * {@code decontamination-report} on a release curated without it: benchmark-like items the test
 * writes, documents with planted overlaps (exact, re-cased and re-spaced, inside a longer text)
 * and clean documents, one of which shares 12 words in a row with an item.
 */
class DecontaminationTest {
  static final String Q1 = "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May."
      + " How many clips did Natalia sell altogether in April and May?";
  static final String Q2 = "Weng earns 12 dollars an hour for babysitting. Yesterday, she just did 50 minutes of babysitting."
      + " How much did she earn?";
  static final String PY = "def has_close_elements(numbers, threshold):\n    \"\"\" Check if in given list of numbers, are any two numbers"
      + " closer to each other than given threshold. \"\"\"";

  @TempDir static Path tmp;
  static Path bench;
  static Path code;
  static Path withStep;
  static Path without;
  static final Map<String, String> DOCS = new LinkedHashMap<>();

  @BeforeAll
  static void curate() throws IOException {
    ObjectMapper json = new ObjectMapper();
    bench = tmp.resolve("arith.jsonl");
    Files.writeString(bench, json.writeValueAsString(Map.of("task_id", "arith/0", "question", Q1)) + "\n"
        + json.writeValueAsString(Map.of("task_id", "arith/1", "question", Q2)) + "\n");
    code = tmp.resolve("humaneval.jsonl");
    Files.writeString(code, json.writeValueAsString(Map.of("task_id", "HumanEval/0", "question", PY)) + "\n");
    DOCS.put("exact", "Worked examples follow. " + Q1 + " The answer is 72.");
    DOCS.put("recased", "FORUM POST\n\nweng   EARNS 12 dollars an hour, for babysitting... yesterday she just did 50 minutes of BABYSITTING!"
        + " how much did she earn?? thanks");
    DOCS.put("code-copy", "# solution\n" + PY.replace("    ", "\t") + "\n    return False\n");
    DOCS.put("clean-12", "Natalia sold clips to 48 of her friends in April, and then her brother sold the rest of them.");
    DOCS.put("clean", "The quarterly report describes the sale of paper clips in April and May across forty stores in the region.");
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, String> d : DOCS.entrySet()) {
      lines.append(json.writeValueAsString(new TreeMap<>(Map.of("id", d.getKey(), "text", d.getValue())))).append('\n');
    }
    Path in = Files.createDirectories(tmp.resolve("in")).resolve("docs.jsonl");
    Files.writeString(in, lines.toString());
    String config = "{\"preset\": \"none\", \"dedup\": {\"enabled\": false}, \"add_steps\": [{\"step\": \"decontaminate\", \"params\":"
        + " {\"benchmarks\": [\"" + bench + "\", \"humaneval=" + code + "\"], \"text_field\": \"question\", \"id_field\": \"task_id\"}}]}";
    withStep = tmp.resolve("with-step");
    without = tmp.resolve("without");
    new Curator(System.err).run(List.of(in.toString()), withStep.toString(), CurationConfig.parse(config), false, List.of("--runner=DirectRunner"));
    new Curator(System.err).run(List.of(in.toString()), without.toString(), CurationConfig.parse("{\"preset\": \"none\", \"dedup\": {\"enabled\": false}}"),
        false, List.of("--runner=DirectRunner"));
  }

  @Test
  void theStepRejectsEveryPlantedOverlapAndKeepsTheCleanDocuments() throws IOException {
    Map<String, String> rejected = CurationEndToEndTest.rejections(withStep).stream()
        .collect(Collectors.toMap(Rejection::id, x -> x.step() + " " + x.reason() + " " + x.detail(), (a, b) -> a, TreeMap::new));
    assertEquals(Map.of(
        "exact", "decontaminate@1 benchmark_overlap benchmark arith item arith/0: chars 24-178 (31 tokens): \""
            + Q1.substring(0, Q1.length() - 1) + "\"",
        "recased", "decontaminate@1 benchmark_overlap benchmark arith item arith/1: chars 12-135 (21 tokens): \"weng   EARNS 12 dollars an"
            + " hour, for babysitting... yesterday she just did 50 minutes of BABYSITTING! how much did she earn\"",
        "code-copy", "decontaminate@1 benchmark_overlap benchmark humaneval item HumanEval/0: chars 11-156 (24 tokens): \"def"
            + " has_close_elements(numbers, threshold):\\n\\t\"\"\" Check if in given list of numbers, are any two numbers closer to each"
            + " other than given threshold\""), rejected);
    List<String> kept = CurationEndToEndTest.documents(withStep).stream().map(Document::id).sorted().toList();
    assertEquals(List.of("clean", "clean-12"), kept);
    Document clean = CurationEndToEndTest.byId(CurationEndToEndTest.documents(withStep), "clean-12");
    assertEquals("decontaminate@1", clean.lineage().get(clean.lineage().size() - 1).step());
    assertEquals("no 13-gram of 3 benchmark items", clean.lineage().get(clean.lineage().size() - 1).detail());
    assertEquals(Map.of("benchmark_overlap", 3L), new OutputDir(withStep.toString()).manifest().orElseThrow().counts().rejectedByReason());
    assertEquals(true, new OutputVerifier().verify(new OutputDir(withStep.toString())).ok());
  }

  @Test
  void theReportListsWhichItemsAReleaseHoldsAndWhere() {
    CliTest.Run r = CliTest.cli("decontamination-report", without.toString(), "--benchmarks", bench.toString(), "humaneval=" + code,
        "--text-field", "question", "--id-field", "task_id");
    assertEquals(1, r.code(), r.err());
    String in = tmp.resolve("in").resolve("docs.jsonl").toString();
    assertEquals(List.of(
        "arith arith/0 in exact (" + in + "@" + offset("exact") + ") chars 24-178 (31 tokens): \"" + Q1.substring(0, Q1.length() - 1) + "\"",
        "arith arith/1 in recased (" + in + "@" + offset("recased") + ") chars 12-135 (21 tokens): \"weng   EARNS 12 dollars an hour, for"
            + " babysitting... yesterday she just did 50 minutes of BABYSITTING! how much did she earn\"",
        "humaneval HumanEval/0 in code-copy (" + in + "@" + offset("code-copy") + ") chars 11-156 (24 tokens): \"def has_close_elements(numbers,"
            + " threshold):\\n\\t\"\"\" Check if in given list of numbers, are any two numbers closer to each other than given threshold\"",
        "3 overlap(s) in 5 kept document(s) checked with 13-grams: arith 2 of 2 items, humaneval 1 of 1 items"),
        r.out().lines().toList());
    CliTest.Run clean = CliTest.cli("decontamination-report", withStep.toString(), "--benchmarks", bench.toString(), "humaneval=" + code,
        "--text-field", "question", "--id-field", "task_id", "--json");
    assertEquals(0, clean.code(), clean.err());
    assertEquals("", clean.out());
  }

  @Test
  void parquetBenchmarksWithListColumns() throws IOException {
    org.apache.avro.Schema schema = org.apache.avro.SchemaBuilder.record("Item").fields()
        .requiredLong("qid").requiredString("question").name("choices").type().array().items().stringType().noDefault().endRecord();
    Path pq = tmp.resolve("mcq.parquet");
    try (org.apache.parquet.hadoop.ParquetWriter<org.apache.avro.generic.GenericRecord> w =
        org.apache.parquet.avro.AvroParquetWriter.<org.apache.avro.generic.GenericRecord>builder(
                new org.apache.parquet.io.LocalOutputFile(pq))
            .withSchema(schema).withConf(new org.apache.hadoop.conf.Configuration(false)).build()) {
      org.apache.avro.generic.GenericRecord a = new org.apache.avro.generic.GenericData.Record(schema);
      a.put("qid", 7L);
      a.put("question", "How many clips did Natalia sell altogether in April and May?");
      a.put("choices", List.of("72", "48", "24"));
      w.write(a);
      org.apache.avro.generic.GenericRecord b = new org.apache.avro.generic.GenericData.Record(schema);
      b.put("qid", 8L);
      b.put("question", "Which of these is a prime number greater than twenty and smaller than thirty in the usual base ten notation?");
      b.put("choices", List.of("21", "23", "25"));
      w.write(b);
    }
    CliTest.Run r = CliTest.cli("decontamination-report", without.toString(), "--benchmarks", pq.toString(), "--text-field", "question,choices",
        "--id-field", "qid", "--n", "8");
    assertEquals(1, r.code(), r.err());
    assertEquals(List.of(
        "mcq 7 in exact (" + tmp.resolve("in").resolve("docs.jsonl") + "@" + offset("exact") + ") chars 119-178 (11 tokens): \"How many clips did"
            + " Natalia sell altogether in April and May\"",
        "1 overlap(s) in 5 kept document(s) checked with 8-grams: mcq 1 of 2 items"), r.out().lines().toList());
  }

  /** The byte offset of a document's line in the input, as source.offset has it. */
  static long offset(String id) {
    try {
      return CurationEndToEndTest.byId(CurationEndToEndTest.documents(without), id).source().offset();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
