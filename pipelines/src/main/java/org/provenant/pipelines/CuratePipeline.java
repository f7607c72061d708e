package org.provenant.pipelines;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.provenant.pipelines.coders.AvroRowCoder;
import org.provenant.pipelines.coders.Encoded;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.transforms.ApplySteps;
import org.provenant.pipelines.transforms.DedupDocuments;
import org.provenant.pipelines.transforms.ExtractText;
import org.provenant.pipelines.transforms.ReadInputs;
import org.provenant.pipelines.transforms.ReadPriorRelease;
import org.provenant.pipelines.transforms.WriteManifest;
import org.provenant.pipelines.transforms.WriteShards;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * The curation pipeline: read inputs, extract text, (curation steps), write kept documents and
 * rejections as deterministic Parquet shards, and write the manifest last.
 */
public final class CuratePipeline {
  private CuratePipeline() {}

  private static PCollection<Document> decoded(PCollection<byte[]> docs, String name) {
    return docs.apply(name, Encoded.decode(AvroRowCoder.documents()));
  }

  private static PCollection<byte[]> encoded(PCollection<Document> docs, String name) {
    return docs.apply(name, Encoded.encode(AvroRowCoder.documents()));
  }

  /** Adds the curation of {@code run} to {@code p}. */
  public static void build(Pipeline p, CurationRun run) {
    // build every step once on the driver, so a missing list file or a bad value is one error line
    // now rather than a worker failure later (steps read their files through Beam's file systems)
    org.provenant.filters.step.StepFiles.use(org.provenant.pipelines.io.BeamStepFiles.INSTANCE);
    org.provenant.pipelines.config.StepPlan plan = run.config().plan();
    for (CurationConfig.StepConfig step : plan.steps()) {
      step.build();
    }
    PCollectionTuple read = p.apply("ReadInputs", ReadInputs.of(run.inputs(), run.config().read()));
    // ReadInputs spreads the records over the workers
    PCollection<org.provenant.filters.read.Candidate> candidates = read.get(ReadInputs.CANDIDATES);
    PCollectionTuple extracted = candidates.apply("ExtractText", ExtractText.with(run.config().extract()));
    // documents stay in their encoded form (Encoded) until a step needs them as objects:
    // extraction hands its bytes straight to dedup's signing when there are no steps
    PCollection<byte[]> encoded = extracted.get(ExtractText.ENCODED_DOCUMENTS);
    PCollection<Document> kept = null;
    PCollectionList<Rejection> rejections =
        PCollectionList.of(read.get(ReadInputs.REJECTED)).and(extracted.get(ExtractText.REJECTED));
    if (!plan.isEmpty()) {
      // no steps, no stage: on Flink every stage boundary re-encodes each document
      PCollectionTuple stepped = decoded(encoded, "DecodeDocuments").apply("ApplySteps", ApplySteps.of(plan));
      kept = stepped.get(ApplySteps.KEPT);
      encoded = null;
      rejections = rejections.and(stepped.get(ApplySteps.REJECTED));
    }
    CurationConfig.Dedup dedup = run.config().dedup();
    // near-dedup hands on shard rows (shard, sort key, reason, Avro binary) rather than documents
    PCollection<KV<Integer, KV<String, KV<String, byte[]>>>> keptRows = null;
    PCollection<KV<Integer, KV<String, KV<String, byte[]>>>> dedupRejectedRows = null;
    if (!dedup.against().isEmpty() && !dedup.enabled()) {
      throw new IllegalArgumentException("dedup against an earlier output needs dedup.enabled");
    }
    if (dedup.enabled()) {
      PCollection<byte[]> toDedup = encoded != null ? encoded : encoded(kept, "EncodeDocuments");
      if (!dedup.against().isEmpty()) {
        PCollection<Document> prior = p.apply("ReadEarlierReleases", ReadPriorRelease.of(dedup.against()));
        toDedup = PCollectionList.of(toDedup).and(encoded(prior, "EncodeEarlierReleases"))
            .apply("WithEarlierReleases", Flatten.pCollections());
      }
      encoded = null;
      PCollectionTuple deduped = toDedup.apply("Dedup",
          DedupDocuments.of(dedup.settings(), dedup.near(), dedup.ccRounds(), dedup.maxBucketPairs(), dedup.bandGroups(), run.config().output().shards()));
      if (dedup.near()) {
        keptRows = deduped.get(DedupDocuments.KEPT_ROWS);
        dedupRejectedRows = deduped.get(DedupDocuments.REJECTED_ROWS);
      } else {
        kept = deduped.get(DedupDocuments.KEPT);
        rejections = rejections.and(deduped.get(DedupDocuments.REJECTED));
      }
    }
    int shards = run.config().output().shards();
    PCollection<KV<Integer, KV<String, KV<String, byte[]>>>> rejectedRows = rejections.apply("CollectRejections", Flatten.pCollections())
        .apply("EncodeRejections", WriteShards.encodeRejections(shards));
    if (dedupRejectedRows != null) {
      rejectedRows = PCollectionList.of(rejectedRows).and(dedupRejectedRows).apply("WithDuplicates", Flatten.pCollections());
    }
    // near-dedup writes each kept document's shard row where it decides, instead of decoding the
    // document again to encode it here
    if (keptRows == null && kept == null) {
      kept = decoded(encoded, "DecodeDocuments");
    }
    PCollection<ShardEntry> dataShards = keptRows != null
        ? keptRows.apply("WriteDataShards", WriteShards.documentRows(run.outputDir(), shards))
        : kept.apply("WriteDataShards", WriteShards.documents(run.outputDir(), shards));
    PCollection<ShardEntry> rejectedShards = rejectedRows.apply("WriteRejectedShards", WriteShards.rejectionRows(run.outputDir(), shards));
    PCollectionList.of(dataShards).and(rejectedShards)
        .apply("WriteManifest", WriteManifest.of(read.get(ReadInputs.FILES), run));
  }
}
