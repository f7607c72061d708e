package org.provenant.bench;

import com.google.common.io.ByteStreams;
import com.google.common.io.CountingOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PValue;
import org.provenant.pipelines.CuratePipeline;
import org.provenant.pipelines.CurationRun;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.manifest.RunManifest.ToolInfo;

/**
 * Runs Provenant's curation pipeline (the same {@link CuratePipeline} as {@code provenant curate})
 * in this JVM on a JSONL corpus, times it, and reads its Parquet output back into two files beside
 * the output directory's {@code data/}: {@code clusters.tsv} ({@code id<TAB>cluster}, where the
 * cluster is {@code dedup.cluster_id} for kept rows and {@code duplicate_of} for duplicates) and
 * {@code duplicate-of.tsv} ({@code id<TAB>duplicate_of} for each exact or near duplicate).
 *
 * <p>With {@code --count-shuffle} every {@link GroupByKey} input of the built pipeline gets an
 * extra consumer that encodes each element with that collection's own coder and counts the bytes
 * (counter namespace {@code shuffle}): the bytes handed to each shuffle, measured, not computed.
 * It adds work, so such a run is not timed for the comparison.
 *
 * <pre>java -cp ... org.provenant.bench.ProvenantDedupRun CORPUS.jsonl OUT_DIR
 *     [--config JSON] [--count-shuffle] [BEAM ARGS, e.g. --runner=FlinkRunner --parallelism=2]</pre>
 */
public final class ProvenantDedupRun {
  private ProvenantDedupRun() {}

