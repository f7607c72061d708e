package org.provenant.dedup.minhash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MinHashSignatureTest {
  @Test
  void bytesRoundTrip() {
    MinHashSignature s = MinHashSignature.of(MinHashScheme.PERMUTATIONS, 1, -1);
    assertArrayEquals(
        new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, -1, -1, -1, -1, -1, -1, -1, -1},
        s.toBytes());
    assertEquals(s, MinHashSignature.fromBytes(s.toBytes()));
    MinHashSignature empty = MinHashSignature.empty(MinHashScheme.LUCENE_MIN_HASH_FILTER);
    assertArrayEquals(new byte[] {2, 0, 0, 0, 0}, empty.toBytes());
    assertEquals(empty, MinHashSignature.fromBytes(empty.toBytes()));
  }

  @Test
  void rejectsMalformedBytes() {
    assertEquals("signature bytes hold 6 bytes for length 1",
        assertThrows(IllegalArgumentException.class,
            () -> MinHashSignature.fromBytes(new byte[] {1, 0, 0, 0, 1, 0})).getMessage());
    assertEquals("unknown minHashScheme tag: 9",
        assertThrows(IllegalArgumentException.class,
            () -> MinHashSignature.fromBytes(new byte[] {9, 0, 0, 0, 0})).getMessage());
  }

  @Test
  void valuesAreCopied() {
    long[] values = {1, 2};
    MinHashSignature s = MinHashSignature.of(MinHashScheme.PERMUTATIONS, values);
    values[0] = 99;
    s.values()[1] = 99;
    assertEquals(1, s.value(0));
    assertEquals(2, s.value(1));
  }
}
