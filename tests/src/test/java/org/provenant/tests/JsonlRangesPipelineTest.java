package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.manifest.InputFileEntry;
import org.provenant.schemas.manifest.RunManifest;

/**
 * A JSONL file over {@code read.split_bytes} is read in ranges by every worker, with the same
 * output as one reader of the whole file: the same shards byte for byte (ids from line numbers,
 * offsets, lineage "line N", rejections) and the same manifest entry for the file, on the
 * DirectRunner and on embedded Flink. A gzipped copy is always read whole.
 */
class JsonlRangesPipelineTest {
  @TempDir static Path tmp;
  static Path in;
  static Path whole;
  static Path rangesDirect;
  static Path rangesFlink;

  @BeforeAll
  static void run() throws IOException {
    SplittableRandom r = new SplittableRandom(11);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 0; i < 400; i++) {
      String line = switch (i % 9) {
        case 0 -> "";
        case 1 -> "{\"text\":\"no id here, line " + i + " " + DedupPipelineTest.words(r, 20) + "\"}";
        case 2 -> "not json " + i;
        case 3 -> "{\"id\":\"noText" + i + "\"}";
        case 4 -> "   \r";
        default -> "{\"id\":\"d" + i + "\",\"url\":\"https://example.org/" + i + "\",\"date\":\"2024-01-01T00:00:00Z\",\"text\":\""
            + DedupPipelineTest.words(r, 10 + r.nextInt(120)) + "\"}";
      };
      file.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      if (i == 77) {
        file.write('\n');
        file.writeBytes("{\"id\":\"latin1\",\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)); // not UTF-8
      }
      if (i < 399) {
        file.write('\n'); // and no newline after the last line
      }
    }
    in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("docs.jsonl"), file.toByteArray());
    CurationConfig noDedup = CurationConfig.parse("{\"preset\":\"none\",\"dedup\":{\"enabled\":false}}");
    whole = tmp.resolve("whole");
    rangesDirect = tmp.resolve("ranges-direct");
    rangesFlink = tmp.resolve("ranges-flink");
    String input = in.resolve("docs.jsonl").toString();
    new Curator(System.err).run(List.of(input), whole.toString(), noDedup, false, List.of());
    new Curator(System.err).run(List.of(input), rangesDirect.toString(), noDedup.withRead(noDedup.read().withSplitBytes(997)), false, List.of());
    new Curator(System.err).run(List.of(input), rangesFlink.toString(), noDedup.withRead(noDedup.read().withSplitBytes(1500)), false,
        List.of("--runner=FlinkRunner"));
  }

  @Test
  void rangesWriteTheShardsOneReaderWrites() throws IOException {
    DedupPipelineTest.sameShards(whole, rangesDirect);
    DedupPipelineTest.sameShards(whole, rangesFlink);
    RunManifest m = new OutputDir(whole.toString()).manifest().orElseThrow();
    // 401 lines, 89 blank: 312 records; 45 not JSON, 45 without text, 1 not UTF-8
    assertEquals(1, m.inputs().size());
    InputFileEntry e = m.inputs().get(0);
    assertEquals(312, e.recordsRead());
    assertNull(e.error());
    assertTrue(e.bytes() > 997 * 20, "file of " + e.bytes() + " bytes");
    assertEquals(java.util.Map.of("decode_error", 1L, "malformed_record", 45L, "missing_text", 45L), m.counts().rejectedByReason());
  }

  @Test
  void theFileEntryIsTheSame() throws IOException {
    List<InputFileEntry> expected = new OutputDir(whole.toString()).manifest().orElseThrow().inputs();
    assertEquals(expected, new OutputDir(rangesDirect.toString()).manifest().orElseThrow().inputs());
    assertEquals(expected, new OutputDir(rangesFlink.toString()).manifest().orElseThrow().inputs());
    assertEquals(997L, new OutputDir(rangesDirect.toString()).manifest().orElseThrow().config().path("read").path("split_bytes").asLong());
  }
}