  /** Outcome: wall seconds of the pipeline (JVM start and output reading excluded). */
  public record Outcome(double seconds, long kept, long duplicates, long otherRejections, Map<String, Long> counters) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ProvenantDedupRun CORPUS.jsonl OUT_DIR [--config JSON] [--count-shuffle] [beam args]");
      System.exit(2);
    }
    String config = "{\"dedup\":{\"enabled\":true,\"near\":true},\"output\":{\"shards\":4}}";
    boolean countShuffle = false;
    List<String> beamArgs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--config")) {
        config = args[++i];
      } else if (args[i].equals("--count-shuffle")) {
        countShuffle = true;
      } else {
        beamArgs.add(args[i]);
      }
    }
    Outcome o = run(Path.of(args[0]), Path.of(args[1]), CurationConfig.parse(config), countShuffle, beamArgs);
    System.out.printf("RESULT provenant runner=%s docs=%d seconds=%.2f docs_per_s=%.0f kept=%d duplicates=%d other_rejections=%d%n",
        beamArgs, o.kept + o.duplicates + o.otherRejections, o.seconds,
        (o.kept + o.duplicates + o.otherRejections) / o.seconds, o.kept, o.duplicates, o.otherRejections);
    o.counters.forEach((k, v) -> System.out.printf("COUNTER %s %d%n", k, v));
  }

  /** Runs the pipeline on {@code corpus} into {@code outDir} (emptied first) and writes the TSVs. */
  public static Outcome run(Path corpus, Path outDir, CurationConfig config, boolean countShuffle, List<String> beamArgs)
      throws IOException {
    PipelineOptions options = PipelineOptionsFactory.fromArgs(beamArgs.toArray(new String[0])).withValidation().create();
    options.as(org.apache.beam.sdk.options.ApplicationNameOptions.class).setAppName("provenant-bench");
    if (options.getRunner() == org.apache.beam.runners.direct.DirectRunner.class) {
      // as Curator does for a curation run
      options.as(DirectOptions.class).setEnforceImmutability(false);
      options.as(DirectOptions.class).setEnforceEncodability(false);
    }
    if (options.getRunner() == FlinkRunner.class) {
      FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
      if (flink.getFlinkMaster() == null || flink.getFlinkMaster().equals("[auto]")) {
        flink.setFlinkMaster("[local]");
      }
    }
    FileSystems.setDefaultPipelineOptions(options);
    if (Files.exists(outDir)) {
      try (var walk = Files.walk(outDir)) {
        for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    }
    Files.createDirectories(outDir.resolve("data"));
    Files.createDirectories(outDir.resolve("rejected"));
    String out = outDir.toAbsolutePath() + "/";
    CurationRun run = new CurationRun(List.of(corpus.toAbsolutePath().toString()), out, config,
        new ToolInfo("provenant", "bench", null), options.getRunner().getSimpleName(), Instant.now().toString());
    Pipeline p = Pipeline.create(options);
    CuratePipeline.build(p, run);
    if (countShuffle) {
      addShuffleCounters(p);
    }
    long start = System.nanoTime();
    PipelineResult result = p.run();
    PipelineResult.State state = result.waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("pipeline ended in state " + state);
    }
    Map<String, Long> counters = new TreeMap<>();
    for (MetricResult<Long> c : result.metrics().allMetrics().getCounters()) {
      counters.merge(c.getName().getNamespace().replaceAll(".*\\.", "") + "/" + c.getName().getName()
          + (c.getName().getNamespace().equals("shuffle") ? "" : ""), c.getAttempted(), Long::sum);
    }
    long[] counts = writeTsvs(outDir);
    return new Outcome(seconds, counts[0], counts[1], counts[2], counters);
  }

  /** Reads the output shards; returns kept, dedup-rejected, otherwise rejected. */
  static long[] writeTsvs(Path outDir) throws IOException {
    OutputDir dir = new OutputDir(outDir.toAbsolutePath() + "/");
    long[] counts = new long[3];
    try (PrintWriter clusters = new PrintWriter(Files.newBufferedWriter(outDir.resolve("clusters.tsv"), StandardCharsets.UTF_8));
        PrintWriter dups = new PrintWriter(Files.newBufferedWriter(outDir.resolve("duplicate-of.tsv"), StandardCharsets.UTF_8))) {
      for (MatchResult.Metadata f : dir.list("data/*.parquet")) {
        OutputDir.forEachRow(f, r -> {
          GenericRecord d = (GenericRecord) r.get("dedup");
          Object cluster = d == null ? null : d.get("cluster_id");
          clusters.println(r.get("id") + "\t" + (cluster == null ? r.get("id") : cluster));
          counts[0]++;
        });
      }
      for (MatchResult.Metadata f : dir.list("rejected/*.parquet")) {
        OutputDir.forEachRow(f, r -> {
          String reason = String.valueOf(r.get("reason"));
          if (reason.equals("exact_duplicate") || reason.equals("near_duplicate")) {
            clusters.println(r.get("id") + "\t" + r.get("duplicate_of"));
            dups.println(r.get("id") + "\t" + r.get("duplicate_of") + "\t" + reason);
            counts[1]++;
          } else {
            counts[2]++;
          }
        });
      }
    }
    return counts;
  }

  /** Adds a byte-counting consumer to the input of every primitive GroupByKey. */
  static void addShuffleCounters(Pipeline p) {
    Map<String, PCollection<?>> inputs = new TreeMap<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        // Flink translates these composites whole (its own combining / rebalancing shuffle): their
        // inner GroupByKey input never exists there, so count the composite's input instead (for a
        // Combine this is an upper bound: Flink pre-combines before the shuffle)
        if (node.getTransform() instanceof org.apache.beam.sdk.transforms.Combine.PerKey
            || node.getTransform() instanceof org.apache.beam.sdk.transforms.Reshuffle) {
          for (PValue v : node.getInputs().values()) {
            inputs.put(node.getFullName() + " [whole]", (PCollection<?>) v);
          }
          return CompositeBehavior.DO_NOT_ENTER_TRANSFORM;
        }
        return CompositeBehavior.ENTER_TRANSFORM;
      }

      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        if (node.getTransform() instanceof GroupByKey) {
          for (PValue v : node.getInputs().values()) {
            inputs.put(node.getFullName(), (PCollection<?>) v);
          }
        }
      }
    });
    int i = 0;
    for (Map.Entry<String, PCollection<?>> e : inputs.entrySet()) {
      count(e.getValue(), e.getKey(), i++);
    }
  }

  private static <T> void count(PCollection<T> pc, String name, int index) {
    pc.apply("CountShuffleBytes" + index, ParDo.of(new CountBytesFn<>(pc.getCoder(), name)));
  }

  /** Encodes each element with the shuffle's coder and counts bytes and elements. */
  static final class CountBytesFn<T> extends DoFn<T, Void> {
    private final Coder<T> coder;
    private final Counter bytes;
    private final Counter elements;

    CountBytesFn(Coder<T> coder, String name) {
      this.coder = coder;
      this.bytes = Metrics.counter("shuffle", name + "#bytes");
      this.elements = Metrics.counter("shuffle", name + "#elements");
    }

    @ProcessElement
    public void process(@Element T e) throws IOException {
      CountingOutputStream c = new CountingOutputStream(ByteStreams.nullOutputStream());
      coder.encode(e, c);
      bytes.inc(c.getCount());
      elements.inc();
    }
  }
}
