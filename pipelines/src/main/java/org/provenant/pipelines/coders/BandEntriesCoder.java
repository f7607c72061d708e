package org.provenant.pipelines.coders;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;
import org.provenant.dedup.lsh.BandEntries;

/**
 * Deterministic encoding of a {@link BandEntries} batch as one length-prefixed block: the entry
 * count, the band keys (8 bytes each, big-endian), then the document keys (UTF-8, each with its
 * length). Entries keep their order.
 */
public final class BandEntriesCoder extends AtomicCoder<BandEntries> {
  private static final BandEntriesCoder INSTANCE = new BandEntriesCoder();
  /** Upper bound of one encoded batch. */
  private static final int MAX_BYTES = 256 << 20;

  public static BandEntriesCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(BandEntries entries, OutputStream out) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(16 + 40 * entries.size());
    DataOutputStream d = new DataOutputStream(buf);
    VarInt.encode(entries.size(), d);
    for (int i = 0; i < entries.size(); i++) {
      d.writeLong(entries.key(i));
    }
    for (int i = 0; i < entries.size(); i++) {
      byte[] b = entries.doc(i).getBytes(StandardCharsets.UTF_8);
      VarInt.encode(b.length, d);
      d.write(b);
    }
    d.flush();
    VarInt.encode(buf.size(), out);
    buf.writeTo(out);
  }

  @Override
  public BandEntries decode(InputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    if (size < 1 || size > MAX_BYTES) {
      throw new CoderException("bad band entries size " + size);
    }
    byte[] block = in.readNBytes(size);
    if (block.length != size) {
      throw new CoderException("truncated band entries");
    }
    try {
      return decodeBlock(new DataInputStream(new ByteArrayInputStream(block)), size);
    } catch (java.io.EOFException e) {
      throw new CoderException("band entries end early", e);
    }
  }

  private static BandEntries decodeBlock(DataInputStream d, int size) throws IOException {
    int n = VarInt.decodeInt(d);
    // each entry takes at least 9 bytes: its key and an empty document key's length
    if (n < 0 || n > size / 9) {
      throw new CoderException("bad band entry count " + n + " in " + size + " bytes");
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = d.readLong();
    }
    BandEntries entries = new BandEntries(n);
    for (int i = 0; i < n; i++) {
      int len = VarInt.decodeInt(d);
      if (len < 0 || len > d.available()) {
        throw new CoderException("bad document key length " + len + " in band entry " + i);
      }
      entries.add(keys[i], new String(d.readNBytes(len), StandardCharsets.UTF_8));
    }
    if (d.available() != 0) {
      throw new CoderException(d.available() + " bytes left after " + n + " band entries");
    }
    return entries;
  }

  @Override
  public void verifyDeterministic() {}
}
