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

class PermutationMinHashTest {
  private static final BigInteger P = BigInteger.valueOf(PermutationMinHash.MERSENNE_PRIME_61);
  private final PermutationMinHash minHash = new PermutationMinHash();

  @Test
  void mulAddModMatchesBigIntegerArithmetic() {
    SplittableRandom random = new SplittableRandom(3);
    long p = PermutationMinHash.MERSENNE_PRIME_61;
    long[] edge = {0, 1, 2, p - 2, p - 1, 1L << 60, (1L << 60) - 1};
    for (long a : edge) {
      for (long x : edge) {
        for (long b : edge) {
          check(a, x, b);
        }
      }
    }
    for (int i = 0; i < 100_000; i++) {
      check(random.nextLong(p), random.nextLong(p), random.nextLong(p));
    }
  }

  private static void check(long a, long x, long b) {
    long expected =
        BigInteger.valueOf(a).multiply(BigInteger.valueOf(x)).add(BigInteger.valueOf(b)).mod(P)
            .longValueExact();
    assertEquals(expected, PermutationMinHash.mulAddMod(a, x, b), a + "*" + x + "+" + b);
  }

  /** Recomputes the documented construction independently: SplitMix64 coefficients, BigInteger. */
  @Test
  void signatureOfOneHashFollowsTheDocumentedConstruction() {
    long state = PermutationMinHash.DEFAULT_SEED;
    BigInteger[] a = new BigInteger[128];
    BigInteger[] b = new BigInteger[128];
    for (int i = 0; i < 128; i++) {
      state += 0x9e3779b97f4a7c15L;
      a[i] = BigInteger.ONE.add(unsigned(splitMix64(state)).mod(P.subtract(BigInteger.ONE)));
      state += 0x9e3779b97f4a7c15L;
      b[i] = unsigned(splitMix64(state)).mod(P);
    }
    for (long h : new long[] {0, 1, -1, 0x393382bcd3fe9568L, Long.MIN_VALUE}) {
      MinHashSignature s = minHash.sign(ShingleSet.of(h));
      BigInteger x = unsigned(h).mod(P);
      for (int i = 0; i < 128; i++) {
        assertEquals(a[i].multiply(x).add(b[i]).mod(P).longValueExact(), s.value(i), "h=" + h);
      }
    }
  }

  private static long splitMix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  @Test
  void pinnedValues() {
    MinHashSignature s = minHash.sign(ShingleSet.of(1, 2, 3));
    assertEquals(MinHashScheme.PERMUTATIONS, s.scheme());
    assertEquals(128, s.length());
    assertEquals(0x94b4dc01311a9d4L, s.value(0));
    assertEquals(0x139d84c218e8454dL, s.value(1));
    assertEquals(0x11f7c64160510e69L, s.value(2));
    assertEquals(0x8c8f9245b573e7aL, s.value(3));
    assertEquals(s, new PermutationMinHash(128, PermutationMinHash.DEFAULT_SEED).sign(ShingleSet.of(3, 2, 1)));
  }

  @Test
  void seedAndLengthChangeTheSignature() {
    assertNotEquals(minHash.sign(ShingleSet.of(1, 2, 3)), new PermutationMinHash(128, 1).sign(ShingleSet.of(1, 2, 3)));
    MinHashSignature s64 = new PermutationMinHash(64, PermutationMinHash.DEFAULT_SEED).sign(ShingleSet.of(1, 2, 3));
    assertEquals(64, s64.length());
    // same seed: the first 64 functions are the same
    assertEquals(minHash.sign(ShingleSet.of(1, 2, 3)).value(63), s64.value(63));
  }

