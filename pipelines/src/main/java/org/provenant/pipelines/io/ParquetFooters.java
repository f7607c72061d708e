package org.provenant.pipelines.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet footer written by parquet-java independent of the writing process.
 *
 * <p>Why: parquet-java collects each column chunk's encodings in a {@code HashSet} of enum
 * constants and writes them in that set's iteration order, which follows identity hash codes and
 * so changes from one JVM to the next (apache/parquet-java#3215, open). Two runs on the same input
 * wrote shards that differed only there, so their sha256 in the manifest differed too. This class
 * rewrites the footer with every encodings list in ascending order of the Thrift enum value; the
 * list is a set, so readers see the same file.
 */
public final class ParquetFooters {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {}

  /** The number of bytes the footer, its length and the magic take at the end of {@code tail}. */
  public static int footerSpan(byte[] tail, int length) throws IOException {
    if (length < 8 + MAGIC.length) {
      throw new IOException("not a Parquet file: " + length + " bytes");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (tail[length - MAGIC.length + i] != MAGIC[i]) {
        throw new IOException("not a Parquet file: no PAR1 at the end");
      }
    }
    int footerLength = ByteBuffer.wrap(tail, length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (footerLength < 0 || (long) footerLength + 8 > length) {
      throw new IOException("Parquet footer of " + footerLength + " bytes does not fit in the last " + length + " bytes");
    }
    return footerLength + 8;
  }

  /**
   * {@code tail} (the last {@code length} bytes of a Parquet file, holding at least its whole
   * footer) with the footer's encodings lists sorted; the bytes before the footer are unchanged.
   * Returns {@code tail} itself, trimmed to {@code length}, when the lists were already sorted.
   */
  public static byte[] withSortedEncodings(byte[] tail, int length) throws IOException {
    int span = footerSpan(tail, length);
    int footerStart = length - span;
    FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(tail, footerStart, span - 8));
    boolean changed = false;
    for (RowGroup group : meta.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        if (column == null || column.getEncodings() == null) {
          continue;
        }
        List<Encoding> sorted = new ArrayList<>(column.getEncodings());
        sorted.sort(Comparator.comparingInt(Encoding::getValue));
        if (!sorted.equals(column.getEncodings())) {
          column.setEncodings(sorted);
          changed = true;
        }
      }
    }
    if (!changed) {
      return length == tail.length ? tail : java.util.Arrays.copyOf(tail, length);
    }
    ByteArrayOutputStream footer = new ByteArrayOutputStream(span);
    Util.writeFileMetaData(meta, footer);
    ByteArrayOutputStream out = new ByteArrayOutputStream(footerStart + footer.size() + 8);
    out.write(tail, 0, footerStart);
    footer.writeTo(out);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
    out.write(MAGIC);
    return out.toByteArray();
  }
}
