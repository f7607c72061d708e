package org.provenant.dedup.lsh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.minhash.MinHashScheme;
import org.provenant.dedup.minhash.MinHashSignature;

class LshBandingTest {
  private final LshBanding banding = new LshBanding();

  private static MinHashSignature sequence(int length) {
    long[] v = new long[length];
    for (int i = 0; i < length; i++) {
      v[i] = i;
    }
    return MinHashSignature.of(MinHashScheme.PERMUTATIONS, v);
  }

  private static MinHashSignature with(MinHashSignature s, int index, long value) {
    long[] v = s.values();
    v[index] = value;
    return MinHashSignature.of(s.scheme(), v);
  }

  @Test
  void pinnedBandKeys() {
    List<BandKey> keys = banding.bandKeys(sequence(128));
    assertEquals(21, keys.size());
    assertEquals("0:ce4c746403440a8a", keys.get(0).toString());
    assertEquals("1:d82cfa1356d27597", keys.get(1).toString());
    assertEquals("20:8093712135c1d87c", keys.get(20).toString());
    for (int band = 0; band < 21; band++) {
      assertEquals(band, keys.get(band).band());
    }
  }

  @Test
  void bandHashIsMurmur3OfBandIndexAndValues() {
    var h = Hashing.murmur3_128().newHasher().putInt(1);
    for (long v = 6; v < 12; v++) {
      h.putLong(v);
    }
    assertEquals(h.hash().asLong(), banding.bandKeys(sequence(128)).get(1).hash());
  }

  @Test
  void aChangedValueChangesOnlyItsBand() {
    MinHashSignature s = sequence(128);
    List<BandKey> keys = banding.bandKeys(s);
    List<BandKey> changed = banding.bandKeys(with(s, 13, 999));
    for (int band = 0; band < 21; band++) {
      if (band == 2) {
        assertNotEquals(keys.get(band), changed.get(band));
      } else {
        assertEquals(keys.get(band), changed.get(band));
      }
    }
    // values 126 and 127 are not in any band of 21 x 6
    assertEquals(keys, banding.bandKeys(with(s, 127, 999)));
  }

  @Test
  void firstSharedBand() {
    MinHashSignature s = sequence(128);
    MinHashSignature t = s;
    for (int i = 0; i < 18; i++) {
      t = with(t, i, 1000 + i); // bands 0, 1 and 2 differ
    }
    assertEquals(3, banding.firstSharedBand(s, t));
    assertEquals(0, banding.firstSharedBand(s, s));
    MinHashSignature none = s;
    for (int band = 0; band < 21; band++) {
      none = with(none, band * 6, -1);
    }
    assertEquals(-1, banding.firstSharedBand(s, none));
    assertEquals(-1, banding.firstSharedBand(s, MinHashSignature.empty(MinHashScheme.PERMUTATIONS)));
  }

  @Test
  void emptySignatureHasNoKeys() {
    assertEquals(List.of(), banding.bandKeys(MinHashSignature.empty(MinHashScheme.PERMUTATIONS)));
  }

  @Test
  void sCurveOfTheDefault() {
    assertEquals(0.0152, banding.candidateProbability(0.3), 1e-4);
    assertEquals(0.2816, banding.candidateProbability(0.5), 1e-4);
    assertEquals(0.6334, banding.candidateProbability(0.6), 1e-4);
    assertEquals(0.9278, banding.candidateProbability(0.7), 1e-4);
    assertEquals(0.9983, banding.candidateProbability(0.8), 1e-4);
    assertTrue(banding.candidateProbability(0.8) >= 0.99);
    assertEquals(0.9470, LshBanding.candidateProbability(0.8, 16, 8), 1e-4);
    assertEquals(1.0, banding.candidateProbability(1.0));
    assertEquals(0.0, banding.candidateProbability(0.0));
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertEquals("bands must be at least 1: 0",
        assertThrows(IllegalArgumentException.class, () -> new LshBanding(0, 6)).getMessage());
    assertEquals("rows must be at least 1: -2",
        assertThrows(IllegalArgumentException.class, () -> new LshBanding(4, -2)).getMessage());
    assertEquals("bands * rows must be at most 8192: 100 * 100",
        assertThrows(IllegalArgumentException.class, () -> new LshBanding(100, 100)).getMessage());
    assertEquals("bands * rows = 21 * 6 needs 126 signature values, signature has 64",
        assertThrows(IllegalArgumentException.class, () -> banding.bandKeys(sequence(64)))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> banding.candidateProbability(1.5));
  }

  @Test
  void bandKeyBytes() {
    BandKey key = new BandKey(3, 0xff00ff00ff00ff00L);
    assertArrayEquals(
        new byte[] {0, 0, 0, 3, (byte) 0xff, 0, (byte) 0xff, 0, (byte) 0xff, 0, (byte) 0xff, 0},
        key.toBytes());
    assertEquals(key, BandKey.fromBytes(key.toBytes()));
    assertEquals("3:ff00ff00ff00ff00", key.toString());
    assertTrue(new BandKey(3, 1).compareTo(key) < 0); // unsigned hash order
    assertTrue(new BandKey(2, -1).compareTo(new BandKey(3, 0)) < 0);
    assertEquals("band is negative: -1",
        assertThrows(IllegalArgumentException.class, () -> new BandKey(-1, 0)).getMessage());
  }
}
