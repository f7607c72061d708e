package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.util.Text;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.output.OutputDir;

/** export: Arrow IPC and Dolma JSONL read back value for value against the Parquet shards. */
class ReleaseExportTest {
  @TempDir static Path tmp;
  static Path out;
  static Map<String, Object> expected = new TreeMap<>();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void run() throws IOException {
    out = tmp.resolve("out");
    ReleaseCroissantTest.curate(tmp.resolve("in"), out);
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    OutputDir dir = new OutputDir(out.toString());
    for (MatchResult.Metadata f : dir.list("data/*.parquet")) {
      OutputDir.forEachRow(f, r -> expected.put(r.get("id").toString(), plain(r)));
    }
    assertEquals(5, expected.size());
  }

  @Test
  void croissantHasEveryRequiredPropertyWithoutReleaseFlags() throws IOException {
    JsonNode c = JSON.readTree(out.resolve("croissant.json").toFile());
    // no --release-url: the output location; no --release-creator: a creator saying it was not named
    assertEquals(out.toAbsolutePath().toUri().toString(), c.get("url").asText());
    assertEquals("[{\"@type\":\"sc:Organization\",\"name\":\"not named (set with --release-creator)\"}]", c.get("creator").toString());
    for (String p : org.provenant.pipelines.release.Croissant.REQUIRED) {
      assertTrue(c.hasNonNull(p), p);
    }
    assertEquals(0, ReleaseCroissantTest.cli("verify", out.toString()).code());
  }

