package org.provenant.pipelines;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.step.Outcome;
import org.provenant.pipelines.coders.OutcomeCoder;
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
import org.provenant.schemas.manifest.ShardEntry;

/**
 * The curation pipeline, top to bottom as the data flows: read inputs, extract text, run each
 * kind's steps, dedup, write kept documents and rejections as deterministic Parquet shards, and
 * write the manifest last. Extraction, the steps and dedup's signing hand each document on as an
 * object, one output to one consumer (one operator chain, on Flink); signing encodes it once, and
 * it travels as bytes to the shard row ({@link ShardRow}) that dedup makes where it decides.
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
    PCollection<Outcome> curated = extracted.apply("ApplySteps", ApplySteps.of(plan));
    // the steps' outcomes go on to one consumer too (dedup's signing, or the rows' encoding), which
    // runs in the same chain: kept documents become shard rows where their fate is decided, and
    // every rejection so far becomes a rejection row on the way
    PCollectionTuple rows = dedup.enabled()
        ? withEarlierReleases(p, curated, dedup)
            .apply("Dedup", DedupDocuments.of(dedup.settings(), dedup.near(), dedup.ccRounds(), dedup.maxBucketPairs(), dedup.bandGroups(), shards))
        : curated.apply("EncodeRows", WriteShards.encodeOutcomes(shards));
    PCollection<ShardRow> keptRows = rows.get(WriteShards.KEPT_ROWS);
    PCollection<ShardRow> rejectedRows = PCollectionList
        .of(read.get(ReadInputs.REJECTED).apply("EncodeReadRejections", WriteShards.encodeRejections(shards)))
        .and(rows.get(WriteShards.REJECTED_ROWS))
        .apply("CollectRejectedRows", Flatten.pCollections());

    PCollection<ShardEntry> dataShards = keptRows.apply("WriteDataShards", WriteShards.documentRows(run.outputDir(), shards));
    PCollection<ShardEntry> rejectedShards = rejectedRows.apply("WriteRejectedShards", WriteShards.rejectionRows(run.outputDir(), shards));
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

  /** The outcomes to dedup, with the kept documents of the earlier releases dedup is to count as kept. */
  private static PCollection<Outcome> withEarlierReleases(Pipeline p, PCollection<Outcome> outcomes, CurationConfig.Dedup dedup) {
    if (dedup.against().isEmpty()) {
      return outcomes;
    }
    PCollection<Outcome> prior = p.apply("ReadEarlierReleases", ReadPriorRelease.of(dedup.against()))
        .apply("AsKept", MapElements.into(TypeDescriptor.of(Outcome.class)).via(Outcome::keep))
        .setCoder(OutcomeCoder.of());
    return PCollectionList.of(outcomes).and(prior).apply("WithEarlierReleases", Flatten.pCollections());
  }
}
