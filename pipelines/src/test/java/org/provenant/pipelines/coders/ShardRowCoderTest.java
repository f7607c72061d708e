package org.provenant.pipelines.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Optional;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.provenant.pipelines.transforms.ShardRow;

class ShardRowCoderTest {
  private static final ShardRowCoder CODER = ShardRowCoder.of();

  @Test
  void roundTripsKeptAndRejectedRowsWithExactBytes() throws Exception {
    ShardRow kept = ShardRow.kept(3, "id\u0000f.warc", new byte[] {1, 2, 3});
    ShardRow rejected = ShardRow.rejected(130, "k\u00e9", "gopher_short_doc", new byte[0]);
    assertEquals(kept, CoderUtils.clone(CODER, kept));
    assertEquals(rejected, CoderUtils.clone(CODER, rejected));
    assertEquals(Optional.empty(), CoderUtils.clone(CODER, kept).reason());
    assertEquals(Optional.of("gopher_short_doc"), CoderUtils.clone(CODER, rejected).reason());
    // shard 3, key of 9 bytes, empty reason, 3 Avro bytes
    assertArrayEquals(new byte[] {3, 9, 'i', 'd', 0, 'f', '.', 'w', 'a', 'r', 'c', 0, 3, 1, 2, 3}, CoderUtils.encodeToByteArray(CODER, kept));
    // shard 130 is two varint bytes; the key's é is two UTF-8 bytes
    byte[] r = CoderUtils.encodeToByteArray(CODER, rejected);
    assertArrayEquals(new byte[] {(byte) 0x82, 1, 3, 'k', (byte) 0xc3, (byte) 0xa9, 16}, Arrays.copyOf(r, 7));
    KV<Integer, ShardRow> keyed = CoderUtils.clone(KvCoder.of(VarIntCoder.of(), CODER), KV.of(3, kept));
    assertEquals(kept, keyed.getValue());
  }

  @Test
  void damagedBytesAreACoderErrorNotAWrongRow() throws Exception {
    byte[] good = CoderUtils.encodeToByteArray(CODER, ShardRow.kept(1, "key", new byte[] {9, 9, 9, 9}));
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, Arrays.copyOf(good, good.length - 2)));
    byte[] huge = good.clone();
    huge[1] = (byte) 0xff; // a key length that runs past the end
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, huge));
    assertThrows(IllegalArgumentException.class, () -> ShardRow.rejected(0, "k", "", new byte[0]));
  }
}
