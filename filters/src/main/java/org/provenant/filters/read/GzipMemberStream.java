package org.provenant.filters.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a stream of concatenated gzip members (RFC 1952) while remembering where each member
 * starts, both in the compressed file and in the decompressed stream, so that a record found at a
 * decompressed position can be mapped back to the byte offset of its gzip member. Checks each
 * member's CRC-32 and size; a member cut short fails with an {@link EOFException} that names its
 * offset. Input that does not start with the gzip magic is passed through unchanged.
 */
public final class GzipMemberStream extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int KEEP_MEMBERS = 4096;

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int lim;
  private long bufStart;
  private final boolean gzip;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private boolean inMember;
  private boolean done;
  private long memberStart;
  private long memberUncompressedStart;
  private long uncompressedPos;
  private int members;
  /** Decompressed start of a member → compressed start; pruned to the most recent ones. */
  private final TreeMap<Long, Long> memberStarts = new TreeMap<>();

  public GzipMemberStream(InputStream in) throws IOException {
    this.in = in;
    fill();
    this.gzip = lim - pos >= 2 && (buf[pos] & 0xff) == 0x1f && (buf[pos + 1] & 0xff) == 0x8b;
  }

  /** True when the input is gzip-compressed. */
  public boolean isGzip() {
    return gzip;
  }

  /** Number of gzip members started so far. */
  public int members() {
    return members;
  }

  /**
   * The compressed offset of the member that starts exactly at decompressed position {@code
   * position}, if one does: for gzip-per-record files every record starts a member. For
   * uncompressed input the position itself.
   */
  public Long memberOffsetAt(long position) {
    if (!gzip) {
      return position;
    }
    return memberStarts.get(position);
  }

  /** Compressed offset of the member that contains decompressed position {@code position}. */
  public long memberContaining(long position) {
    if (!gzip) {
      return position;
    }
    Map.Entry<Long, Long> e = memberStarts.floorEntry(position);
    return e == null ? 0 : e.getValue();
  }

  /** Compressed offset of the member being (or last) decompressed; 0 before the first. */
  public long currentMemberOffset() {
    return memberStart;
  }

  /** Bytes delivered so far, in the decompressed stream. */
  public long uncompressedPosition() {
    return uncompressedPos;
  }

  /**
   * After a failure inside the current member (truncated or corrupt), drops it and moves to the next
   * gzip header found after its start, so that reading can resume there. Returns the compressed
   * offset of that member, or -1 when the input holds no further member.
   */
  public long skipToNextMember() throws IOException {
    if (!gzip) {
      throw new IllegalStateException("not a gzip stream");
    }
    inMember = false;
    done = false;
    inflater.reset();
    long from = Math.max(memberStart + 1, bufStart);
    pos = (int) Math.min(lim, from - bufStart);
    while (true) {
      for (; pos + 2 < lim; pos++) {
        if ((buf[pos] & 0xff) == 0x1f && (buf[pos + 1] & 0xff) == 0x8b && buf[pos + 2] == 8) {
          return bufStart + pos;
        }
      }
      int keep = lim - pos;
      System.arraycopy(buf, pos, buf, 0, keep);
      bufStart += pos;
      pos = 0;
      lim = keep;
      int n = in.readNBytes(buf, keep, buf.length - keep);
      if (n <= 0) {
        pos = lim;
        done = true;
        return -1;
      }
      lim += n;
    }
  }

  /** Bytes of compressed input consumed so far. */
  public long compressedPosition() {
    return bufStart + pos;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!gzip) {
      if (pos < lim) {
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
      }
      int n = in.read(b, off, len);
      if (n > 0) {
        bufStart += n;
      }
      return n;
    }
    while (!done) {
      if (!inMember) {
        if (!startMember()) {
          done = true;
          return -1;
        }
      }
      if (inflater.needsInput()) {
        if (pos == lim && fill() <= 0) {
          throw new EOFException("gzip member at offset " + memberStart + " is truncated");
        }
        inflater.setInput(buf, pos, lim - pos);
      }
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new IOException("corrupt deflate data in gzip member at offset " + memberStart + ": " + e.getMessage(), e);
      }
      pos = lim - inflater.getRemaining();
      if (n > 0) {
        crc.update(b, off, n);
        uncompressedPos += n;
        return n;
      }
      if (inflater.finished()) {
        endMember();
      } else if (inflater.needsDictionary()) {
        throw new IOException("gzip member at offset " + memberStart + " needs a preset dictionary");
      }
    }
    return -1;
  }

  private boolean startMember() throws IOException {
    if (pos == lim && fill() <= 0) {
      return false;
    }
    memberStart = compressedPosition();
    memberUncompressedStart = uncompressedPos;
    int id1 = rawByte();
    int id2 = rawByte();
    if (id1 != 0x1f || id2 != 0x8b) {
      throw new IOException("not a gzip member at offset " + memberStart + " (bytes after the previous member)");
    }
    if (rawByte() != 8) {
      throw new IOException("gzip member at offset " + memberStart + " uses an unknown compression method");
    }
    int flags = rawByte();
    for (int i = 0; i < 6; i++) {
      rawByte(); // mtime, xfl, os
    }
    if ((flags & FEXTRA) != 0) {
      int xlen = rawByte() | (rawByte() << 8);
      for (int i = 0; i < xlen; i++) {
        rawByte();
      }
    }
    if ((flags & FNAME) != 0) {
      while (rawByte() != 0) {}
    }
    if ((flags & FCOMMENT) != 0) {
      while (rawByte() != 0) {}
    }
    if ((flags & FHCRC) != 0) {
      rawByte();
      rawByte();
    }
    inflater.reset();
    crc.reset();
    inMember = true;
    members++;
    memberStarts.put(memberUncompressedStart, memberStart);
    if (memberStarts.size() > KEEP_MEMBERS) {
      memberStarts.pollFirstEntry();
    }
    return true;
  }

  private void endMember() throws IOException {
    long expectedCrc = rawByte() | (rawByte() << 8) | (rawByte() << 16) | ((long) rawByte() << 24);
    long expectedSize = rawByte() | (rawByte() << 8) | (rawByte() << 16) | ((long) rawByte() << 24);
    if (expectedCrc != crc.getValue()) {
      throw new IOException("gzip member at offset " + memberStart + " fails its CRC-32 check");
    }
    if (expectedSize != ((uncompressedPos - memberUncompressedStart) & 0xffffffffL)) {
      throw new IOException("gzip member at offset " + memberStart + " has the wrong uncompressed size");
    }
    inMember = false;
  }

  private int rawByte() throws IOException {
    if (pos == lim && fill() <= 0) {
      throw new EOFException("gzip member at offset " + memberStart + " is truncated");
    }
    return buf[pos++] & 0xff;
  }

  private int fill() throws IOException {
    bufStart += lim;
    pos = 0;
    lim = 0;
    int n = in.readNBytes(buf, 0, buf.length);
    lim = n;
    return n;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