  @Test
  void estimatesOfKnownPairs() {
    ShingleSet a = ShingleSet.of(LongStream.range(0, 1000).toArray());
    assertEquals(1.0, minHash.sign(a).estimatedJaccard(minHash.sign(ShingleSet.of(LongStream.range(0, 1000).toArray()))));
    ShingleSet disjoint = ShingleSet.of(LongStream.range(1000, 2000).toArray());
    assertEquals(0.0, minHash.sign(a).estimatedJaccard(minHash.sign(disjoint)));
    // |A ∩ B| = 800, |A ∪ B| = 1000: Jaccard exactly 0.8
    ShingleSet b =
        ShingleSet.of(LongStream.concat(LongStream.range(0, 800), LongStream.range(1000, 1200)).toArray());
    assertEquals(800.0 / 1200, a.jaccard(b), 1e-12);
    // |A' ∩ C| = 800, |A' ∪ C| = 1000: Jaccard exactly 0.8
    ShingleSet a2 = ShingleSet.of(LongStream.range(0, 900).toArray());
    ShingleSet c =
        ShingleSet.of(LongStream.concat(LongStream.range(0, 800), LongStream.range(900, 1000)).toArray());
    assertEquals(0.8, a2.jaccard(c), 1e-12);
    double estimate = minHash.sign(a2).estimatedJaccard(minHash.sign(c));
    assertEquals(0.8, estimate, 0.1); // 3 standard deviations at k = 128
    assertEquals(106 / 128.0, estimate); // pinned: deterministic
  }

  @Test
  void estimateIsUnbiasedAcrossSeeds() {
    SplittableRandom random = new SplittableRandom(17);
    double sum = 0;
    double sumSquares = 0;
    int trials = 200;
    for (int t = 0; t < trials; t++) {
      long base = random.nextLong();
      long[] x = new long[1000];
      long[] y = new long[1000];
      for (int i = 0; i < 1000; i++) {
        long h = random.nextLong();
        x[i] = h;
        y[i] = i < 900 ? h : random.nextLong(); // 900 shared of 1100: Jaccard 9/11
      }
      PermutationMinHash m = new PermutationMinHash(128, base);
      double e = m.sign(ShingleSet.of(x)).estimatedJaccard(m.sign(ShingleSet.of(y)));
      sum += e;
      sumSquares += e * e;
    }
    double mean = sum / trials;
    double variance = sumSquares / trials - mean * mean;
    double s = 900.0 / 1100;
    assertEquals(s, mean, 0.01);
    assertEquals(s * (1 - s) / 128, variance, 0.0006);
  }

  @Test
  void emptyInputGivesTheEmptySignature() {
    MinHashSignature empty = minHash.sign(ShingleSet.EMPTY);
    assertTrue(empty.isEmpty());
    assertEquals(MinHashSignature.empty(MinHashScheme.PERMUTATIONS), empty);
    assertEquals(0.0, empty.estimatedJaccard(empty));
    assertEquals(0.0, empty.estimatedJaccard(minHash.sign(ShingleSet.of(1))));
    assertTrue(minHash.newAccumulator().signature().isEmpty());
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(minHash);
    }
    PermutationMinHash copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (PermutationMinHash) in.readObject();
    }
    assertEquals(minHash, copy);
    assertEquals(minHash.sign(ShingleSet.of(1, 2, 3)), copy.sign(ShingleSet.of(1, 2, 3)));
  }

  @Test
  void rejectsBadSettings() {
    assertEquals("numHashes must be in [1, 8192]: 0",
        assertThrows(IllegalArgumentException.class, () -> new PermutationMinHash(0, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PermutationMinHash(8193, 1));
  }

  @Test
  void refusesToCompareDifferentSchemesOrLengths() {
    MinHashSignature a = minHash.sign(ShingleSet.of(1));
    assertEquals("signatures of different schemes: PERMUTATIONS and LUCENE_MIN_HASH_FILTER",
        assertThrows(IllegalArgumentException.class,
            () -> a.estimatedJaccard(MinHashSignature.of(MinHashScheme.LUCENE_MIN_HASH_FILTER, 1, 2)))
            .getMessage());
    assertEquals("signatures of different lengths: 128 and 2",
        assertThrows(IllegalArgumentException.class,
            () -> a.estimatedJaccard(MinHashSignature.of(MinHashScheme.PERMUTATIONS, 1, 2)))
            .getMessage());
  }
}
