package org.provenant.pipelines.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;
import org.provenant.pipelines.transforms.ShardRow;

/**
 * Deterministic encoding of a {@link ShardRow}: the shard (varint), then the sort key, the reason
 * (UTF-8, empty for a kept row) and the Avro bytes, each with its varint length.
 */
public final class ShardRowCoder extends AtomicCoder<ShardRow> {
  private static final ShardRowCoder INSTANCE = new ShardRowCoder();
  /** Upper bound of one field: a row is at most a capped payload plus its provenance. */
  private static final int MAX_FIELD_BYTES = 1 << 30;

  public static ShardRowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ShardRow row, OutputStream out) throws IOException {
    VarInt.encode(row.shard(), out);
    bytes(out, row.sortKey().getBytes(StandardCharsets.UTF_8));
    bytes(out, row.reasonCode().getBytes(StandardCharsets.UTF_8));
    bytes(out, row.avro());
  }

  @Override
  public ShardRow decode(InputStream in) throws IOException {
    int shard = VarInt.decodeInt(in);
    if (shard < 0) {
      throw new CoderException("bad shard " + shard);
    }
    String sortKey = new String(bytes(in), StandardCharsets.UTF_8);
    String reason = new String(bytes(in), StandardCharsets.UTF_8);
    return ShardRow.decoded(shard, sortKey, reason, bytes(in));
  }

  private static void bytes(OutputStream out, byte[] b) throws IOException {
    VarInt.encode(b.length, out);
    out.write(b);
  }

  private static byte[] bytes(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    if (n < 0 || n > MAX_FIELD_BYTES) {
      throw new CoderException("bad field length " + n);
    }
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new CoderException("truncated shard row: " + b.length + " of " + n + " bytes");
    }
    return b;
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
