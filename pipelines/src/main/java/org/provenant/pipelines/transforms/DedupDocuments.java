package org.provenant.pipelines.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.provenant.dedup.DedupSettings;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.cluster.ClusterMember;
import org.provenant.dedup.cluster.GreedySurvivors;
import org.provenant.dedup.cluster.Edge;
import org.provenant.dedup.cluster.StarConnectedComponents;
import org.provenant.dedup.exact.ExactKey;
import org.provenant.dedup.lsh.BandEntries;
import org.provenant.dedup.lsh.BandKey;
import org.provenant.dedup.lsh.CandidatePairs;
import org.provenant.dedup.lsh.SimilarityVerifier;
import org.provenant.dedup.minhash.MinHashSignature;
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.filters.step.Outcome;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.provenant.pipelines.coders.AvroRowCoder;
import org.provenant.pipelines.coders.BandEntriesCoder;
import org.provenant.pipelines.coders.CandidatePairsCoder;
import org.provenant.pipelines.coders.Encoded;
import org.provenant.pipelines.coders.ExactMemberCoder;
import org.provenant.pipelines.coders.SignatureRecordCoder;
import org.provenant.schemas.DedupInfo;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;

/**
 * Exact and near-duplicate removal that scales with Beam: no step holds more than one exact group,
 * one LSH bucket, one node's neighbourhood or one duplicate cluster.
 *
 * <ol>
 *   <li>Exact: each document is signed once (MinHash over a Lucene shingle chain, and its shingle
 *       fingerprints); the signature records, not the documents, are grouped by the hash of
 *       normalised text; the survivor rule keeps one per group, whose record goes on standing for
 *       the group, and the others become {@code exact_duplicate} rejections at the end.
 *   <li>Near: the survivors' records are bucketed by LSH band (a 64-bit key per band); each bucket
 *       proposes pairs (all pairs up to {@code maxBucketPairs} members, else each member with the
 *       bucket's smallest id); pairs are verified on the Jaccard of the two documents' shingle
 *       fingerprints (or, with {@code verify=estimated}, of their signatures); verified pairs are
 *       edges.
 *   <li>Clusters: connected components of the edges by large-star / small-star rounds, unrolled
 *       {@code ccRounds} times; a run whose last round still changed the graph fails loudly.
 *   <li>Survivors: per component the survivor rule (default earliest crawl, then lowest id) keeps
 *       one and splits the component greedily so that every removed document has at least the
 *       threshold with the document it names; the others are {@code near_duplicate} rejections
 *       with {@code duplicate_of} and the similarity. Exact duplicates point at their group's final survivor.
 *   <li>Documents: every decision is applied to the documents in one join, the only shuffle of
 *       whole documents (the exact-only configuration groups the documents themselves instead);
 *       kept and rejected documents leave as shard rows ({@link #KEPT_ROWS}, {@link #REJECTED_ROWS}).
 * </ol>
 *
 * <p>The steps' outcomes come in ({@link ApplySteps} has one output, so on Flink signing runs in the
 * steps' operator chain and each document arrives by reference); their rejections pass on as
 * rejection rows. Signing encodes each document once ({@link org.provenant.pipelines.coders.Encoded})
 * and it travels as those bytes to the decision join: on Flink the outputs of a multi-output step
 * are each decoded in full by every output's consumer.
 *
 * Every kept document gets {@code dedup.cluster_id} (the id of the kept document of its cluster)
 * and {@code dedup.cluster_size} (documents it stands for, itself included).
 */
public final class DedupDocuments extends PTransform<PCollection<Outcome>, PCollectionTuple> {
  /** Kept documents, as shard rows ({@link WriteShards#documentRow}) made where they are decided. */
  public static final TupleTag<ShardRow> KEPT_ROWS = WriteShards.KEPT_ROWS;
  /** Rejected duplicates and the rejections that came in, as shard rows ({@link WriteShards#rejectionRow}). */
  public static final TupleTag<ShardRow> REJECTED_ROWS = WriteShards.REJECTED_ROWS;
  public static final String EXACT_STEP = "dedup_exact@1";
  public static final String NEAR_STEP = "dedup_near@1";

  private static final TupleTag<Document> SURVIVORS = new TupleTag<>() {};
  private static final TupleTag<Rejection> EXACT_REJECTED = new TupleTag<>() {};
  private static final TupleTag<KV<String, String>> GROUP_SURVIVOR = new TupleTag<>() {};
  private static final TupleTag<SignatureRecord> SIGNATURES = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, BandEntries>> BANDS = new TupleTag<>() {};
  private static final TupleTag<KV<String, Integer>> EXACT_COPIES = new TupleTag<>() {};
  private static final TupleTag<KV<String, ExactLoss>> EXACT_LOSSES = new TupleTag<>() {};
  /** Exact key to the encoded {@link ExactMember} (bytes across the signing step's outputs: see Encoded). */
  private static final TupleTag<KV<String, byte[]>> SIGNED = new TupleTag<>() {};
  /** Internal key to the encoded document (documents of earlier releases are not written). */
  private static final TupleTag<KV<String, byte[]>> DOCUMENT_ROWS = new TupleTag<>() {};
  /** The rejections that came in with the documents, as rejection rows. */
  private static final TupleTag<ShardRow> PASSED_ON = new TupleTag<>() {};

  /** Items of one batch of band entries or candidate pairs ({@link PendingBatches}). */
  static final int MAX_BATCH = 512;
  /** Items a worker holds before all its batches go out: about 20 MB. */
  static final int MAX_HELD = 1 << 18;

