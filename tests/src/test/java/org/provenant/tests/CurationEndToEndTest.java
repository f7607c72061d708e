package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.provenant.filters.read.Digests;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.schemas.AvroRows;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.schemas.manifest.ShardEntry;

/** Whole runs on the DirectRunner and embedded Flink over a corpus with one record of each outcome. */
class CurationEndToEndTest {
  @TempDir static Path tmp;
  static Path corpus;
  static Path direct;
  static Path flink;

  @BeforeAll
  static void runBothRunners() throws IOException {
    corpus = SmallCorpus.write(tmp.resolve("in"));
    direct = tmp.resolve("direct");
    flink = tmp.resolve("flink");
    List<String> inputs = List.of(corpus + "/*.warc.gz", corpus + "/rows.jsonl");
    new Curator(System.err).run(inputs, direct.toString(), CurationConfig.NONE, false, List.of("--runner=DirectRunner"));
    new Curator(System.err).run(inputs, flink.toString(), CurationConfig.NONE, false, List.of("--runner=FlinkRunner", "--parallelism=2"));
  }

  static List<Document> documents(Path out) throws IOException {
    List<Document> docs = new ArrayList<>();
    for (MatchResult.Metadata f : new OutputDir(out.toString()).list("data/*.parquet")) {
      OutputDir.forEachRow(f, r -> docs.add(AvroRows.documentFrom(r)));
    }
    return docs;
  }

  static List<Rejection> rejections(Path out) throws IOException {
    List<Rejection> rows = new ArrayList<>();
    for (MatchResult.Metadata f : new OutputDir(out.toString()).list("rejected/*.parquet")) {
      OutputDir.forEachRow(f, r -> rows.add(AvroRows.rejectionFrom(r)));
    }
    return rows;
  }

  static Document byId(List<Document> docs, String id) {
    return docs.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no document " + id));
  }

  @Test
  void keptDocumentsCarryExactTextAndProvenance() throws IOException {
    List<Document> docs = documents(direct);
    assertEquals(4, docs.size());
    Document a = byId(docs, Digests.id("warc", SmallCorpus.PAGE_A));
    assertEquals("Rivers of the north\n\nThe northern rivers freeze every winter and thaw in spring.", a.text());
    assertEquals("web", a.kind().code());
    assertEquals(corpus.resolve("crawl-0.warc.gz").toString(), a.source().uri());
    assertEquals(0, a.source().offset());
    assertEquals("<" + SmallCorpus.PAGE_A + ">", a.source().recordId()); // as written in the WARC
    assertEquals("https://news.example/a", a.source().url());
    assertEquals("2026-03-01T12:00:00Z", a.source().date());
    assertEquals(200, a.source().httpStatus());
    assertEquals(List.of("read_warc@1", "extract_html@1", "dedup_exact@1", "dedup_near@1"), a.lineage().stream().map(l -> l.step()).toList());
    assertEquals("unique text", a.lineage().get(2).detail());
    assertEquals("no near duplicates", a.lineage().get(3).detail());
    assertEquals("charset UTF-8 from http-header; 2 blocks kept, 0 boilerplate blocks dropped", a.lineage().get(1).detail());
    assertNull(a.license().spdx());
    assertEquals(a.id(), a.dedup().clusterId());
    assertEquals(1, a.dedup().clusterSize());
    Document b = byId(docs, Digests.id("warc", SmallCorpus.PAGE_B));
    assertEquals("Baking bread\n\nFlour, water, salt and time make bread.\n\n- Mix\n- Bake", b.text());
    Document row = byId(docs, "row-1");
    assertEquals("text", row.kind().code());
    assertEquals(0, row.source().offset());
    assertEquals("https://data.example/1", row.source().url());
    byId(docs, Digests.id("warc", "urn:uuid:00000000-0000-4000-8000-0000000000c1"));
  }

  @Test
  void everyWarcOffsetSeeksToItsRecord() throws IOException {
    List<Object[]> points = new ArrayList<>();
    documents(direct).forEach(d -> points.add(new Object[] {d.source().uri(), d.source().offset(), d.source().recordId()}));
    rejections(direct).forEach(r -> points.add(new Object[] {r.source().uri(), r.source().offset(), r.source().recordId()}));
    int checked = 0;
    for (Object[] p : points) {
      String uri = (String) p[0];
      if (!uri.endsWith(".warc.gz") || p[2] == null) {
        continue;
      }
      byte[] file = Files.readAllBytes(Path.of(uri));
      long offset = (Long) p[1];
      try (WarcReader r = new WarcReader(new ByteArrayInputStream(file, (int) offset, file.length - (int) offset))) {
        WarcRecord rec = r.next().orElseThrow();
        assertEquals(p[2], rec.headers().first("WARC-Record-ID").orElseThrow());
      }
      checked++;
    }
    assertEquals(7, checked);
  }

