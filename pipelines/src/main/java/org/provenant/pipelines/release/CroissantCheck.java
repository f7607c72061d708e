package org.provenant.pipelines.release;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.provenant.pipelines.io.BeamInputFile;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * Checks croissant.json against the files it describes: every shard listed once as a FileObject
 * with the sha256 and size the file has, no FileObject for a file that is not there, the FileSets
 * of both tables, and record-set fields that are exactly the columns of the Avro schemas and of
 * the schema in each shard's footer.
 */
public final class CroissantCheck {
  private CroissantCheck() {}

  /**
   * Problems found; {@code actual} maps each shard path (and manifest.json) to its recomputed
   * {sha256, size}.
   */
  public static void check(OutputDir dir, RunManifest m, Map<String, String[]> actual, List<String> problems) throws IOException {
    Optional<byte[]> bytes = OutputDir.readIfExists(dir.resolve(ReleaseFiles.CROISSANT));
    if (bytes.isEmpty()) {
      problems.add("croissant.json is missing");
      return;
    }
    JsonNode c;
    try {
      c = Croissant.read(bytes.get());
    } catch (IOException e) {
      problems.add("croissant.json is not valid JSON: " + e.getMessage().split("\n")[0]);
      return;
    }
    for (String property : Croissant.REQUIRED) {
      JsonNode v = c.path(property);
      if (v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().isBlank()) || (v.isContainerNode() && v.isEmpty())) {
        problems.add("croissant.json: the required property " + property + " is missing or empty");
      }
    }
    if (!Croissant.CONFORMS_TO.equals(c.path("conformsTo").asText())) {
      problems.add("croissant.json: conformsTo is " + c.path("conformsTo") + ", expected " + Croissant.CONFORMS_TO);
    }
    Map<String, JsonNode> objects = new HashMap<>();
    Map<String, JsonNode> sets = new HashMap<>();
    for (JsonNode d : c.path("distribution")) {
      String id = d.path("@id").asText();
      String type = d.path("@type").asText();
      if (type.equals("cr:FileObject")) {
        if (objects.put(id, d) != null) {
          problems.add("croissant.json: FileObject " + id + " is listed twice");
        }
      } else if (type.equals("cr:FileSet")) {
        sets.put(id, d);
      }
    }
    for (List<ShardEntry> shards : List.of(m.dataShards(), m.rejectedShards())) {
      for (ShardEntry e : shards) {
        JsonNode o = objects.remove(e.path());
        if (o == null) {
          problems.add("croissant.json: shard " + e.path() + " is not listed");
          continue;
        }
        compare(e.path(), o, actual.get(e.path()), problems);
      }
    }
    JsonNode manifest = objects.remove("manifest.json");
    if (manifest == null) {
      problems.add("croissant.json: manifest.json is not listed");
    } else {
      compare("manifest.json", manifest, actual.get("manifest.json"), problems);
    }
    for (String extra : objects.keySet()) {
      problems.add("croissant.json: lists " + extra + ", which is not a shard of this output");
    }
    fileSet(sets, Croissant.DATA_FILES, "data/*.parquet", problems);
    fileSet(sets, Croissant.REJECTED_FILES, "rejected/*.parquet", problems);
    Map<String, JsonNode> recordSets = new HashMap<>();
    c.path("recordSet").forEach(r -> recordSets.put(r.path("@id").asText(), r));
    fields(recordSets.get(Croissant.DOCUMENTS), Croissant.DOCUMENTS, ProvenantSchemas.DOCUMENT, problems);
    fields(recordSets.get(Croissant.REJECTED), Croissant.REJECTED, ProvenantSchemas.REJECTED, problems);
    shardSchemas(dir, "data", ProvenantSchemas.DOCUMENT, problems);
    shardSchemas(dir, "rejected", ProvenantSchemas.REJECTED, problems);
  }

  /** Each shard's own schema (the Avro schema in its Parquet footer) must have the columns croissant.json lists. */
  private static void shardSchemas(OutputDir dir, String sub, Schema table, List<String> problems) throws IOException {
    List<String> expected = Croissant.columnPaths(table);
    for (MatchResult.Metadata f : dir.list(sub + "/*.parquet")) {
      String avro;
      try (ParquetFileReader r = ParquetFileReader.open(new BeamInputFile(f.resourceId(), f.sizeBytes()))) {
        avro = r.getFooter().getFileMetaData().getKeyValueMetaData().get("parquet.avro.schema");
      } catch (IOException | RuntimeException e) {
        continue; // an unreadable shard is reported by the manifest checks
      }
      String path = sub + "/" + f.resourceId().getFilename();
      if (avro == null) {
        problems.add(path + ": has no Avro schema in its footer, so its columns cannot be checked against croissant.json");
        continue;
      }
      List<String> columns = Croissant.columnPaths(new Schema.Parser().parse(avro));
      if (!columns.equals(expected)) {
        problems.add(path + ": columns " + columns + " differ from the fields croissant.json lists " + expected);
      }
    }
  }

  private static void compare(String path, JsonNode o, String[] actual, List<String> problems) {
    if (actual == null) {
      return; // the file itself is missing or unreadable: reported by the manifest checks
    }
    if (!actual[0].equals(o.path("sha256").asText())) {
      problems.add("croissant.json: " + path + " sha256 is " + o.path("sha256").asText() + ", the file's is " + actual[0]);
    }
    String size = actual[1] + " B";
    if (!size.equals(o.path("contentSize").asText())) {
      problems.add("croissant.json: " + path + " contentSize is " + o.path("contentSize").asText() + ", the file has " + size);
    }
  }

  private static void fileSet(Map<String, JsonNode> sets, String id, String glob, List<String> problems) {
    JsonNode s = sets.get(id);
    if (s == null) {
      problems.add("croissant.json: FileSet " + id + " is missing");
    } else if (!glob.equals(s.path("includes").asText()) || !Croissant.PARQUET.equals(s.path("encodingFormat").asText())) {
      problems.add("croissant.json: FileSet " + id + " should include " + glob + " as " + Croissant.PARQUET);
    }
  }

  private static void fields(JsonNode recordSet, String id, Schema table, List<String> problems) {
    if (recordSet == null) {
      problems.add("croissant.json: record set " + id + " is missing");
      return;
    }
    List<String> listed = Croissant.fieldPaths(recordSet);
    List<String> expected = Croissant.columnPaths(table);
    if (!listed.equals(expected)) {
      problems.add("croissant.json: fields of " + id + " are " + listed + " but the schema's columns are " + expected);
    }
  }
}
