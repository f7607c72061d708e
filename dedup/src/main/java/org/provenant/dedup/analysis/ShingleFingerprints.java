package org.provenant.dedup.analysis;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The compact form of a {@link ShingleSet} that travels between workers for exact verification:
 * the top 32 bits of each 64-bit shingle hash, sorted without repeats, written as delta varints.
 *
 * <p>Why: candidate pairs are verified on the Jaccard of the two documents' shingle sets, so each
 * signature record carries its set through several shuffles. At 64 bits a set of 400 shingles costs
 * 3.2 KB per shuffle; as 32-bit fingerprints with delta varints about 1.5 KB (gaps between 400
 * sorted values spread over 2^32 average 2^23, which fit in 4 varint bytes or fewer).
 *
 * <p>What it costs in exactness: two different shingles of two documents collide in 32 bits with
 * probability 2^-32, so for documents of n and m shingles the expected number of false common
 * shingles is n·m/2^32 (4·10^-5 for 400 each; 0.02 for 10,000 each), which moves a Jaccard of
 * a 10,000-shingle pair by about 10^-6. Within one set, shingles that share their top 32 bits
 * merge, which can only lower the set size by the same order. The benchmark that checks the
 * pipeline against 64-bit exact truth ({@code DedupQuality}) sees no difference at threshold 0.8.
 */
public final class ShingleFingerprints implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] sorted;

  private ShingleFingerprints(int[] sorted) {
    this.sorted = sorted;
  }

  /** The fingerprints of {@code set}: its hashes' top 32 bits, ascending, without repeats. */
  public static ShingleFingerprints of(ShingleSet set) {
    requireNonNull(set, "set");
    int[] out = new int[set.size()];
    int n = 0;
    for (int i = 0; i < set.size(); i++) {
      // signed order of the longs gives non-decreasing signed order of their top halves
      int f = (int) (set.hashAt(i) >> 32);
      if (n == 0 || out[n - 1] != f) {
        out[n++] = f;
      }
    }
    return new ShingleFingerprints(n == out.length ? out : Arrays.copyOf(out, n));
  }

  /** Number of distinct fingerprints. */
  public int size() {
    return sorted.length;
  }

  /** A copy of the fingerprints, ascending. */
  public int[] toArray() {
    return sorted.clone();
  }

  /** Jaccard similarity of the two fingerprint sets; 0.0 when either is empty, as {@link ShingleSet#jaccard}. */
  public double jaccard(ShingleFingerprints other) {
    requireNonNull(other, "other");
    int[] a = sorted;
    int[] b = other.sorted;
    if (a.length == 0 || b.length == 0) {
      return 0.0;
    }
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
    return (double) common / (a.length + b.length - common);
  }

  /** Writes the count and the gaps as unsigned varints (the first value's gap is from -2^31). */
  public void writeTo(OutputStream out) throws IOException {
    writeVarLong(out, sorted.length);
    long previous = Integer.MIN_VALUE;
    for (int v : sorted) {
      writeVarLong(out, v - previous);
      previous = v;
    }
  }

  /** Reads what {@link #writeTo} wrote; rejects values out of order or out of range. */
  public static ShingleFingerprints readFrom(InputStream in) throws IOException {
    long n = readVarLong(in);
    if (n < 0 || n > Integer.MAX_VALUE - 8) {
      throw new IOException("bad fingerprint count " + n);
    }
    int[] out = new int[(int) n];
    long previous = Integer.MIN_VALUE;
    for (int i = 0; i < out.length; i++) {
      long gap = readVarLong(in);
      long v = previous + gap;
      if ((i > 0 && gap <= 0) || gap < 0 || v > Integer.MAX_VALUE) {
        throw new IOException("fingerprints out of order at " + i);
      }
      out[i] = (int) v;
      previous = v;
    }
    return new ShingleFingerprints(out);
  }

  /** The bytes {@link #writeTo} writes, for sizing. */
  public int encodedSize() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      writeTo(b);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return b.size();
  }

  static void writeVarLong(OutputStream out, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static long readVarLong(InputStream in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new java.io.EOFException("truncated varint");
      }
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("varint longer than 64 bits");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShingleFingerprints f && Arrays.equals(sorted, f.sorted);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sorted);
  }

  @Override
  public String toString() {
    return "ShingleFingerprints{size=" + sorted.length + "}";
  }
}
