package org.provenant.dedup.lsh;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * LSH band entries (a 64-bit band key and the key of the document in that bucket) of one band
 * group, kept in two flat arrays. Entries travel and are grouped in these batches so that a shuffle
 * moves a few large records instead of one record per document and band: a sort-based runner pays
 * per record, not per byte (on Flink's batch runner every comparison of the sort decodes both
 * records' keys). A band group is the set of band keys with the same {@link #group}; all entries of
 * one group, put together, propose the candidate pairs of every bucket (entries with one band key)
 * in it, and {@link #proposePairs} gives the same pairs whatever the order the entries came in.
 */
public final class BandEntries {
  private long[] keys;
  private String[] docs;
  private int size;

  /** Empty, with room for {@code capacity} entries before growing. */
  public BandEntries(int capacity) {
    checkArgument(capacity >= 0, "capacity is negative: %s", capacity);
    keys = new long[capacity];
    docs = new String[capacity];
  }

  /**
   * The group of {@code bandKey} among {@code groups}: the top 32 bits of the key scaled to the
   * range, so any count works and keys (which are hashes) spread evenly.
   */
  public static int group(long bandKey, int groups) {
    checkArgument(groups >= 1, "groups must be at least 1: %s", groups);
    return (int) (((bandKey >>> 32) * groups) >>> 32);
  }

  /** Adds one entry. */
  public void add(long bandKey, String doc) {
    requireNonNull(doc, "doc");
    if (size == keys.length) {
      int capacity = Math.max(8, size * 2);
      keys = Arrays.copyOf(keys, capacity);
      docs = Arrays.copyOf(docs, capacity);
    }
    keys[size] = bandKey;
    docs[size] = doc;
    size++;
  }

  /** Adds every entry of {@code other}. */
  public void addAll(BandEntries other) {
    for (int i = 0; i < other.size; i++) {
      add(other.keys[i], other.docs[i]);
    }
  }

  public int size() {
    return size;
  }

  public long key(int i) {
    checkArgument(i >= 0 && i < size, "entry %s of %s", i, size);
    return keys[i];
  }

  public String doc(int i) {
    checkArgument(i >= 0 && i < size, "entry %s of %s", i, size);
    return docs[i];
  }

  /** Receives candidate pairs, the lower document key first. */
  public interface PairSink {
    void pair(String first, String second);
  }

  /**
   * Proposes the candidate pairs of every bucket: its distinct documents, in key order, pair by pair
   * when there are at most {@code maxBucketPairs} of them, else the first with each other one (a
   * star, so a huge bucket costs linear pairs; verification and connected components still join
   * its true duplicates). Buckets go in band-key order.
   *
   * @return how many buckets were over {@code maxBucketPairs}
   */
  public int proposePairs(int maxBucketPairs, PairSink sink) {
    checkArgument(maxBucketPairs >= 2, "maxBucketPairs must be at least 2: %s", maxBucketPairs);
    // most buckets hold one entry: find the keys that repeat with a primitive sort first
    long[] sorted = Arrays.copyOf(keys, size);
    Arrays.sort(sorted);
    Set<Long> repeated = new HashSet<>();
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        repeated.add(sorted[i]);
      }
    }
    Map<Long, TreeSet<String>> buckets = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      if (repeated.contains(keys[i])) {
        buckets.computeIfAbsent(keys[i], k -> new TreeSet<>()).add(docs[i]);
      }
    }
    int over = 0;
    for (TreeSet<String> bucket : buckets.values()) {
      if (bucket.size() < 2) {
        continue; // one document twice in a bucket (the same record read twice)
      }
      List<String> ids = new ArrayList<>(bucket);
      if (ids.size() <= maxBucketPairs) {
        for (int i = 0; i < ids.size(); i++) {
          for (int j = i + 1; j < ids.size(); j++) {
            sink.pair(ids.get(i), ids.get(j));
          }
        }
      } else {
        over++;
        for (int j = 1; j < ids.size(); j++) {
          sink.pair(ids.get(0), ids.get(j));
        }
      }
    }
    return over;
  }
}
