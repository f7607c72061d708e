package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.schemas.Document;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.manifest.InputFileEntry;
import org.provenant.schemas.manifest.RunManifest;

/**
 * Input nobody here wrote: the real WARC files of other web-archive tools in {@code
 * ../shared/corpora/warc} (skipped when absent), and a Parquet dataset written by parquet-avro.
 * Every manifest produced is checked against {@code schemas/json/manifest.schema.json}.
 */
class RealInputsTest {
  private static final Path SHARED = Path.of("../../shared/corpora/warc");

  @TempDir Path tmp;

  static void assertManifestMatchesJsonSchema(Path out) throws IOException {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(ProvenantSchemas.manifestJsonSchema());
    Set<ValidationMessage> errors = schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("manifest.json").toFile()));
    assertTrue(errors.isEmpty(), errors.toString());
  }

  /**
   * Real licence texts (licensee's fixtures) as the licence of a package that also holds a source
   * file with an MIT header of its own: the default run keeps no file of a copyleft package, and
   * both files of a permissive one.
   */
  @Test
  void theDefaultRunKeepsNoFileOfAPackageUnderARealCopyleftLicenceText() throws IOException {
    Path fixtures = Path.of("../../shared/corpora/licenses/licensee/spec/fixtures");
    Assumptions.assumeTrue(Files.isDirectory(fixtures), "shared corpora not present: " + fixtures.toAbsolutePath());
    Map<String, String> copyleft = new TreeMap<>(Map.of(
        "agpl-3.0_markdown", "license_denied:AGPL-3.0-only", "gpl-2.0_markdown", "license_denied:GPL-2.0-only",
        "gpl3-without-instructions", "license_denied:GPL-3.0-only", "lgpl-2.1_markdown", "license_denied:LGPL-2.1-only",
        "mpl-2.0_markdown", "license_denied:MPL-2.0", "epl-1.0_markdown", "license_denied:EPL-1.0",
        "eupl-cal2017", "license_denied:EUPL-1.2"));
    List<String> permissive = List.of("mit", "bsd-3-clause_markdown", "apache-2.0_markdown");
    Path in = tmp.resolve("packages");
    for (String name : concat(copyleft.keySet(), permissive)) {
      Path pkg = in.resolve(name);
      Files.createDirectories(pkg.resolve("src"));
      try (var files = Files.list(fixtures.resolve(name))) {
        for (Path f : files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toUpperCase().startsWith("LICENSE")).toList()) {
          Files.copy(f, pkg.resolve(f.getFileName()));
        }
      }
      // a different file in each package, so that dedup keeps each
      Files.writeString(pkg.resolve("src/add.js"), "// SPDX-License-Identifier: MIT\n// " + name + "\nmodule.exports = (a, b) => a + b;\n");
    }
    Path out = tmp.resolve("out");
    new Curator(System.err).run(List.of(in + "/*"), out.toString(), CurationConfig.DEFAULT, false, List.of("--runner=DirectRunner"));
    Map<String, String> outcome = new TreeMap<>();
    for (Document d : CurationEndToEndTest.documents(out)) {
      outcome.put(d.source().uri().replaceAll(".*/", "") + ":" + d.source().path(), "kept");
    }
    for (org.provenant.schemas.Rejection r : CurationEndToEndTest.rejections(out)) {
      outcome.put(r.source().uri().replaceAll(".*/", "") + ":" + r.source().path(), r.reason());
    }
    Map<String, String> expected = new TreeMap<>();
    copyleft.forEach((name, reason) -> expected.put(name + ":src/add.js", reason));
    permissive.forEach(name -> expected.put(name + ":src/add.js", "kept"));
    Map<String, String> sources = new TreeMap<>(outcome);
    sources.keySet().removeIf(k -> !k.endsWith(":src/add.js"));
    assertEquals(expected, sources);
    // the licence files of copyleft packages are not kept either
    outcome.forEach((k, v) -> {
      if (copyleft.containsKey(k.substring(0, k.indexOf(':')))) {
        assertTrue(v.startsWith("license_denied:"), k + " " + v);
      }
    });
    assertManifestMatchesJsonSchema(out);
  }

  private static List<String> concat(java.util.Collection<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void sharedWarcFilesAllFinishWithEveryCandidateAccounted() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(SHARED), "shared corpora not present: " + SHARED.toAbsolutePath());
    Path out = tmp.resolve("out");
    List<String> globs = List.of(SHARED + "/*/*.warc", SHARED + "/*/*.warc.gz", SHARED + "/*/*.warc.wet", SHARED + "/*/*.warc.wet.gz");
    new Curator(System.err).run(globs, out.toString(), CurationConfig.NONE, false, List.of());
    RunManifest m = new OutputDir(out.toString()).manifest().orElseThrow();
    assertTrue(m.accountingOk());
    assertTrue(new OutputVerifier().verify(new OutputDir(out.toString())).ok());
    assertManifestMatchesJsonSchema(out);
    Map<String, String> errors = new TreeMap<>();
    for (InputFileEntry i : m.inputs()) {
      if (i.error() != null) {
        errors.put(i.uri().substring(i.uri().indexOf("/warc/") + 6), i.error().substring(0, i.error().indexOf(':')));
      }
    }
    // the broken files, and only those, stop early, each with its reason (ia-web-commons' hand-made
    // link-extraction file declares every Content-Length one byte short and ends in a broken record)
    assertEquals(Map.of(
        "ia-web-commons/link-extraction-test.warc", "malformed_record",
        "resiliparse/clipped.warc.gz", "truncated_record",
        "warcio/example-trunc.warc", "malformed_record"), errors);
    InputFileEntry cc = m.inputs().stream().filter(i -> i.uri().endsWith("commoncrawl-whirlwind/whirlwind.warc.gz")).findFirst().orElseThrow();
    assertEquals(Map.of("metadata", 1L, "request", 1L, "response", 1L, "warcinfo", 1L), cc.recordsByType());
    List<Document> docs = CurationEndToEndTest.documents(out);
    // the same Common Crawl page is in whirlwind.warc and .warc.gz (HTML) and in the WET files
    // (Common Crawl's own text, which keeps the menus our extractor drops, so not a near duplicate
    // of ours): one HTML copy and one WET copy are kept, and each other copy points at its twin
    String url = "https://an.wikipedia.org/wiki/Escopete";
    List<Document> kept = docs.stream().filter(d -> url.equals(d.source().url()))
        .sorted(java.util.Comparator.comparing(d -> d.source().uri())).toList();
    assertEquals(List.of("whirlwind.warc", "whirlwind.warc.wet"),
        kept.stream().map(d -> d.source().uri().substring(d.source().uri().lastIndexOf('/') + 1)).toList());
    assertTrue(kept.get(0).text().contains("Escopete"), kept.get(0).text());
    for (Document k : kept) {
      assertEquals(2, k.dedup().clusterSize());
      org.provenant.schemas.Rejection twin = CurationEndToEndTest.rejections(out).stream()
          .filter(r -> r.id().equals(k.id()) && r.source().uri().equals(k.source().uri() + ".gz")).findFirst().orElseThrow();
      assertEquals("exact_duplicate", twin.reason());
      assertEquals(k.id(), twin.duplicateOf());
    }
    // licences read from pages nobody here wrote: Wikipedia declares CC BY-SA 4.0 in its head and
    // footer; a personal site declares CC BY 4.0 with rel="license" in its footer; creativecommons.org
    // pages only credit images (links in figures and article footers), which is not a declaration
    Map<String, String> licences = new TreeMap<>();
    for (Document d : docs) {
      if (d.source().url() != null && d.source().uri().endsWith(".gz") && !d.license().evidence().isEmpty()) {
        licences.put(d.source().url(), d.license().spdx() + (d.license().conflict() ? " conflict" : ""));
      }
    }
    assertEquals("CC-BY-SA-4.0", kept.get(0).license().spdx()); // the HTML copy
    assertEquals("CC-BY-4.0", licences.get("https://soldaini.net/"));
    assertEquals("null", licences.get("https://creativecommons.org/"));
    assertEquals("null", licences.get("https://creativecommons.org/mission/"));
  }

  @Test
  void parquetDatasetsAreReadByTheirTextColumnKeepingTheirIds() throws IOException {
    Schema schema = SchemaBuilder.record("Row").fields()
        .optionalString("id").requiredString("text").optionalString("url").requiredInt("score").endRecord();
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(in.resolve("ds.parquet")))
        .withSchema(schema).withConf(new Configuration(false)).build()) {
      w.write(row(schema, "p-1", "First Parquet text.", "https://p.example/1"));
      w.write(row(schema, null, "Second, without an id.", null));
      w.write(row(schema, "p-3", "   ", null));
    }
    Path out = tmp.resolve("out");
    new Curator(System.err).run(List.of(in + "/ds.parquet"), out.toString(), CurationConfig.NONE, false, List.of());
    List<Document> docs = CurationEndToEndTest.documents(out);
    assertEquals(Set.of("p-1", org.provenant.filters.read.Digests.id("parquet", "ds.parquet", "1")),
        docs.stream().map(Document::id).collect(java.util.stream.Collectors.toSet()));
    Document first = docs.stream().filter(d -> d.id().equals("p-1")).findFirst().orElseThrow();
    assertEquals("First Parquet text.", first.text());
    assertEquals(0, first.source().offset());
    assertEquals("https://p.example/1", first.source().url());
    assertEquals(List.of("empty_text"), CurationEndToEndTest.rejections(out).stream().map(r -> r.reason()).toList());
    RunManifest m = new OutputDir(out.toString()).manifest().orElseThrow();
    assertEquals("parquet", m.inputs().get(0).format());
    assertEquals(Map.of("row", 3L), m.inputs().get(0).recordsByType());
    assertManifestMatchesJsonSchema(out);
  }

  private static GenericRecord row(Schema s, String id, String text, String url) {
    GenericRecord r = new GenericData.Record(s);
    r.put("id", id);
    r.put("text", text);
    r.put("url", url);
    r.put("score", 1);
    return r;
  }
}
