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
import org.provenant.dedup.lsh.CandidatePairs;

class CandidatePairsCoderTest {
  private static final CandidatePairsCoder CODER = CandidatePairsCoder.of();

  private static CandidatePairs sample() {
    CandidatePairs p = new CandidatePairs(1);
    p.add("a", "b");
    p.add("", "z\u00e9");
    return p;
  }

  @Test
  void roundTripsInsideAKvWithThePairsInOrder() throws Exception {
    KV<Integer, CandidatePairs> back = CoderUtils.clone(KvCoder.of(VarIntCoder.of(), CODER), KV.of(7, sample()));
    assertEquals(7, back.getKey());
    CandidatePairs p = back.getValue();
    assertEquals(2, p.size());
    assertEquals("a", p.first(0));
    assertEquals("b", p.second(0));
    assertEquals("", p.first(1));
    assertEquals("z\u00e9", p.second(1));
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, sample());
    // block length 10, count 2, then 1 "a", 1 "b", 0, 3 "z" c3 a9
    assertArrayEquals(new byte[] {10, 2, 1, 'a', 1, 'b', 0, 3, 'z', (byte) 0xc3, (byte) 0xa9}, bytes);
    assertEquals(0, CoderUtils.clone(CODER, new CandidatePairs(0)).size());
  }

  @Test
  void damagedBytesAreCoderErrors() throws Exception {
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, sample());
    assertEquals("truncated candidate pairs",
        assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, Arrays.copyOf(bytes, 6))).getMessage());
    byte[] swapped = bytes.clone();
    swapped[3] = 'c'; // ("c", "b") is out of order
    assertEquals("candidate pair 0: pair not in order: c, b",
        assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, swapped)).getMessage());
    byte[] length = bytes.clone();
    length[7] = 9;
    assertEquals("bad document key length 9 in candidate pair 1",
        assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, length)).getMessage());
    byte[] count = bytes.clone();
    count[1] = 3; // a third pair that is not there
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, count));
  }
}
