package org.provenant.pipelines.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;
import org.provenant.pipelines.transforms.ExactMember;

/**
 * Deterministic encoding of an {@link ExactMember}: the signature record ({@link
 * SignatureRecordCoder}), the source ({@link StringUtf8Coder}), the number of band keys and each
 * key as 8 big-endian bytes.
 */
public final class ExactMemberCoder extends AtomicCoder<ExactMember> {
  private static final ExactMemberCoder INSTANCE = new ExactMemberCoder();
  /** Far more band keys than a banding makes (21 by default). */
  private static final int MAX_BANDS = 1 << 16;

  public static ExactMemberCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ExactMember m, OutputStream out) throws IOException {
    SignatureRecordCoder.of().encode(m.record(), out);
    StringUtf8Coder.of().encode(m.source(), out);
    VarInt.encode(m.bandKeys().length, out);
    DataOutputStream d = new DataOutputStream(out);
    for (long k : m.bandKeys()) {
      d.writeLong(k);
    }
    d.flush();
  }

  @Override
  public ExactMember decode(InputStream in) throws IOException {
    var record = SignatureRecordCoder.of().decode(in);
    String source = StringUtf8Coder.of().decode(in);
    int n = VarInt.decodeInt(in);
    if (n < 0 || n > MAX_BANDS) {
      throw new CoderException("bad band key count " + n);
    }
    long[] keys = new long[n];
    DataInputStream d = new DataInputStream(in);
    try {
      for (int i = 0; i < n; i++) {
        keys[i] = d.readLong();
      }
    } catch (EOFException e) {
      throw new CoderException("truncated band keys", e);
    }
    return new ExactMember(record, source, keys);
  }

  @Override
  public void verifyDeterministic() {}
}
