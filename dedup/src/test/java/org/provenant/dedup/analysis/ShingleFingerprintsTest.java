package org.provenant.dedup.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShingleFingerprintsTest {
  private static long hash(int top, int low) {
    return ((long) top << 32) | (low & 0xFFFFFFFFL);
  }

  @Test
  void keepsTheTopHalvesInOrderWithoutRepeats() {
    ShingleSet set = ShingleSet.of(hash(-5, 1), hash(-5, 2), hash(0, 7), hash(Integer.MAX_VALUE, -1), hash(Integer.MIN_VALUE, 0));
    ShingleFingerprints f = ShingleFingerprints.of(set);
    assertArrayEquals(new int[] {Integer.MIN_VALUE, -5, 0, Integer.MAX_VALUE}, f.toArray());
    assertEquals(4, f.size());
  }

  @Test
  void jaccardEqualsTheSetJaccardWhenTopHalvesDiffer() {
    ShingleSet a = ShingleSet.of(hash(1, 0), hash(2, 0), hash(3, 0), hash(4, 0));
    ShingleSet b = ShingleSet.of(hash(1, 9), hash(2, 0), hash(3, 0), hash(4, 0), hash(5, 0));
    // hash(1, 9) differs from hash(1, 0) only in its low half: as fingerprints they are one shingle
    assertEquals(0.5, a.jaccard(b));
    assertEquals(0.8, ShingleFingerprints.of(a).jaccard(ShingleFingerprints.of(b)));
    ShingleSet c = ShingleSet.of(hash(2, 0), hash(3, 0), hash(4, 0), hash(5, 0));
    assertEquals(a.jaccard(c), ShingleFingerprints.of(a).jaccard(ShingleFingerprints.of(c)));
    assertEquals(0.0, ShingleFingerprints.of(ShingleSet.EMPTY).jaccard(ShingleFingerprints.of(a)));
  }

  @Test
  void realShingleSetsGiveTheSameJaccardAsTheir64BitSets() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 50; trial++) {
      long[] base = random.longs(2_000).toArray();
      long[] other = Arrays.copyOf(base, base.length);
      for (int i = 0; i < 300; i++) {
        other[random.nextInt(other.length)] = random.nextLong();
      }
      ShingleSet a = ShingleSet.of(base);
      ShingleSet b = ShingleSet.of(other);
      assertEquals(a.jaccard(b), ShingleFingerprints.of(a).jaccard(ShingleFingerprints.of(b)), 1e-3);
    }
  }

  @Test
  void roundTripsAsDeltaVarints() throws IOException {
    ShingleSet set = ShingleSet.of(new SplittableRandom(3).longs(400).toArray());
    ShingleFingerprints f = ShingleFingerprints.of(set);
    byte[] bytes = f.toBytes();
    // 400 gaps averaging 2^32 / 400 take 4 varint bytes or fewer: under half of 400 x 8 bytes
    assertTrue(bytes.length < 1_650, "size " + bytes.length);
    assertEquals(f, ShingleFingerprints.fromBytes(bytes));
    ShingleFingerprints extremes = ShingleFingerprints.of(ShingleSet.of(hash(Integer.MIN_VALUE, 0), hash(Integer.MAX_VALUE, 0)));
    assertArrayEquals(new byte[] {2, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}, extremes.toBytes());
    assertEquals(extremes, ShingleFingerprints.fromBytes(extremes.toBytes()));
    assertEquals(ShingleFingerprints.of(ShingleSet.EMPTY), ShingleFingerprints.fromBytes(new byte[] {0}));
  }

  @Test
  void rejectsTruncatedDisorderedAndTrailingInput() {
    assertThrows(EOFException.class, () -> ShingleFingerprints.fromBytes(new byte[] {2, 1}));
    assertThrows(EOFException.class, () -> ShingleFingerprints.fromBytes(new byte[] {1, (byte) 0x80}));
    // second gap 0: a repeat, which a writer never produces
    IOException e = assertThrows(IOException.class, () -> ShingleFingerprints.fromBytes(new byte[] {2, 5, 0}));
    assertEquals("fingerprints out of order at 1", e.getMessage());
    e = assertThrows(IOException.class, () -> ShingleFingerprints.fromBytes(new byte[] {1, 5, 9}));
    assertEquals("1 bytes after the fingerprints", e.getMessage());
    e = assertThrows(IOException.class, () -> ShingleFingerprints.fromBytes(new byte[] {100, 1}));
    assertEquals("bad fingerprint count 100", e.getMessage());
  }

  @Test
  void wrappedBytesAreDecodedAndCheckedOnFirstUse() throws IOException {
    ShingleSet a = ShingleSet.of(new SplittableRandom(5).longs(300).toArray());
    ShingleFingerprints f = ShingleFingerprints.of(a);
    byte[] bytes = f.toBytes();
    ShingleFingerprints wrapped = ShingleFingerprints.wrap(bytes);
    assertEquals(300, wrapped.size());
    assertEquals(bytes.length, wrapped.encodedLength());
    assertArrayEquals(bytes, wrapped.toBytes());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    wrapped.writeTo(out);
    assertArrayEquals(bytes, out.toByteArray());
    assertEquals(f, wrapped);
    assertEquals(1.0, wrapped.jaccard(f));
    assertArrayEquals(f.toArray(), wrapped.toArray());
    // corrupt bytes travel as they are and fail where they are used, naming the fault
    ShingleFingerprints corrupt = ShingleFingerprints.wrap(new byte[] {2, 5, 0});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> corrupt.jaccard(f));
    assertEquals("corrupt shingle fingerprints: fingerprints out of order at 1", e.getMessage());
    assertEquals(2, corrupt.size()); // the count alone reads fine
  }
}
