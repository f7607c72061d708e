package org.provenant.dedup.lsh;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.util.List;
import org.provenant.dedup.minhash.MinHashSignature;

/**
 * Locality-sensitive hashing by banding: a signature's first {@code bands * rows} values are cut
 * into {@code bands} bands of {@code rows} consecutive values, and each band becomes a {@link
 * BandKey}. Two documents are a candidate pair when all rows of at least one band agree, which for
 * Jaccard similarity s happens with probability {@code 1 - (1 - s^rows)^bands}.
 *
 * <p>Default 21 bands x 6 rows (126 of 128 values). With 128 values no banding reaches both
 * "P >= 0.99 at s = 0.8" and "rare at s = 0.5": r = 7 needs 20 bands (140 values), so r = 6 is the
 * largest row count meeting the first goal and 21 the most bands that fit. The curve of the
 * default:
 *
 * <pre>
 *   Jaccard s   0.30   0.40   0.50   0.60   0.70   0.75   0.80   0.85   0.90
 *   P(cand.)    0.015  0.083  0.282  0.633  0.928  0.984  0.998  1.000  1.000
 * </pre>
 *
 * <p>So 0.17% of pairs at s = 0.8 are missed by banding, while 28% of pairs at s = 0.5 become
 * candidates; those are removed by verification ({@link SimilarityVerifier}), so they cost a
 * signature comparison, not a document. For a sharper curve use 256 values and 32 x 8 (P = 0.997
 * at 0.8, 0.118 at 0.5). For comparison 16 x 8 gives only 0.947 at 0.8.
 *
 * <p>Band hashes are murmur3_128 (Guava, seed 0) over the band index (int) and the band's values
 * (longs), little-endian, first 64 bits: fixed by definition, the same on every run and runner.
 */
public final class LshBanding implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Number of bands; see the class javadoc for the curve. */
  public static final int DEFAULT_BANDS = 21;

  /** Values per band. */
  public static final int DEFAULT_ROWS = 6;

  private final int bands;
  private final int rows;

  /** {@value #DEFAULT_BANDS} bands of {@value #DEFAULT_ROWS} rows. */
  public LshBanding() {
    this(DEFAULT_BANDS, DEFAULT_ROWS);
  }

  /**
   * Banding with {@code bands} bands of {@code rows} rows.
   *
   * @throws IllegalArgumentException naming {@code bands} or {@code rows} when below 1, or both
   *     when their product exceeds 8192
   */
  public LshBanding(int bands, int rows) {
    checkArgument(bands >= 1, "bands must be at least 1: %s", bands);
    checkArgument(rows >= 1, "rows must be at least 1: %s", rows);
    checkArgument(
        (long) bands * rows <= 8192, "bands * rows must be at most 8192: %s * %s", bands, rows);
    this.bands = bands;
    this.rows = rows;
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /** Number of signature values used: {@code bands * rows}. */
  public int valuesUsed() {
    return bands * rows;
  }

  /** Probability that a pair with Jaccard similarity {@code s} is a candidate under this banding. */
  public double candidateProbability(double s) {
    return candidateProbability(s, bands, rows);
  }

  /** {@code 1 - (1 - s^rows)^bands}. */
  public static double candidateProbability(double s, int bands, int rows) {
    checkArgument(s >= 0 && s <= 1, "similarity must be in [0, 1]: %s", s);
    checkArgument(bands >= 1 && rows >= 1, "bands and rows must be at least 1: %s, %s", bands, rows);
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  /**
   * The band keys of {@code signature}, band 0 first; empty for the empty signature.
   *
   * @throws IllegalArgumentException when the signature has fewer than {@code bands * rows} values
   */
  public List<BandKey> bandKeys(MinHashSignature signature) {
    requireNonNull(signature, "signature");
    if (signature.isEmpty()) {
      return List.of();
    }
    checkFits(signature);
    ImmutableList.Builder<BandKey> keys = ImmutableList.builderWithExpectedSize(bands);
    for (int band = 0; band < bands; band++) {
      Hasher h = Hashing.murmur3_128().newHasher().putInt(band);
      for (int i = band * rows; i < (band + 1) * rows; i++) {
        h.putLong(signature.value(i));
      }
      keys.add(new BandKey(band, h.hash().asLong()));
    }
    return keys.build();
  }

  /**
   * The first band in which all rows of {@code a} and {@code b} agree, or -1 when none does. A
   * pair meeting in several buckets is handled once by acting only in the bucket of this band,
   * which needs no global de-duplication of pairs; a pair whose band hashes collide without equal
   * rows gets -1 (not a candidate).
   */
  public int firstSharedBand(MinHashSignature a, MinHashSignature b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    if (a.isEmpty() || b.isEmpty()) {
      return -1;
    }
    checkFits(a);
    checkFits(b);
    checkArgument(a.scheme() == b.scheme(), "signatures of different schemes: %s and %s",
        a.scheme(), b.scheme());
    for (int band = 0; band < bands; band++) {
      boolean equal = true;
      for (int i = band * rows; i < (band + 1) * rows && equal; i++) {
        equal = a.value(i) == b.value(i);
      }
      if (equal) {
        return band;
      }
    }
    return -1;
  }

  private void checkFits(MinHashSignature signature) {
    checkArgument(
        signature.length() >= bands * rows,
        "bands * rows = %s * %s needs %s signature values, signature has %s",
        bands,
        rows,
        bands * rows,
        signature.length());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LshBanding b && b.bands == bands && b.rows == rows;
  }

  @Override
  public int hashCode() {
    return 31 * bands + rows;
  }

  @Override
  public String toString() {
    return "LshBanding{bands=" + bands + ", rows=" + rows + "}";
  }
}
