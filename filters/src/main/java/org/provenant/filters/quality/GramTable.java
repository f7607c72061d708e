package org.provenant.filters.quality;

/**
 * A set of the word n-grams (one {@code n}) of one {@link JoinedWords}, held as the start index of
 * each distinct n-gram's first occurrence: open addressing on the n-gram's 64-bit hash, equality
 * checked on the characters, so two different n-grams are never taken for one. What the repetition
 * statistics count with, without an object per n-gram.
 */
final class GramTable {
  private final JoinedWords words;
  private final int n;
  private final long[] hashes;
  /** Start index + 1 of the n-gram in each slot; 0 marks a free slot. */
  private final int[] firsts;
  private final int mask;

  /** A table for at most {@code grams} distinct n-grams of {@code n} words of {@code words}. */
  GramTable(JoinedWords words, int n, int grams) {
    this.words = words;
    this.n = n;
    int capacity = Integer.highestOneBit(Math.max(4, grams * 2 - 1)) << 1;
    this.hashes = new long[capacity];
    this.firsts = new int[capacity];
    this.mask = capacity - 1;
  }

  /**
   * The start of the first occurrence of the n-gram starting at {@code from}; {@code from} itself
   * when it was not in the table (and is now).
   */
  int firstOccurrence(int from) {
    long h = words.hash(from, n);
    int slot = (int) ((h * 0x9E3779B97F4A7C15L) >>> 33) & mask;
    while (firsts[slot] != 0) {
      int first = firsts[slot] - 1;
      if (hashes[slot] == h && words.sameGram(first, from, n)) {
        return first;
      }
      slot = (slot + 1) & mask;
    }
    hashes[slot] = h;
    firsts[slot] = from + 1;
    return from;
  }
}
