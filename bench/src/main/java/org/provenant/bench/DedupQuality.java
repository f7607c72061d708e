package org.provenant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.quality.DocPair;
import org.provenant.dedup.quality.PairQuality;
import org.provenant.pipelines.config.CurationConfig;

/**
 * Pair recall and precision of Provenant's dedup (and optionally Spark's) against the exact truth.
 *
 * <p>Truth: every pair of documents whose shingle sets (the pipeline's own analyzer, JSONL =
 * text kind, 5-word shingles by default) have exact Jaccard ≥ threshold, found by {@link
 * PairQuality} (prefix-filtered inverted index over shingle hashes, exact, no sampling).
 *
 * <p>Declared pairs, from the pipeline's Parquet output (read by {@link ProvenantDedupRun}):
 *
 * <ul>
 *   <li><b>cluster pairs</b>: every pair of documents with the same cluster (a kept row's {@code
 *       dedup.cluster_id}, a duplicate's {@code duplicate_of}); what dedup claims transitively;
 *   <li><b>duplicate_of pairs</b>: each rejected duplicate with its {@code duplicate_of}
 *       survivor; what a reader of one rejection row is told.
 * </ul>
 *
 * Recall is over the true pairs (a true pair is found when both documents are in one cluster);
 * precision is the share of declared pairs that are true. The target: recall ≥ 0.95,
 * precision ≥ 0.98.
 *
 * <pre>java -cp ... org.provenant.bench.DedupQuality CORPUS.jsonl [--threshold 0.8]
 *     [--max-docs 20000] [--provenant DIR | --run BEAM_ARGS...] [--spark DIR] [--edges]</pre>
 *
 * {@code --provenant DIR}: the output of an earlier {@link ProvenantDedupRun}; otherwise {@code
 * --run} runs the pipeline here first (into a temporary directory) with the Beam arguments that
 * follow it. {@code --edges} adds the in-memory stages (see {@link #inMemoryEdges}). {@code --spark DIR}: the output of {@link SparkMinHashDedup} ({@code join-pairs.tsv},
 * {@code clusters.tsv}). With more documents than {@code --max-docs}, the first that many are
 * evaluated and declared pairs are restricted to them.
 */
