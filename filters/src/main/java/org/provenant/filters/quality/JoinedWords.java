package org.provenant.filters.quality;

import java.util.List;

/**
 * The words of one text seen as glued together (no separator), with a polynomial prefix hash at
 * every word boundary, so that an n-gram of words {@code i .. i+n-1} hashes in constant time as
 * the string of its glued characters and compares by content without copying characters; and, once
 * {@link #numberWords} has run, each word's number (the index of its first occurrence). What the
 * repetition statistics count their n-grams with ({@link GramTable}).
 *
 * <p>The two views answer different questions. Glued n-grams are equal when their concatenated
 * characters are ({@code "ab" + "c"} equals {@code "a" + "bc"}), which is what the duplicate
 * n-gram statistic compares. Word sequences are equal when the words are; since no word is empty
 * or holds a space, that is exactly when the n-grams joined by one space are equal, which is what
 * the top n-gram statistic compares. Equal word sequences glue to equal strings, so word numbers
 * settle most glued comparisons too.
 */
final class JoinedWords {
  private static final long BASE = 0x100000001B3L;

  /** BASE^k for k up to its length - 1; the same for every text, so shared and grown when needed. */
  private static volatile long[] powers = powersUpTo(1 << 16);

  private final List<String> words;
  private final int size;
  /** starts[i] is where word i begins in the glued characters; starts[size] is their length. */
  private final int[] starts;
  /** prefixHash[i] is the polynomial hash of the glued characters of words 0 .. i-1. */
  private final long[] prefixHash;
  private final long[] power;
  /** Word numbers, or null before {@link #numberWords}. */
  private int[] ids;

  JoinedWords(List<String> words) {
    this.words = words;
    this.size = words.size();
    this.starts = new int[size + 1];
    int length = 0;
    for (int i = 0; i < size; i++) {
      starts[i] = length;
      length += words.get(i).length();
    }
    starts[size] = length;
    this.power = powersUpTo(length);
    long[] hash = new long[size + 1];
    for (int i = 0; i < size; i++) {
      String w = words.get(i);
      long h = 0;
      for (int k = 0; k < w.length(); k++) {
        h = h * BASE + w.charAt(k);
      }
      hash[i + 1] = hash[i] * power[w.length()] + h;
    }
    this.prefixHash = hash;
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

  /** How many words. */
  int size() {
    return size;
  }

  /** The 64-bit polynomial hash of the glued characters of the words {@code from .. from+n-1}. */
  long gluedHash(int from, int n) {
    return prefixHash[from + n] - prefixHash[from] * power[starts[from + n] - starts[from]];
  }

  /** Whether the glued n-grams of words starting at {@code a} and at {@code b} are the same string. */
  boolean sameGlued(int a, int b, int n) {
    if (ids != null && sameWords(a, b, n)) {
      return true; // the same words glue to the same string; different ones may too
    }
    int remaining = starts[a + n] - starts[a];
    if (starts[b + n] - starts[b] != remaining) {
      return false;
    }
    String wordA = words.get(a);
    String wordB = words.get(b);
    int atA = 0;
    int atB = 0;
    while (true) {
      int run = Math.min(wordA.length() - atA, wordB.length() - atB);
      if (!wordA.regionMatches(atA, wordB, atB, run)) {
        return false;
      }
      remaining -= run;
      if (remaining == 0) {
        return true;
      }
      atA += run;
      atB += run;
      if (atA == wordA.length()) {
        wordA = words.get(++a);
        atA = 0;
      }
      if (atB == wordB.length()) {
        wordB = words.get(++b);
        atB = 0;
      }
    }
  }

  /**
   * Numbers the words: each word's number is the index of its first occurrence, so equal words get
   * the same number. {@code table} is reset and used for it. Returns the numbers.
   */
  int[] numberWords(GramTable table) {
    table.reset(1);
    int[] numbers = new int[size];
    for (int i = 0; i < size; i++) {
      numbers[i] = table.firstOccurrence(i);
    }
    this.ids = numbers;
    return numbers;
  }

  /** The word numbers of {@link #numberWords}. */
  int[] wordNumbers() {
    return ids;
  }

  /** Whether the n-grams of words starting at {@code a} and at {@code b} are the same words. */
  private boolean sameWords(int a, int b, int n) {
    for (int k = 0; k < n; k++) {
      if (ids[a + k] != ids[b + k]) {
        return false;
      }
    }
    return true;
  }
}
