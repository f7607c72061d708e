package org.provenant.filters.read;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits one uncompressed JSONL file into byte ranges that several workers read at once, with the
 * same records, offsets and line numbers as one reader of the whole file ({@link
 * JsonlFileReader#readRange}). Two passes, each parallel over the ranges: the nominal split {@code
 * [i * splitBytes, (i + 1) * splitBytes)} is {@link #scan scanned} for its newlines and for the first
 * line that starts in it, then {@link #plan} turns the scans into ranges that begin at line starts,
 * each with the number of lines before it. A line belongs to the range its first byte is in.
 */
public final class JsonlRanges {
  private JsonlRanges() {}

  /** Nominal range {@code index} of a file: {@code [start, end)}. */
  public record Split(int index, long start, long end) implements Serializable {}

  /**
   * What {@link #scan} found in a nominal range: its newlines, and where the first line starting at
   * or after its start begins (the file's size when none does).
   */
  public record Scan(int index, long start, long newlines, long firstLineStart) implements Serializable {}

  /**
   * A range to read: the lines starting in {@code [start, end)}; {@code linesBefore} newlines come
   * before {@code start}.
   */
  public record Range(int index, long start, long end, long linesBefore) implements Serializable {}

  /** The nominal ranges of a file of {@code size} bytes. */
  public static List<Split> splits(long size, long splitBytes) {
    checkArgument(size >= 0, "size is negative: %s", size);
    checkArgument(splitBytes > 0, "splitBytes must be positive: %s", splitBytes);
    List<Split> out = new ArrayList<>();
    for (long start = 0, i = 0; start < size; start += splitBytes, i++) {
      checkArgument(i < Integer.MAX_VALUE, "too many ranges for %s bytes", size);
      out.add(new Split((int) i, start, Math.min(size, start + splitBytes)));
    }
    return out;
  }

  /**
   * Scans nominal range {@code split} of a file of {@code size} bytes; {@code in} gives the file's
   * bytes from {@code split.start() - 1} (from 0 for the first range) and may go on past the range,
   * to find the end of a line that crosses it.
   */
  public static Scan scan(Split split, long size, InputStream in) throws IOException {
    long pos = split.start() == 0 ? 0 : split.start() - 1;
    long newlines = 0;
    long firstLineStart = split.start() == 0 ? 0 : -1;
    byte[] buf = new byte[1 << 16];
    while (pos < size && (pos < split.end() || firstLineStart < 0)) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, size - pos));
      if (n < 0) {
        throw new java.io.EOFException("file ends at " + pos + " of " + size + " bytes");
      }
      for (int k = 0; k < n; k++, pos++) {
        if (buf[k] != '\n') {
          continue;
        }
        if (pos >= split.start() && pos < split.end()) {
          newlines++;
        }
        if (firstLineStart < 0) {
          firstLineStart = pos + 1;
        }
      }
    }
    return new Scan(split.index(), split.start(), newlines, firstLineStart < 0 ? size : firstLineStart);
  }

  /**
   * The ranges of a file of {@code size} bytes from the scans of all its nominal ranges (in any
   * order), leaving out empty ones.
   */
  public static List<Range> plan(List<Scan> scans, long size) {
    List<Scan> sorted = new ArrayList<>(scans);
    sorted.sort(Comparator.comparingInt(Scan::index));
    for (int i = 0; i < sorted.size(); i++) {
      checkArgument(sorted.get(i).index() == i, "scan %s is missing", i);
    }
    List<Range> out = new ArrayList<>();
    long before = 0; // newlines before the current nominal start
    for (int i = 0; i < sorted.size(); i++) {
      Scan s = sorted.get(i);
      long start = s.firstLineStart();
      long end = i + 1 < sorted.size() ? sorted.get(i + 1).firstLineStart() : size;
      // the newline that ends the line crossing the nominal start is inside this range's scan
      long linesBefore = before + (start > s.start() ? 1 : 0);
      if (start < end) {
        out.add(new Range(i, start, end, linesBefore));
      }
      before += s.newlines();
    }
    return out;
  }
}
