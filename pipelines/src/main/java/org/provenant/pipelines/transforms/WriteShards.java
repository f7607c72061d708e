package org.provenant.pipelines.transforms;

import com.google.common.hash.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.provenant.filters.step.Outcome;
import org.provenant.pipelines.coders.ShardRowCoder;
import org.provenant.pipelines.io.ShardFiles;
import org.provenant.schemas.AvroRows;
import org.provenant.schemas.Document;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * Writes documents or rejections as a fixed number of Parquet shards whose bytes depend only on the
 * rows: each row goes to shard {@code murmur3_32(id) mod n}, rows are shuffled as Avro binary,
 * sorted inside their shard by (id, source uri, offset), and written in that order. Every shard is
 * written, empty ones included, so the file set is the same whatever the data. Emits one {@link
 * ShardEntry} per shard after its file and per-shard manifest are in place.
 */
public final class WriteShards<T> extends PTransform<PCollection<T>, PCollection<ShardEntry>> {
  /** How a row type becomes a shard row. */
  interface RowFormat<T> extends Serializable {
    String id(T row);

    String sortKey(T row);

    String reason(T row);

    GenericRecord toRecord(T row);

    Schema schema();
  }

  private final RowFormat<T> format;
  private final String outputDir;
  private final String subdir;
  private final int shards;

  private WriteShards(RowFormat<T> format, String outputDir, String subdir, int shards) {
    this.format = format;
    this.outputDir = outputDir;
    this.subdir = subdir;
    this.shards = shards;
  }

  /** Kept documents into {@code outputDir/data/}. */
  public static WriteShards<Document> documents(String outputDir, int shards) {
    return new WriteShards<>(new DocumentFormat(), outputDir, "data", shards);
  }

  /** Rejected candidates into {@code outputDir/rejected/}. */
  public static WriteShards<Rejection> rejections(String outputDir, int shards) {
    return new WriteShards<>(new RejectionFormat(), outputDir, "rejected", shards);
  }

  /** Coder of shard rows. */
  public static final ShardRowCoder ROW_CODER = ShardRowCoder.of();

  @Override
  public PCollection<ShardEntry> expand(PCollection<T> rows) {
    return writeRows(rows.apply("EncodeRows", ParDo.of(new EncodeFn<>(format, shards))).setCoder(ROW_CODER),
        format, outputDir, subdir, shards);
  }

  /**
   * Kept documents, already encoded as shard rows ({@link #documentRow}), into {@code
   * outputDir/data/}: a step that has each document at hand writes its row once instead of
   * handing the document on to be encoded here.
   */
  public static PTransform<PCollection<ShardRow>, PCollection<ShardEntry>> documentRows(
      String outputDir, int shards) {
    return new WriteRows<>(new DocumentFormat(), outputDir, "data", shards);
  }

  /** Rejections, already encoded as shard rows ({@link #rejectionRow}), into {@code outputDir/rejected/}. */
  public static PTransform<PCollection<ShardRow>, PCollection<ShardEntry>> rejectionRows(
      String outputDir, int shards) {
    return new WriteRows<>(new RejectionFormat(), outputDir, "rejected", shards);
  }

  /** Shard rows of kept documents, for {@link #documentRows}. */
  public static final TupleTag<ShardRow> KEPT_ROWS = new TupleTag<>() {};
  /** Shard rows of rejections, for {@link #rejectionRows}. */
  public static final TupleTag<ShardRow> REJECTED_ROWS = new TupleTag<>() {};

