package org.provenant.filters.quality;

import java.util.Arrays;

/**
 * A map from 64-bit keys to the index first given with each key, by open addressing: what the top
 * n-gram statistic numbers its n-grams with, keyed by (number of the first n-1 words, number of the
 * last word), which identifies an n-gram exactly, so nothing else needs comparing.
 */
final class KeyTable {
  private final long[] keys;
  /** Index + 1 per slot; 0 marks a free slot. */
  private final int[] firsts;
  private final int mask;

  /** A table for at most {@code size} distinct keys. */
  KeyTable(int size) {
    int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
    this.keys = new long[capacity];
    this.firsts = new int[capacity];
    this.mask = capacity - 1;
  }

  /** Empties the table. */
  void clear() {
    Arrays.fill(firsts, 0);
  }

  /** The index first given with {@code key}; {@code index} itself when the key is new (and now in). */
  int firstOccurrence(long key, int index) {
    long h = key * 0x9E3779B97F4A7C15L;
    int slot = (int) ((h ^ (h >>> 29)) >>> 32) & mask;
    int first;
    while ((first = firsts[slot]) != 0) {
      if (keys[slot] == key) {
        return first - 1;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    firsts[slot] = index + 1;
    return index;
  }
}
