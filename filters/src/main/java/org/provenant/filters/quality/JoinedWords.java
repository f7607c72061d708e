package org.provenant.filters.quality;

import java.util.List;

/**
 * Words joined by a separator into one string, with a polynomial prefix hash, so that the n-gram
 * of words {@code i .. i+n-1} (as the separator-joined string) hashes in constant time ({@link
 * #hash}) and compares by content ({@link #sameGram}) without copying characters. What the
 * repetition statistics count their n-grams with ({@link GramTable}).
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

  /** The 64-bit polynomial hash of the n-gram of the words {@code from .. from+n-1}. */
  long hash(int from, int n) {
    int start = starts[from];
    int end = starts[from + n] - separatorLength;
    return prefixHash[end] - prefixHash[start] * power[end - start];
  }

  /** Whether the n-grams of words starting at {@code a} and at {@code b} are the same string. */
  boolean sameGram(int a, int b, int n) {
    int startA = starts[a];
    int lengthA = starts[a + n] - separatorLength - startA;
    int startB = starts[b];
    int lengthB = starts[b + n] - separatorLength - startB;
    return lengthA == lengthB && joined.regionMatches(startA, joined, startB, lengthA);
  }
}
