package org.provenant.pipelines.io;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.SortedMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.provenant.schemas.manifest.ManifestJson;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * Writes one Parquet shard (zstd, standard three-level lists, no timestamps, so the same rows give
 * the same bytes) through a temporary name and renames it into place, then writes its per-shard
 * manifest beside it. Works on any Beam filesystem.
 */
public final class ShardFiles {
  /** Rows per Parquet row group are bounded by this many bytes. */
  public static final int ROW_GROUP_BYTES = 64 << 20;

  private ShardFiles() {}

  /** The name of shard {@code index} of {@code count}: {@code part-00003-of-00016.parquet}. */
  public static String shardName(int index, int count) {
    return String.format("part-%05d-of-%05d.parquet", index, count);
  }

  /** The per-shard manifest name beside a shard. */
  public static String manifestName(String shardName) {
    return shardName.replaceFirst("\\.parquet$", "") + ".manifest.json";
  }

  /**
   * Writes {@code rows} in the given order to {@code dir/name} and returns its manifest entry, whose
   * path is {@code relativeDir/name}.
   */
  public static ShardEntry write(
      ResourceId dir, String relativeDir, String name, Schema schema, List<GenericRecord> rows,
      SortedMap<String, Long> rowsByReason)
      throws IOException {
    ResourceId tmp = dir.resolve("." + name + ".tmp", StandardResolveOptions.RESOLVE_FILE);
    ResourceId dst = dir.resolve(name, StandardResolveOptions.RESOLVE_FILE);
    HashingOutputFile out;
    try (WritableByteChannel ch = FileSystems.create(tmp, MimeTypes.BINARY)) {
      out = new HashingOutputFile(ch, tmp.toString());
      Configuration conf = new Configuration(false);
      conf.setBoolean("parquet.avro.write-old-list-structure", false);
      try (ParquetWriter<GenericRecord> w =
          AvroParquetWriter.<GenericRecord>builder(out)
              .withSchema(schema)
              .withDataModel(GenericData.get())
              .withConf(conf)
              .withCompressionCodec(CompressionCodecName.ZSTD)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .withRowGroupSize((long) ROW_GROUP_BYTES)
              .build()) {
        for (GenericRecord r : rows) {
          w.write(r);
        }
      }
    }
    FileSystems.rename(List.of(tmp), List.of(dst), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    ShardEntry entry = new ShardEntry(relativeDir + "/" + name, rows.size(), out.bytesWritten(), out.sha256Hex(), rowsByReason);
    writeAtomically(dir, manifestName(name), ManifestJson.toBytes(entry));
    return entry;
  }

  /** Writes {@code bytes} to {@code dir/name} through a temporary file and a rename. */
  public static void writeAtomically(ResourceId dir, String name, byte[] bytes) throws IOException {
    ResourceId tmp = dir.resolve("." + name + ".tmp", StandardResolveOptions.RESOLVE_FILE);
    ResourceId dst = dir.resolve(name, StandardResolveOptions.RESOLVE_FILE);
    try (WritableByteChannel ch = FileSystems.create(tmp, MimeTypes.TEXT)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
    }
    FileSystems.rename(List.of(tmp), List.of(dst), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }
}