public final class DedupQuality {
  private DedupQuality() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: DedupQuality CORPUS.jsonl [--threshold T] [--max-docs N] [--provenant DIR | --run BEAM_ARGS...] [--spark DIR]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    double threshold = 0.8;
    int maxDocs = PairQuality.DEFAULT_MAX_DOCUMENTS;
    Path provenant = null;
    Path spark = null;
    boolean edges = false;
    List<String> runArgs = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--threshold" -> threshold = Double.parseDouble(args[++i]);
        case "--max-docs" -> maxDocs = Integer.parseInt(args[++i]);
        case "--provenant" -> provenant = Path.of(args[++i]);
        case "--spark" -> spark = Path.of(args[++i]);
        case "--edges" -> edges = true;
        case "--run" -> {
          runArgs = new ArrayList<>();
          while (i + 1 < args.length && !args[i + 1].equals("--spark")) {
            runArgs.add(args[++i]);
          }
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String config = "{\"dedup\":{\"enabled\":true,\"near\":true,\"threshold\":" + threshold + "},\"output\":{\"shards\":4}}";
    CurationConfig cfg = CurationConfig.parse(config);
    if (provenant == null && runArgs != null) {
      provenant = Files.createTempDirectory("provenant-quality");
      ProvenantDedupRun.Outcome o = ProvenantDedupRun.run(corpus, provenant, cfg, false, runArgs);
      System.out.printf("pipeline %s: %.1f s, kept %d, duplicates %d, other rejections %d%n",
          runArgs, o.seconds(), o.kept(), o.duplicates(), o.otherRejections());
    }

    long t0 = System.nanoTime();
    Map<String, String> texts = Corpus.read(corpus, maxDocs);
    Map<String, ShingleSet> sets = Corpus.shingles(texts, cfg.dedup().settings().signature());
    long t1 = System.nanoTime();
    PairQuality quality = new PairQuality(threshold, Math.max(maxDocs, texts.size()));
    SortedSet<DocPair> truth = quality.similarPairs(sets);
    long t2 = System.nanoTime();
    System.out.printf("corpus %s: %d documents evaluated; shingling %.1f s, truth %.1f s; %d true pairs at Jaccard >= %s%n",
        corpus, texts.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, truth.size(), threshold);
    printTruthSpread(truth, sets);

    if (provenant != null) {
      report("provenant cluster pairs", clusterPairs(Corpus.readTsv(provenant.resolve("clusters.tsv")), sets.keySet()), truth, sets, threshold);
      report("provenant duplicate_of pairs", directPairs(Corpus.readTsv(provenant.resolve("duplicate-of.tsv")), sets.keySet()), truth, sets, threshold);
      reportOutcome("provenant outcome", Corpus.readTsv(provenant.resolve("clusters.tsv")), truth, sets, threshold);
    }
    if (edges) {
      inMemoryEdges(texts, sets, cfg, truth, threshold);
    }
    if (spark != null && !Files.exists(spark.resolve("join-pairs.tsv"))) {
      System.out.println("spark: no join-pairs.tsv in " + spark + " (the run did not finish)");
    } else if (spark != null) {
      report("spark approxSimilarityJoin pairs", directPairs(Corpus.readTsv(spark.resolve("join-pairs.tsv")), sets.keySet()), truth, sets, threshold);
      if (Files.exists(spark.resolve("clusters.tsv"))) {
        report("spark cluster pairs (after CC)", clusterPairs(Corpus.readTsv(spark.resolve("clusters.tsv")), sets.keySet()), truth, sets, threshold);
        reportOutcome("spark outcome (one per component)", Corpus.readTsv(spark.resolve("clusters.tsv")), truth, sets, threshold);
      }
    }
  }

  /**
   * The pipeline's near-dedup stages run in memory with the same dedup classes (signer, banding,
   * bucket pair rule with 32 as {@code max_bucket_pairs}, verifier), over all documents: the
   * verified edges and their transitive clusters, with estimated and with exact verification, so
   * the two verification modes can be told apart from clustering effects.
   */
  static void inMemoryEdges(Map<String, String> texts, Map<String, ShingleSet> sets, CurationConfig cfg,
      SortedSet<DocPair> truth, double threshold) {
    org.provenant.dedup.DedupSettings settings = cfg.dedup().settings();
    Map<String, org.provenant.dedup.minhash.MinHashSignature> sigs = new java.util.concurrent.ConcurrentHashMap<>();
    try (org.provenant.dedup.minhash.MinHashSigner signer = settings.signature().newSigner()) {
      new ArrayList<>(texts.entrySet()).parallelStream()
          .forEach(e -> sigs.put(e.getKey(), signer.sign(org.provenant.schemas.Kind.TEXT, e.getValue())));
    }
    Map<org.provenant.dedup.lsh.BandKey, List<String>> buckets = new java.util.HashMap<>();
    for (String id : new java.util.TreeSet<>(sigs.keySet())) {
      for (org.provenant.dedup.lsh.BandKey k : settings.banding().bandKeys(sigs.get(id))) {
        buckets.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
      }
    }
    Set<DocPair> candidates = new HashSet<>();
    for (List<String> ids : buckets.values()) {
      if (ids.size() <= 32) {
        for (int i = 0; i < ids.size(); i++) {
          for (int j = i + 1; j < ids.size(); j++) {
            candidates.add(DocPair.of(ids.get(i), ids.get(j)));
          }
        }
      } else {
        for (int j = 1; j < ids.size(); j++) {
          candidates.add(DocPair.of(ids.get(0), ids.get(j)));
        }
      }
    }
    Set<DocPair> estimated = new HashSet<>();
    Set<DocPair> exact = new HashSet<>();
    for (DocPair p : candidates) {
      if (settings.verifier().verify(sigs.get(p.first()), sigs.get(p.second())).duplicate()) {
        estimated.add(p);
      }
      if (settings.verifier().verify(sets.get(p.first()), sets.get(p.second())).duplicate()) {
        exact.add(p);
      }
    }
    report("in-memory LSH candidates", candidates, truth, sets, threshold);
    report("in-memory edges, estimated verif.", estimated, truth, sets, threshold);
    report("in-memory clusters, estimated", clusterPairs(components(estimated), sets.keySet()), truth, sets, threshold);
    report("in-memory edges, exact verif.", exact, truth, sets, threshold);
    report("in-memory clusters, exact", clusterPairs(components(exact), sets.keySet()), truth, sets, threshold);
  }

