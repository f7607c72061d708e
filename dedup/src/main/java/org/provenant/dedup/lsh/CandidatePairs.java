package org.provenant.dedup.lsh;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Candidate pairs of document keys, the lower key first, kept in two flat arrays: the pairs LSH
 * buckets propose travel in these batches, grouped by their first document, so that a shuffle moves
 * a few large records instead of one per proposal (a pair sharing several bands is proposed once per
 * band). All the batches of one group, put together, give their {@link #distinct} pairs.
 */
public final class CandidatePairs {
  private String[] firsts;
  private String[] seconds;
  private int size;

  /** Empty, with room for {@code capacity} pairs before growing. */
  public CandidatePairs(int capacity) {
    checkArgument(capacity >= 0, "capacity is negative: %s", capacity);
    firsts = new String[capacity];
    seconds = new String[capacity];
  }

  /** The group of a pair among {@code groups}, by its first document's key. */
  public static int group(String first, int groups) {
    checkArgument(groups >= 1, "groups must be at least 1: %s", groups);
    // String.hashCode is defined by the language, so every JVM groups alike; spread before scaling
    long h = (first.hashCode() * 0x9E3779B97F4A7C15L) >>> 32;
    return (int) ((h * groups) >>> 32);
  }

  /** Adds the pair ({@code first}, {@code second}); the first key must be the lower. */
  public void add(String first, String second) {
    requireNonNull(first, "first");
    requireNonNull(second, "second");
    checkArgument(first.compareTo(second) < 0, "pair not in order: %s, %s", first, second);
    if (size == firsts.length) {
      int capacity = Math.max(8, size * 2);
      firsts = Arrays.copyOf(firsts, capacity);
      seconds = Arrays.copyOf(seconds, capacity);
    }
    firsts[size] = first;
    seconds[size] = second;
    size++;
  }

  /** Adds every pair of {@code other}. */
  public void addAll(CandidatePairs other) {
    for (int i = 0; i < other.size; i++) {
      add(other.firsts[i], other.seconds[i]);
    }
  }

  public int size() {
    return size;
  }

  public String first(int i) {
    checkArgument(i >= 0 && i < size, "pair %s of %s", i, size);
    return firsts[i];
  }

  public String second(int i) {
    checkArgument(i >= 0 && i < size, "pair %s of %s", i, size);
    return seconds[i];
  }

  /** Gives each distinct pair once, in order (first key, then second). */
  public void distinct(BandEntries.PairSink sink) {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> {
      int c = firsts[x].compareTo(firsts[y]);
      return c != 0 ? c : seconds[x].compareTo(seconds[y]);
    });
    for (int k = 0; k < size; k++) {
      int i = order[k];
      if (k > 0) {
        int p = order[k - 1];
        if (firsts[p].equals(firsts[i]) && seconds[p].equals(seconds[i])) {
          continue;
        }
      }
      sink.pair(firsts[i], seconds[i]);
    }
  }
}
