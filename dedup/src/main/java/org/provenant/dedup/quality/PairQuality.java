package org.provenant.dedup.quality;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.provenant.dedup.analysis.ShingleSet;

/**
 * Measures a near-duplicate detector against the exact truth: finds every pair of documents whose
 * shingle sets have exact Jaccard similarity at least the threshold, and reports the pair recall
 * and precision of a set of predicted pairs (e.g. the verified pairs of the pipeline, or all pairs
 * within its clusters).
 *
 * <p>The truth is exact, not sampled, but avoids comparing all n² pairs with prefix filtering
 * (Chaudhuri et al. 2006; Bayardo et al. 2007, "All-pairs"): shingles are ordered rarest first; a
 * pair with Jaccard ≥ t shares a shingle within the first |x| - ⌈t·|x|⌉ + 1 shingles of each set
 * and its sizes are within a factor t, so only pairs meeting those conditions are compared, with a
 * sorted inverted index over those prefixes. For up to about {@value #DEFAULT_MAX_DOCUMENTS}
 * documents; peak memory is about 30 bytes per shingle occurrence (1 GB for 20,000 documents of
 * 10 KB).
 *
 * <p>Documents with an empty shingle set are similar to nothing (Jaccard 0.0 by definition).
 */
public final class PairQuality {
  /** The similarity threshold of the dedup issue's quality target. */
  public static final double DEFAULT_THRESHOLD = 0.8;

  /** Corpus size the truth computation is meant for. */
  public static final int DEFAULT_MAX_DOCUMENTS = 20_000;

  /** Largest number of example pairs listed in a {@link Result}. */
  public static final int MAX_EXAMPLES = 10;

  /** Slack for float rounding in size bounds; it only makes the filters looser (still exact). */
  private static final double EPSILON = 1e-9;

  /**
   * The quality of a set of predicted pairs.
   *
   * @param documents number of documents evaluated
   * @param truePairs pairs with exact Jaccard ≥ threshold
   * @param predictedPairs distinct predicted pairs
   * @param truePositives predicted pairs with exact Jaccard ≥ threshold
   * @param recall truePositives / truePairs; NaN when there are no true pairs
   * @param precision truePositives / predictedPairs; NaN when nothing was predicted
   * @param missedExamples the first (smallest) true pairs that were not predicted
   * @param falseExamples the first predicted pairs below the threshold
   */
  public record Result(
      int documents,
      long truePairs,
      long predictedPairs,
      long truePositives,
      double recall,
      double precision,
      List<DocPair> missedExamples,
      List<DocPair> falseExamples) {
    public Result {
      missedExamples = ImmutableList.copyOf(missedExamples);
      falseExamples = ImmutableList.copyOf(falseExamples);
    }
  }

  private final double threshold;
  private final int maxDocuments;

  /** Threshold {@value #DEFAULT_THRESHOLD}, at most {@value #DEFAULT_MAX_DOCUMENTS} documents. */
  public static PairQuality defaults() {
    return new PairQuality(DEFAULT_THRESHOLD, DEFAULT_MAX_DOCUMENTS);
  }

  /**
   * @throws IllegalArgumentException naming {@code threshold} when not in (0, 1], or {@code
   *     maxDocuments} when below 1
   */
  public PairQuality(double threshold, int maxDocuments) {
    checkArgument(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]: %s", threshold);
    checkArgument(maxDocuments >= 1, "maxDocuments must be at least 1: %s", maxDocuments);
    this.threshold = threshold;
    this.maxDocuments = maxDocuments;
  }

  public double threshold() {
    return threshold;
  }

  public int maxDocuments() {
    return maxDocuments;
  }

  /**
   * Recall and precision of {@code predicted} against the exact truth over {@code documents}
   * (document id to shingle set). Repeated predicted pairs count once.
   *
   * @throws IllegalArgumentException when a predicted pair names an unknown document or there are
   *     more than {@code maxDocuments} documents
   */
  public Result evaluate(Map<String, ShingleSet> documents, Iterable<DocPair> predicted) {
    requireNonNull(predicted, "predicted");
    SortedSet<DocPair> truth = similarPairs(documents);
    TreeSet<DocPair> distinct = new TreeSet<>();
    predicted.forEach(p -> distinct.add(requireNonNull(p, "predicted pair")));
    long truePositives = 0;
    List<DocPair> falseExamples = new ArrayList<>();
    for (DocPair p : distinct) {
      ShingleSet a = documents.get(p.first());
      ShingleSet b = documents.get(p.second());
      checkArgument(a != null, "predicted pair names an unknown document: %s", p.first());
      checkArgument(b != null, "predicted pair names an unknown document: %s", p.second());
      if (truth.contains(p)) {
        truePositives++;
      } else if (falseExamples.size() < MAX_EXAMPLES) {
        falseExamples.add(p);
      }
    }
    List<DocPair> missed = new ArrayList<>();
    for (DocPair p : truth) {
      if (missed.size() == MAX_EXAMPLES) {
        break;
      }
      if (!distinct.contains(p)) {
        missed.add(p);
      }
    }
    double recall = truth.isEmpty() ? Double.NaN : (double) truePositives / truth.size();
    double precision = distinct.isEmpty() ? Double.NaN : (double) truePositives / distinct.size();
    return new Result(
        documents.size(), truth.size(), distinct.size(), truePositives, recall, precision, missed,
        falseExamples);
  }

