package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.cli.UserError;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.RunManifest;

/**
 * A second crawl deduplicated against the first release ({@code --dedup-against}): what the first
 * release already holds, exactly or nearly, is rejected pointing at the released document; what is
 * new is kept; the released documents are not written again and the accounting of the new run holds.
 */
class DedupAgainstTest {
  @TempDir static Path tmp;
  static Path second;

  @BeforeAll
  static void run() throws IOException {
    SplittableRandom r = new SplittableRandom(11);
    String a = DedupPipelineTest.words(r, 300);
    String b = DedupPipelineTest.words(r, 300);
    String c = DedupPipelineTest.words(r, 300);
    String d = DedupPipelineTest.words(r, 300);
    Path in1 = tmp.resolve("in1");
    Path in2 = tmp.resolve("in2");
    Files.createDirectories(in1);
    Files.createDirectories(in2);
    jsonl(in1.resolve("first.jsonl"), List.of(
        new String[] {"a", "2024-01-01T00:00:00Z", a},
        new String[] {"b", "2024-01-01T00:00:00Z", b}));
    jsonl(in2.resolve("second.jsonl"), List.of(
        new String[] {"a-again", "2025-01-01T00:00:00Z", a},                                  // exact copy of a
        new String[] {"b-edit", "2024-06-01T00:00:00Z", DedupPipelineTest.editEvery(b, 100, "z")}, // near copy of b
        new String[] {"c", "2025-01-01T00:00:00Z", c},                                         // new
        new String[] {"c-copy", "2025-01-02T00:00:00Z", c},                                    // copy of new c
        new String[] {"d", "2025-01-01T00:00:00Z", d}));                                       // new
    Path first = tmp.resolve("first");
    second = tmp.resolve("second");
    new Curator(System.err).run(List.of(in1 + "/*.jsonl"), first.toString(), CurationConfig.NONE, false, List.of());
    CurationConfig against = CurationConfig.NONE.withDedup(CurationConfig.NONE.dedup().plusAgainst(List.of(first.toString())));
    new Curator(System.err).run(List.of(in2 + "/*.jsonl"), second.toString(), against, false, List.of());
  }

  static void jsonl(Path file, List<String[]> rows) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (String[] row : rows) {
      lines.append(json.writeValueAsString(Map.of("id", row[0], "date", row[1], "text", row[2]))).append('\n');
    }
    Files.writeString(file, lines.toString());
  }

  @Test
  void onlyWhatIsNewIsKept() throws IOException {
    assertEquals(List.of("c", "d"), CurationEndToEndTest.documents(second).stream().map(Document::id).sorted().toList());
    Map<String, String> got = new TreeMap<>();
    Map<String, String> details = new TreeMap<>();
    for (Rejection x : CurationEndToEndTest.rejections(second)) {
      got.put(x.id(), x.reason() + " of " + x.duplicateOf());
      details.put(x.id(), x.detail());
    }
    assertEquals(Map.of(
        "a-again", "exact_duplicate of a",
        "b-edit", "near_duplicate of b",
        "c-copy", "exact_duplicate of c"), got);
    assertTrue(details.get("a-again").endsWith(" of a document of an earlier release"), details.get("a-again"));
    assertTrue(details.get("b-edit").matches("Jaccard 0\\.\\d+ with b of an earlier release"), details.get("b-edit"));
    assertEquals("same normalised text (exact key " , details.get("c-copy").substring(0, 32));
    RunManifest m = new OutputDir(second.toString()).manifest().orElseThrow();
    assertEquals(5, m.counts().candidates());
    assertTrue(m.accountingOk());
  }

  @Test
  void anIncompleteOutputIsRefused() throws IOException {
    Path notAnOutput = tmp.resolve("empty");
    Files.createDirectories(notAnOutput);
    CurationConfig against = CurationConfig.NONE.withDedup(CurationConfig.NONE.dedup().plusAgainst(List.of(notAnOutput.toString())));
    UserError e = assertThrows(UserError.class, () -> new Curator(System.err)
        .run(List.of(tmp.resolve("in2") + "/*.jsonl"), tmp.resolve("x").toString(), against, false, List.of()));
    assertEquals("dedup against " + notAnOutput + ": no manifest.json there, so it is not a complete Provenant output", e.getMessage());
  }
}
