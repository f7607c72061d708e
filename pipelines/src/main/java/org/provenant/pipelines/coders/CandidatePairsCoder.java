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
import org.provenant.dedup.lsh.CandidatePairs;

/**
 * Deterministic encoding of a {@link CandidatePairs} batch as one length-prefixed block: the pair
 * count, then each pair's two document keys (UTF-8, each with its length). Pairs keep their order.
 */
public final class CandidatePairsCoder extends AtomicCoder<CandidatePairs> {
  private static final CandidatePairsCoder INSTANCE = new CandidatePairsCoder();
  /** Upper bound of one encoded batch. */
  private static final int MAX_BYTES = 256 << 20;

  public static CandidatePairsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(CandidatePairs pairs, OutputStream out) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(16 + 64 * pairs.size());
    DataOutputStream d = new DataOutputStream(buf);
    VarInt.encode(pairs.size(), d);
    for (int i = 0; i < pairs.size(); i++) {
      str(d, pairs.first(i));
      str(d, pairs.second(i));
    }
    d.flush();
    VarInt.encode(buf.size(), out);
    buf.writeTo(out);
  }

  @Override
  public CandidatePairs decode(InputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    if (size < 1 || size > MAX_BYTES) {
      throw new CoderException("bad candidate pairs size " + size);
    }
    byte[] block = in.readNBytes(size);
    if (block.length != size) {
      throw new CoderException("truncated candidate pairs");
    }
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(block));
    try {
      int n = VarInt.decodeInt(d);
      // each pair takes at least 2 bytes: two empty keys' lengths
      if (n < 0 || n > size / 2) {
        throw new CoderException("bad candidate pair count " + n + " in " + size + " bytes");
      }
      CandidatePairs pairs = new CandidatePairs(n);
      for (int i = 0; i < n; i++) {
        String first = str(d, i);
        String second = str(d, i);
        try {
          pairs.add(first, second);
        } catch (IllegalArgumentException e) {
          throw new CoderException("candidate pair " + i + ": " + e.getMessage());
        }
      }
      if (d.available() != 0) {
        throw new CoderException(d.available() + " bytes left after " + n + " candidate pairs");
      }
      return pairs;
    } catch (java.io.EOFException e) {
      throw new CoderException("candidate pairs end early", e);
    }
  }

  @Override
  public void verifyDeterministic() {}

  private static void str(DataOutputStream d, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    VarInt.encode(b.length, d);
    d.write(b);
  }

  private static String str(DataInputStream d, int pair) throws IOException {
    int len = VarInt.decodeInt(d);
    if (len < 0 || len > d.available()) {
      throw new CoderException("bad document key length " + len + " in candidate pair " + pair);
    }
    return new String(d.readNBytes(len), StandardCharsets.UTF_8);
  }
}
