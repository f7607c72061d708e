package org.provenant.pipelines;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.step.Outcome;
import org.provenant.pipelines.coders.AvroRowCoder;
import org.provenant.pipelines.coders.Encoded;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.config.StepPlan;
import org.provenant.pipelines.transforms.ApplySteps;
import org.provenant.pipelines.transforms.DedupDocuments;
import org.provenant.pipelines.transforms.ExtractText;
import org.provenant.pipelines.transforms.ReadInputs;
import org.provenant.pipelines.transforms.ReadPriorRelease;
import org.provenant.pipelines.transforms.ShardRow;
import org.provenant.pipelines.transforms.WriteManifest;
import org.provenant.pipelines.transforms.WriteShards;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * The curation pipeline, top to bottom as the data flows: read inputs, extract text, run each
 * kind's steps, dedup, write kept documents and rejections as deterministic Parquet shards, and
 * write the manifest last. Extraction hands documents to the steps as objects (fused, on Flink);
 * kept documents then travel encoded ({@link Encoded}) to the shard rows ({@link ShardRow}) that
 * dedup makes where it decides, so each is decoded only where a step needs it as an object.
 */
public final class CuratePipeline {
  private CuratePipeline() {}

  /** Adds the curation of {@code run} to {@code p}. */
  public static void build(Pipeline p, CurationRun run) {
    CurationConfig config = run.config();
    StepPlan plan = config.plan();
    CurationConfig.Dedup dedup = config.dedup();
    int shards = config.output().shards();
    checkOnTheDriver(plan, dedup);

    PCollectionTuple read = p.apply("ReadInputs", ReadInputs.of(run.inputs(), config.read()));
    // ReadInputs spreads the records over the workers
    PCollection<Candidate> candidates = read.get(ReadInputs.CANDIDATES);
    // extraction's rejections go on with the documents: ApplySteps passes them on (one output
    // between the two, so on Flink they run fused and a document is handed over by reference)
    PCollection<Outcome> extracted = candidates.apply("ExtractText", ExtractText.with(config.extract()));
    PCollectionTuple curated = extracted.apply("ApplySteps", ApplySteps.of(plan));
    PCollectionList<Rejection> rejections = PCollectionList.of(read.get(ReadInputs.REJECTED))
        .and(curated.get(ApplySteps.REJECTED));

    PCollection<ShardRow> keptRows;
    PCollectionList<ShardRow> rejectedRows = PCollectionList.of(
        rejections.apply("CollectRejections", Flatten.pCollections()).apply("EncodeRejections", WriteShards.encodeRejections(shards)));
    if (dedup.enabled()) {
      PCollectionTuple deduped = withEarlierReleases(p, curated.get(ApplySteps.KEPT), dedup)
          .apply("Dedup", DedupDocuments.of(dedup.settings(), dedup.near(), dedup.ccRounds(), dedup.maxBucketPairs(), dedup.bandGroups(), shards));
      keptRows = deduped.get(DedupDocuments.KEPT_ROWS);
      rejectedRows = rejectedRows.and(deduped.get(DedupDocuments.REJECTED_ROWS));
    } else {
      keptRows = curated.get(ApplySteps.KEPT)
          .apply("DecodeDocuments", Encoded.decode(AvroRowCoder.documents()))
          .apply("EncodeDocumentRows", WriteShards.encodeDocuments(shards));
    }

    PCollection<ShardEntry> dataShards = keptRows.apply("WriteDataShards", WriteShards.documentRows(run.outputDir(), shards));
    PCollection<ShardEntry> rejectedShards = rejectedRows.apply("CollectRejectedRows", Flatten.pCollections())
        .apply("WriteRejectedShards", WriteShards.rejectionRows(run.outputDir(), shards));
    PCollectionList.of(dataShards).and(rejectedShards)
        .apply("WriteManifest", WriteManifest.of(read.get(ReadInputs.FILES), run));
  }

  /**
   * Builds every step once on the driver, so a missing list file or a bad value is one error line
   * now rather than a worker failure later (steps read their files through Beam's file systems).
   */
  private static void checkOnTheDriver(StepPlan plan, CurationConfig.Dedup dedup) {
    org.provenant.pipelines.io.ParquetBenchmarkItems.install();
    for (CurationConfig.StepConfig step : plan.steps()) {
      step.build();
    }
    if (!dedup.against().isEmpty() && !dedup.enabled()) {
      throw new IllegalArgumentException("dedup against an earlier output needs dedup.enabled");
    }
  }

  /** The documents to dedup, with the kept documents of the earlier releases dedup is to count as kept. */
  private static PCollection<byte[]> withEarlierReleases(Pipeline p, PCollection<byte[]> docs, CurationConfig.Dedup dedup) {
    if (dedup.against().isEmpty()) {
      return docs;
    }
    PCollection<Document> prior = p.apply("ReadEarlierReleases", ReadPriorRelease.of(dedup.against()));
    return PCollectionList.of(docs).and(prior.apply("EncodeEarlierReleases", Encoded.encode(AvroRowCoder.documents())))
        .apply("WithEarlierReleases", Flatten.pCollections());
  }
}
