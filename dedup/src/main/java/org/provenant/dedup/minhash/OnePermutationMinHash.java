package org.provenant.dedup.minhash;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.provenant.dedup.analysis.ShingleSet;

/**
 * One-permutation MinHash with optimal densification (Li, Owen and Zhang 2012; Shrivastava 2017):
 * each shingle is hashed once, the hash picks one of k bins and the signature keeps the smallest
 * hash of each bin; bins that stayed empty borrow the value of a non-empty bin found by a fixed
 * probe sequence of their own. Signing costs O(n + k) per document of n shingles instead of the
 * O(n·k) of {@link PermutationMinHash}, which on this machine's profile was the largest single
 * cost of near-dedup.
 *
 * <p>Construction, fixed so that signatures are equal on every JVM, run and runner: the 64-bit
 * {@code ShingleHash} {@code h} is remixed as {@code x = mix(h ^ seed)} (the SplitMix64 finaliser,
 * so that bins do not follow the top bits that {@code ShingleFingerprints} keep); the bin is {@code
 * ((x >>> 32) * k) >>> 32} and the value is the low 32 bits {@code x & 0xffffffff}, independent
 * of the bin. An empty bin {@code i} probes bins {@code j_t = ((mix(seed' + i * 2^32 + t) >>> 32)
 * * k) >>> 32} for {@code t = 1, 2, ...} and takes the value of the first non-empty one ({@code
 * seed'} = the seed's own mix). The probe sequence depends only on {@code i} and the seed, never on
 * the document, which is what makes the borrowed values of two documents agree exactly when their
 * sources agree: two documents collide at a bin with probability equal to the Jaccard similarity
 * of their shingle sets (Shrivastava 2017, theorem 1), as with k independent permutations.
 *
 * <p>Rotation (Lucene's {@code MinHashFilter}, {@link LuceneMinHash}) borrows from the next
 * non-empty bin instead, so the bins of short documents repeat each other's values and LSH bands
 * stop being independent (57% more candidate pairs on 300-character documents, measured with
 * {@code QualityProbe}); random probing avoids that correlation.
 *
 * <p>Immutable, thread-safe and serialisable.
 */
public final class OnePermutationMinHash implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numBins;
  private final long seed;
  private final long probeSeed;

  /** {@link PermutationMinHash#DEFAULT_NUM_HASHES} bins with {@link PermutationMinHash#DEFAULT_SEED}. */
  public OnePermutationMinHash() {
    this(PermutationMinHash.DEFAULT_NUM_HASHES, PermutationMinHash.DEFAULT_SEED);
  }

  /**
   * One-permutation MinHash with {@code numBins} bins (the signature length) and {@code seed}.
   *
   * @throws IllegalArgumentException naming {@code numBins} when it is not in [1, 8192]
   */
  public OnePermutationMinHash(int numBins, long seed) {
    checkArgument(
        numBins >= 1 && numBins <= PermutationMinHash.MAX_NUM_HASHES,
        "numBins must be in [1, %s]: %s",
        PermutationMinHash.MAX_NUM_HASHES,
        numBins);
    this.numBins = numBins;
    this.seed = seed;
    this.probeSeed = mix(seed + 0x9e3779b97f4a7c15L);
  }

  public int numBins() {
    return numBins;
  }

  public long seed() {
    return seed;
  }

  /** The SplitMix64 finaliser: a bijection of 64-bit values with full avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The bin of a remixed value: its top 32 bits scaled to [0, numBins). */
  int binOf(long x) {
    return (int) (((x >>> 32) * numBins) >>> 32);
  }

  /** The bin that empty bin {@code bin} looks at on its {@code attempt}-th probe (from 1). */
  int probe(int bin, int attempt) {
    return binOf(mix(probeSeed + ((long) bin << 32) + attempt));
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

  /** A fresh accumulator of the bin minima of one document. */
  public Accumulator newAccumulator() {
    return new Accumulator();
  }

  /**
   * Takes the shingle hashes of one document (any order, repeats allowed) and gives its
   * signature. One per document and thread.
   */
  public final class Accumulator implements LongConsumer {
    /** Bin minima as unsigned 32-bit values; {@code EMPTY} marks a bin nothing fell into. */
    private final long[] mins = new long[numBins];
    private int filled;

    private Accumulator() {
      Arrays.fill(mins, EMPTY);
    }

    @Override
    public void accept(long shingleHash) {
      long x = mix(shingleHash ^ seed);
      int bin = binOf(x);
      long v = x & 0xffffffffL;
      long old = mins[bin];
      if (old == EMPTY) {
        filled++;
        mins[bin] = v;
      } else if (v < old) {
        mins[bin] = v;
      }
    }

    /** The densified signature of the hashes accepted so far; empty when there were none. */
    public MinHashSignature signature() {
      if (filled == 0) {
        return MinHashSignature.empty(MinHashScheme.ONE_PERMUTATION);
      }
      long[] out = mins.clone();
      if (filled < numBins) {
        for (int bin = 0; bin < numBins; bin++) {
          if (mins[bin] != EMPTY) {
            continue;
          }
          out[bin] = borrow(bin);
        }
      }
      return MinHashSignature.wrap(MinHashScheme.ONE_PERMUTATION, out);
    }

    /**
     * The value empty bin {@code bin} borrows: from the first filled bin of its probe sequence, or,
     * after {@link #MAX_PROBES_PER_BIN} times the bin count of misses (probability below e^-16
     * even for a document with one shingle), from the next filled bin in circular order, so the
     * loop ends on every input. At least one bin is filled.
     */
    private long borrow(int bin) {
      int limit = MAX_PROBES_PER_BIN * numBins;
      for (int attempt = 1; attempt <= limit; attempt++) {
        long v = mins[probe(bin, attempt)];
        if (v != EMPTY) {
          return v;
        }
      }
      for (int j = (bin + 1) % numBins; ; j = (j + 1) % numBins) {
        if (mins[j] != EMPTY) {
          return mins[j];
        }
      }
    }
  }

  /** Probes per bin, in multiples of the bin count, before the circular fallback. */
  static final int MAX_PROBES_PER_BIN = 16;

  /** Above every 32-bit value. */
  private static final long EMPTY = Long.MAX_VALUE;

  @Override
  public boolean equals(Object o) {
    return o instanceof OnePermutationMinHash m && m.numBins == numBins && m.seed == seed;
  }

  @Override
  public int hashCode() {
    return 31 * numBins + Long.hashCode(seed);
  }

  @Override
  public String toString() {
    return "OnePermutationMinHash{numBins=" + numBins + ", seed=" + seed + "}";
  }
}
