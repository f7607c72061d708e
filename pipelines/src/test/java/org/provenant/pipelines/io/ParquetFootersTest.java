package org.provenant.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFootersTest {
  private static final Schema SCHEMA = SchemaBuilder.record("Row").fields()
      .requiredString("id").optionalString("colour").requiredLong("n").endRecord();

  @TempDir Path dir;

  private static List<GenericRecord> rows(int count) {
    List<GenericRecord> rows = new ArrayList<>();
    String[] colours = {"red", "green", "blue"};
    for (int i = 0; i < count; i++) {
      GenericRecord r = new GenericData.Record(SCHEMA);
      r.put("id", String.format("row-%06d-%s", i, Integer.toHexString(i * 2654435761L > 0 ? i * 31 : i)));
      r.put("colour", i % 7 == 0 ? null : colours[i % 3]); // dictionary and definition levels
      r.put("n", (long) i * i);
      rows.add(r);
    }
    return rows;
  }

  /** Writes rows through a HashingOutputFile holding back {@code held} bytes; returns it. */
  private HashingOutputFile write(Path file, List<GenericRecord> rows, int held) throws IOException {
    HashingOutputFile out;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      out = new HashingOutputFile(ch, file.toString(), held);
      try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(out)
          .withSchema(SCHEMA).withDataModel(GenericData.get()).withConf(new Configuration(false))
          .withCompressionCodec(CompressionCodecName.ZSTD).withPageSize(4096).withRowGroupSize(16L << 10).build()) {
        for (GenericRecord r : rows) {
          w.write(r);
        }
      }
    }
    return out;
  }

  private static FileMetaData footer(byte[] file) throws IOException {
    int span = ParquetFooters.footerSpan(file, file.length);
    return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - span, span - 8));
  }

  private static byte[] withFooter(byte[] file, FileMetaData meta) throws IOException {
    int span = ParquetFooters.footerSpan(file, file.length);
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, file.length - span);
    footer.writeTo(out);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
    out.write("PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @Test
  void writtenFilesHaveSortedEncodingsAndReadBack() throws Exception {
    Path file = dir.resolve("a.parquet");
    List<GenericRecord> rows = rows(5000);
    HashingOutputFile out = write(file, rows, HashingOutputFile.HELD_BYTES);
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(bytes.length, out.bytesWritten());
    assertEquals(com.google.common.hash.Hashing.sha256().hashBytes(bytes).toString(), out.sha256Hex());
    FileMetaData meta = footer(bytes);
    assertTrue(meta.getRow_groups().size() > 1, "several row groups: " + meta.getRow_groups().size());
    int lists = 0;
    for (RowGroup g : meta.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        List<Encoding> e = c.getMeta_data().getEncodings();
        List<Encoding> sorted = new ArrayList<>(e);
        sorted.sort(java.util.Comparator.comparingInt(Encoding::getValue));
        assertEquals(sorted, e);
        if (e.size() > 1) {
          lists++;
        }
      }
    }
    assertTrue(lists > 0, "some column has more than one encoding");
    List<GenericRecord> back = new ArrayList<>();
    try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
      for (GenericRecord g; (g = r.read()) != null; ) {
        back.add(g);
      }
    }
    assertEquals(rows.toString(), back.toString());
  }

  /** Whatever order the writer's hash set gave, the rewritten footer is the same bytes. */
  @Test
  void anyEncodingOrderGivesTheSameBytes() throws Exception {
    Path file = dir.resolve("b.parquet");
    write(file, rows(3000), HashingOutputFile.HELD_BYTES);
    byte[] canonical = Files.readAllBytes(file);
    FileMetaData meta = footer(canonical);
    for (RowGroup g : meta.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        List<Encoding> reversed = new ArrayList<>(c.getMeta_data().getEncodings());
        Collections.reverse(reversed);
        c.getMeta_data().setEncodings(reversed);
      }
    }
    byte[] shuffled = withFooter(canonical, meta);
    assertNotEquals(java.util.Arrays.toString(canonical), java.util.Arrays.toString(shuffled));
    assertArrayEquals(canonical, ParquetFooters.withSortedEncodings(shuffled, shuffled.length));
    // already sorted: returned as is
    assertSame(canonical, ParquetFooters.withSortedEncodings(canonical, canonical.length));
    // re-serialising the footer unchanged reproduces it byte for byte (nothing else is touched)
    assertArrayEquals(canonical, withFooter(canonical, footer(canonical)));
  }

  /** A small hold-back releases the older bytes early and still gives the same file. */
  @Test
  void holdingBackLittleGivesTheSameFile() throws Exception {
    List<GenericRecord> rows = rows(8000);
    write(dir.resolve("big.parquet"), rows, HashingOutputFile.HELD_BYTES);
    HashingOutputFile small = write(dir.resolve("small.parquet"), rows, 4096);
    byte[] expected = Files.readAllBytes(dir.resolve("big.parquet"));
    assertTrue(expected.length > 8 * 4096, "file of " + expected.length + " bytes");
    assertArrayEquals(expected, Files.readAllBytes(dir.resolve("small.parquet")));
    assertEquals(expected.length, small.bytesWritten());
  }

  @Test
  void refusesWhatIsNotAParquetTail() {
    assertEquals("not a Parquet file: no PAR1 at the end",
        assertThrows(IOException.class, () -> ParquetFooters.withSortedEncodings(new byte[40], 40)).getMessage());
    byte[] tooLong = new byte[20];
    ByteBuffer.wrap(tooLong).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 1000).put(16, (byte) 'P').put(17, (byte) 'A').put(18, (byte) 'R').put(19, (byte) '1');
    assertEquals("Parquet footer of 1000 bytes does not fit in the last 20 bytes",
        assertThrows(IOException.class, () -> ParquetFooters.withSortedEncodings(tooLong, 20)).getMessage());
    assertEquals("not a Parquet file: 5 bytes",
        assertThrows(IOException.class, () -> ParquetFooters.withSortedEncodings(new byte[5], 5)).getMessage());
  }
}
