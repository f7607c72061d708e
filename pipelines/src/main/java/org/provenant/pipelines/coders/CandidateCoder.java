package org.provenant.pipelines.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.Header;
import org.provenant.schemas.Kind;
import org.provenant.schemas.License;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Signals;
import org.provenant.schemas.Source;

/** Compact, deterministic encoding of a {@link Candidate}, raw payload bytes included. */
public final class CandidateCoder extends AtomicCoder<Candidate> {
  private static final CandidateCoder INSTANCE = new CandidateCoder();

  private CandidateCoder() {}

  public static CandidateCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Candidate c, OutputStream out) throws IOException {
    str(out, c.id());
    out.write(c.kind().ordinal());
    Source s = c.source();
    str(out, s.uri());
    VarInt.encode(s.offset(), out);
    str(out, s.recordId());
    str(out, s.url());
    str(out, s.date());
    str(out, s.path());
    str(out, s.packageName());
    str(out, s.version());
    str(out, s.contentType());
    VarInt.encode(s.httpStatus() == null ? 0 : s.httpStatus() + 1, out);
    str(out, s.payloadDigest());
    str(out, s.sha256());
    str(out, s.archiveSha256());
    bytes(out, c.body());
    str(out, c.text());
    VarInt.encode(c.httpHeaders().size(), out);
    for (Header h : c.httpHeaders()) {
      str(out, h.name());
      str(out, h.value());
    }
    serialized(out, c.license().equals(License.UNKNOWN) ? null : c.license());
    serialized(out, c.signals().equals(Signals.EMPTY) ? null : c.signals());
    VarInt.encode(c.lineage().size(), out);
    for (LineageEntry e : c.lineage()) {
      str(out, e.step());
      str(out, e.outcome());
      str(out, e.detail());
    }
  }

  @Override
  public Candidate decode(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    String id = str(d);
    Kind kind = Kind.values()[d.readUnsignedByte()];
    Source.Builder s = Source.builder(str(d), VarInt.decodeLong(d));
    s.recordId(str(d)).url(str(d)).date(str(d)).path(str(d)).packageName(str(d)).version(str(d)).contentType(str(d));
    int status = VarInt.decodeInt(d);
    s.httpStatus(status == 0 ? null : status - 1).payloadDigest(str(d)).sha256(str(d)).archiveSha256(str(d));
    byte[] body = bytes(d);
    String text = str(d);
    int nh = VarInt.decodeInt(d);
    List<Header> headers = new ArrayList<>(nh);
    for (int i = 0; i < nh; i++) {
      headers.add(new Header(str(d), str(d)));
    }
    License license = (License) deserialized(d);
    Signals signals = (Signals) deserialized(d);
    int nl = VarInt.decodeInt(d);
    List<LineageEntry> lineage = new ArrayList<>(nl);
    for (int i = 0; i < nl; i++) {
      lineage.add(new LineageEntry(str(d), str(d), str(d)));
    }
    return new Candidate(id, kind, s.build(), body, text, headers, license, signals, lineage);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  /**
   * Licence and signals are rare (code files) and nested, so they travel Java-serialized; records
   * of immutable lists and strings serialize to the same bytes for equal values.
   */
  private static void serialized(OutputStream out, Object v) throws IOException {
    if (v == null) {
      bytes(out, null);
      return;
    }
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream oos = new java.io.ObjectOutputStream(buf)) {
      oos.writeObject(v);
    }
    bytes(out, buf.toByteArray());
  }

  private static Object deserialized(DataInputStream d) throws IOException {
    byte[] b = bytes(d);
    if (b == null) {
      return null;
    }
    try (java.io.ObjectInputStream ois = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(b))) {
      return ois.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
  }

  private static void str(OutputStream out, String v) throws IOException {
    bytes(out, v == null ? null : v.getBytes(StandardCharsets.UTF_8));
  }

  private static void bytes(OutputStream out, byte[] v) throws IOException {
    if (v == null) {
      VarInt.encode(0, out);
      return;
    }
    VarInt.encode(v.length + 1, out);
    out.write(v);
  }

  private static String str(DataInputStream in) throws IOException {
    byte[] b = bytes(in);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    if (n == 0) {
      return null;
    }
    byte[] b = new byte[n - 1];
    in.readFully(b);
    return b;
  }
}
