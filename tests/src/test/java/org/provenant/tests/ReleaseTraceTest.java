package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.filters.read.Digests;

/** index and trace: which kept documents contain a passage, with their provenance and duplicates. */
class ReleaseTraceTest {
  @TempDir static Path tmp;
  static Path out;
  static Path in;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PAGE_A = Digests.id("warc", SmallCorpus.PAGE_A);

  @BeforeAll
  static void run() throws IOException {
    out = tmp.resolve("out");
    in = tmp.resolve("in");
    ReleaseCroissantTest.curate(in, out);
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("index", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("indexed 5 documents in " + out.resolve("index") + "\n", r.out());
  }

  static List<String> ids(String out) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : out.split("\n")) {
      ids.add(JSON.readTree(line).get("id").asText());
    }
    return ids;
  }

  @Test
  void exactPhraseFindsOnlyTheDocumentHoldingIt() throws IOException {
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("trace", out.toString(), "Rivers freeze every winter, and thaw again", "--json");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("d-1"), ids(r.out()));
    JsonNode hit = JSON.readTree(r.out());
    assertEquals("https://rivers.example/1", hit.get("url").asText());
    assertEquals(in.resolve("dups.jsonl").toString(), hit.at("/source/uri").asText());
    assertEquals(0, hit.at("/source/offset").asLong());
    assertEquals(2, hit.at("/dedup/cluster_size").asInt());
    JsonNode dup = hit.get("duplicates").get(0);
    assertEquals(1, hit.get("duplicates").size());
    assertEquals("d-2", dup.get("id").asText());
    assertEquals("exact_duplicate", dup.get("reason").asText());
    assertEquals("https://mirror.example/rivers", dup.get("url").asText());
    long secondLine = ("{\"id\":\"d-1\",\"text\":\"" + ReleaseCroissantTest.RIVERS + "\",\"url\":\"https://rivers.example/1\"}\n").length();
    assertEquals(secondLine, dup.at("/source/offset").asLong());

    ReleaseCroissantTest.Run other = ReleaseCroissantTest.cli("trace", out.toString(), "freeze every winter and thaw in spring", "--json");
    assertEquals(List.of(PAGE_A), ids(other.out()));
  }

  @Test
  void fuzzyToleratesTyposAndAnInsertedWord() throws IOException {
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("trace", out.toString(), "rivers freze every wintr and thaw in spring", "--fuzzy", "--json");
    assertEquals(0, r.code(), r.err());
    List<String> ids = ids(r.out());
    ids.sort(null);
    List<String> want = new ArrayList<>(List.of("d-1", PAGE_A));
    want.sort(null);
    assertEquals(want, ids);
    ReleaseCroissantTest.Run exact = ReleaseCroissantTest.cli("trace", out.toString(), "rivers freze every wintr and thaw in spring");
    assertEquals(1, exact.code());
    assertEquals("0 document(s) contain the passage\n", exact.out());
  }

  @Test
  void readableOutputShowsProvenanceAndDuplicates() {
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("trace", out.toString(), "sea otters hold hands");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("1 document(s) contain the passage\n\n1. document d-3  (score "), r.out());
    assertTrue(r.out().contains("\n   url       https://otters.example/sleep\n   source    " + in.resolve("dups.jsonl") + " @ offset "), r.out());
    assertTrue(r.out().contains("\n   licence   unknown\n   dedup     cluster "), r.out());
    ReleaseCroissantTest.Run dup = ReleaseCroissantTest.cli("trace", out.toString(), "thaw again in spring");
    assertTrue(dup.out().contains("             stands for d-2 (exact_duplicate"), dup.out());
  }

  @Test
  void anIndexBuiltFromAnotherManifestIsReportedAsStale() throws IOException {
    Path copy = tmp.resolve("stale");
    ReleaseCroissantTest.copyTree(out, copy);
    Files.writeString(copy.resolve("manifest.json"), Files.readString(copy.resolve("manifest.json")) + "\n");
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("trace", copy.toString(), "sea otters", "--json");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("d-3"), ids(r.out()));
    assertEquals("provenant: warning: the index was built from another manifest.json; run provenant index " + copy + " again\n", r.err());
  }

  @Test
  void traceWithoutIndexOrWordsIsAUserError() throws IOException {
    Path copy = tmp.resolve("no-index");
    Files.createDirectories(copy);
    Files.copy(out.resolve("manifest.json"), copy.resolve("manifest.json"));
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("trace", copy.toString(), "anything");
    assertEquals(2, r.code());
    assertEquals("provenant: error: " + copy + " has no index; run: provenant index " + copy + "\n", r.err());
    ReleaseCroissantTest.Run empty = ReleaseCroissantTest.cli("trace", out.toString(), " ,. ");
    assertEquals(2, empty.code());
    assertEquals("provenant: error: the passage holds no words to search for\n", empty.err());
  }
}
