package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.Derivation;
import org.provenant.schemas.manifest.RunManifest;

/**
 * {@code provenant takedown} on two releases of the same small corpus: web pages (one page, a
 * mirror with three words changed, an exact copy, a page sharing half its text, a page holding a
 * private passage, unrelated pages) and two npm packages. Release "nodedup" is curated with dedup
 * off, so the mirror and the copy are kept and must go as near duplicates; release "dedup" keeps
 * only the page, and a request naming the (already rejected) mirror must take the page with it.
 */
class TakedownTest {
  @TempDir static Path tmp;
  static Path noDedup;
  static Path dedup;
  static Path derived;
  static Path requests;
  static Map<String, String> texts = new LinkedHashMap<>();
  static CliTest.Run run;

  static final String REQUESTS = String.join("\n",
      "{\"request_id\": \"R1\", \"date\": \"2026-11-30\", \"url\": \"https://news.example/story/1\"}",
      "{\"request_id\": \"R2\", \"date\": \"2026-12-01\", \"package\": \"left-pad\"}",
      "{\"request_id\": \"R3\", \"date\": \"2026-12-02\", \"passage\": \"My home address is 12 Elm Street, Springfield\"}") + "\n";

  @BeforeAll
  static void curateAndTakeDown() throws IOException {
    SplittableRandom r = new SplittableRandom(18);
    String page = DedupPipelineTest.words(r, 300);
    texts.put("page", page);
    texts.put("mirror", DedupPipelineTest.editEvery(page, 100, "mirrored"));
    texts.put("copy", page);
    texts.put("half", page.substring(0, page.length() / 2) + " " + DedupPipelineTest.words(r, 150));
    texts.put("diary", DedupPipelineTest.words(r, 80) + " my HOME address is 12 Elm street -- Springfield. " + DedupPipelineTest.words(r, 80));
    for (int i = 0; i < 6; i++) {
      texts.put("u" + i, DedupPipelineTest.words(r, 200));
    }
    Map<String, String> urls = Map.of("page", "https://news.example/story/1", "mirror", "https://mirror.example/news/story-1",
        "copy", "https://copies.example/a", "half", "https://half.example/x", "diary", "https://blog.example/diary");
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    int day = 1;
    for (Map.Entry<String, String> e : texts.entrySet()) {
      Map<String, String> row = new TreeMap<>(Map.of("id", e.getKey(), "text", e.getValue(),
          "date", String.format("2024-01-%02dT00:00:00Z", day++), "url", urls.getOrDefault(e.getKey(), "https://other.example/" + e.getKey())));
      lines.append(json.writeValueAsString(row)).append('\n');
    }
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("pages.jsonl"), lines.toString());
    Files.write(in.resolve("left-pad-1.3.0.tgz"), tgz("left-pad", "1.3.0"));
    Files.write(in.resolve("right-pad-2.0.0.tgz"), tgz("right-pad", "2.0.0"));
    requests = tmp.resolve("requests.jsonl");
    Files.writeString(requests, REQUESTS);
    List<String> inputs = List.of(in + "/pages.jsonl", in + "/*.tgz");
    noDedup = tmp.resolve("nodedup");
    dedup = tmp.resolve("dedup");
    new Curator(System.err).run(inputs, noDedup.toString(), CurationConfig.parse("{\"preset\": \"none\", \"dedup\": {\"enabled\": false}}"),
        false, List.of("--runner=DirectRunner"));
    new Curator(System.err).run(inputs, dedup.toString(), CurationConfig.NONE, false, List.of("--runner=DirectRunner"));
    derived = tmp.resolve("derived");
    run = CliTest.cli("takedown", noDedup.toString(), "--requests", requests.toString(), "--output", derived.toString(),
        "--release-name", "corpus-v1.1");
  }

  static byte[] tgz(String name, String version) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
      CodeCorpusTest.tarFile(tar, "package/package.json", "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"license\":\"MIT\"}\n");
      CodeCorpusTest.tarFile(tar, "package/index.js", "module.exports = require('./lib/" + name + "');\n");
      CodeCorpusTest.tarFile(tar, "package/lib/" + name + ".js", "module.exports = function (s, n) { return String(s) + ' " + name + "'.repeat(n); };\n");
      tar.finish();
    }
    return bytes.toByteArray();
  }

  static Map<String, Rejection> takedowns(Path out) throws IOException {
    Map<String, Rejection> m = new TreeMap<>();
    for (Rejection x : CurationEndToEndTest.rejections(out)) {
      if (x.reason().equals("takedown")) {
        m.put(x.source().path() != null ? x.source().path().replaceFirst("^package/", x.source().packageName() + ":") : x.id(), x);
      }
    }
    return m;
  }

  @Test
  void removesThePageItsMirrorsThePackageAndThePassage() throws IOException {
    assertEquals(0, run.code(), run.err());
    assertEquals("removed 7 document(s) ({near_duplicate=2, package=3, passage=1, url=1}) by 3 request(s); relabelled 0 rejected"
        + " duplicate(s); kept 10 of 17\n", run.out().lines().findFirst().orElseThrow() + "\n");
    Map<String, Rejection> t = takedowns(derived);
    assertEquals(List.of("copy", "diary", "left-pad:index.js", "left-pad:lib/left-pad.js", "left-pad:package.json", "mirror", "page"),
        List.copyOf(t.keySet()));
    assertEquals("request R1 (2026-11-30): url https://news.example/story/1", t.get("page").detail());
    assertEquals("takedown@1", t.get("page").step());
    assertNull(t.get("page").duplicateOf());
    assertEquals("request R3 (2026-12-02): passage My home address is 12 Elm Street, Springfield", t.get("diary").detail());
    assertEquals("request R2 (2026-12-01): package left-pad", t.get("left-pad:index.js").detail());
    assertEquals("page", t.get("copy").duplicateOf());
    assertEquals(1.0, t.get("copy").similarity());
    assertEquals("request R1 (2026-11-30): near duplicate (Jaccard 1.0) of page, which the request names", t.get("copy").detail());
    double j;
    try (MinHashSigner signer = CurationConfig.NONE.dedup().settings().signature().newSigner()) {
      j = signer.shingles(Kind.TEXT, texts.get("mirror")).jaccard(signer.shingles(Kind.TEXT, texts.get("page")));
    }
    j = Math.round(j * 1e6) / 1e6;
    assertTrue(j >= 0.8 && j < 1.0, "J " + j);
    assertEquals(j, t.get("mirror").similarity());
    assertEquals("request R1 (2026-11-30): near duplicate (Jaccard " + j + ") of page, which the request names", t.get("mirror").detail());
    // the rejection keeps the document's provenance and its lineage ends with the takedown
    assertEquals("https://mirror.example/news/story-1", t.get("mirror").source().url());
    assertEquals("takedown@1", t.get("mirror").lineage().get(t.get("mirror").lineage().size() - 1).step());
    // what stays: the page sharing half the text, the other package, the unrelated pages
    List<String> kept = CurationEndToEndTest.documents(derived).stream()
        .map(d -> d.source().path() != null ? d.source().packageName() + ":" + d.source().path() : d.id()).sorted().toList();
    assertEquals(List.of("half", "right-pad:package/index.js", "right-pad:package/lib/right-pad.js", "right-pad:package/package.json",
        "u0", "u1", "u2", "u3", "u4", "u5"), kept);
  }

  @Test
  void theDerivedReleaseVerifiesAndNamesItsParent() throws IOException {
    OutputVerifier.Report report = new OutputVerifier().verify(new OutputDir(derived.toString()));
    assertTrue(report.ok(), report.problems().toString());
    RealInputsTest.assertManifestMatchesJsonSchema(derived);
    RunManifest parent = new OutputDir(noDedup.toString()).manifest().orElseThrow();
    RunManifest m = new OutputDir(derived.toString()).manifest().orElseThrow();
    Derivation d = m.derivation();
    assertEquals("takedown", d.kind());
    assertEquals(noDedup.toString(), d.parent());
    assertEquals(Hashing.sha256().hashBytes(Files.readAllBytes(noDedup.resolve("manifest.json"))).toString(), d.parentManifestSha256());
    assertEquals(Hashing.sha256().hashBytes(Files.readAllBytes(requests)).toString(), d.requestsSha256());
    assertEquals(3, d.requestsCount());
    assertEquals(7, d.removed());
    assertEquals(Map.of("R1", 3L, "R2", 3L, "R3", 1L), d.removedByRequest());
    assertEquals(Map.of("url", 1L, "near_duplicate", 2L, "package", 3L, "passage", 1L), d.removedByMatch());
    assertEquals(parent.counts(), d.parentCounts());
    assertEquals(parent.counts().kept() - 7, m.counts().kept());
    assertEquals(parent.counts().rejected() + 7, m.counts().rejected());
    assertEquals(7L, m.counts().rejectedByReason().get("takedown"));
    assertTrue(m.accountingOk());
    assertEquals(parent.inputs(), m.inputs());
    assertTrue(report.summary().startsWith("derived by takedown from " + noDedup + " (manifest sha256 " + d.parentManifestSha256()
        + ", checked), 7 removed; "), report.summary());
    String card = Files.readString(derived.resolve("README.md"));
    assertTrue(card.contains("## Removals\n\n- derived from `" + noDedup + "` (manifest.json sha256 `" + d.parentManifestSha256() + "`) by 3"
        + " removal request(s)"), card);
    assertTrue(card.contains("- 7 kept document(s) of the parent removed (now rejected rows with reason `takedown` and the request id), of 17;"
        + " 0 rejected duplicate(s) of removed documents relabelled `takedown`\n"), card);
    assertTrue(card.contains("- removed by request: R1 3, R2 3, R3 1\n"), card);
    String croissant = Files.readString(derived.resolve("croissant.json"));
    assertTrue(croissant.contains("\"removal: removed by request: "), croissant);
    assertTrue(croissant.contains("\"name\" : \"corpus-v1.1\""), croissant);
    // the text of a removed document is nowhere in the new release's card or metadata
    assertFalse(card.contains(texts.get("diary").substring(0, 40)));
  }

  @Test
  void sameReleaseAndRequestsGiveTheSameShards() throws IOException {
    Path again = tmp.resolve("derived-again");
    CliTest.Run r = CliTest.cli("takedown", noDedup.toString(), "--requests", requests.toString(), "--output", again.toString());
    assertEquals(0, r.code(), r.err());
    DedupPipelineTest.sameShards(derived, again);
    // shards with nothing removed are the parent's bytes
    RunManifest parent = new OutputDir(noDedup.toString()).manifest().orElseThrow();
    RunManifest m = new OutputDir(derived.toString()).manifest().orElseThrow();
    for (int i = 0; i < parent.dataShards().size(); i++) {
      if (parent.dataShards().get(i).rows() == m.dataShards().get(i).rows()) {
        assertArrayEquals(Files.readAllBytes(noDedup.resolve(parent.dataShards().get(i).path())),
            Files.readAllBytes(derived.resolve(m.dataShards().get(i).path())));
      }
    }
  }

  @Test
  void aRequestNamingARejectedMirrorTakesTheKeptPageAndRelabelsItsDuplicates() throws IOException {
    Map<String, String> before = CurationEndToEndTest.rejections(dedup).stream()
        .collect(Collectors.toMap(Rejection::id, x -> x.reason() + " of " + x.duplicateOf(), (a, b) -> a, TreeMap::new));
    assertEquals(Map.of("copy", "exact_duplicate of page", "mirror", "near_duplicate of page"), before);
    Path req = tmp.resolve("mirror-request.jsonl");
    Files.writeString(req, "{\"request_id\": \"M1\", \"url\": \"https://mirror.example/news/story-1/\"}\n");
    Path out = tmp.resolve("dedup-derived");
    CliTest.Run r = CliTest.cli("takedown", dedup.toString(), "--requests", req.toString(), "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, Rejection> t = takedowns(out);
    assertEquals(List.of("copy", "mirror", "page"), List.copyOf(t.keySet()));
    assertEquals("request M1: in the dedup cluster of mirror, which the request names", t.get("page").detail());
    assertEquals("mirror", t.get("page").duplicateOf());
    assertEquals("request M1: near_duplicate of page, which was removed", t.get("mirror").detail());
    assertEquals("request M1: exact_duplicate of page, which was removed", t.get("copy").detail());
    RunManifest m = new OutputDir(out.toString()).manifest().orElseThrow();
    assertEquals(1, m.derivation().removed());
    assertEquals(2, m.derivation().relabelled());
    assertEquals(Map.of("cluster", 1L), m.derivation().removedByMatch());
    assertFalse(m.counts().rejectedByReason().containsKey("near_duplicate"));
    assertTrue(new OutputVerifier().verify(new OutputDir(out.toString())).ok());
  }

  @Test
  void verifyNoticesAChangedParent() throws IOException {
    Path parentCopy = tmp.resolve("parent-copy");
    try (var files = Files.walk(noDedup)) {
      for (Path f : files.toList()) {
        Path to = parentCopy.resolve(noDedup.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path out = tmp.resolve("from-copy");
    assertEquals(0, CliTest.cli("takedown", parentCopy.toString(), "--requests", requests.toString(), "--output", out.toString()).code());
    assertEquals(0, CliTest.cli("verify", out.toString()).code());
    Files.writeString(parentCopy.resolve("manifest.json"), Files.readString(parentCopy.resolve("manifest.json")) + " ");
    CliTest.Run r = CliTest.cli("verify", out.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("provenant: verify: derivation: the parent's manifest.json at " + parentCopy + " has sha256 "), r.err());
    // counts that do not add up
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("derivation")).put("removed", 6);
    Files.write(out.resolve("manifest.json"), org.provenant.schemas.manifest.ManifestJson.toBytes(tree));
    CliTest.Run counts = CliTest.cli("verify", out.toString());
    assertEquals(1, counts.code());
    assertTrue(counts.err().contains("provenant: verify: derivation: kept is 10 but the parent kept 17 and 6 were removed\n"), counts.err());
    assertTrue(counts.err().contains("provenant: verify: derivation: removed is 6 but by request it adds up to 7 and by match to 7\n"),
        counts.err());
  }

  @Test
  void curateWithTakedownsRejectsTheSameDocumentsAsATakedownOfTheRelease() throws IOException {
    Path config = tmp.resolve("no-dedup.json");
    Files.writeString(config, "{\"preset\": \"none\", \"dedup\": {\"enabled\": false}}");
    Path out = tmp.resolve("curated-with-takedowns");
    CliTest.Run r = CliTest.cli("curate", "--input", tmp.resolve("in") + "/pages.jsonl", tmp.resolve("in") + "/*.tgz", "--output", out.toString(),
        "--config", config.toString(), "--takedowns", requests.toString(), "--runner=DirectRunner", "--release-name", "corpus-v1.1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("takedowns: removed 7 document(s) ({near_duplicate=2, package=3, passage=1, url=1}) by 3 request(s);"
        + " relabelled 0 rejected duplicate(s)\n"), r.out());
    // the same rows, byte for byte, as taking the requests down from the release curated without them
    DedupPipelineTest.sameShards(derived, out);
    RunManifest m = new OutputDir(out.toString()).manifest().orElseThrow();
    assertEquals("curation", m.derivation().kind());
    assertNull(m.derivation().parent());
    assertEquals(new OutputDir(noDedup.toString()).manifest().orElseThrow().counts(), m.derivation().parentCounts());
    OutputVerifier.Report report = new OutputVerifier().verify(new OutputDir(out.toString()));
    assertTrue(report.ok(), report.problems().toString());
    RealInputsTest.assertManifestMatchesJsonSchema(out);
    assertTrue(report.summary().startsWith("takedown requests " + requests + " (sha256 "), report.summary());
    assertTrue(Files.readString(out.resolve("README.md")).contains("- 3 removal request(s) in `" + requests + "` (sha256 `"));
    CliTest.Run bad = CliTest.cli("curate", "--input", tmp.resolve("in") + "/pages.jsonl", "--output", tmp.resolve("never").toString(),
        "--takedowns", config.toString());
    assertEquals(2, bad.code());
    assertEquals("provenant: error: " + config + ":1: unknown key \"preset\"; known: request_id, date, and one of url, url_prefix, domain,"
        + " package (with version), document_id, passage\n", bad.err());
  }

  @Test
  void aTakedownOfADerivedReleaseChainsToIt() throws IOException {
    Path req = tmp.resolve("second-request.jsonl");
    Files.writeString(req, "{\"request_id\": \"R9\", \"date\": \"2026-12-03\", \"document_id\": \"half\"}\n");
    Path second = tmp.resolve("derived-twice");
    CliTest.Run r = CliTest.cli("takedown", derived.toString(), "--requests", req.toString(), "--output", second.toString());
    assertEquals(0, r.code(), r.err());
    RunManifest m = new OutputDir(second.toString()).manifest().orElseThrow();
    assertEquals(derived.toString(), m.derivation().parent());
    assertEquals(Hashing.sha256().hashBytes(Files.readAllBytes(derived.resolve("manifest.json"))).toString(),
        m.derivation().parentManifestSha256());
    assertEquals(8L, m.counts().rejectedByReason().get("takedown")); // the parent's 7 and this one
    assertEquals("request R9 (2026-12-03): document_id half", takedowns(second).get("half").detail());
    OutputVerifier.Report report = new OutputVerifier().verify(new OutputDir(second.toString()));
    assertTrue(report.ok(), report.problems().toString());
  }
}
