package org.provenant.pipelines.release;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Preconditions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.provenant.pipelines.io.ShardFiles;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.manifest.RunManifest;

/**
 * Exports the kept documents of an output, one file per data shard: Arrow IPC (provenance kept as
 * structs and lists; the stream format by default, which pyarrow and Hugging Face datasets
 * memory-map) or Dolma-style gzipped JSONL ({@code id, text, source, added, created, metadata}).
 * Reads only the requested columns; writes {@code export.json} listing what it wrote. A JSONL
 * document's {@code source} is the dataset's name (from croissant.json, else the directory's).
 */
public final class Exporter {
  /** Output formats. */
  public enum Format {
    ARROW, ARROW_FILE, JSONL;

    public static Format parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "arrow", "arrow-stream" -> ARROW;
        case "arrow-file" -> ARROW_FILE;
        case "jsonl", "dolma" -> JSONL;
        default -> throw new IllegalArgumentException("unknown export format \"" + s + "\"; known: arrow, arrow-file, jsonl");
      };
    }

    String extension() {
      return this == JSONL ? ".jsonl.gz" : ".arrow";
    }
  }

  /** Rows per Arrow record batch. */
  public static final int DEFAULT_BATCH_ROWS = 1024;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Format format;
  private final List<String> columns;
  private final int batchRows;

  private Exporter(Format format, List<String> columns, int batchRows) {
    this.format = format;
    this.columns = List.copyOf(columns);
    this.batchRows = batchRows;
  }

  /** Every document column, in the given format. */
  public static Exporter of(Format format) {
    List<String> all = new ArrayList<>();
    ProvenantSchemas.DOCUMENT.getFields().forEach(f -> all.add(f.name()));
    return new Exporter(format, all, DEFAULT_BATCH_ROWS);
  }

  /** Only these columns (dotted paths); JSONL always needs id and text. */
  public Exporter withColumns(List<String> cols) {
    Preconditions.checkArgument(!cols.isEmpty(), "columns is empty");
    List<String> c = new ArrayList<>(cols);
    if (format == Format.JSONL) {
      for (String need : List.of("text", "id")) {
        if (!c.contains(need)) {
          c.add(0, need);
        }
      }
    }
    Projection.of(ProvenantSchemas.DOCUMENT, c.toArray(new String[0])); // fails early on an unknown column
    return new Exporter(format, c, batchRows);
  }

  public Exporter withBatchRows(int rows) {
    Preconditions.checkArgument(rows > 0, "batch rows must be positive: %s", rows);
    return new Exporter(format, columns, rows);
  }

  /** One exported file. */
  public record ExportedFile(String path, String from, long rows, long bytes, String sha256) {}

  /** Exports {@code dir}'s data shards into {@code target}; returns the files written, in shard order. */
  public List<ExportedFile> export(OutputDir dir, String target) throws IOException {
    RunManifest m = dir.manifest().orElseThrow(() -> new IOException(dir.root() + " has no manifest.json"));
    Projection projection = Projection.of(ProvenantSchemas.DOCUMENT, columns.toArray(new String[0]));
    ResourceId targetDir = FileSystems.matchNewResource(target, true);
    String datasetName = ReleaseFiles.datasetName(dir);
    List<ExportedFile> written = new ArrayList<>();
    for (MatchResult.Metadata shard : dir.list("data/*.parquet")) {
      String name = shard.resourceId().getFilename().replaceFirst("\\.parquet$", format.extension());
      ResourceId tmp = targetDir.resolve("." + name + ".tmp", StandardResolveOptions.RESOLVE_FILE);
      long[] rows = {0};
      try (WritableByteChannel ch = FileSystems.create(tmp, MimeTypes.BINARY)) {
        HashingChannel hashing = new HashingChannel(ch);
        if (format == Format.JSONL) {
          rows[0] = writeJsonl(shard, projection, hashing, datasetName, m.finishedAt());
        } else {
          rows[0] = writeArrow(shard, projection, hashing);
        }
        written.add(new ExportedFile(name, "data/" + shard.resourceId().getFilename(), rows[0], hashing.bytes(), hashing.sha256()));
      }
      FileSystems.rename(List.of(tmp), List.of(targetDir.resolve(name, StandardResolveOptions.RESOLVE_FILE)),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
    ObjectNode listing = JSON.createObjectNode();
    listing.put("format", format.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    listing.put("source_output", dir.root());
    listing.put("source_manifest_sha256", com.google.common.hash.Hashing.sha256()
        .hashBytes(OutputDir.readIfExists(dir.resolve("manifest.json")).orElseThrow()).toString());
    ArrayNode cols = listing.putArray("columns");
    columns.forEach(cols::add);
    ArrayNode files = listing.putArray("files");
    for (ExportedFile f : written) {
      files.addObject().put("path", f.path()).put("from", f.from()).put("rows", f.rows()).put("bytes", f.bytes()).put("sha256", f.sha256());
    }
    ShardFiles.writeAtomically(targetDir, "export.json", (JSON.writeValueAsString(listing) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return written;
  }

  private long writeArrow(MatchResult.Metadata shard, Projection projection, WritableByteChannel out) throws IOException {
    Schema avro = projection.schema();
    long[] rows = {0};
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowSchemas.of(avro), allocator);
        ArrowWriter writer = format == Format.ARROW_FILE ? new ArrowFileWriter(root, null, out) : new ArrowStreamWriter(root, null, out)) {
      writer.start();
      List<GenericRecord> batch = new ArrayList<>();
      IOException[] failure = {null};
      projection.forEachRow(shard, r -> {
        batch.add(r);
        if (batch.size() == batchRows) {
          failure[0] = failure[0] != null ? failure[0] : writeBatch(root, writer, avro, batch);
        }
        rows[0]++;
      });
      if (failure[0] != null) {
        throw failure[0];
      }
      if (!batch.isEmpty() || rows[0] == 0) {
        IOException f = writeBatch(root, writer, avro, batch);
        if (f != null) {
          throw f;
        }
      }
      writer.end();
    }
    return rows[0];
  }

  /** Writes {@code batch} as one record batch and empties it; returns the failure, if any. */
  private static IOException writeBatch(VectorSchemaRoot root, ArrowWriter writer, Schema avro, List<GenericRecord> batch) {
    root.allocateNew();
    for (int i = 0; i < batch.size(); i++) {
      for (Schema.Field f : avro.getFields()) {
        ArrowSchemas.set((FieldVector) root.getVector(f.name()), i, batch.get(i).get(f.name()), f.schema());
      }
    }
    root.setRowCount(batch.size());
    batch.clear();
    try {
      writer.writeBatch();
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  private static long writeJsonl(MatchResult.Metadata shard, Projection projection, WritableByteChannel ch, String sourceName, String added)
      throws IOException {
    Schema avro = projection.schema();
    long[] rows = {0};
    try (OutputStream gz = new GZIPOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
      JsonFactory factory = new JsonFactory();
      IOException[] failure = {null};
      projection.forEachRow(shard, r -> {
        if (failure[0] != null) {
          return;
        }
        try {
          JsonGenerator g = factory.createGenerator(new NonClosing(gz), JsonEncoding.UTF8);
          dolma(g, r, avro, sourceName, added);
          g.close();
          gz.write('\n');
          rows[0]++;
        } catch (IOException e) {
          failure[0] = e;
        }
      });
      if (failure[0] != null) {
        throw failure[0];
      }
    }
    return rows[0];
  }

  /** One Dolma document: id, text, source, added, created, and every other column under metadata. */
  static void dolma(JsonGenerator g, GenericRecord r, Schema avro, String sourceName, String added) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.get("id").toString());
    g.writeStringField("text", r.get("text").toString());
    g.writeStringField("source", sourceName);
    g.writeStringField("added", added);
    String created = Projection.string(r, "source.date");
    if (created != null) {
      g.writeStringField("created", created);
    }
    g.writeObjectFieldStart("metadata");
    for (Schema.Field f : avro.getFields()) {
      if (f.name().equals("id") || f.name().equals("text")) {
        continue;
      }
      Object v = r.get(f.name());
      if (v != null) {
        g.writeFieldName(f.name());
        AvroJson.write(g, v, f.schema());
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Keeps the generator from closing the shared gzip stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** Counts and hashes what passes through to a channel. */
  static final class HashingChannel implements WritableByteChannel {
    private final WritableByteChannel out;
    private final com.google.common.hash.Hasher hasher = com.google.common.hash.Hashing.sha256().newHasher();
    private long bytes;

    HashingChannel(WritableByteChannel out) {
      this.out = out;
    }

    @Override
    public int write(java.nio.ByteBuffer src) throws IOException {
      java.nio.ByteBuffer copy = src.duplicate();
      int n = out.write(src);
      copy.limit(copy.position() + n);
      hasher.putBytes(copy);
      bytes += n;
      return n;
    }

    @Override
    public boolean isOpen() {
      return out.isOpen();
    }

    @Override
    public void close() {
      // the caller closes the underlying channel
    }

    long bytes() {
      return bytes;
    }

    String sha256() {
      return hasher.hash().toString();
    }
  }
}
