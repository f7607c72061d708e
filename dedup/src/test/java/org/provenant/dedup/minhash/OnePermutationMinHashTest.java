package org.provenant.dedup.minhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.analysis.ShingleSet;

class OnePermutationMinHashTest {
  private final OnePermutationMinHash minHash = new OnePermutationMinHash();

  /** Recomputes the documented construction independently, with BigInteger bin arithmetic. */
  @Test
  void signatureFollowsTheDocumentedConstruction() {
    long seed = PermutationMinHash.DEFAULT_SEED;
    long probeSeed = splitMix64(seed + 0x9e3779b97f4a7c15L);
    long[] hashes = {0, 1, -1, 0x393382bcd3fe9568L, Long.MIN_VALUE, 42, 4242};
    long[] bins = new long[128];
    java.util.Arrays.fill(bins, -1);
    for (long h : hashes) {
      long x = splitMix64(h ^ seed);
      int bin = scaled(x, 128);
      long v = new BigInteger(Long.toUnsignedString(x)).mod(BigInteger.ONE.shiftLeft(32)).longValueExact();
      if (bins[bin] < 0 || v < bins[bin]) {
        bins[bin] = v;
      }
    }
    long[] expected = new long[128];
    for (int i = 0; i < 128; i++) {
      if (bins[i] >= 0) {
        expected[i] = bins[i];
        continue;
      }
      for (int t = 1; ; t++) {
        long probe = bins[scaled(splitMix64(probeSeed + ((long) i << 32) + t), 128)];
        if (probe >= 0) {
          expected[i] = probe;
          break;
        }
      }
    }
    MinHashSignature s = minHash.sign(ShingleSet.of(hashes));
    assertEquals(MinHashScheme.ONE_PERMUTATION, s.scheme());
    assertEquals(128, s.length());
    for (int i = 0; i < 128; i++) {
      assertEquals(expected[i], s.value(i), "bin " + i);
    }
  }

  /** floor(top32(x) * k / 2^32) in BigInteger arithmetic. */
  private static int scaled(long x, int k) {
    return new BigInteger(Long.toUnsignedString(x >>> 32)).multiply(BigInteger.valueOf(k)).shiftRight(32).intValueExact();
  }

  private static long splitMix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Test
  void pinnedValues() {
    MinHashSignature s = minHash.sign(ShingleSet.of(1, 2, 3));
    long[] firstFour = {s.value(0), s.value(1), s.value(2), s.value(3)};
    assertEquals("[1666196613, 2349850481, 2349850481, 2349850481]", java.util.Arrays.toString(firstFour));
    assertEquals(s, new OnePermutationMinHash(128, PermutationMinHash.DEFAULT_SEED).sign(ShingleSet.of(3, 2, 1)));
    // each value is one of the three shingles' bin minima
    assertEquals(3, LongStream.of(s.values()).distinct().count());
  }

  @Test
  void oneShingleFillsEveryBinWithItsValue() {
    MinHashSignature s = minHash.sign(ShingleSet.of(12345));
    assertEquals(1, LongStream.of(s.values()).distinct().count());
    assertTrue(s.value(0) >= 0 && s.value(0) <= 0xffffffffL);
  }

  @Test
  void seedAndLengthChangeTheSignature() {
    assertNotEquals(minHash.sign(ShingleSet.of(1, 2, 3, 4, 5)), new OnePermutationMinHash(128, 1).sign(ShingleSet.of(1, 2, 3, 4, 5)));
    assertEquals(64, new OnePermutationMinHash(64, 9).sign(ShingleSet.of(1, 2, 3)).length());
    assertEquals(7, new OnePermutationMinHash(7, 9).sign(ShingleSet.of(1, 2, 3)).length());
  }

  @Test
  void estimatesOfKnownPairs() {
    ShingleSet a = ShingleSet.of(LongStream.range(0, 1000).toArray());
    assertEquals(1.0, minHash.sign(a).estimatedJaccard(minHash.sign(ShingleSet.of(LongStream.range(0, 1000).toArray()))));
    assertEquals(0.0, minHash.sign(a).estimatedJaccard(minHash.sign(ShingleSet.of(LongStream.range(1000, 2000).toArray()))));
    ShingleSet a2 = ShingleSet.of(LongStream.range(0, 900).toArray());
    ShingleSet c = ShingleSet.of(LongStream.concat(LongStream.range(0, 800), LongStream.range(900, 1000)).toArray());
    assertEquals(0.8, a2.jaccard(c), 1e-12);
    double estimate = minHash.sign(a2).estimatedJaccard(minHash.sign(c));
    assertEquals(0.8, estimate, 0.1);
  }

  /**
   * Unbiased with at most the variance of 128 independent permutations, for sets much larger than
   * the bin count and for sets much smaller than it (where most bins are densified).
   */
  @Test
  void estimateIsUnbiasedForLargeAndShortSets() {
    checkEstimates(1000, 900, 0.0006);
    checkEstimates(20, 18, 0.004);
  }

  private static void checkEstimates(int size, int shared, double varianceSlack) {
    SplittableRandom random = new SplittableRandom(17 + size);
    double sum = 0;
    double sumSquares = 0;
    int trials = 400;
    for (int t = 0; t < trials; t++) {
      long seed = random.nextLong();
      long[] x = new long[size];
      long[] y = new long[size];
      for (int i = 0; i < size; i++) {
        long h = random.nextLong();
        x[i] = h;
        y[i] = i < shared ? h : random.nextLong();
      }
      OnePermutationMinHash m = new OnePermutationMinHash(128, seed);
      double e = m.sign(ShingleSet.of(x)).estimatedJaccard(m.sign(ShingleSet.of(y)));
      sum += e;
      sumSquares += e * e;
    }
    double mean = sum / trials;
    double variance = sumSquares / trials - mean * mean;
    double s = (double) shared / (2 * size - shared);
    assertEquals(s, mean, 0.015, "mean for sets of " + size);
    assertTrue(variance <= s * (1 - s) / 128 + varianceSlack, "variance " + variance + " for sets of " + size);
  }

  @Test
  void emptyInputGivesTheEmptySignature() {
    MinHashSignature empty = minHash.sign(ShingleSet.EMPTY);
    assertTrue(empty.isEmpty());
    assertEquals(MinHashSignature.empty(MinHashScheme.ONE_PERMUTATION), empty);
    assertTrue(minHash.newAccumulator().signature().isEmpty());
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(minHash);
    }
    OnePermutationMinHash copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (OnePermutationMinHash) in.readObject();
    }
    assertEquals(minHash, copy);
    assertEquals(minHash.sign(ShingleSet.of(1, 2, 3)), copy.sign(ShingleSet.of(1, 2, 3)));
  }

  @Test
  void rejectsBadSettings() {
    assertEquals("numBins must be in [1, 8192]: 0",
        assertThrows(IllegalArgumentException.class, () -> new OnePermutationMinHash(0, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new OnePermutationMinHash(8193, 1));
  }

  @Test
  void signerUsesTheSchemeFromSettings() {
    try (MinHashSigner signer = SignatureSettings.defaults().withScheme(MinHashScheme.ONE_PERMUTATION).newSigner()) {
      String text = "the quick brown fox jumps over the lazy dog and runs far away into the woods";
      MinHashSigner.Signed signed = signer.signWithShingles(org.provenant.schemas.Kind.TEXT, text);
      assertEquals(minHash.sign(signed.shingles()), signed.signature());
      assertEquals(signed.signature(), signer.sign(org.provenant.schemas.Kind.TEXT, text));
    }
  }
}
