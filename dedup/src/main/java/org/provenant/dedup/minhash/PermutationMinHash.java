package org.provenant.dedup.minhash;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.provenant.dedup.analysis.ShingleHash;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.analysis.Shingles;

/**
 * Classic k-permutation MinHash over 64-bit shingle hashes: each shingle is hashed once with
 * {@link ShingleHash}, reduced modulo the Mersenne prime p = 2^61 - 1, and put through k hash
 * functions {@code h_i(x) = (a_i * x + b_i) mod p}; the signature keeps the minimum of each. Two
 * documents agree at position i with probability close to the Jaccard similarity of their shingle
 * sets, independently for each i, so the estimate has variance s(1 - s) / k.
 *
 * <p>The coefficients come from SplitMix64 started at a fixed seed (implemented here, not taken
 * from a JDK random generator, so no JDK update can change them): {@code a_i} in [1, p - 1],
 * {@code b_i} in [0, p - 1]. Same seed and k, same signature, on every JVM and run.
 *
 * <p>Immutable, thread-safe and serialisable (the coefficients are recomputed, not shipped).
 */
public final class PermutationMinHash implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The prime modulus 2^61 - 1. */
  public static final long MERSENNE_PRIME_61 = (1L << 61) - 1;

  /** 128 hash functions: estimate standard deviation at most 0.044 (0.035 at s = 0.8). */
  public static final int DEFAULT_NUM_HASHES = 128;

  /** Fixed seed of the coefficients: the ASCII bytes of "provenan". */
  public static final long DEFAULT_SEED = 0x70726f76656e616eL;

  /** Largest accepted number of hash functions. */
  public static final int MAX_NUM_HASHES = 8192;

  private final int numHashes;
  private final long seed;
  private transient long[] a;
  private transient long[] b;

  /** k = {@value #DEFAULT_NUM_HASHES} with {@link #DEFAULT_SEED}. */
  public PermutationMinHash() {
    this(DEFAULT_NUM_HASHES, DEFAULT_SEED);
  }

  /**
   * MinHash with {@code numHashes} hash functions whose coefficients derive from {@code seed}.
   *
   * @throws IllegalArgumentException naming {@code numHashes} when it is not in [1, 8192]
   */
  public PermutationMinHash(int numHashes, long seed) {
    checkArgument(
        numHashes >= 1 && numHashes <= MAX_NUM_HASHES,
        "numHashes must be in [1, %s]: %s",
        MAX_NUM_HASHES,
        numHashes);
    this.numHashes = numHashes;
    this.seed = seed;
    initCoefficients();
  }

  private void initCoefficients() {
    long[] as = new long[numHashes];
    long[] bs = new long[numHashes];
    long state = seed;
    for (int i = 0; i < numHashes; i++) {
      state += 0x9e3779b97f4a7c15L;
      as[i] = 1 + Long.remainderUnsigned(splitMix(state), MERSENNE_PRIME_61 - 1);
      state += 0x9e3779b97f4a7c15L;
      bs[i] = Long.remainderUnsigned(splitMix(state), MERSENNE_PRIME_61);
    }
    this.a = as;
    this.b = bs;
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    initCoefficients();
  }

  public int numHashes() {
    return numHashes;
  }

  public long seed() {
    return seed;
  }

  /** The signature of the shingles {@code shingleAnalyzer} makes of {@code text}. */
  public MinHashSignature sign(Analyzer shingleAnalyzer, String text) {
    requireNonNull(shingleAnalyzer, "shingleAnalyzer");
    requireNonNull(text, "text");
    try (TokenStream ts = shingleAnalyzer.tokenStream(Shingles.FIELD, text)) {
      return sign(ts);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  /**
   * The signature of the terms of {@code shingles}, which this method resets, consumes and ends
   * (the caller closes it).
   */
  public MinHashSignature sign(TokenStream shingles) throws IOException {
    CharTermAttribute term = shingles.addAttribute(CharTermAttribute.class);
    Accumulator acc = newAccumulator();
    shingles.reset();
    while (shingles.incrementToken()) {
      acc.accept(ShingleHash.of(term.buffer(), 0, term.length()));
    }
    shingles.end();
    return acc.signature();
  }

  /** The signature of a set of shingle hashes. */
  public MinHashSignature sign(ShingleSet shingles) {
    requireNonNull(shingles, "shingles");
    Accumulator acc = newAccumulator();
    for (int i = 0; i < shingles.size(); i++) {
      acc.accept(shingles.hashAt(i));
    }
    return acc.signature();
  }

  /** A fresh accumulator of the minimum values of one document. */
  public Accumulator newAccumulator() {
    return new Accumulator();
  }

  /**
   * Takes the shingle hashes of one document (in any order, repeats allowed), e.g. from {@link
   * org.provenant.dedup.analysis.ShingleHasher}, and gives its signature. One per document and
   * thread.
   */
  public final class Accumulator implements LongConsumer {
    private final long[] mins = newMins();
    private boolean any;

    private Accumulator() {}

    @Override
    public void accept(long shingleHash) {
      update(mins, shingleHash);
      any = true;
    }

    /** The signature of the hashes accepted so far; empty when there were none. */
    public MinHashSignature signature() {
      return any ? MinHashSignature.of(MinHashScheme.PERMUTATIONS, mins) : empty();
    }
  }

  private MinHashSignature empty() {
    return MinHashSignature.empty(MinHashScheme.PERMUTATIONS);
  }

  private long[] newMins() {
    long[] mins = new long[numHashes];
    Arrays.fill(mins, Long.MAX_VALUE);
    return mins;
  }

  private void update(long[] mins, long shingleHash) {
    long x = (shingleHash & MERSENNE_PRIME_61) + (shingleHash >>> 61);
    if (x >= MERSENNE_PRIME_61) {
      x -= MERSENNE_PRIME_61;
    }
    long[] as = a;
    long[] bs = b;
    for (int i = 0; i < mins.length; i++) {
      long v = mulAddMod(as[i], x, bs[i]);
      if (v < mins[i]) {
        mins[i] = v;
      }
    }
  }

  /** (a * x + b) mod p for a, x, b in [0, p). */
  static long mulAddMod(long a, long x, long b) {
    long lo = a * x;
    long hi = Math.multiplyHigh(a, x);
    long v = (lo & MERSENNE_PRIME_61) + ((lo >>> 61) | (hi << 3)) + b;
    v = (v & MERSENNE_PRIME_61) + (v >>> 61);
    return v >= MERSENNE_PRIME_61 ? v - MERSENNE_PRIME_61 : v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PermutationMinHash m && m.numHashes == numHashes && m.seed == seed;
  }

  @Override
  public int hashCode() {
    return 31 * numHashes + Long.hashCode(seed);
  }

  @Override
  public String toString() {
    return "PermutationMinHash{numHashes=" + numHashes + ", seed=" + seed + "}";
  }
}
