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

  /** BASE^k for k up to its length - 1; the same for every text, so shared and grown when needed. */
  private static volatile long[] powers = powersUpTo(1 << 16);

  private final char[] joined;
  /** starts[i] is where word i begins in {@code joined}; starts[size] is past the end. */
  private final int[] starts;
  private final int separatorLength;
  private final long[] prefixHash;
  private final long[] power;

  JoinedWords(List<String> words, String separator) {
    this.separatorLength = separator.length();
    this.starts = new int[words.size() + 1];
    int length = Math.max(0, words.size() - 1) * separatorLength;
    for (String w : words) {
      length += w.length();
    }
    char[] chars = new char[length];
    int at = 0;
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        separator.getChars(0, separatorLength, chars, at);
        at += separatorLength;
      }
      starts[i] = at;
      String w = words.get(i);
      w.getChars(0, w.length(), chars, at);
      at += w.length();
    }
    starts[words.size()] = at + separatorLength;
    this.joined = chars;
    this.prefixHash = new long[length + 1];
    for (int k = 0; k < length; k++) {
      prefixHash[k + 1] = prefixHash[k] * BASE + chars[k];
    }
    this.power = powersUpTo(length);
  }

  /** An array holding BASE^k at k for every k up to at least {@code n}. */
  private static long[] powersUpTo(int n) {
    long[] p = powers;
    if (p != null && p.length > n) {
      return p;
    }
    synchronized (JoinedWords.class) {
      p = powers;
      if (p != null && p.length > n) {
        return p;
      }
      long[] grown = new long[Math.max(n + 1, p == null ? 0 : 2 * p.length)];
      grown[0] = 1;
      for (int k = 1; k < grown.length; k++) {
        grown[k] = grown[k - 1] * BASE;
      }
      powers = grown;
      return grown;
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
    return lengthA == lengthB && java.util.Arrays.equals(joined, startA, startA + lengthA, joined, startB, startB + lengthB);
  }
}
