package org.provenant.pipelines.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.lsh.BandEntries;

class BandEntriesCoderTest {
  private static final BandEntriesCoder CODER = BandEntriesCoder.of();

  private static BandEntries sample() {
    BandEntries e = new BandEntries(2);
    e.add(Long.MIN_VALUE, "doc-1");
    e.add(-1L, "");
    e.add(0x0102030405060708L, "dokument-\u00e9\u4e2d\u0000prior");
    return e;
  }

  @Test
  void roundTripsInsideAKvWithTheEntriesInOrder() throws Exception {
    KV<Integer, BandEntries> back = CoderUtils.clone(KvCoder.of(VarIntCoder.of(), CODER), KV.of(4095, sample()));
    assertEquals(4095, back.getKey());
    BandEntries e = back.getValue();
    assertEquals(3, e.size());
    assertEquals(Long.MIN_VALUE, e.key(0));
    assertEquals("doc-1", e.doc(0));
    assertEquals("", e.doc(1));
    assertEquals(0x0102030405060708L, e.key(2));
    assertEquals("dokument-\u00e9\u4e2d\u0000prior", e.doc(2));
    // block length, count, three big-endian keys, then the keys' lengths and UTF-8 bytes
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, sample());
    assertEquals(1 + 1 + 24 + (1 + 5) + 1 + (1 + 20), bytes.length);
    assertArrayEquals(new byte[] {53, 3, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOf(bytes, 10));
    assertArrayEquals(bytes, CoderUtils.encodeToByteArray(CODER, CoderUtils.clone(CODER, sample())));
    assertEquals(0, CoderUtils.clone(CODER, new BandEntries(0)).size());
  }

  @Test
  void damagedBytesAreCoderErrors() throws Exception {
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, sample());
    CoderException cut = assertThrows(CoderException.class,
        () -> CoderUtils.decodeFromByteArray(CODER, Arrays.copyOf(bytes, bytes.length - 4)));
    assertEquals("truncated band entries", cut.getMessage());
    byte[] count = bytes.clone();
    count[1] = 6; // six entries claimed in a block that holds three keys: the keys run into the strings
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, count));
    byte[] length = bytes.clone();
    length[26] = 120; // the first document key's length runs past the block
    CoderException bad = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, length));
    assertEquals("bad document key length 120 in band entry 0", bad.getMessage());
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[] {0}));
  }
}