  /** Avro and Arrow values as plain Java: strings, numbers, booleans, lists, maps without null entries. */
  static Object plain(Object v) {
    if (v instanceof GenericRecord r) {
      Map<String, Object> m = new LinkedHashMap<>();
      r.getSchema().getFields().forEach(f -> {
        Object x = plain(r.get(f.name()));
        if (x != null) {
          m.put(f.name(), x);
        }
      });
      return m;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> m = new LinkedHashMap<>();
      map.forEach((k, x) -> {
        Object p = plain(x);
        if (p != null) {
          m.put(k.toString(), p);
        }
      });
      return m;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(plain(x)));
      return out;
    }
    if (v instanceof CharSequence || v instanceof Text) {
      return v.toString();
    }
    return v;
  }

  static Map<String, Object> readArrow(Path dir, boolean fileFormat) throws IOException {
    Map<String, Object> rows = new TreeMap<>();
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".arrow")).sorted().toList();
    }
    assertEquals(4, files.size(), files.toString());
    for (Path p : files) {
      try (RootAllocator alloc = new RootAllocator();
          FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
          ArrowReader reader = fileFormat ? new ArrowFileReader(ch, alloc) : new ArrowStreamReader(ch, alloc)) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        while (reader.loadNextBatch()) {
          for (int i = 0; i < root.getRowCount(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldVector v : root.getFieldVectors()) {
              Object x = plain(v.getObject(i));
              if (x != null) {
                row.put(v.getName(), x);
              }
            }
            rows.put(row.get("id").toString(), row);
          }
        }
      }
    }
    return rows;
  }

  @Test
  void arrowStreamHoldsExactlyTheParquetValuesWithProvenanceAsStructs() throws IOException {
    Path export = tmp.resolve("arrow");
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("export", out.toString(), "--format", "arrow", "--out", export.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("exported 5 documents into 4 file(s) in " + export + "\n", r.out());
    Map<String, Object> rows = readArrow(export, false);
    assertEquals(expected, rows);
    @SuppressWarnings("unchecked")
    Map<String, Object> d1 = (Map<String, Object>) rows.get("d-1");
    assertEquals(ReleaseCroissantTest.RIVERS, d1.get("text"));
    assertEquals("https://rivers.example/1", ((Map<?, ?>) d1.get("source")).get("url"));
    assertEquals(0L, ((Map<?, ?>) d1.get("source")).get("offset"));
    assertEquals(2, ((Map<?, ?>) d1.get("dedup")).get("cluster_size"));
    JsonNode listing = JSON.readTree(export.resolve("export.json").toFile());
    assertEquals("arrow", listing.get("format").asText());
    assertEquals(4, listing.get("files").size());
    for (JsonNode f : listing.get("files")) {
      assertEquals(ReleaseCroissantTest.sha256(export.resolve(f.get("path").asText())), f.get("sha256").asText());
    }
  }

  @Test
  void arrowFileFormatAndColumnProjection() throws IOException {
    Path export = tmp.resolve("arrow-file");
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("export", out.toString(), "--format", "arrow-file", "--out", export.toString(),
        "--columns", "id,source.url,license.spdx");
    assertEquals(0, r.code(), r.err());
    Map<String, Object> rows = readArrow(export, true);
    Map<String, Object> want = new TreeMap<>();
    expected.forEach((id, row) -> {
      Map<?, ?> m = (Map<?, ?>) row;
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("id", id);
      Object url = ((Map<?, ?>) m.get("source")).get("url");
      w.put("source", url == null ? Map.of() : Map.of("url", url));
      Object spdx = ((Map<?, ?>) m.get("license")).get("spdx");
      w.put("license", spdx == null ? Map.of() : Map.of("spdx", spdx));
      want.put(id, w);
    });
    assertEquals(want, rows);
  }

  @Test
  void dolmaJsonlWithSomeColumnsLeavesOutWhatWasNotAskedFor() throws IOException {
    Path export = tmp.resolve("jsonl-columns");
    // source.date is not among the columns: no "created", and no failure
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("export", out.toString(), "--format", "jsonl", "--output", export.toString(),
        "--columns", "id,source.url");
    assertEquals(0, r.code(), r.err());
    List<String> lines = new ArrayList<>();
    try (var s = Files.list(export)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".jsonl.gz")).sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
          for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.contains("\"id\":\"d-3\"")) {
              lines.add(line.replaceAll("\"added\":\"[^\"]+\"", "\"added\":\"T\""));
            }
          }
        }
      }
    }
    assertEquals(List.of("{\"id\":\"d-3\",\"text\":\"" + ReleaseCroissantTest.OTTERS + "\",\"source\":\"out\",\"added\":\"T\","
        + "\"metadata\":{\"source\":{\"url\":\"https://otters.example/sleep\"}}}"), lines);
  }

  @Test
  void dolmaJsonlHasIdTextSourceAddedCreatedAndProvenanceMetadata() throws IOException {
    Path export = tmp.resolve("jsonl");
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("export", out.toString(), "--format", "jsonl", "--output", export.toString());
    assertEquals(0, r.code(), r.err());
    String finished = JSON.readTree(out.resolve("manifest.json").toFile()).get("finished_at").asText();
    Map<String, JsonNode> docs = new TreeMap<>();
    try (var s = Files.list(export)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".jsonl.gz")).sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
          for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
              JsonNode d = JSON.readTree(line);
              docs.put(d.get("id").asText(), d);
            }
          }
        }
      }
    }
    assertEquals(expected.keySet(), docs.keySet());
    JsonNode d1 = docs.get("d-1");
    List<String> keys = new ArrayList<>();
    d1.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("id", "text", "source", "added", "metadata"), keys, "d-1 has no date, so no created");
    assertEquals(ReleaseCroissantTest.RIVERS, d1.get("text").asText());
    assertEquals("out", d1.get("source").asText());
    assertEquals(finished, d1.get("added").asText());
    assertEquals("https://rivers.example/1", d1.at("/metadata/source/url").asText());
    assertEquals(0, d1.at("/metadata/source/offset").asLong());
    assertEquals(2, d1.at("/metadata/dedup/cluster_size").asInt());
    assertEquals(JSON.valueToTree(((Map<?, ?>) expected.get("d-1")).get("lineage")), d1.at("/metadata/lineage"));
    JsonNode webPage = docs.values().stream().filter(d -> d.at("/metadata/source/url").asText().equals("https://news.example/a")).findFirst().orElseThrow();
    assertEquals("2026-03-01T12:00:00Z", webPage.get("created").asText());
  }

  @Test
  void exportRejectsAnUnknownFormatOrColumn() {
    ReleaseCroissantTest.Run f = ReleaseCroissantTest.cli("export", out.toString(), "--format", "csv", "--out", tmp.resolve("x").toString());
    assertEquals(2, f.code());
    assertEquals("provenant: error: unknown export format \"csv\"; known: arrow, arrow-file, jsonl\n", f.err());
    ReleaseCroissantTest.Run c = ReleaseCroissantTest.cli("export", out.toString(), "--format", "arrow", "--out", tmp.resolve("y").toString(), "--columns", "nope");
    assertEquals(2, c.code());
    assertTrue(c.err().startsWith("provenant: error: no column nope in "), c.err());
  }
}
