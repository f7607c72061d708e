package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.filters.read.Digests;
import org.provenant.pipelines.cli.Main;

/** The command line as a user meets it: exit codes, one-line errors, inspect and verify output. */
class CliTest {
  @TempDir static Path tmp;
  static Path corpus;
  static Path out;

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), args);
    return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void curate() throws IOException {
    corpus = SmallCorpus.write(tmp.resolve("in"));
    out = tmp.resolve("out");
    Run r = cli("curate", "--input", corpus + "/crawl-0.warc.gz", "--output", out.toString(), "--preset", "none");
    assertEquals(0, r.code(), r.err());
    assertEquals("provenant: warning: the opt-out policy is off: no optout step runs on web pages, so pages that reserve their text"
        + " against AI training are kept (preset none)\nprovenant: warning: the licence policy is off: no license_policy step runs on"
        + " code files, so files of any licence are kept (preset none)\n", r.err());
    assertTrue(r.out().contains("kept 2, rejected 4 (accounting holds: candidates = kept + rejected)"), r.out());
    assertTrue(r.out().startsWith("runner FlinkRunner;"), r.out()); // embedded Flink unless --runner is given
  }

  @Test
  void verifyPassesOnAFinishedRun() {
    Run r = cli("verify", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("OK: 4 data shards (2 rows), 4 rejected shards (4 rows); candidates 6 = kept 2 + rejected 4\n", r.out());
  }

  @Test
  void verifyFailsOnACorruptedShard() throws IOException {
    Path copy = tmp.resolve("corrupt");
    copyTree(out, copy);
    Path shard = copy.resolve("data/part-00000-of-00004.parquet");
    byte[] b = Files.readAllBytes(shard);
    b[4] ^= 1;
    Files.write(shard, b);
    Run r = cli("verify", copy.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("provenant: verify: data/part-00000-of-00004.parquet: sha256 is "), r.err());
    assertTrue(r.err().endsWith("provenant: verify: FAILED with " + (r.err().split("\n").length - 1) + " problem(s) in " + copy + "\n"), r.err());
  }

  @Test
  void verifyRefusesAnOutputWithoutManifest() throws IOException {
    Path copy = tmp.resolve("interrupted");
    copyTree(out, copy);
    Files.delete(copy.resolve("manifest.json"));
    Run r = cli("verify", copy.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("provenant: verify: incomplete output: " + copy + " has no manifest.json"), r.err());
  }

  @Test
  void verifyFindsAnUnlistedShard() throws IOException {
    Path copy = tmp.resolve("extra");
    copyTree(out, copy);
    Files.copy(copy.resolve("data/part-00001-of-00004.parquet"), copy.resolve("data/part-00009-of-00009.parquet"));
    Run r = cli("verify", copy.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("data/part-00009-of-00009.parquet: shard not listed in the manifest"), r.err());
  }

  @Test
  void inspectShowsProvenanceById() {
    String id = Digests.id("warc", SmallCorpus.PAGE_A);
    Run r = cli("inspect", out.toString(), "--id", id);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("document " + id + "  (web, 80 chars)\n  source    " + corpus.resolve("crawl-0.warc.gz") + " @ offset 0\n"), r.out());
    assertTrue(r.out().contains("            record_id <urn:uuid:00000000-0000-4000-8000-00000000000a>\n"), r.out());
    assertTrue(r.out().contains("  lineage 1. read_warc@1      ok       response record\n"), r.out());
    Run json = cli("inspect", out.toString(), "--id", id, "--json");
    assertTrue(json.out().startsWith("{\"table\":\"data\",\"row\":{\"id\": \"" + id + "\""), json.out());
    Run byUrl = cli("inspect", out.toString(), "--url", "https://news.example/gone");
    assertEquals(0, byUrl.code(), byUrl.err());
    assertTrue(byUrl.out().startsWith("rejected " + Digests.id("warc", "urn:uuid:00000000-0000-4000-8000-000000000404") + "  (web)\n  reason    http_status_404 at extract_html@1\n"), byUrl.out());
    Run missing = cli("inspect", out.toString(), "--id", "nope");
    assertEquals(2, missing.code());
    assertEquals("provenant: error: no document or rejected record has id nope\n", missing.err());
  }

  @Test
  void inspectSampleShowsRejectedRecordsWithReasons() {
    Run r = cli("inspect", out.toString(), "--sample", "10");
    assertEquals(0, r.code(), r.err());
    for (String reason : List.of("http_status_404", "not_html", "decode_error", "empty_text")) {
      assertTrue(r.out().contains("  reason    " + reason + " at extract_html@1\n"), reason + " in\n" + r.out());
    }
  }

  /**
   * A missing plain file directly under {@code /}: Beam's local match walked every directory of
   * the machine before answering (19 minutes here); it is now one line at once.
   */
  @Test
  @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void missingInputUnderTheRootIsOneLineAtOnce() {
    String missing = "/provenant-no-such-input-" + Long.toHexString(System.nanoTime()) + ".warc.gz";
    Run r = cli("curate", "--input", missing, "--output", tmp.resolve("o-root").toString());
    assertEquals(2, r.code());
    assertEquals("provenant: error: no input file matches " + missing + "\n", r.err());
  }

  @Test
  void userMistakesEndWithOneLine() throws IOException {
    Run missing = cli("curate", "--input", tmp.resolve("nothing-here/*.warc.gz").toString(), "--output", tmp.resolve("o1").toString());
    assertEquals(2, missing.code());
    assertEquals("provenant: error: no input file matches " + tmp.resolve("nothing-here/*.warc.gz") + "\n", missing.err());

    Run notEmpty = cli("curate", "--input", corpus + "/crawl-0.warc.gz", "--output", out.toString());
    assertEquals(2, notEmpty.code());
    assertEquals("provenant: error: output directory " + out + " is not empty; pass --overwrite to replace it\n", notEmpty.err());

    Run badOption = cli("curate", "--input", corpus + "/crawl-0.warc.gz", "--output", tmp.resolve("o2").toString(), "--runner=NoSuchRunner");
    assertEquals(2, badOption.code());
    assertTrue(badOption.err().startsWith("provenant: error: bad Beam option: "), badOption.err());
    assertEquals(1, badOption.err().split("\n").length, badOption.err());

    Files.writeString(tmp.resolve("bad.json"), "{\"output\": {\"shardz\": 3}}");
    Run badConfig = cli("curate", "--input", corpus + "/crawl-0.warc.gz", "--output", tmp.resolve("o3").toString(), "--config", tmp.resolve("bad.json").toString());
    assertEquals(2, badConfig.code());
    assertTrue(badConfig.err().startsWith("provenant: error: configuration " + tmp.resolve("bad.json") + ": unknown configuration key \"shardz\" at output.shardz"), badConfig.err());

    Run noArgs = cli("curate");
    assertEquals(2, noArgs.code());
    assertTrue(noArgs.err().startsWith("provenant: error: Missing required options"), noArgs.err());
  }

  @Test
  void overwriteReplacesAnEarlierOutput() throws IOException {
    Path o = tmp.resolve("twice");
    assertEquals(0, cli("curate", "--input", corpus + "/rows.jsonl", "--output", o.toString(), "--preset", "none").code());
    Files.writeString(o.resolve("stale.txt"), "left over");
    Run r = cli("curate", "--input", corpus + "/rows.jsonl", "--output", o.toString(), "--overwrite", "--preset", "none");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.notExists(o.resolve("stale.txt")));
    assertTrue(r.out().contains("kept 1, rejected 2"), r.out());
  }

  @Test
  void configuredStepsRunInOrderAndRejectWithTheirReason() throws IOException {
    Path cfg = tmp.resolve("steps.json");
    Files.writeString(cfg, "{\"steps\": [{\"step\": \"text_length\", \"params\": {\"min_chars\": 70}}], \"output\": {\"shards\": 2}}");
    Path o = tmp.resolve("stepped");
    Run r = cli("curate", "--input", corpus + "/crawl-0.warc.gz", "--output", o.toString(), "--config", cfg.toString());
    assertEquals(0, r.code(), r.err());
    // page A has 80 characters, page B 67: B is now rejected by the step
    assertTrue(r.out().contains("kept 1, rejected 5"), r.out());
    assertTrue(r.out().contains("  rejected text_too_short         1\n"), r.out());
    String manifest = Files.readString(o.resolve("manifest.json"));
    assertTrue(manifest.contains("\"steps\" : [ {\n      \"kinds\" : [ \"code\", \"text\", \"web\" ],\n      \"params\" : {\n        \"max_chars\" : 10000000,\n        \"min_chars\" : 70\n      },\n      \"step\" : \"text_length\"\n    } ]"), manifest);
    assertTrue(manifest.contains("\"curation\" : \"steps from the configuration\""), manifest);
    // the policies stay on: the opt-out step runs on the pages before the configured step
    Run inspect = cli("inspect", o.toString(), "--id", Digests.id("warc", SmallCorpus.PAGE_A));
    assertTrue(inspect.out().contains("3. optout@1 "), inspect.out());
    assertTrue(inspect.out().contains("4. text_length@1    ok       80 chars\n"), inspect.out());
    Run steps = cli("steps");
    assertTrue(steps.out().contains("text_length (code, text, web): keep texts of min_chars..max_chars characters (text_too_short, text_too_long)\n"), steps.out());
    Files.writeString(cfg, "{\"steps\": [{\"step\": \"text_length\", \"params\": {\"min_char\": 60}}]}");
    Run bad = cli("curate", "--input", corpus + "/crawl-0.warc.gz", "--output", tmp.resolve("o9").toString(), "--config", cfg.toString());
    assertEquals(2, bad.code());
    assertEquals("provenant: error: configuration " + cfg + ": step text_length has no parameter \"min_char\"; its parameters: [min_chars, max_chars]\n", bad.err());
  }

  @Test
  void filterStepsRejectWithDatatroveReasonsInsideARun() throws IOException {
    Path cfg = tmp.resolve("filters.json");
    Files.writeString(cfg, "{\"steps\": [{\"step\": \"language\", \"params\": {\"languages\": [\"de\"]}}, {\"step\": \"gopher_quality\"}]}");
    Path o = tmp.resolve("filtered");
    Run r = cli("curate", "--input", corpus + "/crawl-0.warc.gz", "--output", o.toString(), "--config", cfg.toString());
    assertEquals(0, r.code(), r.err());
    // both English pages are refused by the German-only language filter before the quality step
    assertTrue(r.out().contains("kept 0, rejected 6"), r.out());
    assertTrue(r.out().contains("  rejected language_not_allowed   2\n"), r.out());
    Run inspect = cli("inspect", o.toString(), "--id", Digests.id("warc", SmallCorpus.PAGE_A));
    assertTrue(inspect.out().contains("  reason    language_not_allowed at language@1\n  detail    eng "), inspect.out());
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
