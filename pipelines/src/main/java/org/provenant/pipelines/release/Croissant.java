package org.provenant.pipelines.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.manifest.InputFileEntry;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * The Croissant 1.1 description ({@code croissant.json}) of a curation output: dataset metadata,
 * one {@code cr:FileObject} per shard (sha256 and size as in the manifest), a {@code cr:FileSet} per
 * table, one {@code cr:RecordSet} per table whose fields are generated from the Avro schema, and RAI
 * fields generated from the run's configuration and counts.
 */
public final class Croissant {
  public static final String CONFORMS_TO = "http://mlcommons.org/croissant/1.1";
  public static final String PARQUET = "application/x-parquet";
  public static final String DOCUMENTS = "documents";
  public static final String REJECTED = "rejected";
  public static final String DATA_FILES = "data-files";
  public static final String REJECTED_FILES = "rejected-files";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Croissant() {}

  /** Properties Croissant 1.1 requires of every dataset; {@code verify} checks each is there and not empty. */
  public static final List<String> REQUIRED = List.of(
      "@context", "@type", "conformsTo", "name", "description", "license", "url", "creator", "datePublished", "distribution");

  /** The creator written when the run names none ({@code --release-creator}): Croissant 1.1 requires one. */
  public static final String UNNAMED_CREATOR = "not named (set with --release-creator)";

  /**
   * The JSON-LD document; {@code manifestSha256} and {@code manifestBytes} describe manifest.json,
   * {@code location} (the output directory as a URL) is the {@code url} when the release names none.
   */
  public static ObjectNode build(DatasetStats stats, ReleaseInfo release, String defaultName, String manifestSha256, long manifestBytes,
      String location) {
    RunManifest m = stats.manifest();
    ObjectNode root = F.objectNode();
    root.set("@context", context());
    root.put("@type", "sc:Dataset");
    root.put("conformsTo", CONFORMS_TO);
    String name = release.nameOr(defaultName);
    root.put("name", name);
    root.put("description", release.descriptionOr(DatasetCard.generatedDescription(stats)));
    root.put("license", release.licenseOrDefault());
    root.put("url", release.url() != null ? release.url() : location);
    ArrayNode creators = root.putArray("creator");
    for (String c : release.creators()) {
      creators.addObject().put("@type", "sc:Person").put("name", c.strip());
    }
    if (release.creators().isEmpty()) {
      creators.addObject().put("@type", "sc:Organization").put("name", UNNAMED_CREATOR);
    }
    root.put("datePublished", m.finishedAt().substring(0, 10));
    root.put("version", release.versionOrDefault());
    root.put("citeAs", name + " (" + release.versionOrDefault() + "), curated with " + m.tool().name() + " " + m.tool().version());
    root.put("isLiveDataset", false);
    root.set("prov:wasGeneratedBy", generatedBy(m));
    rai(root, stats);
    ArrayNode dist = root.putArray("distribution");
    ObjectNode manifest = dist.addObject();
    manifest.put("@type", "cr:FileObject").put("@id", "manifest.json").put("name", "manifest.json")
        .put("description", "Run manifest: tool, configuration, inputs with sha256, shards with sha256 and row counts, accounting.")
        .put("contentUrl", "manifest.json").put("encodingFormat", "application/json")
        .put("contentSize", manifestBytes + " B").put("sha256", manifestSha256);
    shards(dist, m.dataShards());
    shards(dist, m.rejectedShards());
    fileSet(dist, DATA_FILES, "Kept documents, one row per document.", "data/*.parquet");
    fileSet(dist, REJECTED_FILES, "Rejected candidates with the step and reason that rejected them.", "rejected/*.parquet");
    ArrayNode sets = root.putArray("recordSet");
    sets.add(recordSet(DOCUMENTS, DATA_FILES, ProvenantSchemas.DOCUMENT));
    sets.add(recordSet(REJECTED, REJECTED_FILES, ProvenantSchemas.REJECTED));
    return root;
  }

