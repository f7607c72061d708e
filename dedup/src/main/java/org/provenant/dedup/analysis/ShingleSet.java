package org.provenant.dedup.analysis;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The set of {@linkplain ShingleHash shingle hashes} of one document: what exact Jaccard
 * similarity is computed over and what a MinHash signature estimates. Immutable; the hashes are
 * held sorted (signed order) without repeats.
 */
public final class ShingleSet implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The set of a document without tokens. */
  public static final ShingleSet EMPTY = new ShingleSet(new long[0]);

  private final long[] sortedHashes;

  private ShingleSet(long[] sortedHashes) {
    this.sortedHashes = sortedHashes;
  }

  /** The set of {@code hashes}, in any order and with repeats; the array is copied. */
  public static ShingleSet of(long... hashes) {
    requireNonNull(hashes, "hashes");
    return ofOwned(hashes.clone(), hashes.length);
  }

  /**
   * The set of {@code hashes} as {@link #toArray()} gave them (strictly ascending), checked in one
   * linear pass instead of sorted again; any other array is taken as {@link #of} takes it. For
   * sets that travel between workers as arrays and are compared many times.
   */
  public static ShingleSet ofSorted(long[] hashes) {
    requireNonNull(hashes, "hashes");
    for (int i = 1; i < hashes.length; i++) {
      if (hashes[i] <= hashes[i - 1]) {
        return of(hashes);
      }
    }
    return hashes.length == 0 ? EMPTY : new ShingleSet(hashes.clone());
  }

  /**
   * The set of the first {@code count} values of {@code hashes}, which this method sorts in place
   * and then stops using.
   */
  static ShingleSet ofOwned(long[] hashes, int count) {
    if (count == 0) {
      return EMPTY;
    }
    Arrays.sort(hashes, 0, count);
    int n = 1;
    for (int i = 1; i < count; i++) {
      if (hashes[i] != hashes[n - 1]) {
        hashes[n++] = hashes[i];
      }
    }
    return new ShingleSet(n == hashes.length ? hashes : Arrays.copyOf(hashes, n));
  }

  /** Number of distinct shingles. */
  public int size() {
    return sortedHashes.length;
  }

  public boolean isEmpty() {
    return sortedHashes.length == 0;
  }

  /** The hash at {@code index} in ascending signed order. */
  public long hashAt(int index) {
    return sortedHashes[index];
  }

  /** A copy of the hashes in ascending signed order. */
  public long[] toArray() {
    return sortedHashes.clone();
  }

  public boolean contains(long hash) {
    return Arrays.binarySearch(sortedHashes, hash) >= 0;
  }

  /** Number of shingles in both sets. */
  public int intersectionSize(ShingleSet other) {
    long[] a = sortedHashes;
    long[] b = other.sortedHashes;
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return common;
  }

  /**
   * Exact Jaccard similarity |A ∩ B| / |A ∪ B|. Defined as 0.0 when either set is empty: a document
   * without tokens carries no evidence of near-duplication (exact dedup still sees it).
   */
  public double jaccard(ShingleSet other) {
    requireNonNull(other, "other");
    if (isEmpty() || other.isEmpty()) {
      return 0.0;
    }
    int common = intersectionSize(other);
    return (double) common / (size() + other.size() - common);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShingleSet s && Arrays.equals(sortedHashes, s.sortedHashes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sortedHashes);
  }

  @Override
  public String toString() {
    return "ShingleSet{size=" + sortedHashes.length + "}";
  }
}