  /** {@code id<TAB>root} rows of the connected components of {@code edges} (union-find). */
  static List<String[]> components(Set<DocPair> edges) {
    Map<String, String> parent = new java.util.HashMap<>();
    for (DocPair e : edges) {
      String a = find(parent, e.first());
      String b = find(parent, e.second());
      if (!a.equals(b)) {
        parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
      }
    }
    List<String[]> rows = new ArrayList<>();
    for (String id : new ArrayList<>(parent.keySet())) {
      rows.add(new String[] {id, find(parent, id)});
    }
    return rows;
  }

  private static String find(Map<String, String> parent, String x) {
    String root = x;
    while (parent.containsKey(root) && !parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    parent.putIfAbsent(root, root);
    while (!x.equals(root)) {
      String next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  /** All pairs within each cluster, both ends among {@code known}. */
  static Set<DocPair> clusterPairs(List<String[]> rows, Set<String> known) {
    Map<String, List<String>> byCluster = new TreeMap<>();
    for (String[] r : rows) {
      if (known.contains(r[0])) {
        byCluster.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r[0]);
      }
    }
    Set<DocPair> out = new HashSet<>();
    for (List<String> members : byCluster.values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          out.add(DocPair.of(members.get(i), members.get(j)));
        }
      }
    }
    return out;
  }

  /** The pair of the first two columns of each row, both ends among {@code known}. */
  static Set<DocPair> directPairs(List<String[]> rows, Set<String> known) {
    Set<DocPair> out = new HashSet<>();
    for (String[] r : rows) {
      if (known.contains(r[0]) && known.contains(r[1]) && !r[0].equals(r[1])) {
        out.add(DocPair.of(r[0], r[1]));
      }
    }
    return out;
  }

  /**
   * What a reader of the output gets, from {@code id<TAB>kept id} rows (a document whose kept id is
   * another document was removed; documents without a row were kept alone):
   *
   * <ul>
   *   <li><b>pair recall</b>: share of the true pairs of which at most one document is still in the
   *       output (the pair was deduplicated);
   *   <li><b>removal precision</b>: share of the removed documents whose kept document has exact
   *       Jaccard ≥ threshold with them (the removal was justified by the document that replaced it).
   * </ul>
   */
  static void reportOutcome(String name, List<String[]> rows, SortedSet<DocPair> truth, Map<String, ShingleSet> sets, double threshold) {
    Map<String, String> keptFor = new java.util.HashMap<>();
    for (String[] r : rows) {
      if (sets.containsKey(r[0]) && !r[0].equals(r[1])) {
        keptFor.put(r[0], r[1]);
      }
    }
    long bothKept = 0;
    long[] trueBy = new long[BUCKETS.length];
    long[] leftBy = new long[BUCKETS.length];
    for (DocPair p : truth) {
      int b = bucket(sets.get(p.first()).jaccard(sets.get(p.second())));
      trueBy[b]++;
      if (!keptFor.containsKey(p.first()) && !keptFor.containsKey(p.second())) {
        bothKept++;
        leftBy[b]++;
      }
    }
    long justified = 0;
    long unknownKept = 0;
    long[] wrongBy = new long[BUCKETS.length];
    for (Map.Entry<String, String> e : keptFor.entrySet()) {
      ShingleSet kept = sets.get(e.getValue());
      if (kept == null) {
        unknownKept++; // kept document outside the evaluated prefix
        continue;
      }
      double j = sets.get(e.getKey()).jaccard(kept);
      if (j >= threshold - 1e-12) {
        justified++;
      } else {
        wrongBy[bucket(j)]++;
      }
    }
    long judged = keptFor.size() - unknownKept;
    System.out.printf("RESULT %-34s removed=%d pairs_left=%d pair_recall=%.4f removal_precision=%.4f%n", name, keptFor.size(), bothKept,
        truth.isEmpty() ? Double.NaN : 1.0 - (double) bothKept / truth.size(), judged == 0 ? Double.NaN : (double) justified / judged);
    System.out.println(fractions("  true pairs with both documents kept, by exact Jaccard:", leftBy, trueBy));
    System.out.println(counts("  removals below the threshold, by exact Jaccard with the kept document:", wrongBy));
  }

