package org.provenant.pipelines.release;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.api.Binary;
import org.provenant.pipelines.io.BeamInputFile;

/**
 * A subset of a table's columns, named by dotted paths ({@code id}, {@code source.url},
 * {@code signals.language}); reading through it decodes only those Parquet columns.
 */
public final class Projection {
  private final Schema schema;

  private Projection(Schema schema) {
    this.schema = schema;
  }

  /** The columns {@code paths} of {@code table} (a whole record when the path stops at it). */
  public static Projection of(Schema table, String... paths) {
    Preconditions.checkArgument(paths.length > 0, "a projection needs at least one column");
    return new Projection(prune(table, List.of(paths)));
  }

  public Schema schema() {
    return schema;
  }

  private static Schema prune(Schema record, List<String> paths) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (String p : paths) {
      int dot = p.indexOf('.');
      String head = dot < 0 ? p : p.substring(0, dot);
      Preconditions.checkArgument(record.getField(head) != null, "no column %s in %s", head, record.getFullName());
      List<String> subs = byField.computeIfAbsent(head, k -> new ArrayList<>());
      if (dot < 0) {
        subs.add(null);
      } else if (!subs.contains(null)) {
        subs.add(p.substring(dot + 1));
      }
    }
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : record.getFields()) {
      List<String> subs = byField.get(f.name());
      if (subs == null) {
        continue;
      }
      Schema type = subs.contains(null) ? f.schema() : pruneType(f.schema(), subs);
      fields.add(new Schema.Field(f.name(), type, f.doc(), f.defaultVal()));
    }
    return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
  }

  private static Schema pruneType(Schema type, List<String> subs) {
    switch (type.getType()) {
      case RECORD:
        return prune(type, subs);
      case ARRAY:
        return Schema.createArray(pruneType(type.getElementType(), subs));
      case UNION: {
        List<Schema> branches = new ArrayList<>();
        for (Schema b : type.getTypes()) {
          branches.add(b.getType() == Schema.Type.NULL ? b : pruneType(b, subs));
        }
        return Schema.createUnion(branches);
      }
      default:
        throw new IllegalArgumentException("column of type " + type.getType() + " has no sub-columns " + subs);
    }
  }

  /** Every row of a shard, in file order, holding only this projection's columns. */
  public void forEachRow(MatchResult.Metadata file, Consumer<GenericRecord> action) throws IOException {
    Configuration conf = new Configuration(false);
    conf.setBoolean("parquet.avro.write-old-list-structure", false);
    AvroReadSupport.setRequestedProjection(conf, schema);
    AvroReadSupport.setAvroReadSchema(conf, schema);
    try (ParquetReader<GenericRecord> r =
        AvroParquetReader.<GenericRecord>builder(new BeamInputFile(file.resourceId(), file.sizeBytes())).withConf(conf).build()) {
      GenericRecord rec;
      while ((rec = r.read()) != null) {
        action.accept(rec);
      }
    }
  }

  /**
   * Every whole row of a shard whose string column {@code column} (dotted path) equals {@code value}:
   * a Parquet filter, so row groups whose statistics or dictionaries exclude the value are skipped
   * and other rows are never assembled.
   */
  public static void forEachRowWhere(MatchResult.Metadata file, String column, String value, Consumer<GenericRecord> action) throws IOException {
    Configuration conf = new Configuration(false);
    conf.setBoolean("parquet.avro.write-old-list-structure", false);
    try (ParquetReader<GenericRecord> r =
        AvroParquetReader.<GenericRecord>builder(new BeamInputFile(file.resourceId(), file.sizeBytes()))
            .withConf(conf)
            .withFilter(FilterCompat.get(FilterApi.eq(FilterApi.binaryColumn(column), Binary.fromString(value))))
            .build()) {
      GenericRecord rec;
      while ((rec = r.read()) != null) {
        action.accept(rec);
      }
    }
  }

  /** The value at a dotted path of a projected row, or null when a record on the way is null. */
  public static Object get(GenericRecord row, String path) {
    Object cur = row;
    for (String part : path.split("\\.")) {
      if (!(cur instanceof GenericRecord g) || g.getSchema().getField(part) == null) {
        return null; // not a record, or a column the projection left out
      }
      cur = g.get(part);
    }
    return cur;
  }

  /** {@link #get} as a string, or null. */
  public static String string(GenericRecord row, String path) {
    Object v = get(row, path);
    return v == null ? null : v.toString();
  }
}
