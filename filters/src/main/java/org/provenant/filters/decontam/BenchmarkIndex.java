package org.provenant.filters.decontam;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every word n-gram of a set of benchmark items, for finding documents that repeat one (the
 * 13-gram overlap test of GPT-3 and BigCode's decontamination, on {@link NormalizedTokens}).
 * Built once per worker: one sorted {@code long[]} of 64-bit n-gram hashes with a parallel {@code
 * long[]} of references (item index and token position), about 16 bytes per n-gram. A document's
 * n-grams are hashed with a rolling hash and looked up by binary search; a hash hit is confirmed
 * token by token against the item's 64-bit token hashes (so an n-gram hash collision alone never
 * reports a match) and then extended
 * as far as the document and the item keep agreeing.
 *
 * <p>Items with fewer than {@code n} tokens have no n-gram and cannot be found; {@link
 * #shortItems()} counts them.
 */
public final class BenchmarkIndex {
  /** GPT-3's and BigCode's n-gram length. */
  public static final int DEFAULT_N = 13;

  private static final long BASE = 0x9E3779B97F4A7C15L;

  private final int n;
  private final ImmutableList<BenchmarkItem> items;
  private final long[][] itemTokens;
  private final long[] gramHashes;
  private final long[] gramRefs;
  private final int shortItems;
  private final long basePower;

  private BenchmarkIndex(int n, List<BenchmarkItem> items) {
    this.n = n;
    this.items = ImmutableList.copyOf(items);
    this.itemTokens = new long[items.size()][];
    this.basePower = power(BASE, n - 1);
    long total = 0;
    int tooShort = 0;
    for (int i = 0; i < items.size(); i++) {
      itemTokens[i] = NormalizedTokens.of(items.get(i).text()).hashes();
      if (itemTokens[i].length < n) {
        tooShort++;
      } else {
        total += itemTokens[i].length - n + 1;
      }
    }
    Preconditions.checkArgument(total < Integer.MAX_VALUE, "too many benchmark n-grams: %s", total);
    this.shortItems = tooShort;
    long[] hashes = new long[(int) total];
    long[] refs = new long[(int) total];
    int k = 0;
    for (int i = 0; i < itemTokens.length; i++) {
      long[] t = itemTokens[i];
      if (t.length < n) {
        continue;
      }
      long h = 0;
      for (int j = 0; j < n; j++) {
        h = h * BASE + t[j];
      }
      for (int p = 0; ; p++) {
        hashes[k] = NormalizedTokens.mix(h);
        refs[k] = ((long) i << 32) | p;
        k++;
        if (p + n >= t.length) {
          break;
        }
        h = (h - t[p] * basePower) * BASE + t[p + n];
      }
    }
    sort(hashes, refs, 0, hashes.length - 1);
    this.gramHashes = hashes;
    this.gramRefs = refs;
  }

  /** The index of {@code items}' {@code n}-grams. */
  public static BenchmarkIndex of(List<BenchmarkItem> items, int n) {
    Preconditions.checkArgument(n >= 1, "n must be at least 1: %s", n);
    return new BenchmarkIndex(n, items);
  }

  public int n() {
    return n;
  }

  public List<BenchmarkItem> items() {
    return items;
  }

  /** Items with fewer than {@code n} tokens, which no document can be found to repeat. */
  public int shortItems() {
    return shortItems;
  }

  /** How many n-grams the index holds. */
  public int grams() {
    return gramHashes.length;
  }

  /**
   * The first overlap in {@code text}: the earliest document position where an n-gram of an item
   * starts (among items sharing it, the first in file order), extended to the longest run of
   * matching tokens.
   */
  public Optional<Overlap> first(String text) {
    List<Overlap> found = find(text, true);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * Every overlap in {@code text}, in document order: for each item, each maximal run of tokens
   * that the document and the item share, n or more long; a run already reported for an item is
   * not reported again from a later position inside it.
   */
  public List<Overlap> all(String text) {
    return find(text, false);
  }

  private List<Overlap> find(String text, boolean firstOnly) {
    NormalizedTokens doc = NormalizedTokens.of(text);
    List<Overlap> out = new ArrayList<>();
    if (doc.size() < n || gramHashes.length == 0) {
      return out;
    }
    int[] coveredUntil = firstOnly ? null : new int[items.size()];
    long h = 0;
    for (int j = 0; j < n; j++) {
      h = h * BASE + doc.hash(j);
    }
    for (int p = 0; ; p++) {
      long key = NormalizedTokens.mix(h);
      int at = lowerBound(key);
      for (int e = at; e < gramHashes.length && gramHashes[e] == key; e++) {
        int item = (int) (gramRefs[e] >>> 32);
        int q = (int) gramRefs[e];
        if (coveredUntil != null && coveredUntil[item] > p) {
          continue;
        }
        int len = matchLength(doc, p, itemTokens[item], q);
        if (len < n) {
          continue; // a hash collision, not a match
        }
        out.add(overlap(text, doc, p, len, item, q));
        if (firstOnly) {
          return out;
        }
        coveredUntil[item] = p + len;
      }
      if (p + n >= doc.size()) {
        break;
      }
      h = (h - doc.hash(p) * basePower) * BASE + doc.hash(p + n);
    }
    return out;
  }

  private Overlap overlap(String text, NormalizedTokens doc, int p, int len, int item, int q) {
    int from = doc.start(p);
    int to = doc.end(p + len - 1);
    int startCp = text.codePointCount(0, from);
    int endCp = startCp + text.codePointCount(from, to);
    BenchmarkItem it = items.get(item);
    return new Overlap(it.benchmark(), it.id(), startCp, endCp, text.substring(from, to), len, q);
  }

  private static int matchLength(NormalizedTokens doc, int p, long[] item, int q) {
    int len = 0;
    while (p + len < doc.size() && q + len < item.length && doc.hash(p + len) == item[q + len]) {
      len++;
    }
    return len;
  }

  private int lowerBound(long key) {
    int lo = 0;
    int hi = gramHashes.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (gramHashes[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static long power(long b, int e) {
    long r = 1;
    for (int i = 0; i < e; i++) {
      r *= b;
    }
    return r;
  }

  /** Sorts both arrays by (hash, ref); refs are unique, so the order is total and the result fixed. */
  private static void sort(long[] h, long[] r, int lo, int hi) {
    while (lo < hi) {
      if (hi - lo < 24) {
        for (int i = lo + 1; i <= hi; i++) {
          long hv = h[i];
          long rv = r[i];
          int j = i - 1;
          while (j >= lo && less(hv, rv, h[j], r[j])) {
            h[j + 1] = h[j];
            r[j + 1] = r[j];
            j--;
          }
          h[j + 1] = hv;
          r[j + 1] = rv;
        }
        return;
      }
      int mid = (lo + hi) >>> 1;
      long ph = h[mid];
      long pr = r[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (less(h[i], r[i], ph, pr)) {
          i++;
        }
        while (less(ph, pr, h[j], r[j])) {
          j--;
        }
        if (i <= j) {
          long t = h[i];
          h[i] = h[j];
          h[j] = t;
          t = r[i];
          r[i] = r[j];
          r[j] = t;
          i++;
          j--;
        }
      }
      // recurse into the smaller side, loop on the larger: stack depth stays logarithmic
      if (j - lo < hi - i) {
        sort(h, r, lo, j);
        lo = i;
      } else {
        sort(h, r, i, hi);
        hi = j;
      }
    }
  }

  private static boolean less(long ha, long ra, long hb, long rb) {
    return ha < hb || (ha == hb && ra < rb);
  }

  @Override
  public String toString() {
    return "BenchmarkIndex[" + items.size() + " items, " + gramHashes.length + " " + n + "-grams, " + shortItems + " short]";
  }

  /** Exposed for tests: the hashes are sorted. */
  boolean sorted() {
    for (int i = 1; i < gramHashes.length; i++) {
      if (less(gramHashes[i], gramRefs[i], gramHashes[i - 1], gramRefs[i - 1])) {
        return false;
      }
    }
    return Arrays.stream(gramHashes).count() == gramRefs.length;
  }
}