  /** {@code title} then " bucket part/whole" for each bucket with a non-zero whole. */
  private static String fractions(String title, long[] part, long[] whole) {
    StringBuilder out = new StringBuilder(title);
    for (int b = 0; b < BUCKETS.length; b++) {
      if (whole[b] > 0) {
        out.append(String.format(" %s %d/%d", label(b), part[b], whole[b]));
      }
    }
    return out.toString();
  }

  /** {@code title} then " bucket=count" for each non-zero count. */
  private static String counts(String title, long[] n) {
    StringBuilder out = new StringBuilder(title);
    for (int b = 0; b < BUCKETS.length; b++) {
      if (n[b] > 0) {
        out.append(String.format(" %s=%d", label(b), n[b]));
      }
    }
    return out.toString();
  }

  private static final double[] BUCKETS = {0.0, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0};

  private static int bucket(double j) {
    for (int b = BUCKETS.length - 1; b >= 0; b--) {
      if (j >= BUCKETS[b] - 1e-12) {
        return b;
      }
    }
    return 0;
  }

  private static String label(int b) {
    return b == BUCKETS.length - 1 ? "=1.0" : String.format("[%.2f,%.2f)", BUCKETS[b], BUCKETS[b + 1]);
  }

  private static void printTruthSpread(SortedSet<DocPair> truth, Map<String, ShingleSet> sets) {
    long[] n = new long[BUCKETS.length];
    for (DocPair p : truth) {
      n[bucket(sets.get(p.first()).jaccard(sets.get(p.second())))]++;
    }
    System.out.println(counts("  true pairs by Jaccard:", n));
  }

  static void report(String name, Set<DocPair> declared, SortedSet<DocPair> truth, Map<String, ShingleSet> sets, double threshold) {
    long tp = 0;
    long[] falseBy = new long[BUCKETS.length];
    for (DocPair p : declared) {
      if (truth.contains(p)) {
        tp++;
      } else {
        falseBy[bucket(sets.get(p.first()).jaccard(sets.get(p.second())))]++;
      }
    }
    long[] trueBy = new long[BUCKETS.length];
    long[] foundBy = new long[BUCKETS.length];
    for (DocPair p : truth) {
      int b = bucket(sets.get(p.first()).jaccard(sets.get(p.second())));
      trueBy[b]++;
      if (declared.contains(p)) {
        foundBy[b]++;
      }
    }
    System.out.printf("RESULT %-34s declared=%d true_positives=%d recall=%.4f precision=%.4f%n", name, declared.size(), tp,
        truth.isEmpty() ? Double.NaN : (double) tp / truth.size(), declared.isEmpty() ? Double.NaN : (double) tp / declared.size());
    System.out.println(fractions("  recall by exact Jaccard:", foundBy, trueBy));
    System.out.println(counts("  false declared pairs by exact Jaccard:", falseBy));
  }

}
