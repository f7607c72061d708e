package org.provenant.dedup.lsh;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.minhash.MinHashSignature;

/**
 * Decides whether a candidate pair from banding is a near-duplicate, so that banding's false
 * positives never remove a document: from the estimated Jaccard similarity of two signatures, or
 * (more expensive, exact) from the two shingle sets. A pair is a duplicate when its similarity is
 * at least the threshold.
 */
public final class SimilarityVerifier implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Jaccard similarity of 5-word shingle sets at which two documents count as near-duplicates. */
  public static final double DEFAULT_THRESHOLD = 0.8;

  /** What a similarity was computed from. */
  public enum Basis {
    /** Fraction of equal MinHash values: standard deviation about 0.035 at s = 0.8, k = 128. */
    ESTIMATED,
    /** Exact Jaccard similarity of the shingle hash sets. */
    EXACT
  }

  /**
   * The outcome for one pair.
   *
   * @param similarity the Jaccard similarity, estimated or exact
   * @param basis what it was computed from
   * @param duplicate whether it reaches the threshold
   */
  public record Verification(double similarity, Basis basis, boolean duplicate)
      implements Serializable {}

  private final double threshold;

  /** A verifier with {@value #DEFAULT_THRESHOLD}. */
  public SimilarityVerifier() {
    this(DEFAULT_THRESHOLD);
  }

  /**
   * A verifier accepting pairs with similarity at least {@code threshold}.
   *
   * @throws IllegalArgumentException naming {@code threshold} when it is not in (0, 1]
   */
  public SimilarityVerifier(double threshold) {
    checkArgument(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]: %s", threshold);
    this.threshold = threshold;
  }

  public double threshold() {
    return threshold;
  }

  /** Verification from the estimated Jaccard similarity of two signatures. */
  public Verification verify(MinHashSignature a, MinHashSignature b) {
    requireNonNull(a, "a");
    double s = a.estimatedJaccard(requireNonNull(b, "b"));
    return new Verification(s, Basis.ESTIMATED, s >= threshold);
  }

  /** Verification from the exact Jaccard similarity of two shingle sets. */
  public Verification verify(ShingleSet a, ShingleSet b) {
    requireNonNull(a, "a");
    double s = a.jaccard(requireNonNull(b, "b"));
    return new Verification(s, Basis.EXACT, s >= threshold);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimilarityVerifier v && Double.compare(v.threshold, threshold) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(threshold);
  }

  @Override
  public String toString() {
    return "SimilarityVerifier{threshold=" + threshold + "}";
  }
}
