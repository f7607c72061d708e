package org.provenant.pipelines.transforms;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.provenant.pipelines.coders.AvroRowCoder;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.AvroRows;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * Reads the kept documents of earlier Provenant outputs ({@code --dedup-against DIR}) so that dedup
 * treats them as already kept: they win every exact group and near-duplicate cluster they are in,
 * new documents that duplicate them are rejected with {@code duplicate_of} = the earlier document's
 * id, and they are never written again. Only outputs with a {@code manifest.json} (complete runs)
 * are accepted; their data shards are the ones the manifest lists, one shard per task.
 */
public final class ReadPriorRelease extends PTransform<PBegin, PCollection<Document>> {
  /** The lineage entry that marks a document of an earlier release inside dedup. */
  public static final String STEP = "prior_release@1";

  private final ImmutableList<String> shards;

  private ReadPriorRelease(List<String> shards) {
    this.shards = ImmutableList.copyOf(shards);
  }

  /**
   * The transform reading the data shards of the outputs {@code dirs}, listed from their
   * manifests now (on the driver).
   *
   * @throws IllegalArgumentException naming the directory when it has no manifest or cannot be read
   */
  public static ReadPriorRelease of(List<String> dirs) {
    List<String> shards = new ArrayList<>();
    for (String dir : dirs) {
      OutputDir out = new OutputDir(dir);
      Optional<RunManifest> m;
      try {
        m = out.manifest();
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("dedup against " + dir + ": cannot read its manifest.json: " + e.getMessage());
      }
      if (m.isEmpty()) {
        throw new IllegalArgumentException("dedup against " + dir + ": no manifest.json there, so it is not a complete Provenant output");
      }
      for (ShardEntry s : m.get().dataShards()) {
        shards.add(out.resolve(s.path()).toString());
      }
    }
    return new ReadPriorRelease(shards);
  }

  /**
   * Whether {@code d} is a document of an earlier release: its lineage holds this transform's
   * entry (documents this tool writes never do, since earlier releases are not written again).
   */
  public static boolean isPrior(Document d) {
    for (LineageEntry e : d.lineage()) {
      if (e.step().equals(STEP)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public PCollection<Document> expand(PBegin begin) {
    return begin
        .apply("ListShards", Create.of(shards).withCoder(StringUtf8Coder.of()))
        .apply("SpreadShards", Reshuffle.viaRandomKey())
        .apply("ReadShard", ParDo.of(new ReadShardFn()))
        .setCoder(AvroRowCoder.documents());
  }

  static final class ReadShardFn extends DoFn<String, Document> {
    private final Counter read = Metrics.counter(ReadPriorRelease.class, "prior_documents");

    @ProcessElement
    public void process(@Element String shard, OutputReceiver<Document> out) {
      try {
        MatchResult.Metadata md = FileSystems.matchSingleFileSpec(shard);
        OutputDir.forEachRow(md, r -> {
          read.inc();
          Document d = AvroRows.documentFrom(r);
          out.output(d.withStep(new LineageEntry(STEP, LineageEntry.OK, shard)));
        });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read earlier release shard " + shard + ": " + e.getMessage(), e);
      }
    }
  }
}