  /**
   * Every pair of {@code documents} whose exact Jaccard similarity ({@link ShingleSet#jaccard}) is
   * at least the threshold.
   *
   * @throws IllegalArgumentException when there are more than {@code maxDocuments} documents
   */
  public SortedSet<DocPair> similarPairs(Map<String, ShingleSet> documents) {
    requireNonNull(documents, "documents");
    checkArgument(
        documents.size() <= maxDocuments,
        "%s documents exceed maxDocuments %s",
        documents.size(),
        maxDocuments);
    // Documents in a fixed order: non-empty ones by id.
    List<String> ids = new ArrayList<>();
    List<ShingleSet> sets = new ArrayList<>();
    for (Map.Entry<String, ShingleSet> e : new TreeMap<>(documents).entrySet()) {
      ShingleSet s = requireNonNull(e.getValue(), "shingle set of " + e.getKey());
      if (!s.isEmpty()) {
        ids.add(e.getKey());
        sets.add(s);
      }
    }
    int[][] ranked = rankByRarity(sets);

    // Process documents by ascending size (then id): earlier ones are the smaller partners.
    Integer[] boxed = new Integer[ranked.length];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (x, y) -> {
      int c = Integer.compare(ranked[x].length, ranked[y].length);
      return c != 0 ? c : ids.get(x).compareTo(ids.get(y));
    });
    int n = boxed.length;
    int[] doc = new int[n];
    int[] size = new int[n];
    int[] prefix = new int[n];
    long postingCount = 0;
    for (int p = 0; p < n; p++) {
      doc[p] = boxed[p];
      size[p] = ranked[doc[p]].length;
      prefix[p] = prefixLength(size[p]);
      postingCount += prefix[p];
    }
    checkArgument(postingCount <= Integer.MAX_VALUE - 8, "too many shingles: %s", postingCount);
    // Inverted index over prefixes: (rank << 32 | position), sorted.
    long[] postings = new long[(int) postingCount];
    int k = 0;
    for (int p = 0; p < n; p++) {
      int[] r = ranked[doc[p]];
      for (int i = 0; i < prefix[p]; i++) {
        postings[k++] = (long) r[i] << 32 | p;
      }
    }
    Arrays.sort(postings);

    TreeSet<DocPair> out = new TreeSet<>();
    int[] seenBy = new int[n];
    Arrays.fill(seenBy, -1);
    for (int p = 0; p < n; p++) {
      int[] x = ranked[doc[p]];
      int minPartnerSize = (int) Math.ceil(threshold * size[p] - EPSILON);
      int firstPartner = lowerBound(size, p, minPartnerSize);
      for (int i = 0; i < prefix[p]; i++) {
        long base = (long) x[i] << 32;
        int from = lowerBound(postings, base | firstPartner);
        for (int j = from; j < postings.length; j++) {
          long entry = postings[j];
          int q = (int) entry;
          if ((entry & 0xffffffff00000000L) != base || q >= p) {
            break;
          }
          if (seenBy[q] == p) {
            continue;
          }
          seenBy[q] = p;
          int[] y = ranked[doc[q]];
          int common = intersection(x, y);
          double jaccard = (double) common / (x.length + y.length - common);
          if (jaccard >= threshold) {
            out.add(DocPair.of(ids.get(doc[p]), ids.get(doc[q])));
          }
        }
      }
    }
    return ImmutableSortedSet.copyOfSorted(out);
  }

  /** Prefix length |x| - ⌈t·|x|⌉ + 1, at least 1 and at most |x|. */
  private int prefixLength(int size) {
    int minOverlap = (int) Math.ceil(threshold * size - EPSILON);
    return Math.max(1, Math.min(size, size - minOverlap + 1));
  }

  /**
   * Each set as the sorted ranks of its hashes, rank 0 being the rarest hash in the corpus (ties by
   * hash value), so that prefixes hold rare shingles.
   */
  private static int[][] rankByRarity(List<ShingleSet> sets) {
    long total = 0;
    for (ShingleSet s : sets) {
      total += s.size();
    }
    checkArgument(total <= Integer.MAX_VALUE - 8, "too many shingles: %s", total);
    long[] all = new long[(int) total];
    int k = 0;
    for (ShingleSet s : sets) {
      for (int i = 0; i < s.size(); i++) {
        all[k++] = s.hashAt(i);
      }
    }
    Arrays.sort(all);
    // Compact the distinct hashes into the front of `all`, with their frequencies.
    int distinct = 0;
    int[] frequency = new int[all.length];
    for (int i = 0; i < all.length; ) {
      int j = i;
      while (j < all.length && all[j] == all[i]) {
        j++;
      }
      frequency[distinct] = j - i;
      all[distinct++] = all[i];
      i = j;
    }
    long[] order = new long[distinct];
    for (int d = 0; d < distinct; d++) {
      order[d] = (long) frequency[d] << 32 | d;
    }
    frequency = null;
    Arrays.sort(order);
    int[] rankOfIndex = new int[distinct];
    for (int r = 0; r < distinct; r++) {
      rankOfIndex[(int) order[r]] = r;
    }
    order = null;
    long[] unique = all;
    int[][] ranked = new int[sets.size()][];
    for (int d = 0; d < sets.size(); d++) {
      ShingleSet s = sets.get(d);
      int[] r = new int[s.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = rankOfIndex[Arrays.binarySearch(unique, 0, distinct, s.hashAt(i))];
      }
      Arrays.sort(r);
      ranked[d] = r;
    }
    return ranked;
  }

  /** First index in {@code sorted[0, limit)} with value at least {@code key}, else limit. */
  private static int lowerBound(int[] sorted, int limit, int key) {
    int lo = 0;
    int hi = limit;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int lowerBound(long[] sorted, long key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int intersection(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return common;
  }
}