  private final DedupSettings settings;
  private final boolean near;
  private final int ccRounds;
  private final int maxBucketPairs;
  /** Groups the LSH band entries are shuffled in ({@link BandEntries}). */
  private final int bandGroups;
  /** Shards of the kept rows' output. */
  private final int shards;

  private DedupDocuments(DedupSettings settings, boolean near, int ccRounds, int maxBucketPairs, int bandGroups, int shards) {
    this.settings = settings;
    this.near = near;
    this.ccRounds = ccRounds;
    this.maxBucketPairs = maxBucketPairs;
    this.bandGroups = bandGroups;
    this.shards = shards;
  }

  /**
   * Dedup whose kept documents go to {@code shards} output shards: kept and rejected documents come
   * out as shard rows under {@link #KEPT_ROWS} and {@link #REJECTED_ROWS}, with near-dedup or without. LSH band
   * entries are shuffled in {@code bandGroups} groups: each group's entries are held in memory by one
   * worker at once (about {@code bands} x documents / {@code bandGroups} entries).
   */
  public static DedupDocuments of(DedupSettings settings, boolean near, int ccRounds, int maxBucketPairs, int bandGroups, int shards) {
    if (ccRounds < 1) {
      throw new IllegalArgumentException("dedup.cc_rounds must be at least 1: " + ccRounds);
    }
    if (maxBucketPairs < 2) {
      throw new IllegalArgumentException("dedup.max_bucket_pairs must be at least 2: " + maxBucketPairs);
    }
    if (bandGroups < 1) {
      throw new IllegalArgumentException("dedup.band_groups must be at least 1: " + bandGroups);
    }
    return new DedupDocuments(settings, near, ccRounds, maxBucketPairs, bandGroups, shards);
  }

  @Override
  public PCollectionTuple expand(PCollection<Outcome> outcomes) {
    KvCoder<String, Document> docKv = KvCoder.of(StringUtf8Coder.of(), AvroRowCoder.documents());
    KvCoder<String, String> strKv = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

    if (!near) {
      return exactOnly(outcomes, docKv, strKv);
    }

    // 1. every document is signed once; its exact key, signature record and band keys go to one
    //    exact group (records, not documents: the documents are shuffled once, at the end)
    //    (the signing ParDo's outputs are bytes, or rows of bytes: see Encoded)
    KvCoder<String, byte[]> bytesKv = KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of());
    PCollectionTuple signed = outcomes
        .apply("SignAndKeyByExactText", ParDo.of(new SignFn(settings, shards))
            .withOutputTags(SIGNED, TupleTagList.of(DOCUMENT_ROWS).and(PASSED_ON)));
    PCollectionTuple exact = signed.get(SIGNED).setCoder(bytesKv)
        .apply("GroupExactCopies", GroupByKey.create())
        .apply("KeepOnePerExactGroup", ParDo.of(new ExactGroupFn(settings, bandGroups))
            .withOutputTags(SIGNATURES, TupleTagList.of(BANDS).and(EXACT_COPIES).and(EXACT_LOSSES)));

    // 2. LSH buckets of the exact survivors, shuffled as batches of band entries per band group
    PCollection<SignatureRecord> sigs = exact.get(SIGNATURES).setCoder(SignatureRecordCoder.of());
    PCollection<KV<String, String>> pairs = exact.get(BANDS).setCoder(KvCoder.of(VarIntCoder.of(), BandEntriesCoder.of()))
        .apply("GroupByBand", GroupByKey.create())
        .apply("ProposePairs", ParDo.of(new ProposePairsFn(maxBucketPairs, bandGroups)))
        .setCoder(KvCoder.of(VarIntCoder.of(), CandidatePairsCoder.of()))
        .apply("GroupPairs", GroupByKey.create())
        .apply("DistinctPairs", ParDo.of(new DistinctPairsFn())).setCoder(strKv);

