package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Main;
import org.provenant.pipelines.release.Croissant;
import org.provenant.schemas.ProvenantSchemas;

/** croissant.json and README.md written by every run, and verify's checks of croissant.json. */
class ReleaseCroissantTest {
  @TempDir static Path tmp;
  static Path out;
  static final ObjectMapper JSON = new ObjectMapper();

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), args);
    return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  /** Texts of the JSONL input: two exact duplicates of one text, and one row without text. */
  static final String RIVERS = "The northern rivers freeze every winter and thaw again in spring, when the ice breaks with a sound like thunder.";
  static final String OTTERS = "Sea otters hold hands while they sleep so that they do not drift apart on the open water.";

  /** The small corpus of {@link SmallCorpus} plus a JSONL file with an exact duplicate; returns the input globs. */
  static List<String> writeInputs(Path dir) throws IOException {
    Path corpus = SmallCorpus.write(dir);
    Files.writeString(corpus.resolve("dups.jsonl"),
        "{\"id\":\"d-1\",\"text\":\"" + RIVERS + "\",\"url\":\"https://rivers.example/1\"}\n"
            + "{\"id\":\"d-2\",\"text\":\"" + RIVERS + "\",\"url\":\"https://mirror.example/rivers\"}\n"
            + "{\"id\":\"d-3\",\"text\":\"" + OTTERS + "\",\"url\":\"https://otters.example/sleep\"}\n",
        StandardCharsets.UTF_8);
    return List.of(corpus + "/crawl-0.warc.gz", corpus + "/rows.jsonl", corpus + "/dups.jsonl");
  }

  /** Curates the inputs of {@link #writeInputs} into {@code out} with the given extra arguments. */
  static void curate(Path in, Path out, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("curate", "--input"));
    args.addAll(writeInputs(in));
    args.addAll(List.of("--output", out.toString(), "--preset", "none"));
    args.addAll(List.of(extra));
    Run r = cli(args.toArray(new String[0]));
    assertEquals(0, r.code(), r.err());
  }

  @BeforeAll
  static void run() throws IOException {
    out = tmp.resolve("release-out");
    curate(tmp.resolve("in"), out, "--release-name", "Rivers and otters", "--release-license", "CC-BY-4.0",
        "--release-creator", "Ada Lovelace", "--release-creator", "Provenant Team", "--release-url", "https://example.org/rivers");
  }

  static JsonNode croissant(Path dir) throws IOException {
    return JSON.readTree(dir.resolve("croissant.json").toFile());
  }

  @Test
  void croissantNamesTheDatasetAndConformsTo11() throws IOException {
    JsonNode c = croissant(out);
    List<String> keys = new ArrayList<>();
    c.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("@context", "@type", "conformsTo", "name", "description", "license", "url", "creator", "datePublished", "version", "citeAs",
        "isLiveDataset", "prov:wasGeneratedBy", "rai:dataCollection", "rai:dataCollectionType", "rai:dataCollectionRawData",
        "rai:dataPreprocessingProtocol", "rai:dataLimitations", "rai:dataBiases", "rai:personalSensitiveInformation", "rai:dataUseCases",
        "distribution", "recordSet"), keys);
    assertEquals("http://mlcommons.org/croissant/1.1", c.get("conformsTo").asText());
    assertEquals("sc:Dataset", c.get("@type").asText());
    assertEquals("https://schema.org/", c.at("/@context/@vocab").asText());
    assertEquals("http://mlcommons.org/croissant/", c.at("/@context/cr").asText());
    assertEquals("http://www.w3.org/ns/prov#", c.at("/@context/prov").asText());
    assertEquals("Rivers and otters", c.get("name").asText());
    assertEquals("CC-BY-4.0", c.get("license").asText());
    assertEquals("https://example.org/rivers", c.get("url").asText());
    assertEquals("[{\"@type\":\"sc:Person\",\"name\":\"Ada Lovelace\"},{\"@type\":\"sc:Person\",\"name\":\"Provenant Team\"}]", c.get("creator").toString());
    JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
    assertEquals(manifest.get("finished_at").asText().substring(0, 10), c.get("datePublished").asText());
    assertEquals(manifest.get("config_sha256").asText(), c.at("/prov:wasGeneratedBy/configSha256").asText());
  }

  @Test
  void everyShardIsAFileObjectWithTheManifestsSha256AndSize() throws IOException {
    JsonNode c = croissant(out);
    JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
    List<String> expected = new ArrayList<>();
    expected.add("manifest.json " + sha256(out.resolve("manifest.json")) + " " + Files.size(out.resolve("manifest.json")) + " B");
    for (String table : List.of("data_shards", "rejected_shards")) {
      for (JsonNode s : manifest.get(table)) {
        expected.add(s.get("path").asText() + " " + s.get("sha256").asText() + " " + s.get("bytes").asLong() + " B");
        assertEquals(sha256(out.resolve(s.get("path").asText())), s.get("sha256").asText());
      }
    }
    List<String> listed = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    for (JsonNode d : c.get("distribution")) {
      if (d.get("@type").asText().equals("cr:FileObject")) {
        listed.add(d.get("contentUrl").asText() + " " + d.get("sha256").asText() + " " + d.get("contentSize").asText());
        if (!d.get("@id").asText().equals("manifest.json")) {
          assertEquals("application/x-parquet", d.get("encodingFormat").asText());
        }
      } else {
        sets.add(d.toString());
      }
    }
    assertEquals(expected, listed);
    assertEquals(List.of(
        "{\"@type\":\"cr:FileSet\",\"@id\":\"data-files\",\"name\":\"data-files\",\"description\":\"Kept documents, one row per document.\",\"encodingFormat\":\"application/x-parquet\",\"includes\":\"data/*.parquet\"}",
        "{\"@type\":\"cr:FileSet\",\"@id\":\"rejected-files\",\"name\":\"rejected-files\",\"description\":\"Rejected candidates with the step and reason that rejected them.\",\"encodingFormat\":\"application/x-parquet\",\"includes\":\"rejected/*.parquet\"}"),
        sets);
  }

  @Test
  void recordSetFieldsAreGeneratedFromTheAvroSchema() throws IOException {
    JsonNode c = croissant(out);
    JsonNode docs = c.get("recordSet").get(0);
    assertEquals("documents", docs.get("@id").asText());
    assertEquals(Croissant.columnPaths(ProvenantSchemas.DOCUMENT), Croissant.fieldPaths(docs));
    assertEquals(Croissant.columnPaths(ProvenantSchemas.REJECTED), Croissant.fieldPaths(c.get("recordSet").get(1)));
    assertTrue(Croissant.columnPaths(ProvenantSchemas.DOCUMENT).containsAll(List.of("signals.pii.emails", "license.evidence.confidence", "dedup.cluster_size")));
    JsonNode source = field(docs, "source");
    assertEquals("[{\"@id\":\"documents/source/uri\"},{\"@id\":\"documents/source/offset\"},{\"@id\":\"documents/source/url\"}]",
        source.get("prov:wasDerivedFrom").toString());
    JsonNode offset = field(source, "offset");
    assertEquals("{\"@type\":\"cr:Field\",\"@id\":\"documents/source/offset\",\"name\":\"offset\",\"description\":"
        + JSON.writeValueAsString(ProvenantSchemas.DOCUMENT.getField("source").schema().getField("offset").doc())
        + ",\"dataType\":\"sc:Integer\",\"source\":{\"fileSet\":{\"@id\":\"data-files\"},\"extract\":{\"column\":\"source\"},\"transform\":{\"jsonPath\":\"$.offset\"}}}",
        offset.toString());
    JsonNode evidenceKind = field(field(field(docs, "license"), "evidence"), "kind");
    assertEquals("$.evidence[*].kind", evidenceKind.at("/source/transform/jsonPath").asText());
    assertTrue(field(field(docs, "license"), "evidence").get("repeated").asBoolean());
    assertEquals("{\"field\":{\"@id\":\"documents/id\"}}", field(c.get("recordSet").get(1), "duplicate_of").get("references").toString());
  }

  @Test
  void raiFieldsDescribeTheStepsThatRan() throws IOException {
    JsonNode c = croissant(out);
    List<String> protocol = new ArrayList<>();
    c.get("rai:dataPreprocessingProtocol").forEach(n -> protocol.add(n.asText()));
    assertEquals("[\"Existing datasets\",\"Web Scraping\"]", c.get("rai:dataCollectionType").toString());
    // 6 WARC responses + 2 readable JSONL rows of rows.jsonl (one has no text) + 3 rows of dups.jsonl
    assertTrue(c.get("rai:dataCollection").asText().contains("became candidate documents, 5 were kept and "), c.get("rai:dataCollection").asText());
    assertTrue(protocol.stream().anyMatch(l -> l.startsWith("extract_html@1: ") && l.contains("rejected (decode_error 1, empty_text 1, http_status_404 1, not_html 1)")),
        protocol.toString());
    // preset none: the card and Croissant say which policies did not run
    assertEquals("steps decided by none@1 for code, text, web", protocol.get(0));
    assertEquals(List.of("steps for code: no steps", "steps for text: no steps", "steps for web: no steps"), protocol.subList(1, 4));
    assertTrue(protocol.get(4).startsWith("warning: the opt-out policy is off: no optout step runs on web pages"), protocol.toString());
    assertTrue(protocol.get(5).startsWith("warning: the licence policy is off: no license_policy step runs on code files"), protocol.toString());
    assertTrue(protocol.stream().anyMatch(l -> l.startsWith("dedup_exact@1 {") && l.contains(", 1 rejected (exact_duplicate 1), 5 remain")), protocol.toString());
  }

  @Test
  void readmeIsADatasetCardWithFunnelAndLoadingInstructions() throws IOException {
    String card = Files.readString(out.resolve("README.md"));
    assertTrue(card.startsWith("---\npretty_name: \"Rivers and otters\"\nlicense: \"cc-by-4.0\"\n"), card);
    assertTrue(card.contains("\n# Rivers and otters\n"), card);
    assertTrue(card.contains("| **kept** | | **5** |\n"), card);
    assertTrue(card.contains("## Curation\n\n> **Warning:** the opt-out policy is off: no optout step runs on web pages, so pages that reserve"
        + " their text against AI training are kept (preset none)\n\n> **Warning:** the licence policy is off"), card);
    assertTrue(card.contains("Steps decided by: none@1 for code, text, web. Each kind of document went through its own steps, in order"
        + " (parameters in `manifest.json` under `config.effective_steps`):\n\n- code: no steps\n- text: no steps\n- web: no steps\n"), card);
    assertTrue(card.contains("| exact_duplicate | 1 |\n"), card);
    assertTrue(card.contains("read_parquet('data/*.parquet')"), card);
    assertTrue(card.contains("load_dataset('parquet'"), card);
    assertTrue(card.contains("| 2 | 1 |\n"), "one kept document stands for a cluster of 2:\n" + card);
  }

  @Test
  void verifyChecksCroissantAgainstTheShards() throws IOException {
    Run ok = cli("verify", out.toString());
    assertEquals(0, ok.code(), ok.err());

    Path copy = tmp.resolve("tampered");
    copyTree(out, copy);
    JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
    String shard = manifest.get("data_shards").get(1).get("path").asText();
    String sha = manifest.get("data_shards").get(1).get("sha256").asText();
    String text = Files.readString(copy.resolve("croissant.json"));
    Files.writeString(copy.resolve("croissant.json"), text.replace(sha, "0".repeat(64)).replace("\"name\" : \"signals\"", "\"name\" : \"signalz\""));
    Run bad = cli("verify", copy.toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("provenant: verify: croissant.json: " + shard + " sha256 is " + "0".repeat(64) + ", the file's is " + sha + "\n"), bad.err());
    assertTrue(bad.err().contains("provenant: verify: croissant.json: fields of documents are ["), bad.err());
    assertTrue(bad.err().contains("signalz.language"), bad.err());

    Files.delete(copy.resolve("croissant.json"));
    Run missing = cli("verify", copy.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().startsWith("provenant: verify: croissant.json is missing\n"), missing.err());
    assertFalse(Files.exists(copy.resolve(".croissant.json.tmp")));
  }

  @Test
  void releaseRewritesTheCardOfAnExistingOutput() throws IOException {
    Path copy = tmp.resolve("renamed");
    copyTree(out, copy);
    Run r = cli("release", copy.toString(), "--release-name", "Renamed", "--release-version", "2.0.0");
    assertEquals(0, r.code(), r.err());
    JsonNode c = croissant(copy);
    assertEquals("Renamed", c.get("name").asText());
    assertEquals("2.0.0", c.get("version").asText());
    assertEquals("CC-BY-4.0", c.get("license").asText(), "kept from the earlier croissant.json");
    assertEquals(2, c.get("creator").size());
    assertEquals(0, cli("verify", copy.toString()).code());
  }

  static String sha256(Path p) throws IOException {
    return com.google.common.hash.Hashing.sha256().hashBytes(Files.readAllBytes(p)).toString();
  }

  static JsonNode field(JsonNode parent, String name) {
    JsonNode list = parent.has("field") ? parent.get("field") : parent.get("subField");
    for (JsonNode f : list) {
      if (f.get("name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no field " + name + " in " + parent);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
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
