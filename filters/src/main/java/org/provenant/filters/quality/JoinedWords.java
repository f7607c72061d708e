package org.provenant.filters.quality;

import java.util.List;

/**
 * Words joined by a separator into one string, with a polynomial prefix hash, so that the n-gram
 * of words {@code i .. i+n-1} (as the separator-joined string) can be used as a hash key without
 * copying characters: {@link #gram} gives a view that hashes in constant time and compares by
 * content. What the repetition statistics count their n-grams with.
 */
final class JoinedWords {
  private static final long BASE = 0x100000001B3L;

  private final String joined;
  /** starts[i] is where word i begins in {@code joined}; starts[size] is past the end. */
  private final int[] starts;
  private final int separatorLength;
  private final long[] prefixHash;
  private final long[] power;

  JoinedWords(List<String> words, String separator) {
    this.separatorLength = separator.length();
    this.starts = new int[words.size() + 1];
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        b.append(separator);
      }
      starts[i] = b.length();
      b.append(words.get(i));
    }
    starts[words.size()] = b.length() + separatorLength;
    this.joined = b.toString();
    int n = joined.length();
    this.prefixHash = new long[n + 1];
    this.power = new long[n + 1];
    power[0] = 1;
    for (int k = 0; k < n; k++) {
      prefixHash[k + 1] = prefixHash[k] * BASE + joined.charAt(k);
      power[k + 1] = power[k] * BASE;
    }
  }

  /** The n-gram of the words {@code from .. from+n-1}, joined by the separator. */
  Gram gram(int from, int n) {
    int start = starts[from];
    int end = starts[from + n] - separatorLength;
    long h = prefixHash[end] - prefixHash[start] * power[end - start];
    return new Gram(this, start, end, (int) (h ^ (h >>> 32)));
  }

  /** A view of part of the joined string; equal to another view holding the same characters. */
  static final class Gram {
    private final JoinedWords owner;
    private final int start;
    private final int end;
    private final int hash;

    private Gram(JoinedWords owner, int start, int end, int hash) {
      this.owner = owner;
      this.start = start;
      this.end = end;
      this.hash = hash;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Gram other)) {
        return false;
      }
      int length = end - start;
      return hash == other.hash
          && length == other.end - other.start
          && owner.joined.regionMatches(start, other.owner.joined, other.start, length);
    }

    @Override
    public String toString() {
      return owner.joined.substring(start, end);
    }
  }
}