  /**
   * Encodes outcomes as shard rows: kept documents under {@link #KEPT_ROWS}, rejections under
   * {@link #REJECTED_ROWS} (one input, so on Flink it runs in the steps' operator chain).
   */
  public static PTransform<PCollection<Outcome>, PCollectionTuple> encodeOutcomes(int shards) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(PCollection<Outcome> outcomes) {
        PCollectionTuple rows = outcomes.apply("EncodeRows", ParDo.of(new EncodeOutcomeFn(shards))
            .withOutputTags(KEPT_ROWS, TupleTagList.of(REJECTED_ROWS)));
        rows.get(KEPT_ROWS).setCoder(ROW_CODER);
        rows.get(REJECTED_ROWS).setCoder(ROW_CODER);
        return rows;
      }
    };
  }

  /** Encodes rejections as shard rows for {@link #rejectionRows}. */
  public static PTransform<PCollection<Rejection>, PCollection<ShardRow>> encodeRejections(int shards) {
    return new PTransform<>() {
      @Override
      public PCollection<ShardRow> expand(PCollection<Rejection> rows) {
        return rows.apply("EncodeRows", ParDo.of(new EncodeFn<>(new RejectionFormat(), shards))).setCoder(ROW_CODER);
      }
    };
  }

  private static final ThreadLocal<GenericDatumWriter<GenericRecord>> DOCUMENT_WRITER =
      ThreadLocal.withInitial(() -> new GenericDatumWriter<>(ProvenantSchemas.DOCUMENT));
  private static final ThreadLocal<GenericDatumWriter<GenericRecord>> REJECTION_WRITER =
      ThreadLocal.withInitial(() -> new GenericDatumWriter<>(ProvenantSchemas.REJECTED));

  /** The shard row of a kept document among {@code shards} shards (what {@link #documents} writes). */
  public static ShardRow documentRow(Document d, int shards) {
    return row(new DocumentFormat(), DOCUMENT_WRITER.get(), d, shards);
  }

  /** The shard row of a rejection among {@code shards} shards (what {@link #rejections} writes). */
  public static ShardRow rejectionRow(Rejection r, int shards) {
    return row(new RejectionFormat(), REJECTION_WRITER.get(), r, shards);
  }

  private static <T> ShardRow row(RowFormat<T> format, GenericDatumWriter<GenericRecord> writer, T row, int shards) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    try {
      writer.write(format.toRecord(row), encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String reason = format.reason(row);
    int shard = shardOf(format.id(row), shards);
    return reason == null
        ? ShardRow.kept(shard, format.sortKey(row), bytes.toByteArray())
        : ShardRow.rejected(shard, format.sortKey(row), reason, bytes.toByteArray());
  }

  /** Groups shard rows by shard (every shard, empty ones included), sorts and writes each. */
  private static final class WriteRows<T> extends PTransform<PCollection<ShardRow>, PCollection<ShardEntry>> {
    private final RowFormat<T> format;
    private final String outputDir;
    private final String subdir;
    private final int shards;

    WriteRows(RowFormat<T> format, String outputDir, String subdir, int shards) {
      this.format = format;
      this.outputDir = outputDir;
      this.subdir = subdir;
      this.shards = shards;
    }

    @Override
    public PCollection<ShardEntry> expand(PCollection<ShardRow> keyed) {
      return writeRows(keyed, format, outputDir, subdir, shards);
    }
  }

  private static <T> PCollection<ShardEntry> writeRows(PCollection<ShardRow> keyed,
      RowFormat<T> format, String outputDir, String subdir, int shards) {
    List<ShardRow> markers = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      markers.add(ShardRow.marker(i));
    }
    PCollection<ShardRow> everyShard =
        keyed.getPipeline().apply("ListShards", Create.of(markers).withCoder(ROW_CODER));
    return PCollectionList.of(keyed)
        .and(everyShard)
        .apply("IncludeEmptyShards", Flatten.pCollections())
        .apply("KeyByShard", ParDo.of(new KeyByShardFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), ROW_CODER))
        .apply("GroupByShard", GroupByKey.create())
        .apply("SortAndWriteShard", ParDo.of(new WriteShardFn(format.schema().toString(), outputDir, subdir, shards)))
        .setCoder(SerializableCoder.of(ShardEntry.class));
  }

  /** Shard of an id: stable across JVMs, runners and machines. */
  public static int shardOf(String id, int shards) {
    return Math.floorMod(Hashing.murmur3_32_fixed().hashString(id, StandardCharsets.UTF_8).asInt(), shards);
  }

  /** The shard as the key the shuffle groups by. */
  static final class KeyByShardFn extends DoFn<ShardRow, KV<Integer, ShardRow>> {
    @ProcessElement
    public void process(@Element ShardRow row, OutputReceiver<KV<Integer, ShardRow>> out) {
      out.output(KV.of(row.shard(), row));
    }
  }

  static final class EncodeFn<T> extends DoFn<T, ShardRow> {
    private final RowFormat<T> format;
    private final int shards;
    private transient GenericDatumWriter<GenericRecord> writer;

    EncodeFn(RowFormat<T> format, int shards) {
      this.format = format;
      this.shards = shards;
    }

    @Setup
    public void setup() {
      writer = new GenericDatumWriter<>(format.schema());
    }

    @ProcessElement
    public void process(@Element T row, OutputReceiver<ShardRow> out) {
      out.output(WriteShards.row(format, writer, row, shards));
    }
  }

  /** A kept document's row, or a rejection's. */
  static final class EncodeOutcomeFn extends DoFn<Outcome, ShardRow> {
    private final int shards;

    EncodeOutcomeFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Outcome outcome, MultiOutputReceiver out) {
      if (outcome instanceof Outcome.Kept k) {
        out.get(KEPT_ROWS).output(documentRow(k.document(), shards));
      } else {
        out.get(REJECTED_ROWS).output(rejectionRow(((Outcome.Rejected) outcome).rejection(), shards));
      }
    }
  }

  static final class WriteShardFn extends DoFn<KV<Integer, Iterable<ShardRow>>, ShardEntry> {
    private final String schemaJson;
    private final String outputDir;
    private final String subdir;
    private final int shards;
    private transient Schema schema;

    WriteShardFn(String schemaJson, String outputDir, String subdir, int shards) {
      this.schemaJson = schemaJson;
      this.outputDir = outputDir;
      this.subdir = subdir;
      this.shards = shards;
    }

    @Setup
    public void setup() {
      schema = new Schema.Parser().parse(schemaJson);
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<ShardRow>> shard, OutputReceiver<ShardEntry> out) throws IOException {
      List<ShardRow> rows = new ArrayList<>();
      for (ShardRow r : shard.getValue()) {
        if (!r.isMarker()) {
          rows.add(r);
        }
      }
      rows.sort(Comparator.comparing(ShardRow::sortKey));
      SortedMap<String, Long> byReason = new TreeMap<>();
      GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
      List<GenericRecord> records = new ArrayList<>(rows.size());
      for (ShardRow r : rows) {
        r.reason().ifPresent(reason -> byReason.merge(reason, 1L, Long::sum));
        records.add(reader.read(null, DecoderFactory.get().binaryDecoder(r.avro(), null)));
      }
      ResourceId dir = FileSystems.matchNewResource(outputDir, true).resolve(subdir, StandardResolveOptions.RESOLVE_DIRECTORY);
      out.output(ShardFiles.write(dir, subdir, ShardFiles.shardName(shard.getKey(), shards), schema, records, byReason));
    }
  }

  /** The order of a kept document inside its shard. */
  public static String documentSortKey(Document d) {
    return new DocumentFormat().sortKey(d);
  }

  /** The order of a rejection inside its shard. */
  public static String rejectionSortKey(Rejection r) {
    return new RejectionFormat().sortKey(r);
  }

  private static String sortKey(String id, String uri, long offset) {
    return id + "\u0000" + uri + "\u0000" + (offset >= 0 ? DedupDocuments.zeroPadded(Long.toString(offset), 20) : String.format("%020d", offset));
  }

  static final class DocumentFormat implements RowFormat<Document> {
    @Override
    public String id(Document d) {
      return d.id();
    }

    @Override
    public String sortKey(Document d) {
      return WriteShards.sortKey(d.id(), d.source().uri(), d.source().offset());
    }

    @Override
    public String reason(Document d) {
      return null;
    }

    @Override
    public GenericRecord toRecord(Document d) {
      return AvroRows.toRecord(d);
    }

    @Override
    public Schema schema() {
      return ProvenantSchemas.DOCUMENT;
    }
  }

  static final class RejectionFormat implements RowFormat<Rejection> {
    @Override
    public String id(Rejection r) {
      return r.id();
    }

    @Override
    public String sortKey(Rejection r) {
      return WriteShards.sortKey(r.id(), r.source().uri(), r.source().offset()) + "\u0000" + r.step() + "\u0000" + r.reason();
    }

    @Override
    public String reason(Rejection r) {
      return r.reason();
    }

    @Override
    public GenericRecord toRecord(Rejection r) {
      return AvroRows.toRecord(r);
    }

    @Override
    public Schema schema() {
      return ProvenantSchemas.REJECTED;
    }
  }

}
