package org.provenant.filters.quality;

import java.util.Arrays;

/**
 * A set of the glued word n-grams (one {@code n} at a time) of one {@link JoinedWords}, held as the
 * start index of each distinct n-gram's first occurrence: open addressing on the n-gram's 64-bit
 * hash, equality checked on the glued characters, so two different n-grams are never taken for one.
 * One table serves every n of a text in turn. What the repetition statistics count duplicates with,
 * without an object per n-gram.
 */
final class GramTable {
  private final JoinedWords words;
  /** Per slot: the hash's lower 32 bits, then the n-gram's start index + 1; 0 marks a free slot. */
  private final long[] slots;
  private final int mask;
  private int n;

  /** A table for at most {@code grams} distinct n-grams of {@code words}. */
  GramTable(JoinedWords words, int grams) {
    this.words = words;
    int capacity = Integer.highestOneBit(Math.max(4, grams * 2 - 1)) << 1;
    this.slots = new long[capacity];
    this.mask = capacity - 1;
  }

  /** Empties the table for n-grams of {@code n} words. */
  void reset(int n) {
    Arrays.fill(slots, 0L);
    this.n = n;
  }

  /**
   * The start of the first occurrence of the n-gram starting at {@code from}; {@code from} itself
   * when it was not in the table (and is now).
   */
  int firstOccurrence(int from) {
    long h = words.gluedHash(from, n);
    // The low bits of a polynomial hash depend on every element; the product's high bits on all of h.
    int tag = (int) h;
    int slot = (int) ((h * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    long entry;
    while ((entry = slots[slot]) != 0) {
      int first = (int) entry - 1;
      if ((int) (entry >>> 32) == tag && words.sameGlued(first, from, n)) {
        return first;
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = ((long) tag << 32) | (from + 1);
    return from;
  }
}
