package org.provenant.pipelines.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.provenant.pipelines.transforms.SignatureRecord;

/** Compact deterministic encoding of a {@link SignatureRecord}: id, metadata, 64-bit signature values and, when present, the shingle hashes. */
public final class SignatureRecordCoder extends AtomicCoder<SignatureRecord> {
  private static final SignatureRecordCoder INSTANCE = new SignatureRecordCoder();

  public static SignatureRecordCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SignatureRecord r, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    str(d, r.id());
    str(d, r.date());
    d.writeInt(r.textLength());
    str(d, r.licence());
    d.writeInt(r.represented());
    d.writeUTF(r.scheme());
    d.writeInt(r.values().length);
    for (long v : r.values()) {
      d.writeLong(v);
    }
    long[] sh = r.shingles();
    d.writeInt(sh == null ? -1 : sh.length);
    if (sh != null) {
      for (long v : sh) {
        d.writeLong(v);
      }
    }
    d.flush();
  }

  @Override
  public SignatureRecord decode(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    String id = str(d);
    String date = str(d);
    int len = d.readInt();
    String licence = str(d);
    int represented = d.readInt();
    String scheme = d.readUTF();
    long[] values = new long[d.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = d.readLong();
    }
    int n = d.readInt();
    long[] shingles = null;
    if (n >= 0) {
      shingles = new long[n];
      for (int i = 0; i < n; i++) {
        shingles[i] = d.readLong();
      }
    }
    return new SignatureRecord(id, date, len, licence, represented, scheme, values, shingles);
  }

  @Override
  public void verifyDeterministic() {}

  private static void str(DataOutputStream d, String s) throws IOException {
    if (s == null) {
      d.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    d.writeInt(b.length);
    d.write(b);
  }

  private static String str(DataInputStream d) throws IOException {
    int n = d.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    d.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
