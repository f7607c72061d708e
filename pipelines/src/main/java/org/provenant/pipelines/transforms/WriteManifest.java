package org.provenant.pipelines.transforms;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.provenant.pipelines.CurationRun;
import org.provenant.pipelines.io.ShardFiles;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.release.ReleaseFiles;
import org.provenant.pipelines.release.ReleaseInfo;
import org.provenant.pipelines.release.ReleaseOptions;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.manifest.Counts;
import org.provenant.schemas.manifest.InputFileEntry;
import org.provenant.schemas.manifest.ManifestJson;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * Writes {@code OUT/manifest.json} once every shard is in place (it consumes their entries, so it
 * cannot run earlier), through a temporary file and a rename: an output directory without it is an
 * incomplete run. Gathers only per-file and per-shard summaries on one worker, never documents.
 * Then writes croissant.json and the dataset card README.md from the manifest and a few projected
 * columns of the shards ({@link ReleaseFiles}).
 */
public final class WriteManifest extends PTransform<PCollectionList<ShardEntry>, PDone> {
  private final PCollection<InputFileEntry> files;
  private final CurationRun run;

  private WriteManifest(PCollection<InputFileEntry> files, CurationRun run) {
    this.files = files;
    this.run = run;
  }

  /** Applied to {@code [dataShards, rejectedShards]}, with the per-file entries of the same run. */
  public static WriteManifest of(PCollection<InputFileEntry> files, CurationRun run) {
    return new WriteManifest(files, run);
  }

  /** One summary for the manifest: an input file, a data shard or a rejected shard. */
  record Part(InputFileEntry file, ShardEntry dataShard, ShardEntry rejectedShard) implements Serializable {}

  @Override
  public PDone expand(PCollectionList<ShardEntry> shards) {
    if (shards.size() != 2) {
      throw new IllegalArgumentException("expected [data shards, rejected shards], got " + shards.size() + " collections");
    }
    TypeDescriptor<Part> part = TypeDescriptor.of(Part.class);
    PCollection<Part> fileParts = files.apply("FileParts", MapElements.into(part).via(f -> new Part(f, null, null)));
    PCollection<Part> dataParts = shards.get(0).apply("DataShardParts", MapElements.into(part).via(s -> new Part(null, s, null)));
    PCollection<Part> rejectedParts = shards.get(1).apply("RejectedShardParts", MapElements.into(part).via(s -> new Part(null, null, s)));
    SerializableCoder<Part> coder = SerializableCoder.of(Part.class);
    fileParts.setCoder(coder);
    dataParts.setCoder(coder);
    rejectedParts.setCoder(coder);
    PCollectionList.of(fileParts).and(dataParts).and(rejectedParts)
        .apply("AllParts", Flatten.pCollections())
        .apply("GatherParts", Combine.globally(new GatherFn()))
        .setCoder(ListCoder.of(coder))
        .apply("WriteManifestFile", ParDo.of(new WriteFn(run)));
    return PDone.in(files.getPipeline());
  }

  /** Gathers the (few) summaries into one list; the manifest needs them all on one worker. */
  static final class GatherFn extends Combine.CombineFn<Part, List<Part>, List<Part>> {
    @Override
    public List<Part> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<Part> addInput(List<Part> acc, Part p) {
      acc.add(p);
      return acc;
    }

    @Override
    public List<Part> mergeAccumulators(Iterable<List<Part>> accs) {
      List<Part> all = new ArrayList<>();
      accs.forEach(all::addAll);
      return all;
    }

    @Override
    public List<Part> extractOutput(List<Part> acc) {
      return acc;
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<List<Part>> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry, org.apache.beam.sdk.coders.Coder<Part> input) {
      return ListCoder.of(input);
    }
  }

  static final class WriteFn extends DoFn<List<Part>, Void> {
    private final CurationRun run;

    WriteFn(CurationRun run) {
      this.run = run;
    }

    @ProcessElement
    public void process(@Element List<Part> parts, org.apache.beam.sdk.options.PipelineOptions options) throws IOException {
      List<InputFileEntry> inputs = new ArrayList<>();
      List<ShardEntry> data = new ArrayList<>();
      List<ShardEntry> rejected = new ArrayList<>();
      for (Part p : parts) {
        if (p.file() != null) {
          inputs.add(p.file());
        } else if (p.dataShard() != null) {
          data.add(p.dataShard());
        } else {
          rejected.add(p.rejectedShard());
        }
      }
      inputs.sort(Comparator.comparing(InputFileEntry::uri));
      data.sort(Comparator.comparing(ShardEntry::path));
      rejected.sort(Comparator.comparing(ShardEntry::path));
      RunManifest m = build(run, inputs, data, rejected, Instant.now().toString());
      ShardFiles.writeAtomically(FileSystems.matchNewResource(run.outputDir(), true), "manifest.json", ManifestJson.toBytes(m));
      // croissant.json and README.md describe the finished output, so they follow the manifest
      ReleaseFiles.write(new OutputDir(run.outputDir()), ReleaseInfo.from(options.as(ReleaseOptions.class)));
    }
  }

  /** The manifest for what a run read and wrote. */
  public static RunManifest build(
      CurationRun run, List<InputFileEntry> inputs, List<ShardEntry> data, List<ShardEntry> rejected, String finishedAt) {
    long recordsRead = inputs.stream().mapToLong(InputFileEntry::recordsRead).sum();
    long candidates = inputs.stream().mapToLong(InputFileEntry::candidates).sum();
    long kept = data.stream().mapToLong(ShardEntry::rows).sum();
    long rejectedRows = rejected.stream().mapToLong(ShardEntry::rows).sum();
    SortedMap<String, Long> byReason = new TreeMap<>();
    rejected.forEach(s -> s.rowsByReason().forEach((k, v) -> byReason.merge(k, v, Long::sum)));
    Counts counts = new Counts(recordsRead, candidates, kept, rejectedRows, byReason);
    return new RunManifest(
        ProvenantSchemas.FORMAT_VERSION,
        run.tool(),
        run.runner(),
        run.startedAt(),
        finishedAt,
        run.config().sha256(),
        ManifestJson.tree(run.config().canonicalJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        run.config().plan().presetSummary(),
        run.config().warnings(),
        run.mavenRepository(),
        inputs,
        counts,
        counts.balanced(),
        data,
        rejected,
        null);
  }
}
