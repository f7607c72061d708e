package org.provenant.pipelines.coders;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;
import org.provenant.schemas.AvroRows;
import org.provenant.schemas.Document;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.Rejection;

/**
 * Encodes documents and rejections between pipeline steps as the same Avro binary rows the shards
 * hold, length-prefixed: compact, fast, and deterministic (so it is also a valid key coder).
 */
public final class AvroRowCoder<T> extends CustomCoder<T> {
  private static final AvroRowCoder<Document> DOCUMENT =
      new AvroRowCoder<>("document", AvroRows::toRecord, AvroRows::documentFrom);
  private static final AvroRowCoder<Rejection> REJECTION =
      new AvroRowCoder<>("rejection", AvroRows::toRecord, AvroRows::rejectionFrom);

  private final String kind;
  private final transient Function<T, GenericRecord> toRecord;
  private final transient Function<GenericRecord, T> fromRecord;
  private transient GenericDatumWriter<GenericRecord> writer;
  private transient GenericDatumReader<GenericRecord> reader;

  private AvroRowCoder(String kind, Function<T, GenericRecord> toRecord, Function<GenericRecord, T> fromRecord) {
    this.kind = kind;
    this.toRecord = toRecord;
    this.fromRecord = fromRecord;
  }

  public static AvroRowCoder<Document> documents() {
    return DOCUMENT;
  }

  public static AvroRowCoder<Rejection> rejections() {
    return REJECTION;
  }

  private Schema schema() {
    return kind.equals("document") ? ProvenantSchemas.DOCUMENT : ProvenantSchemas.REJECTED;
  }

  /** After Java deserialisation, return the shared instance so the function fields are set. */
  private Object readResolve() {
    return kind.equals("document") ? DOCUMENT : REJECTION;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    if (value == null) {
      throw new CoderException("cannot encode a null " + kind);
    }
    if (writer == null) {
      writer = new GenericDatumWriter<>(schema());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(bytes, null);
    writer.write(toRecord.apply(value), enc);
    enc.flush();
    VarInt.encode(bytes.size(), out);
    bytes.writeTo(out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    if (reader == null) {
      reader = new GenericDatumReader<>(schema());
    }
    int len = VarInt.decodeInt(in);
    byte[] b = new byte[len];
    new DataInputStream(in).readFully(b);
    BinaryDecoder dec = DecoderFactory.get().binaryDecoder(b, null);
    return fromRecord.apply(reader.read(null, dec));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvroRowCoder<?> c && c.kind.equals(kind);
  }

  @Override
  public int hashCode() {
    return kind.hashCode();
  }
}
