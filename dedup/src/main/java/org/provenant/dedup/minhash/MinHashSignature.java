package org.provenant.dedup.minhash;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The MinHash signature of one document: a fixed number of 64-bit minimum hash values, compared
 * position by position to estimate the Jaccard similarity of two documents' shingle sets.
 * Immutable. A document without shingles has the empty signature (length 0), which is similar to
 * nothing and gives no band keys.
 */
public final class MinHashSignature implements Serializable {
  private static final long serialVersionUID = 1L;

  private final MinHashScheme scheme;
  private final long[] values;

  private MinHashSignature(MinHashScheme scheme, long[] values) {
    this.scheme = scheme;
    this.values = values;
  }

  /** A signature of {@code values}; the array is copied. */
  public static MinHashSignature of(MinHashScheme scheme, long... values) {
    requireNonNull(scheme, "scheme");
    requireNonNull(values, "values");
    return new MinHashSignature(scheme, values.clone());
  }

  /** The signature of a document without shingles. */
  public static MinHashSignature empty(MinHashScheme scheme) {
    return new MinHashSignature(requireNonNull(scheme, "scheme"), new long[0]);
  }

  /** Wraps an array the caller will no longer touch. */
  static MinHashSignature wrap(MinHashScheme scheme, long[] values) {
    return new MinHashSignature(scheme, values);
  }

  public MinHashScheme scheme() {
    return scheme;
  }

  /** Number of values: 0 for the empty signature, otherwise the configured hash count. */
  public int length() {
    return values.length;
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  /** The value at {@code index}. */
  public long value(int index) {
    return values[index];
  }

  /** A copy of the values. */
  public long[] values() {
    return values.clone();
  }

  /**
   * Estimated Jaccard similarity of the two documents' shingle sets: the fraction of positions
   * with equal values. 0.0 when either signature is empty.
   *
   * @throws IllegalArgumentException when the schemes differ or both are non-empty with different
   *     lengths
   */
  public double estimatedJaccard(MinHashSignature other) {
    requireNonNull(other, "other");
    checkArgument(
        scheme == other.scheme, "signatures of different schemes: %s and %s", scheme, other.scheme);
    if (isEmpty() || other.isEmpty()) {
      return 0.0;
    }
    checkArgument(
        values.length == other.values.length,
        "signatures of different lengths: %s and %s",
        values.length,
        other.values.length);
    int equal = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == other.values[i]) {
        equal++;
      }
    }
    return (double) equal / values.length;
  }

  /**
   * A stable binary form for coders: the scheme's {@linkplain MinHashScheme#tag() tag}, the length
   * as a 4-byte int, then each value as 8 bytes, all big-endian.
   */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(1 + 4 + 8 * values.length);
    out.put(scheme.tag()).putInt(values.length);
    for (long v : values) {
      out.putLong(v);
    }
    return out.array();
  }

  /**
   * The signature written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException when the bytes are not such a form
   */
  public static MinHashSignature fromBytes(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    checkArgument(bytes.length >= 5, "signature bytes too short: %s", bytes.length);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    MinHashScheme scheme = MinHashScheme.fromTag(in.get());
    int length = in.getInt();
    checkArgument(
        length >= 0 && bytes.length == 5 + 8L * length,
        "signature bytes hold %s bytes for length %s",
        bytes.length,
        length);
    long[] values = new long[length];
    for (int i = 0; i < length; i++) {
      values[i] = in.getLong();
    }
    return new MinHashSignature(scheme, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinHashSignature s && s.scheme == scheme && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * scheme.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "MinHashSignature{" + scheme.code() + ", length=" + values.length + "}";
  }
}
