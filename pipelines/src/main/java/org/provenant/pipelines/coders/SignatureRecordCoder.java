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
import org.provenant.dedup.analysis.ShingleFingerprints;
import org.provenant.pipelines.transforms.SignatureRecord;

/**
 * Compact deterministic encoding of a {@link SignatureRecord}, written as one length-prefixed block
 * (one write to the runner's stream instead of one per field): id, metadata, the signature values
 * (none with exact verification) and, when present, the shingle fingerprints as delta varints.
 */
public final class SignatureRecordCoder extends AtomicCoder<SignatureRecord> {
  private static final SignatureRecordCoder INSTANCE = new SignatureRecordCoder();
  /** Upper bound of one encoded record (a 256 KiB text has far fewer shingles). */
  private static final int MAX_BYTES = 64 << 20;

  public static SignatureRecordCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SignatureRecord r, OutputStream out) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(256 + 8 * r.values().length
        + (r.fingerprints() == null ? 0 : r.fingerprints().encodedLength()));
    DataOutputStream d = new DataOutputStream(buf);
    str(d, r.id());
    str(d, r.date());
    VarInt.encode(r.textLength(), d);
    str(d, r.licence());
    VarInt.encode(r.represented(), d);
    str(d, r.scheme());
    VarInt.encode(r.values().length, d);
    for (long v : r.values()) {
      d.writeLong(v);
    }
    if (r.fingerprints() == null) {
      VarInt.encode(0, d);
    } else {
      VarInt.encode(r.fingerprints().encodedLength() + 1, d);
      r.fingerprints().writeTo(d);
    }
    d.flush();
    VarInt.encode(buf.size(), out);
    buf.writeTo(out);
  }

  @Override
  public SignatureRecord decode(InputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    if (size < 0 || size > MAX_BYTES) {
      throw new CoderException("bad signature record size " + size);
    }
    byte[] block = in.readNBytes(size);
    if (block.length != size) {
      throw new CoderException("truncated signature record");
    }
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(block));
    String id = str(d);
    String date = str(d);
    int len = VarInt.decodeInt(d);
    String licence = str(d);
    int represented = VarInt.decodeInt(d);
    String scheme = str(d);
    int n = VarInt.decodeInt(d);
    if (n < 0 || n > size / 8) {
      throw new CoderException("bad signature length " + n);
    }
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = d.readLong();
    }
    int f = VarInt.decodeInt(d) - 1;
    ShingleFingerprints fingerprints = null;
    if (f >= 0) {
      byte[] fb = d.readNBytes(f);
      if (fb.length != f) {
        throw new CoderException("truncated shingle fingerprints");
      }
      // passed on as bytes: decoded (and checked) only where a similarity is computed
      fingerprints = ShingleFingerprints.wrap(fb);
    }
    return new SignatureRecord(id, date, len, licence, represented, scheme, values, fingerprints);
  }

  @Override
  public void verifyDeterministic() {}

  /** Null as 0, else 1 + UTF-8 length, then the bytes. */
  private static void str(DataOutputStream d, String s) throws IOException {
    if (s == null) {
      VarInt.encode(0, d);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    VarInt.encode(b.length + 1, d);
    d.write(b);
  }

  private static String str(DataInputStream d) throws IOException {
    int n = VarInt.decodeInt(d) - 1;
    if (n < 0) {
      return null;
    }
    byte[] b = d.readNBytes(n);
    if (b.length != n) {
      throw new CoderException("truncated string in signature record");
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