  @Test
  void everyRejectionHasItsReason() throws IOException {
    Map<String, String> reasonById = new TreeMap<>();
    for (Rejection r : rejections(direct)) {
      reasonById.put(r.source().url() != null ? r.source().url() : r.source().uri().replaceAll(".*/", "") + "@" + r.source().offset(), r.reason());
    }
    long cut = SmallCorpus.cutMemberOffset(corpus);
    Map<String, String> expected = new TreeMap<>(Map.of(
        "https://news.example/gone", "http_status_404",
        "https://news.example/logo.png", "not_html",
        "https://news.example/bad", "decode_error",
        "https://news.example/empty", "empty_text",
        "crawl-1.warc.gz@" + cut, "truncated_record",
        "rows.jsonl@0", "malformed_record"));
    // row-2 has no url: it is keyed by file and offset too
    String rows = Files.readString(corpus.resolve("rows.jsonl"));
    expected.put("rows.jsonl@" + rows.indexOf("{\"id\":\"row-2\""), "missing_text");
    expected.remove("rows.jsonl@0");
    expected.put("rows.jsonl@" + rows.indexOf("{broken"), "malformed_record");
    assertEquals(expected, reasonById);
    Rejection bad = rejections(direct).stream().filter(r -> "decode_error".equals(r.reason())).findFirst().orElseThrow();
    assertEquals("invalid UTF-8 at byte 18 (charset from http-header)", bad.detail());
    assertEquals("extract_html@1", bad.step());
    assertEquals(Digests.id("warc", "urn:uuid:00000000-0000-4000-8000-0000000000bd"), bad.id());
  }

  @Test
  void manifestAccountsForEveryCandidateAndHashesEveryShard() throws IOException {
    RunManifest m = new OutputDir(direct.toString()).manifest().orElseThrow();
    assertEquals(11, m.counts().candidates());
    assertEquals(4, m.counts().kept());
    assertEquals(7, m.counts().rejected());
    assertEquals(10, m.counts().recordsRead());
    assertTrue(m.accountingOk());
    assertEquals(new TreeMap<>(Map.of("decode_error", 1L, "empty_text", 1L, "http_status_404", 1L, "malformed_record", 1L,
        "missing_text", 1L, "not_html", 1L, "truncated_record", 1L)), m.counts().rejectedByReason());
    assertEquals(3, m.inputs().size());
    assertEquals(corpus.resolve("crawl-0.warc.gz").toString(), m.inputs().get(0).uri());
    assertEquals(Map.of("response", 6L), m.inputs().get(0).recordsByType());
    assertEquals(com.google.common.hash.Hashing.sha256().hashBytes(Files.readAllBytes(corpus.resolve("crawl-0.warc.gz"))).toString(), m.inputs().get(0).sha256());
    assertTrue(m.inputs().get(1).error().startsWith("truncated_record: gzip member at offset "));
    assertEquals(4, m.dataShards().size());
    for (ShardEntry s : m.dataShards()) {
      byte[] shard = Files.readAllBytes(direct.resolve(s.path()));
      assertEquals(s.bytes(), shard.length);
      assertEquals(com.google.common.hash.Hashing.sha256().hashBytes(shard).toString(), s.sha256());
    }
    assertEquals(CurationConfig.NONE.sha256(), m.configSha256());
    assertEquals("DirectRunner", m.runner());
    assertTrue(new OutputVerifier().verify(new OutputDir(direct.toString())).ok());
  }

  @Test
  void directAndFlinkWriteByteIdenticalShards() throws IOException {
    assertSameShardBytes(direct, flink);
    RunManifest m = new OutputDir(flink.toString()).manifest().orElseThrow();
    assertEquals("FlinkRunner", m.runner());
    assertEquals(new OutputDir(direct.toString()).manifest().orElseThrow().dataShards(), m.dataShards());
  }

  @Test
  void aSecondRunGivesTheSameBytes() throws IOException {
    Path again = tmp.resolve("again");
    new Curator(System.err).run(List.of(corpus + "/*.warc.gz", corpus + "/rows.jsonl"), again.toString(), CurationConfig.NONE, false, List.of());
    assertEquals(new OutputDir(direct.toString()).manifest().orElseThrow().dataShards(), new OutputDir(again.toString()).manifest().orElseThrow().dataShards());
    assertEquals(new OutputDir(direct.toString()).manifest().orElseThrow().rejectedShards(), new OutputDir(again.toString()).manifest().orElseThrow().rejectedShards());
  }

  /** The same file names under {@code data/} and {@code rejected/} of both outputs, each file equal byte for byte. */
  static void assertSameShardBytes(Path expected, Path actual) throws IOException {
    for (String sub : List.of("data", "rejected")) {
      List<Path> a = list(expected.resolve(sub));
      List<Path> b = list(actual.resolve(sub));
      assertEquals(a.stream().map(p -> p.getFileName().toString()).toList(), b.stream().map(p -> p.getFileName().toString()).toList());
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), sub + "/" + a.get(i).getFileName());
      }
    }
  }

  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

}
