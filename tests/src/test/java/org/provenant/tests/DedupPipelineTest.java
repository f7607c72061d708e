package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.RunManifest;

/**
 * Dedup inside a whole run, on the DirectRunner and embedded Flink: exact copies, a near copy that
 * was crawled earlier (so it is the one kept), an overlapping but different text, and a chain of
 * near copies (c2 resembles c1, c1 resembles c0, c2 does not resemble c0) that forms one connected
 * component but two clusters: c1 is removed for c0, and c2 is kept, since no document is removed as
 * the duplicate of one it does not resemble.
 */
class DedupPipelineTest {
  @TempDir static Path tmp;
  static Path direct;
  static Path flink;
  /** The input texts by id. */
  static final Map<String, String> TEXTS = new java.util.HashMap<>();

  static String words(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(i % 17 == 16 ? ". " : " ");
      }
      b.append("w").append(Integer.toString(r.nextInt(5000), 36));
    }
    return b.append('.').toString();
  }

  static String editEvery(String text, int every, String replacement) {
    String[] w = text.split(" ");
    for (int i = every / 2; i < w.length; i += every) {
      w[i] = replacement + i;
    }
    return String.join(" ", w);
  }

  @BeforeAll
  static void run() throws IOException {
    SplittableRandom r = new SplittableRandom(7);
    List<String[]> rows = new ArrayList<>(); // id, date, text
    String b0 = words(r, 300);
    String b1 = words(r, 300);
    String b2 = words(r, 300);
    String c0 = words(r, 300);
    rows.add(new String[] {"b0", "2024-01-02T00:00:00Z", b0});
    rows.add(new String[] {"b0-copy", "2024-01-03T00:00:00Z", b0.replace(" ", "  ")}); // same after whitespace collapse
    rows.add(new String[] {"b0-copy2", "2024-01-01T00:00:00Z", b0}); // earliest: the exact group's survivor
    rows.add(new String[] {"b1", "2024-01-05T00:00:00Z", b1});
    rows.add(new String[] {"b1-edit", "2024-01-04T00:00:00Z", editEvery(b1, 100, "changed")}); // 3 words changed
    rows.add(new String[] {"b2", "2024-01-06T00:00:00Z", b2});
    rows.add(new String[] {"b2-half", "2024-01-06T00:00:00Z", b2.substring(0, b2.length() / 2) + " " + words(r, 150)});
    rows.add(new String[] {"c0", "2024-02-01T00:00:00Z", c0});
    rows.add(new String[] {"c1", "2024-02-02T00:00:00Z", editEvery(c0, 60, "x")}); // near c0
    rows.add(new String[] {"c2", "2024-02-03T00:00:00Z", editEvery(editEvery(c0, 60, "x"), 45, "y")}); // near c1
    for (int i = 0; i < 20; i++) {
      rows.add(new String[] {String.format("u%02d", i), "2024-03-01T00:00:00Z", words(r, 200)});
    }
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (String[] row : rows) {
      TEXTS.put(row[0], row[2]);
      lines.append(json.writeValueAsString(Map.of("id", row[0], "date", row[1], "text", row[2]))).append('\n');
    }
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("docs.jsonl"), lines.toString());
    direct = tmp.resolve("direct");
    flink = tmp.resolve("flink");
    new Curator(System.err).run(List.of(in + "/docs.jsonl"), direct.toString(), CurationConfig.NONE, false, List.of());
    new Curator(System.err).run(List.of(in + "/docs.jsonl"), flink.toString(), CurationConfig.NONE, false, List.of("--runner=FlinkRunner"));
    // all band entries in one group (630 of them: a batch goes out full at 512, the rest at the
    // end of the bundle), and in three groups on Flink
    CurationConfig.Dedup d = CurationConfig.NONE.dedup();
    oneGroup = tmp.resolve("one-group");
    threeGroups = tmp.resolve("three-groups");
    new Curator(System.err).run(List.of(in + "/docs.jsonl"), oneGroup.toString(), CurationConfig.NONE.withDedup(bandGroups(d, 1)), false, List.of());
    new Curator(System.err).run(List.of(in + "/docs.jsonl"), threeGroups.toString(), CurationConfig.NONE.withDedup(bandGroups(d, 3)), false,
        List.of("--runner=FlinkRunner"));
  }

  static Path oneGroup;
  static Path threeGroups;

  static CurationConfig.Dedup bandGroups(CurationConfig.Dedup d, int groups) {
    return new CurationConfig.Dedup(d.enabled(), d.near(), d.threshold(), d.shingleSize(), d.bands(), d.rows(), d.survivor(),
        d.ccRounds(), d.maxBucketPairs(), groups, d.verify(), d.minhash(), d.against());
  }

  @Test
  void duplicatesPointAtTheKeptDocumentWithTheirReason() throws IOException {
    Map<String, String> got = new TreeMap<>();
    for (Rejection x : CurationEndToEndTest.rejections(direct)) {
      got.put(x.id(), x.reason() + " of " + x.duplicateOf());
    }
    assertEquals(Map.of(
        "b0", "exact_duplicate of b0-copy2",
        "b0-copy", "exact_duplicate of b0-copy2",
        "b1", "near_duplicate of b1-edit",
        "c1", "near_duplicate of c0"), got);
    Rejection b1 = CurationEndToEndTest.rejections(direct).stream().filter(x -> x.id().equals("b1")).findFirst().orElseThrow();
    assertTrue(b1.similarity() > 0.8 && b1.similarity() < 1.0, "similarity " + b1.similarity());
    // the pipeline's Jaccard (on 32-bit shingle fingerprints) is the 64-bit shingle sets' Jaccard
    try (org.provenant.dedup.minhash.MinHashSigner signer = CurationConfig.NONE.dedup().settings().signature().newSigner()) {
      double exact = signer.shingles(org.provenant.schemas.Kind.TEXT, TEXTS.get("b1"))
          .jaccard(signer.shingles(org.provenant.schemas.Kind.TEXT, TEXTS.get("b1-edit")));
      assertEquals(Math.round(exact * 1e6) / 1e6, b1.similarity());
    }
    assertTrue(b1.detail().startsWith("Jaccard "), b1.detail()); // exact, not estimated
    assertEquals("dedup_near@1", b1.step());
    Rejection copy = CurationEndToEndTest.rejections(direct).stream().filter(x -> x.id().equals("b0")).findFirst().orElseThrow();
    assertEquals(1.0, copy.similarity());
    assertEquals("dedup_exact@1", copy.step());
  }

  @Test
  void keptDocumentsCarryTheirClusters() throws IOException {
    Map<String, String> got = new TreeMap<>();
    for (Document d : CurationEndToEndTest.documents(direct)) {
      got.put(d.id(), d.dedup().clusterId() + "/" + d.dedup().clusterSize());
    }
    assertEquals("b0-copy2/3", got.get("b0-copy2"));
    assertEquals("b1-edit/2", got.get("b1-edit"));
    assertEquals("c0/2", got.get("c0"));
    assertEquals("c2/1", got.get("c2"));
    assertEquals("b2/1", got.get("b2"));
    assertEquals("b2-half/1", got.get("b2-half"));
    assertEquals("u07/1", got.get("u07"));
    assertEquals(26, got.size());
    RunManifest m = new OutputDir(direct.toString()).manifest().orElseThrow();
    assertEquals(Map.of("exact_duplicate", 2L, "near_duplicate", 2L), m.counts().rejectedByReason());
    assertTrue(m.accountingOk());
  }

  @Test
  void directAndFlinkAgreeByteForByte() throws IOException {
    sameShards(direct, flink);
  }

  @Test
  void howBandEntriesAreGroupedChangesNothing() throws IOException {
    sameShards(direct, oneGroup);
    sameShards(direct, threeGroups);
    assertEquals(1, new OutputDir(oneGroup.toString()).manifest().orElseThrow().config().path("dedup").path("band_groups").asInt());
    assertEquals(4096, new OutputDir(direct.toString()).manifest().orElseThrow().config().path("dedup").path("band_groups").asInt());
  }

  /**
   * Exact dedup only ({@code near: false}): the documents themselves are grouped by exact key. The
   * exact copies go, the near copy stays, and a rejection from before dedup (a blank text) passes
   * through dedup's first step into the rejected shards; Direct and Flink write the same bytes.
   */
  @Test
  void exactOnlyDedupRemovesTheCopiesAndPassesEarlierRejectionsOn() throws IOException {
    Path in = tmp.resolve("exact-only-in");
    Files.createDirectories(in);
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (String id : List.of("b0", "b0-copy", "b0-copy2", "b1", "b1-edit")) {
      String date = id.equals("b0-copy2") ? "2024-01-01T00:00:00Z" : "2024-01-02T00:00:00Z";
      String text = id.equals("b0-copy") ? TEXTS.get("b0").replace(" ", "  ") : TEXTS.get(id);
      lines.append(json.writeValueAsString(Map.of("id", id, "date", date, "text", text))).append('\n');
    }
    lines.append(json.writeValueAsString(Map.of("id", "blank", "date", "2024-01-02T00:00:00Z", "text", "  \n "))).append('\n');
    Files.writeString(in.resolve("docs.jsonl"), lines.toString());
    CurationConfig.Dedup d = CurationConfig.NONE.dedup();
    CurationConfig exactOnly = CurationConfig.NONE.withDedup(new CurationConfig.Dedup(d.enabled(), false, d.threshold(), d.shingleSize(),
        d.bands(), d.rows(), d.survivor(), d.ccRounds(), d.maxBucketPairs(), d.bandGroups(), d.verify(), d.minhash(), d.against()));
    Path onDirect = tmp.resolve("exact-only-direct");
    Path onFlink = tmp.resolve("exact-only-flink");
    new Curator(System.err).run(List.of(in + "/docs.jsonl"), onDirect.toString(), exactOnly, false, List.of());
    new Curator(System.err).run(List.of(in + "/docs.jsonl"), onFlink.toString(), exactOnly, false, List.of("--runner=FlinkRunner", "--parallelism=2"));

    Map<String, String> rejected = new TreeMap<>();
    for (Rejection x : CurationEndToEndTest.rejections(onDirect)) {
      rejected.put(x.id(), x.step() + " " + x.reason() + (x.duplicateOf() == null ? "" : " of " + x.duplicateOf()));
    }
    assertEquals(Map.of(
        "b0", "dedup_exact@1 exact_duplicate of b0-copy2",
        "b0-copy", "dedup_exact@1 exact_duplicate of b0-copy2",
        "blank", "extract_text@1 empty_text"), rejected);
    List<String> kept = CurationEndToEndTest.documents(onDirect).stream().map(Document::id).sorted().toList();
    assertEquals(List.of("b0-copy2", "b1", "b1-edit"), kept);
    RunManifest m = new OutputDir(onDirect.toString()).manifest().orElseThrow();
    assertEquals(Map.of("exact_duplicate", 2L, "empty_text", 1L), m.counts().rejectedByReason());
    assertTrue(m.accountingOk());
    sameShards(onDirect, onFlink);
  }

  static void sameShards(Path one, Path other) throws IOException {
    for (String sub : List.of("data", "rejected")) {
      List<Path> a = CurationEndToEndTest.list(one.resolve(sub));
      List<Path> b = CurationEndToEndTest.list(other.resolve(sub));
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
      }
    }
  }
}