  public static byte[] toBytes(JsonNode croissant) {
    try {
      return (JSON.writeValueAsString(croissant) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode read(byte[] bytes) throws IOException {
    return JSON.readTree(bytes);
  }

  /** The Croissant 1.1 context, with the prov: prefix for per-record provenance. */
  static ObjectNode context() {
    ObjectNode c = F.objectNode();
    c.put("@language", "en");
    c.put("@vocab", "https://schema.org/");
    c.put("citeAs", "cr:citeAs");
    c.put("column", "cr:column");
    c.put("conformsTo", "dct:conformsTo");
    c.put("containedIn", "cr:containedIn");
    c.put("cr", "http://mlcommons.org/croissant/");
    c.put("rai", "http://mlcommons.org/croissant/RAI/");
    c.set("data", F.objectNode().put("@id", "cr:data").put("@type", "@json"));
    c.set("dataType", F.objectNode().put("@id", "cr:dataType").put("@type", "@vocab"));
    c.put("dct", "http://purl.org/dc/terms/");
    c.set("examples", F.objectNode().put("@id", "cr:examples").put("@type", "@json"));
    c.put("extract", "cr:extract");
    c.put("field", "cr:field");
    c.put("fileProperty", "cr:fileProperty");
    c.put("fileObject", "cr:fileObject");
    c.put("fileSet", "cr:fileSet");
    c.put("format", "cr:format");
    c.put("includes", "cr:includes");
    c.put("isLiveDataset", "cr:isLiveDataset");
    c.put("jsonPath", "cr:jsonPath");
    c.put("key", "cr:key");
    c.put("md5", "cr:md5");
    c.put("parentField", "cr:parentField");
    c.put("path", "cr:path");
    c.put("prov", "http://www.w3.org/ns/prov#");
    c.put("recordSet", "cr:recordSet");
    c.put("references", "cr:references");
    c.put("regex", "cr:regex");
    c.put("repeated", "cr:repeated");
    c.put("replace", "cr:replace");
    c.put("samplingRate", "cr:samplingRate");
    c.put("sc", "https://schema.org/");
    c.put("separator", "cr:separator");
    c.put("source", "cr:source");
    c.put("subField", "cr:subField");
    c.put("transform", "cr:transform");
    return c;
  }

  private static ObjectNode generatedBy(RunManifest m) {
    ObjectNode a = F.objectNode();
    a.put("@type", "prov:Activity");
    a.put("name", "curation run");
    a.put("prov:startedAtTime", m.startedAt());
    a.put("prov:endedAtTime", m.finishedAt());
    ObjectNode agent = a.putObject("prov:wasAssociatedWith");
    agent.put("@type", "prov:SoftwareAgent").put("name", m.tool().name()).put("version", m.tool().version());
    if (m.tool().gitCommit() != null) {
      agent.put("identifier", "git:" + m.tool().gitCommit());
    }
    a.put("runner", m.runner());
    a.put("configSha256", m.configSha256());
    ArrayNode used = a.putArray("prov:used");
    for (InputFileEntry in : m.inputs()) {
      used.addObject().put("@type", "prov:Entity").put("contentUrl", in.uri()).put("sha256", in.sha256()).put("contentSize", in.bytes() + " B");
    }
    return a;
  }

  private static void rai(ObjectNode root, DatasetStats s) {
    RunManifest m = s.manifest();
    root.put("rai:dataCollection", String.format(
        "%,d records read from %d input file(s) (each listed with its sha256 in manifest.json and prov:wasGeneratedBy); "
            + "%,d became candidate documents, %,d were kept and %,d rejected with a recorded step and reason.",
        m.counts().recordsRead(), m.inputs().size(), m.counts().candidates(), m.counts().kept(), m.counts().rejected()));
    ArrayNode types = root.putArray("rai:dataCollectionType");
    for (String kind : s.kinds().keySet()) {
      types.add(switch (kind) {
        case "web" -> "Web Scraping";
        case "code" -> "Software repositories";
        default -> "Existing datasets";
      });
    }
    root.put("rai:dataCollectionRawData", m.inputs().stream().map(InputFileEntry::uri).collect(Collectors.joining(", ")));
    ArrayNode protocol = root.putArray("rai:dataPreprocessingProtocol");
    if (m.curation() != null) {
      protocol.add("steps decided by " + m.curation());
    }
    for (String line : DatasetCard.stepsByKind(m)) {
      protocol.add("steps for " + line);
    }
    for (String w : m.warnings()) {
      protocol.add("warning: " + w);
    }
    for (String line : DatasetCard.protocol(s)) {
      protocol.add(line);
    }
    for (String line : DatasetCard.removals(m)) {
      protocol.add("removal: " + line);
    }
    List<String> limits = new ArrayList<>();
    long unknown = s.licences().getOrDefault("unknown", 0L);
    limits.add(String.format("%,d of %,d kept documents have no licence the licence step could identify; %,d have conflicting licence statements.",
        unknown, m.counts().kept(), s.licenceConflicts()));
    limits.add("Languages of kept documents: " + DatasetCard.inline(s.languages()) + ".");
    limits.add("Text was extracted automatically; boilerplate or markup may remain and some content may be missing.");
    root.put("rai:dataLimitations", String.join(" ", limits));
    root.put("rai:dataBiases", "Documents reflect the inputs listed and what the configured filters keep; top sources: "
        + DatasetCard.inline(DatasetStats.ordered(DatasetStats.top(s.domains().isEmpty() ? s.packages() : s.domains(), 5))) + ".");
    root.put("rai:personalSensitiveInformation", String.format(
        "%,d e-mail addresses and %,d IP addresses were replaced by placeholders in kept documents (counts in signals.pii; values never stored). "
            + "%,d kept documents carry a machine-readable reservation against AI training or text and data mining (signals.optout).",
        s.piiEmails(), s.piiIpAddresses(), s.optOutReserved()));
    root.put("rai:dataUseCases", "Training and evaluating language models, with every document traceable to the input file and byte offset it came from.");
  }

  private static void shards(ArrayNode dist, List<ShardEntry> shards) {
    for (ShardEntry e : shards) {
      dist.addObject().put("@type", "cr:FileObject").put("@id", e.path()).put("name", e.path()).put("contentUrl", e.path())
          .put("encodingFormat", PARQUET).put("contentSize", e.bytes() + " B").put("sha256", e.sha256());
    }
  }

  private static void fileSet(ArrayNode dist, String id, String description, String glob) {
    dist.addObject().put("@type", "cr:FileSet").put("@id", id).put("name", id).put("description", description)
        .put("encodingFormat", PARQUET).put("includes", glob);
  }

  private static ObjectNode recordSet(String id, String fileSet, Schema table) {
    ObjectNode rs = F.objectNode();
    rs.put("@type", "cr:RecordSet").put("@id", id).put("name", id).put("description", table.getDoc());
    rs.set("key", F.objectNode().put("@id", id + "/id"));
    ArrayNode fields = rs.putArray("field");
    for (Schema.Field f : table.getFields()) {
      ObjectNode field = field(id + "/" + f.name(), f, fileSet, f.name(), null);
      if (f.name().equals("duplicate_of")) {
        field.set("references", F.objectNode().set("field", F.objectNode().put("@id", DOCUMENTS + "/id")));
      }
      if (f.name().equals("source") || f.name().equals("text")) {
        ArrayNode from = field.putArray("prov:wasDerivedFrom");
        for (String sub : List.of("uri", "offset", "url")) {
          from.addObject().put("@id", id + "/source/" + sub);
        }
      }
      fields.add(field);
    }
    return rs;
  }

  private static ObjectNode field(String id, Schema.Field f, String fileSet, String column, String jsonPath) {
    ObjectNode field = F.objectNode();
    field.put("@type", "cr:Field").put("@id", id).put("name", f.name());
    if (f.doc() != null) {
      field.put("description", f.doc());
    }
    Schema type = nonNull(f.schema());
    boolean repeated = type.getType() == Schema.Type.ARRAY;
    if (repeated) {
      type = nonNull(type.getElementType());
    }
    if (type.getType() != Schema.Type.RECORD) {
      field.put("dataType", dataType(type));
    }
    if (repeated) {
      field.put("repeated", true);
    }
    ObjectNode source = field.putObject("source");
    source.set("fileSet", F.objectNode().put("@id", fileSet));
    source.set("extract", F.objectNode().put("column", column));
    if (jsonPath != null) {
      source.set("transform", F.objectNode().put("jsonPath", jsonPath));
    }
    if (type.getType() == Schema.Type.RECORD) {
      ArrayNode subs = field.putArray("subField");
      String base = (jsonPath == null ? "$" : jsonPath) + (repeated ? "[*]" : "");
      for (Schema.Field sub : type.getFields()) {
        subs.add(field(id + "/" + sub.name(), sub, fileSet, column, base + "." + sub.name()));
      }
    }
    return field;
  }

  static Schema nonNull(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      for (Schema b : s.getTypes()) {
        if (b.getType() != Schema.Type.NULL) {
          return b;
        }
      }
    }
    return s;
  }

  static String dataType(Schema s) {
    return switch (s.getType()) {
      case STRING, ENUM -> "sc:Text";
      case INT, LONG -> "sc:Integer";
      case FLOAT, DOUBLE -> "sc:Float";
      case BOOLEAN -> "sc:Boolean";
      case BYTES, FIXED -> "sc:Text";
      default -> throw new IllegalArgumentException("no Croissant data type for Avro " + s.getType());
    };
  }

  /** Every leaf column path of a table ("source.uri", "license.evidence.kind"), in schema order. */
  public static List<String> columnPaths(Schema table) {
    List<String> out = new ArrayList<>();
    collect(table, "", out);
    return out;
  }

  private static void collect(Schema record, String prefix, List<String> out) {
    for (Schema.Field f : record.getFields()) {
      Schema t = nonNull(f.schema());
      if (t.getType() == Schema.Type.ARRAY) {
        t = nonNull(t.getElementType());
      }
      if (t.getType() == Schema.Type.RECORD) {
        collect(t, prefix + f.name() + ".", out);
      } else {
        out.add(prefix + f.name());
      }
    }
  }

  /** Leaf field paths of a record set in croissant.json, read back the same way as {@link #columnPaths}. */
  public static List<String> fieldPaths(JsonNode recordSet) {
    List<String> out = new ArrayList<>();
    collectFields(recordSet.path("field"), "", out);
    return out;
  }

  private static void collectFields(JsonNode fields, String prefix, List<String> out) {
    for (JsonNode f : fields) {
      if (f.has("subField")) {
        collectFields(f.get("subField"), prefix + f.path("name").asText() + ".", out);
      } else {
        out.add(prefix + f.path("name").asText());
      }
    }
  }
}
