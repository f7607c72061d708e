package org.provenant.dedup.analysis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
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

  /** The fingerprints, ascending; decoded from {@code encoded} on first use when built by {@link #wrap}. */
  private volatile int[] sorted;
  /** The travelling form ({@link #toBytes}); encoded on first use when built from a set. */
  private volatile byte[] encoded;

  private ShingleFingerprints(int[] sorted, byte[] encoded) {
    this.sorted = sorted;
    this.encoded = encoded;
  }

  /**
   * Fingerprints in their travelling form, kept as they are: a record that only passes through a
   * shuffle is copied, not decoded and re-encoded. They are decoded and checked on first use, which
   * throws {@link IllegalArgumentException} naming the fault when {@code bytes} is not what {@link
   * #toBytes} wrote. The array must not change afterwards.
   */
  public static ShingleFingerprints wrap(byte[] bytes) {
    return new ShingleFingerprints(null, requireNonNull(bytes, "bytes"));
  }

  private int[] sorted() {
    int[] s = sorted;
    if (s == null) {
      try {
        s = decode(encoded);
      } catch (IOException e) {
        throw new IllegalArgumentException("corrupt shingle fingerprints: " + e.getMessage(), e);
      }
      sorted = s;
    }
    return s;
  }

  private byte[] encoded() {
    byte[] e = encoded;
    if (e == null) {
      e = encode(sorted);
      encoded = e;
    }
    return e;
  }

  /** The length of {@link #toBytes}. */
  public int encodedLength() {
    return encoded().length;
  }

  /** Writes {@link #toBytes} to {@code out} without copying it first. */
  public void writeTo(java.io.OutputStream out) throws IOException {
    out.write(encoded());
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
    return new ShingleFingerprints(n == out.length ? out : Arrays.copyOf(out, n), null);
  }

  /** Number of distinct fingerprints. */
  public int size() {
    int[] s = sorted;
    if (s != null) {
      return s.length;
    }
    try {
      return (int) getVarLong(encoded, new int[] {0});
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt shingle fingerprints: " + e.getMessage(), e);
    }
  }

  /** A copy of the fingerprints, ascending. */
  public int[] toArray() {
    return sorted().clone();
  }

  /** Jaccard similarity of the two fingerprint sets; 0.0 when either is empty, as {@link ShingleSet#jaccard}. */
  public double jaccard(ShingleFingerprints other) {
    requireNonNull(other, "other");
    int[] a = sorted();
    int[] b = other.sorted();
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

  /**
   * The count and then the gaps as unsigned varints (the first value's gap is from -2^31): the
   * form that travels between workers.
   */
  public byte[] toBytes() {
    return encoded().clone();
  }

  private static byte[] encode(int[] sorted) {
    byte[] out = new byte[5 + 5 * sorted.length];
    int p = putVarLong(out, 0, sorted.length);
    long previous = Integer.MIN_VALUE;
    for (int v : sorted) {
      p = putVarLong(out, p, v - previous);
      previous = v;
    }
    return Arrays.copyOf(out, p);
  }

  /** Reads what {@link #toBytes} wrote, all of {@code bytes}; rejects truncated, disordered or out-of-range input. */
  public static ShingleFingerprints fromBytes(byte[] bytes) throws IOException {
    return new ShingleFingerprints(decode(bytes), bytes.clone());
  }

  private static int[] decode(byte[] bytes) throws IOException {
    int[] pos = {0};
    long n = getVarLong(bytes, pos);
    if (n < 0 || n > bytes.length) {
      throw new IOException("bad fingerprint count " + n);
    }
    int[] out = new int[(int) n];
    long previous = Integer.MIN_VALUE;
    for (int i = 0; i < out.length; i++) {
      long gap = getVarLong(bytes, pos);
      long v = previous + gap;
      if ((i > 0 && gap <= 0) || gap < 0 || v > Integer.MAX_VALUE) {
        throw new IOException("fingerprints out of order at " + i);
      }
      out[i] = (int) v;
      previous = v;
    }
    if (pos[0] != bytes.length) {
      throw new IOException((bytes.length - pos[0]) + " bytes after the fingerprints");
    }
    return out;
  }

  private static int putVarLong(byte[] out, int p, long v) {
    while ((v & ~0x7FL) != 0) {
      out[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[p++] = (byte) v;
    return p;
  }

  private static long getVarLong(byte[] in, int[] pos) throws IOException {
    long v = 0;
    int p = pos[0];
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= in.length) {
        throw new java.io.EOFException("truncated varint");
      }
      int b = in[p++];
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        pos[0] = p;
        return v;
      }
    }
    throw new IOException("varint longer than 64 bits");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShingleFingerprints f && Arrays.equals(sorted(), f.sorted());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sorted());
  }

  @Override
  public String toString() {
    return "ShingleFingerprints{size=" + size() + "}";
  }
}