    // verify each pair on the two signatures (two joins by id)
    KvCoder<String, SignatureRecord> sigKv = KvCoder.of(StringUtf8Coder.of(), SignatureRecordCoder.of());
    PCollection<KV<String, SignatureRecord>> sigById = sigs.apply("KeySignatures", ParDo.of(new KeyByIdFn())).setCoder(sigKv);
    TupleTag<String> pairTag = new TupleTag<>() {};
    TupleTag<SignatureRecord> sigTag = new TupleTag<>() {};
    PCollection<KV<String, KV<String, SignatureRecord>>> halfJoined = KeyedPCollectionTuple.of(pairTag, pairs).and(sigTag, sigById)
        .apply("JoinFirstSignature", CoGroupByKey.create())
        .apply("ToSecond", ParDo.of(new ToSecondFn(pairTag, sigTag)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), sigKv));
    TupleTag<KV<String, SignatureRecord>> halfTag = new TupleTag<>() {};
    PCollection<KV<String, String>> edges = KeyedPCollectionTuple.of(halfTag, halfJoined).and(sigTag, sigById)
        .apply("JoinSecondSignature", CoGroupByKey.create())
        .apply("VerifyPairs", ParDo.of(new VerifyFn(settings.verifier(), halfTag, sigTag)))
        .setCoder(strKv);

    // 3. connected components, round by round
    PCollection<KV<String, String>> current = edges;
    PCollection<KV<String, Integer>> lastChanges = null;
    for (int round = 1; round <= ccRounds; round++) {
      PCollectionTuple large = current
          .apply("Round" + round + "/LargeStarMap", ParDo.of(new StarMapFn(true))).setCoder(strKv)
          .apply("Round" + round + "/LargeStarGroup", GroupByKey.create())
          .apply("Round" + round + "/LargeStar", ParDo.of(new StarFn(true)).withOutputTags(EDGES, TupleTagList.of(CHANGES)));
      PCollectionTuple small = large.get(EDGES).setCoder(strKv)
          .apply("Round" + round + "/SmallStarMap", ParDo.of(new StarMapFn(false))).setCoder(strKv)
          .apply("Round" + round + "/SmallStarGroup", GroupByKey.create())
          .apply("Round" + round + "/SmallStar", ParDo.of(new StarFn(false)).withOutputTags(EDGES, TupleTagList.of(CHANGES)));
      current = small.get(EDGES).setCoder(strKv);
      if (round == ccRounds) {
        lastChanges = PCollectionList.of(large.get(CHANGES).setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
            .and(small.get(CHANGES).setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
            .apply("LastRoundChanges", Flatten.pCollections());
      } else {
        large.get(CHANGES).setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
        small.get(CHANGES).setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
      }
    }
    lastChanges.apply("FailIfNotConverged", ParDo.of(new NotConvergedFn(ccRounds)));
    PCollection<KV<String, String>> componentOf = current
        .apply("ComponentMembership", ParDo.of(new MembershipFn())).setCoder(strKv)
        .apply("DistinctMembership", Distinct.create());

    // 4. survivor per component
    TupleTag<String> compTag = new TupleTag<>() {};
    PCollection<KV<String, SignatureRecord>> byComponent = KeyedPCollectionTuple.of(compTag, componentOf).and(sigTag, sigById)
        .apply("JoinComponents", CoGroupByKey.create())
        .apply("KeyByComponent", ParDo.of(new KeyByComponentFn(compTag, sigTag)))
        .setCoder(sigKv);
    PCollection<KV<String, Decision>> decisions = byComponent
        .apply("GroupClusters", GroupByKey.create())
        .apply("PickSurvivors", ParDo.of(new ClusterSurvivorFn(settings)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), Decision.CODER));

    // exact duplicates point at their group survivor's final survivor
    TupleTag<ExactLoss> lossTag = new TupleTag<>() {};
    TupleTag<Decision> decTag = new TupleTag<>() {};
    PCollection<KV<String, ExactLoss>> losses = KeyedPCollectionTuple
        .of(lossTag, exact.get(EXACT_LOSSES).setCoder(KvCoder.of(StringUtf8Coder.of(), ExactLoss.CODER)))
        .and(decTag, decisions)
        .apply("JoinExactWithDecisions", CoGroupByKey.create())
        .apply("PointAtFinalSurvivor", ParDo.of(new RepointFn(lossTag, decTag)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ExactLoss.CODER));

    // apply everything decided to the documents, in the one shuffle of whole documents
    TupleTag<byte[]> docTag = new TupleTag<>() {};
    TupleTag<Integer> copiesTag = new TupleTag<>() {};
    PCollectionTuple decided = KeyedPCollectionTuple
        .of(docTag, signed.get(DOCUMENT_ROWS).setCoder(bytesKv))
        .and(decTag, decisions)
        .and(copiesTag, exact.get(EXACT_COPIES).setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .and(lossTag, losses)
        .apply("JoinDecisions", CoGroupByKey.create())
        .apply("ApplyDecisions", ParDo.of(new ApplyDecisionFn(docTag, decTag, copiesTag, lossTag, shards))
            .withOutputTags(KEPT_ROWS, TupleTagList.of(REJECTED_ROWS)));
    return PCollectionTuple
        .of(KEPT_ROWS, decided.get(KEPT_ROWS).setCoder(WriteShards.ROW_CODER))
        .and(REJECTED_ROWS, withRejectionsPassedOn(signed.get(PASSED_ON), decided.get(REJECTED_ROWS).setCoder(WriteShards.ROW_CODER)));
  }

  /** The duplicates' rows and the rows of the rejections that came in, as one collection. */
  private static PCollection<ShardRow> withRejectionsPassedOn(PCollection<ShardRow> passedOn, PCollection<ShardRow> duplicates) {
    return PCollectionList.of(passedOn.setCoder(WriteShards.ROW_CODER)).and(duplicates)
        .apply("WithRejectionsPassedOn", Flatten.pCollections());
  }

  /** Exact duplicates only: documents are grouped by exact key and the group decides at once. */
  private PCollectionTuple exactOnly(PCollection<Outcome> outcomes, KvCoder<String, Document> docKv, KvCoder<String, String> strKv) {
    PCollectionTuple keyed = outcomes
        .apply("KeyByExactText", ParDo.of(new ExactKeyFn(settings, shards)).withOutputTags(KEYED_DOCUMENTS, TupleTagList.of(PASSED_ON)));
    PCollectionTuple exact = keyed.get(KEYED_DOCUMENTS).setCoder(docKv)
        .apply("GroupExactCopies", GroupByKey.create())
        .apply("KeepOnePerExactGroup", ParDo.of(new ExactSurvivorFn(settings))
            .withOutputTags(SURVIVORS, TupleTagList.of(EXACT_REJECTED).and(GROUP_SURVIVOR)));
    PCollection<Document> survivors = exact.get(SURVIVORS).setCoder(AvroRowCoder.documents());
    KvCoder<String, Rejection> rejKv = KvCoder.of(StringUtf8Coder.of(), AvroRowCoder.rejections());
    TupleTag<Rejection> pendingTag = new TupleTag<>() {};
    TupleTag<String> groupSurvivorTag = new TupleTag<>() {};
    PCollection<KV<String, Rejection>> exactRejected = KeyedPCollectionTuple
        .of(pendingTag, exact.get(EXACT_REJECTED).setCoder(AvroRowCoder.rejections())
            .apply("KeyByExactGroup", ParDo.of(new KeyByDuplicateOfFn())).setCoder(rejKv))
        .and(groupSurvivorTag, exact.get(GROUP_SURVIVOR).setCoder(strKv))
        .apply("JoinExactSurvivors", CoGroupByKey.create())
        .apply("PointAtExactSurvivor", ParDo.of(new ResolveGroupFn(pendingTag, groupSurvivorTag)))
        .setCoder(rejKv);
    PCollection<ShardRow> keptRows = survivors
        .apply("DropPriorRelease", org.apache.beam.sdk.transforms.Filter.by((Document d) -> !ReadPriorRelease.isPrior(d)))
        .setCoder(AvroRowCoder.documents())
        .apply("EncodeKeptRows", ParDo.of(new WriteShards.EncodeFn<>(new WriteShards.DocumentFormat(), shards)))
        .setCoder(WriteShards.ROW_CODER);
    PCollection<ShardRow> rejectedRows = exactRejected
        .apply("ExactDuplicates", org.apache.beam.sdk.transforms.Values.create()).setCoder(AvroRowCoder.rejections())
        .apply("EncodeRejectedRows", ParDo.of(new WriteShards.EncodeFn<>(new WriteShards.RejectionFormat(), shards)))
        .setCoder(WriteShards.ROW_CODER);
    return PCollectionTuple.of(KEPT_ROWS, keptRows).and(REJECTED_ROWS, withRejectionsPassedOn(keyed.get(PASSED_ON), rejectedRows));
  }

  private static final TupleTag<KV<String, String>> EDGES = new TupleTag<>() {};
  private static final TupleTag<KV<String, Integer>> CHANGES = new TupleTag<>() {};

  /** What near-dedup decided for one document of a cluster. */
  public record Decision(String survivorKey, int clusterSize, double similarity, boolean exact) implements java.io.Serializable {
    String survivorId() {
      return idOf(survivorKey);
    }

    static final org.apache.beam.sdk.coders.Coder<Decision> CODER = org.apache.beam.sdk.coders.SerializableCoder.of(Decision.class);
  }

  private static final TupleTag<KV<String, Document>> KEYED_DOCUMENTS = new TupleTag<>() {};

  /** Each kept document keyed by its exact key; each rejection passed on as its row. */
  static final class ExactKeyFn extends DoFn<Outcome, KV<String, Document>> {
    private final DedupSettings settings;
    private final int shards;

    ExactKeyFn(DedupSettings settings, int shards) {
      this.settings = settings;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Outcome outcome, MultiOutputReceiver out) {
      if (outcome instanceof Outcome.Rejected r) {
        out.get(PASSED_ON).output(WriteShards.rejectionRow(r.rejection(), shards));
        return;
      }
      Document d = ((Outcome.Kept) outcome).document();
      out.get(KEYED_DOCUMENTS).output(KV.of(ExactKey.of(settings.normalizer(), d.text()).hex(), d));
    }
  }

  /**
   * Keeps one document per exact group in a single pass (Flink's grouped values can be read only
   * once): a document that loses is rejected at once with its group's key as a placeholder in
   * {@code duplicate_of}; the group's survivor id follows on its own output and is joined in later.
   */
  static final class ExactSurvivorFn extends DoFn<KV<String, Iterable<Document>>, Document> {
    private final Counter removed = Metrics.counter(DedupDocuments.class, "exact_duplicates");
    private final DedupSettings settings;

    ExactSurvivorFn(DedupSettings settings) {
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Document>> group, MultiOutputReceiver out) {
      String key = group.getKey();
      Document best = null;
      ClusterMember bestMember = null;
      int n = 0;
      for (Document d : group.getValue()) {
        n++;
        ClusterMember m = ClusterMember.of(d);
        if (best == null) {
          best = d;
          bestMember = m;
          continue;
        }
        int c = Boolean.compare(!ReadPriorRelease.isPrior(d), !ReadPriorRelease.isPrior(best)); // earlier releases first
        if (c == 0) {
          c = settings.survivorRule().order().compare(m, bestMember);
        }
        if (c == 0) {
          // same rank and id (the same record read twice): the source decides, so every runner agrees
          c = sourceKey(d).compareTo(sourceKey(best));
        }
        Document loser = d;
        if (c < 0) {
          loser = best;
          best = d;
          bestMember = m;
        }
        if (ReadPriorRelease.isPrior(loser)) {
          continue; // a copy inside the earlier releases: not this run's to write
        }
        removed.inc();
        out.get(EXACT_REJECTED).output(loser.reject(EXACT_STEP, "exact_duplicate", "same normalised text (exact key " + key.substring(0, 16) + ")")
            .asDuplicateOf(key, 1.0));
      }
      // the exact group's size travels in dedup.cluster_size until near-dedup decides
      out.get(SURVIVORS).output(best.withDedup(new DedupInfo(best.id(), n))
          .withStep(new LineageEntry(EXACT_STEP, LineageEntry.OK, n == 1 ? "unique text" : "kept for " + n + " exact copies")));
      if (n > 1) {
        out.get(GROUP_SURVIVOR).output(KV.of(key, internalKey(best)));
      }
    }
  }

  /**
   * Replaces the group key in an exact duplicate's {@code duplicate_of} by the group's survivor id,
   * keyed by the survivor's internal key for the join with near-dedup decisions.
   */
  static final class ResolveGroupFn extends DoFn<KV<String, CoGbkResult>, KV<String, Rejection>> {
    private final TupleTag<Rejection> rejTag;
    private final TupleTag<String> survivorTag;

    ResolveGroupFn(TupleTag<Rejection> rejTag, TupleTag<String> survivorTag) {
      this.rejTag = rejTag;
      this.survivorTag = survivorTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, Rejection>> out) {
      String survivor = e.getValue().getOnly(survivorTag);
      for (Rejection r : e.getValue().getAll(rejTag)) {
        Rejection x = r;
        if (isPriorKey(survivor)) {
          x = new Rejection(r.id(), r.kind(), r.source(), r.license(), r.step(), r.reason(),
              r.detail() + " of a document of an earlier release", r.duplicateOf(), r.similarity(), r.signals(), r.lineage());
        }
        out.output(KV.of(survivor, x.asDuplicateOf(idOf(survivor), 1.0)));
      }
    }
  }

  /**
   * A document's key inside dedup: its id plus a 64-bit hash of its source (file and offset),
   * because ids need not be unique (the same WARC record in two files, a dataset with repeated ids).
   * Sorts by id first. The hash keeps the key short, since keys are most of what the band, pair
   * and clustering shuffles carry; two documents would share a key only with the same id and
   * colliding source hashes.
   */
  static String internalKey(Document d) {
    long h = SOURCE_HASH.hashString(sourceKey(d), java.nio.charset.StandardCharsets.UTF_8).asLong();
    return d.id() + "\u0000" + zeroPadded(Long.toHexString(h), 16) + (ReadPriorRelease.isPrior(d) ? PRIOR_SUFFIX : "");
  }

  private static final com.google.common.hash.HashFunction SOURCE_HASH = com.google.common.hash.Hashing.murmur3_128(0x5eed);

  /** Ends the internal key of a document of an earlier release, so it never collides with a new one. */
  static final String PRIOR_SUFFIX = "\u0000prior";

  static boolean isPriorKey(String internalKey) {
    return internalKey.endsWith(PRIOR_SUFFIX);
  }

  /** The document id inside an internal key. */
  static String idOf(String internalKey) {
    int z = internalKey.indexOf('\u0000');
    return z < 0 ? internalKey : internalKey.substring(0, z);
  }

  private static String sourceKey(Document d) {
    long offset = d.source().offset();
    // as String.format("%020d") writes it, without its cost per document
    return d.source().uri() + "\u0000" + (offset >= 0 ? zeroPadded(Long.toString(offset), 20) : String.format("%020d", offset));
  }

  /** {@code digits} with zeros before them up to {@code width} characters. */
  static String zeroPadded(String digits, int width) {
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /**
   * Signs a document once and keys what dedup needs of it by its exact key: the signature record
   * (fingerprints or signature values) and its LSH band keys, which only the exact group's survivor
   * will use; the document itself, encoded once, to the decision join. A rejection that came in
   * passes on as its row.
   */
  static final class SignFn extends DoFn<Outcome, KV<String, byte[]>> {
    private final DedupSettings settings;
    private final int shards;
    private transient MinHashSigner signer;

    SignFn(DedupSettings settings, int shards) {
      this.settings = settings;
      this.shards = shards;
    }

    @Setup
    public void setup() {
      signer = settings.signature().newSigner();
    }

    @Teardown
    public void teardown() {
      if (signer != null) {
        signer.close();
      }
    }

    @ProcessElement
    public void process(@Element Outcome outcome, MultiOutputReceiver out) {
      if (outcome instanceof Outcome.Rejected r) {
        out.get(PASSED_ON).output(WriteShards.rejectionRow(r.rejection(), shards));
        return;
      }
      Document d = ((Outcome.Kept) outcome).document();
      MinHashSignature sig;
      ShingleSet shingles = null;
      if (settings.exactVerification()) {
        MinHashSigner.Signed signed = signer.signWithShingles(d.kind(), d.text());
        sig = signed.signature();
        shingles = signed.shingles();
      } else {
        sig = signer.sign(d);
      }
      List<BandKey> bandKeys = settings.banding().bandKeys(sig);
      long[] bands = new long[bandKeys.size()];
      for (int i = 0; i < bands.length; i++) {
        // one 64-bit shuffle key per band: a collision across bands only adds a candidate pair,
        // which verification then judges
        BandKey k = bandKeys.get(i);
        bands[i] = k.hash() ^ (k.band() + 1) * 0x9E3779B97F4A7C15L;
      }
      String key = internalKey(d);
      out.get(SIGNED).output(KV.of(ExactKey.of(settings.normalizer(), d.text()).hex(),
          Encoded.bytes(ExactMemberCoder.of(), new ExactMember(SignatureRecord.of(key, d, 1, sig, shingles), sourceKey(d), bands))));
      if (!ReadPriorRelease.isPrior(d)) {
        out.get(DOCUMENT_ROWS).output(KV.of(key, Encoded.bytes(AvroRowCoder.documents(), d))); // encoded once, here
      }
    }
  }

  /**
   * Keeps one document per exact group, deciding on signature records in a single pass (Flink's
   * grouped values can be read only once). The survivor's record, standing for the group's size,
   * and its band keys go on to near-dedup, the band keys in {@link BandEntries} batches per band
   * group ({@link PendingBatches}); each other document of this run becomes an {@link
   * ExactLoss} keyed by the survivor; a group of several gives its survivor's exact copy count.
   * Earlier releases win first, then the survivor rule, then the source (file, then offset), so
   * every runner agrees.
   */
  static final class ExactGroupFn extends DoFn<KV<String, Iterable<byte[]>>, SignatureRecord> {
    private final Counter removed = Metrics.counter(DedupDocuments.class, "exact_duplicates");
    private final DedupSettings settings;
    private final int bandGroups;
    /** Band entries not yet sent, by band group. */
    private transient PendingBatches<BandEntries> pending;

    ExactGroupFn(DedupSettings settings, int bandGroups) {
      this.settings = settings;
      this.bandGroups = bandGroups;
    }

    @StartBundle
    public void startBundle() {
      pending = new PendingBatches<>(bandGroups, () -> new BandEntries(16), BandEntries::size, MAX_BATCH, MAX_HELD);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      pending.sendAll(b -> c.output(BANDS, b, GlobalWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<byte[]>> group, MultiOutputReceiver out) {
      // same rank and id (the same record in two files): the source (file, then offset) decides
      java.util.Comparator<ExactMember> order =
          java.util.Comparator.<ExactMember, Boolean>comparing(e -> !isPriorKey(e.record().id()))
              .thenComparing(e -> e.record().documentMember(), settings.survivorRule().order())
              .thenComparing(ExactMember::source)
              .thenComparing(e -> e.record().id());
      ExactMember best = null;
      List<String> losers = new ArrayList<>();
      int n = 0;
      for (byte[] bytes : group.getValue()) {
        ExactMember e = Encoded.value(ExactMemberCoder.of(), bytes);
        n++;
        ExactMember loser = e;
        if (best == null) {
          best = e;
          continue;
        }
        if (order.compare(e, best) < 0) {
          loser = best;
          best = e;
        }
        if (!isPriorKey(loser.record().id())) { // a copy inside the earlier releases is not this run's to write
          losers.add(loser.record().id());
        }
      }
      String bestKey = best.record().id();
      out.get(SIGNATURES).output(best.record().representing(n));
      for (long band : best.bandKeys()) {
        int g = BandEntries.group(band, bandGroups);
        pending.batch(g).add(band, bestKey);
        pending.added(g, b -> out.get(BANDS).output(b));
      }
      if (n > 1) {
        out.get(EXACT_COPIES).output(KV.of(bestKey, n));
      }
      String prefix = group.getKey().substring(0, 16);
      for (String loser : losers) {
        removed.inc();
        out.get(EXACT_LOSSES).output(KV.of(bestKey, new ExactLoss(loser, prefix, isPriorKey(bestKey), bestKey, 1.0)));
      }
    }
  }

  /**
   * An exact duplicate, until it is written as a rejection: its internal key, the first 16 hex
   * digits of its exact key, whether its group survivor is a document of an earlier release, and
   * the document it finally points at (the group survivor, or the survivor of the near cluster that
   * survivor lost to) with that document's similarity.
   */
  record ExactLoss(String loserKey, String exactKeyPrefix, boolean survivorPrior, String finalSurvivorKey, double similarity)
      implements java.io.Serializable {
    static final org.apache.beam.sdk.coders.Coder<ExactLoss> CODER = org.apache.beam.sdk.coders.SerializableCoder.of(ExactLoss.class);
  }

  /**
   * The candidate pairs of every bucket in one band group ({@link BandEntries#proposePairs}), sent
   * on in {@link CandidatePairs} batches grouped by their first document ({@link PendingBatches}).
   */
  static final class ProposePairsFn extends DoFn<KV<Integer, Iterable<BandEntries>>, KV<Integer, CandidatePairs>> {
    private final Counter bigBuckets = Metrics.counter(DedupDocuments.class, "buckets_over_max_bucket_pairs");
    private final int maxBucketPairs;
    private final int pairGroups;
    private transient PendingBatches<CandidatePairs> pending;

    ProposePairsFn(int maxBucketPairs, int pairGroups) {
      this.maxBucketPairs = maxBucketPairs;
      this.pairGroups = pairGroups;
    }

    @StartBundle
    public void startBundle() {
      pending = new PendingBatches<>(pairGroups, () -> new CandidatePairs(16), CandidatePairs::size, MAX_BATCH, MAX_HELD);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      pending.sendAll(b -> c.output(b, GlobalWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<BandEntries>> group, OutputReceiver<KV<Integer, CandidatePairs>> out) {
      BandEntries all = new BandEntries(256);
      for (BandEntries batch : group.getValue()) {
        all.addAll(batch);
      }
      bigBuckets.inc(all.proposePairs(maxBucketPairs, (a, b) -> {
        int g = CandidatePairs.group(a, pairGroups);
        pending.batch(g).add(a, b);
        pending.added(g, out::output);
      }));
    }
  }

  /** The distinct pairs of one pair group, keyed by their first document. */
  static final class DistinctPairsFn extends DoFn<KV<Integer, Iterable<CandidatePairs>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<CandidatePairs>> group, OutputReceiver<KV<String, String>> out) {
      CandidatePairs all = new CandidatePairs(256);
      for (CandidatePairs batch : group.getValue()) {
        all.addAll(batch);
      }
      all.distinct((a, b) -> out.output(KV.of(a, b)));
    }
  }

  static final class KeyByIdFn extends DoFn<SignatureRecord, KV<String, SignatureRecord>> {
    @ProcessElement
    public void process(@Element SignatureRecord r, OutputReceiver<KV<String, SignatureRecord>> out) {
      out.output(KV.of(r.id(), r));
    }
  }

  static final class ToSecondFn extends DoFn<KV<String, CoGbkResult>, KV<String, KV<String, SignatureRecord>>> {
    private final TupleTag<String> pairTag;
    private final TupleTag<SignatureRecord> sigTag;

    ToSecondFn(TupleTag<String> pairTag, TupleTag<SignatureRecord> sigTag) {
      this.pairTag = pairTag;
      this.sigTag = sigTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, KV<String, SignatureRecord>>> out) {
      SignatureRecord first = e.getValue().getOnly(sigTag, null);
      if (first == null) {
        return;
      }
      for (String second : e.getValue().getAll(pairTag)) {
        out.output(KV.of(second, KV.of(first.id(), first)));
      }
    }
  }

  static final class VerifyFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    private final Counter verified = Metrics.counter(DedupDocuments.class, "pairs_verified");
    private final Counter refuted = Metrics.counter(DedupDocuments.class, "pairs_refuted");
    private final SimilarityVerifier verifier;
    private final TupleTag<KV<String, SignatureRecord>> halfTag;
    private final TupleTag<SignatureRecord> sigTag;

    VerifyFn(SimilarityVerifier verifier, TupleTag<KV<String, SignatureRecord>> halfTag, TupleTag<SignatureRecord> sigTag) {
      this.verifier = verifier;
      this.halfTag = halfTag;
      this.sigTag = sigTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, String>> out) {
      SignatureRecord second = e.getValue().getOnly(sigTag, null);
      if (second == null) {
        return;
      }
      for (KV<String, SignatureRecord> half : e.getValue().getAll(halfTag)) {
        if (similarity(verifier, half.getValue(), second) >= verifier.threshold()) {
          verified.inc();
          out.output(KV.of(half.getKey(), second.id()));
        } else {
          refuted.inc();
        }
      }
    }
  }

  static final class StarMapFn extends DoFn<KV<String, String>, KV<String, String>> {
    private final boolean large;

    StarMapFn(boolean large) {
      this.large = large;
    }

    @ProcessElement
    public void process(@Element KV<String, String> e, OutputReceiver<KV<String, String>> out) {
      Edge edge = new Edge(e.getKey(), e.getValue());
      for (Edge x : large ? StarConnectedComponents.largeStarMap(edge) : StarConnectedComponents.smallStarMap(edge)) {
        out.output(KV.of(x.from(), x.to()));
      }
    }
  }

  static final class StarFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    private final boolean large;

    StarFn(boolean large) {
      this.large = large;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> node, MultiOutputReceiver out) {
      StarConnectedComponents.StarStep step = large
          ? StarConnectedComponents.largeStar(node.getKey(), node.getValue())
          : StarConnectedComponents.smallStar(node.getKey(), node.getValue());
      for (Edge x : step.edges()) {
        out.get(EDGES).output(KV.of(x.from(), x.to()));
      }
      if (step.changed()) {
        out.get(CHANGES).output(KV.of(node.getKey(), 1));
      }
    }
  }

  static final class NotConvergedFn extends DoFn<KV<String, Integer>, Void> {
    private final int rounds;

    NotConvergedFn(int rounds) {
      this.rounds = rounds;
    }

    @ProcessElement
    public void process(@Element KV<String, Integer> change) {
      throw new IllegalStateException("near-duplicate clustering did not converge in " + rounds
          + " rounds (document " + idOf(change.getKey()) + " still changed); raise dedup.cc_rounds");
    }
  }

  static final class MembershipFn extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> star, OutputReceiver<KV<String, String>> out) {
      // after convergence every edge is (member, smallest id of its component)
      out.output(KV.of(star.getKey(), star.getValue()));
      out.output(KV.of(star.getValue(), star.getValue()));
    }
  }

  static final class KeyByComponentFn extends DoFn<KV<String, CoGbkResult>, KV<String, SignatureRecord>> {
    private final TupleTag<String> compTag;
    private final TupleTag<SignatureRecord> sigTag;

    KeyByComponentFn(TupleTag<String> compTag, TupleTag<SignatureRecord> sigTag) {
      this.compTag = compTag;
      this.sigTag = sigTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, SignatureRecord>> out) {
      String comp = e.getValue().getOnly(compTag, null);
      SignatureRecord sig = e.getValue().getOnly(sigTag, null);
      if (comp != null && sig != null) {
        out.output(KV.of(comp, sig));
      }
    }
  }

  /**
   * Jaccard of the shingle fingerprints when the records carry them (exact verification, one linear
   * merge), else the estimate from the signatures.
   */
  static double similarity(SimilarityVerifier verifier, SignatureRecord a, SignatureRecord b) {
    if (a.hasShingles() && b.hasShingles()) {
      return a.fingerprints().jaccard(b.fingerprints());
    }
    if (a.values().length == 0 || b.values().length == 0) {
      throw new IllegalStateException("signature records of mixed verification modes: " + idOf(a.id()) + ", " + idOf(b.id()));
    }
    return a.signature().estimatedJaccard(b.signature());
  }

  static final class ClusterSurvivorFn extends DoFn<KV<String, Iterable<SignatureRecord>>, KV<String, Decision>> {
    private final Counter clusters = Metrics.counter(DedupDocuments.class, "near_clusters");
    private final DedupSettings settings;

    ClusterSurvivorFn(DedupSettings settings) {
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<SignatureRecord>> cluster, OutputReceiver<KV<String, Decision>> out) {
      // one pass (Flink's grouped values can be read once): a cluster's signatures, ~1 KB each, are
      // held in memory, so one cluster of a million documents needs about 1 GB
      List<SignatureRecord> members = new ArrayList<>();
      cluster.getValue().forEach(members::add);
      SimilarityVerifier verifier = settings.verifier();
      java.util.Comparator<ClusterMember> rule = settings.survivorRule().order();
      java.util.Comparator<SignatureRecord> order =
          java.util.Comparator.<SignatureRecord, Boolean>comparing(r -> !isPriorKey(r.id())) // earlier releases first
              .thenComparing(SignatureRecord::member, rule);
      GreedySurvivors<SignatureRecord> greedy = new GreedySurvivors<>(
          order, (a, b) -> similarity(verifier, a, b), verifier.threshold(), GreedySurvivors.DEFAULT_MAX_SURVIVORS);
      List<GreedySurvivors.Assignment<SignatureRecord>> assigned = greedy.assign(members);
      java.util.Map<Integer, Integer> sizes = new java.util.HashMap<>();
      for (GreedySurvivors.Assignment<SignatureRecord> a : assigned) {
        sizes.merge(a.clusterIndex(), a.member().represented(), Integer::sum);
      }
      clusters.inc(sizes.size());
      for (GreedySurvivors.Assignment<SignatureRecord> a : assigned) {
        out.output(KV.of(a.member().id(), new Decision(a.survivor().id(), sizes.get(a.clusterIndex()),
            a.similarity(), a.member().hasShingles())));
      }
    }
  }

  /**
   * Writes each document of this run once: an exact duplicate as an {@code exact_duplicate}
   * rejection pointing at its final survivor; an exact survivor with its exact-copy lineage, then
   * kept ({@code no near duplicates} or as its cluster's survivor) or rejected as a {@code
   * near_duplicate}.
   */
  static final class ApplyDecisionFn extends DoFn<KV<String, CoGbkResult>, ShardRow> {
    private final Counter nearRemoved = Metrics.counter(DedupDocuments.class, "near_duplicates");
    private final TupleTag<byte[]> docTag;
    private final TupleTag<Decision> decTag;
    private final TupleTag<Integer> copiesTag;
    private final TupleTag<ExactLoss> lossTag;
    private final int shards;

    ApplyDecisionFn(TupleTag<byte[]> docTag, TupleTag<Decision> decTag, TupleTag<Integer> copiesTag, TupleTag<ExactLoss> lossTag, int shards) {
      this.shards = shards;
      this.docTag = docTag;
      this.decTag = decTag;
      this.copiesTag = copiesTag;
      this.lossTag = lossTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, MultiOutputReceiver out) {
      ExactLoss loss = e.getValue().getOnly(lossTag, null);
      Decision dec = e.getValue().getOnly(decTag, null);
      int exactCopies = e.getValue().getOnly(copiesTag, 1);
      for (byte[] bytes : e.getValue().getAll(docTag)) {
        Document d = Encoded.value(AvroRowCoder.documents(), bytes);
        if (loss != null) {
          rejected(out, shards, d.reject(EXACT_STEP, "exact_duplicate", "same normalised text (exact key " + loss.exactKeyPrefix() + ")"
                  + (loss.survivorPrior() ? " of a document of an earlier release" : ""))
              .asDuplicateOf(idOf(loss.finalSurvivorKey()), loss.similarity()));
          continue;
        }
        Document survivor = d.withStep(new LineageEntry(EXACT_STEP, LineageEntry.OK,
            exactCopies == 1 ? "unique text" : "kept for " + exactCopies + " exact copies"));
        if (dec == null) {
          kept(out, shards, survivor.withDedup(new DedupInfo(d.id(), exactCopies))
              .withStep(new LineageEntry(NEAR_STEP, LineageEntry.OK, "no near duplicates")));
        } else if (dec.survivorKey().equals(e.getKey())) {
          kept(out, shards, survivor.withDedup(new DedupInfo(d.id(), dec.clusterSize()))
              .withStep(new LineageEntry(NEAR_STEP, LineageEntry.OK, "kept for a cluster of " + dec.clusterSize() + " documents")));
        } else {
          nearRemoved.inc();
          double sim = Math.round(dec.similarity() * 1e6) / 1e6;
          rejected(out, shards, survivor.withDedup(DedupInfo.NONE)
              .reject(NEAR_STEP, "near_duplicate", (dec.exact() ? "Jaccard " : "estimated Jaccard ") + sim + " with " + dec.survivorId()
                  + (isPriorKey(dec.survivorKey()) ? " of an earlier release" : ""))
              .asDuplicateOf(dec.survivorId(), sim));
        }
      }
    }
  }

  private static void kept(DoFn.MultiOutputReceiver out, int shards, Document d) {
    out.get(KEPT_ROWS).output(WriteShards.documentRow(d, shards));
  }

  private static void rejected(DoFn.MultiOutputReceiver out, int shards, Rejection r) {
    out.get(REJECTED_ROWS).output(WriteShards.rejectionRow(r, shards));
  }

  static final class KeyByDuplicateOfFn extends DoFn<Rejection, KV<String, Rejection>> {
    @ProcessElement
    public void process(@Element Rejection r, OutputReceiver<KV<String, Rejection>> out) {
      out.output(KV.of(r.duplicateOf(), r));
    }
  }

  /** Re-keys exact duplicates by their own key, pointing at their group survivor's final survivor. */
  static final class RepointFn extends DoFn<KV<String, CoGbkResult>, KV<String, ExactLoss>> {
    private final TupleTag<ExactLoss> lossTag;
    private final TupleTag<Decision> decTag;

    RepointFn(TupleTag<ExactLoss> lossTag, TupleTag<Decision> decTag) {
      this.lossTag = lossTag;
      this.decTag = decTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, ExactLoss>> out) {
      Decision dec = e.getValue().getOnly(decTag, null);
      for (ExactLoss loss : e.getValue().getAll(lossTag)) {
        ExactLoss x = loss;
        if (dec != null && !dec.survivorKey().equals(e.getKey())) {
          x = new ExactLoss(loss.loserKey(), loss.exactKeyPrefix(), loss.survivorPrior(), dec.survivorKey(),
              Math.round(dec.similarity() * 1e6) / 1e6);
        }
        out.output(KV.of(x.loserKey(), x));
      }
    }
  }
}
