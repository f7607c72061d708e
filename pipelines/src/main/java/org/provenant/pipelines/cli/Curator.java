package org.provenant.pipelines.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.provenant.filters.read.InputFormat;
import org.provenant.pipelines.CuratePipeline;
import org.provenant.pipelines.CurationRun;
import org.provenant.pipelines.Progress;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.schemas.manifest.RunManifest.ToolInfo;

/**
 * Runs a curation from the command line's values: matches the input globs, prepares the output
 * directory, builds the Beam options (embedded Flink by default for the FlinkRunner, an in-process
 * {@code local[N]} master of one thread per core for the SparkRunner), runs the
 * pipeline with a progress line on a terminal, and reports. Tests call {@link #run} directly.
 */
public final class Curator {
  /** Tool name and version written in manifests. */
  public static final String VERSION = "0.1.0";

  /**
   * The Spark master when the SparkRunner is chosen without {@code --sparkMaster}: in-process, one
   * task thread per core of this machine (as the embedded Flink cluster runs one task per core).
   */
  public static String defaultSparkMaster() {
    return "local[" + Runtime.getRuntime().availableProcessors() + "]";
  }

  private final PrintStream err;
  private final boolean waitForJob;

  public Curator(PrintStream err) {
    this(err, true);
  }

  private Curator(PrintStream err, boolean waitForJob) {
    this.err = err;
    this.waitForJob = waitForJob;
  }

  /**
   * A curator that returns once a DataflowRunner job is submitted, without waiting for it to finish,
   * as a Flex Template launch needs; other runners run in this process and are refused.
   */
  public Curator withoutWaiting() {
    return new Curator(err, false);
  }

  /**
   * The outcome of a run: where it wrote and which runner ran it; {@code templateOnly} when only the
   * job specification was written, {@code submittedOnly} when a job was submitted and not waited for.
   */
  public record Result(String outputDir, String runner, PipelineResult.State state, boolean templateOnly, boolean submittedOnly) {}

  public Result run(List<String> inputGlobs, String output, CurationConfig config, boolean overwrite, List<String> beamArgs) {
    return run(inputGlobs, output, new org.provenant.pipelines.config.MavenRepositoryChoice(config,
        config.read().code().repository().map(r -> new org.provenant.schemas.manifest.MavenRepositoryEntry(
            r, org.provenant.schemas.manifest.MavenRepositoryEntry.CONFIG)).orElse(null)), overwrite, beamArgs);
  }

  /** As {@link #run(List, String, CurationConfig, boolean, List)}, with the Maven repository {@code choice} made. */
  public Result run(List<String> inputGlobs, String output, org.provenant.pipelines.config.MavenRepositoryChoice choice,
      boolean overwrite, List<String> beamArgs) {
    CurationConfig config = choice.config();
    PipelineOptions options = beamOptions(beamArgs);
    if (!waitForJob && options.getRunner() != DataflowRunner.class) {
      throw new UserError("--no-wait is for --runner=DataflowRunner only; " + options.getRunner().getSimpleName() + " runs in this process");
    }
    FileSystems.setDefaultPipelineOptions(options);
    List<String> files = matchInputs(inputGlobs);
    String outputDir = prepareOutput(output, overwrite);
    String runnerName = options.getRunner().getSimpleName();
    CurationRun run =
        new CurationRun(files, outputDir, config, new ToolInfo("provenant", VERSION, gitCommit()), runnerName, Instant.now().toString(),
            choice.entry());
    Pipeline p = Pipeline.create(options);
    try {
      CuratePipeline.build(p, run);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Progress.reset();
    Thread progress = progressLine(files.size());
    try {
      PipelineResult result = runOn(p, options, outputDir);
      if (options.getRunner() == DataflowRunner.class && options.as(DataflowPipelineOptions.class).getTemplateLocation() != null) {
        return new Result(outputDir, runnerName, null, true, false); // a template job has no state to ask for
      }
      if (!waitForJob) {
        return new Result(outputDir, runnerName, result.getState(), false, true);
      }
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new UserError("the pipeline ended in state " + state);
      }
      return new Result(outputDir, runnerName, state, false, false);
    } finally {
      if (progress != null) {
        progress.interrupt();
      }
    }
  }

  /**
   * Runs the pipeline; when a Flink cluster fails the job (every restart used, or the cluster itself
   * lost), says so in one line that names the cluster, the last cause and the incomplete output.
   */
  private static PipelineResult runOn(Pipeline p, PipelineOptions options, String outputDir) {
    try {
      return p.run();
    } catch (RuntimeException e) {
      String master = options.getRunner() == FlinkRunner.class ? options.as(FlinkPipelineOptions.class).getFlinkMaster() : null;
      if (!isRemoteFlinkMaster(master)) {
        throw e;
      }
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String cause = "the job on the Flink cluster at " + master + " failed (" + root.getClass().getSimpleName() + ": " + root.getMessage() + "); ";
      throw new UserError(cause + (hasManifest(outputDir)
          ? "check " + outputDir + " with: provenant verify " + outputDir
          : outputDir + " is incomplete: it has no manifest.json, and verify refuses it"));
    }
  }

  private static boolean hasManifest(String outputDir) {
    try {
      return !FileSystems.match(outputDir + (outputDir.endsWith("/") ? "" : "/") + "manifest.json").metadata().isEmpty();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  static PipelineOptions beamOptions(List<String> beamArgs) {
    PipelineOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(beamArgs.toArray(new String[0])).withValidation().create();
    } catch (IllegalArgumentException e) {
      throw new UserError("bad Beam option: " + e.getMessage().split("\n")[0]);
    }
    if (beamArgs.stream().noneMatch(a -> a.startsWith("--appName"))) {
      options.as(org.apache.beam.sdk.options.ApplicationNameOptions.class).setAppName("provenant");
    }
    if (options.getRunner() == org.apache.beam.runners.direct.DirectRunner.class) {
      // the DirectRunner's element checks re-encode every element several times; our coders are
      // tested for round trips, so a curation run skips them unless asked for
      org.apache.beam.runners.direct.DirectOptions direct = options.as(org.apache.beam.runners.direct.DirectOptions.class);
      if (beamArgs.stream().noneMatch(a -> a.startsWith("--enforceImmutability"))) {
        direct.setEnforceImmutability(false);
      }
      if (beamArgs.stream().noneMatch(a -> a.startsWith("--enforceEncodability"))) {
        direct.setEnforceEncodability(false);
      }
    }
    if (options.getRunner() == FlinkRunner.class) {
      FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
      if (flink.getFlinkMaster() == null || flink.getFlinkMaster().equals("[auto]")) {
        flink.setFlinkMaster("[local]");
      }
      if (flink.getFlinkMaster().equals("[local]") && beamArgs.stream().noneMatch(a -> a.startsWith("--parallelism"))) {
        // Beam gives an embedded mini-cluster Flink's parallelism.default, which is 1: the whole
        // job then ran in one task thread however many cores the machine has
        flink.setParallelism(Runtime.getRuntime().availableProcessors());
      }
      if (flink.getFlinkMaster().equals("[local]") && flink.getFlinkConfDir() == null && System.getenv("FLINK_CONF_DIR") == null
          && needsDelegationTokensOff(Runtime.version().feature())) {
        flink.setFlinkConfDir(confDirWithoutDelegationTokens().toString());
      }
      if (isRemoteFlinkMaster(flink.getFlinkMaster())) {
        // a cluster of separate processes: the job's jars go with it (all but Flink's own, which the
        // cluster has), and batch exchanges are blocking so that a lost TaskManager restarts only
        // the region that lost its results, not the whole job
        if (beamArgs.stream().noneMatch(a -> a.startsWith("--filesToStage"))) {
          flink.setFilesToStage(org.provenant.pipelines.cluster.FlinkClasspath.ofThisJvm().jobFiles());
        }
        if (beamArgs.stream().noneMatch(a -> a.startsWith("--executionModeForBatch"))) {
          flink.setExecutionModeForBatch("BATCH_FORCED");
        }
      }
    }
    if (options.getRunner() == SparkRunner.class) {
      if (beamArgs.stream().noneMatch(a -> a.startsWith("--sparkMaster"))) {
        options.as(SparkPipelineOptions.class).setSparkMaster(defaultSparkMaster());
      }
      if (options.as(SparkPipelineOptions.class).getSparkMaster().startsWith("local")) {
        inProcessSparkOnLoopback();
      }
    }
    return options;
  }

  /**
   * An in-process Spark master listens on 127.0.0.1 only and starts no web UI (Spark's default is
   * every interface and a UI on port 4040). Beam's SparkRunner builds its {@code SparkConf} from
   * {@code spark.*} system properties; one given with {@code -D} is kept.
   */
  static void inProcessSparkOnLoopback() {
    for (String[] kv : new String[][] {
        {"spark.driver.host", "127.0.0.1"}, {"spark.driver.bindAddress", "127.0.0.1"}, {"spark.ui.enabled", "false"}}) {
      if (System.getProperty(kv[0]) == null) {
        System.setProperty(kv[0], kv[1]);
      }
    }
  }

  /**
   * Whether the embedded Flink cluster must run with its delegation tokens off on a JVM of this
   * feature version: from JDK 23 {@code Subject.getSubject} throws, and Flink 1.19's token manager
   * (of no use to an in-process cluster) fails the job with "getSubject is not supported".
   */
  static boolean needsDelegationTokensOff(int jdkFeature) {
    return jdkFeature >= 23;
  }

  /** A Flink configuration directory, deleted on exit, whose one setting turns delegation tokens off. */
  static java.nio.file.Path confDirWithoutDelegationTokens() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("provenant-flink-conf");
      dir.toFile().deleteOnExit();
      java.nio.file.Path conf = dir.resolve("flink-conf.yaml");
      java.nio.file.Files.writeString(conf, "security.delegation.tokens.enabled: false\n");
      conf.toFile().deleteOnExit();
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write a Flink configuration for the embedded cluster", e);
    }
  }

  /** A {@code --flinkMaster} that names a cluster ({@code host:port}), not an embedded one ({@code [local]}, {@code [collection]}). */
  static boolean isRemoteFlinkMaster(String master) {
    return master != null && !master.matches("\\[(auto|local|collection)]");
  }

  /**
   * Every file the globs match, absolute, de-duplicated and sorted; each glob must match a readable
   * input. A local directory given as an input, or matched by a glob's last segment ({@code
   * repos/*}), is one code package and listed with a trailing {@code /}.
   */
  static List<String> matchInputs(List<String> globs) {
    if (globs.isEmpty()) {
      throw new UserError("no --input given");
    }
    TreeSet<String> files = new TreeSet<>();
    for (String glob : globs) {
      String spec = hasScheme(glob) ? glob : Paths.get(glob).toAbsolutePath().normalize().toString();
      if (!hasScheme(glob) && !isGlob(spec) && !Files.exists(Paths.get(spec))) {
        // Beam's local match of a missing plain path walks every directory under its parent:
        // for a file directly under / that is the whole machine
        throw new UserError("no input file matches " + glob);
      }
      MatchResult m;
      try {
        m = FileSystems.match(spec, EmptyMatchTreatment.ALLOW);
      } catch (IOException | IllegalArgumentException e) {
        throw new UserError("cannot match input " + glob + ": " + e.getMessage());
      }
      List<MatchResult.Metadata> found = new ArrayList<>();
      try {
        if (m.status() == MatchResult.Status.OK) {
          found.addAll(m.metadata());
        }
      } catch (IOException e) {
        throw new UserError("cannot match input " + glob + ": " + e.getMessage());
      }
      found.removeIf(md -> md.resourceId().isDirectory());
      List<String> dirs = hasScheme(glob) ? List.of() : localDirectories(spec);
      dirs.forEach(d -> files.add(d + "/"));
      if (found.isEmpty() && !dirs.isEmpty()) {
        continue;
      }
      if (found.isEmpty()) {
        throw new UserError("no input file matches " + glob);
      }
      for (MatchResult.Metadata md : found) {
        String name = md.resourceId().getFilename();
        if (InputFormat.forFileName(name).isEmpty()) {
          throw new UserError("unsupported input file " + md.resourceId() + " (expected .warc, .warc.gz, .wet, .wet.gz, .jsonl, .jsonl.gz, .jsonl.zst, .parquet, "
              + "or a code package: a directory, .zip, .jar, .tar, .tar.gz, .tgz, .tar.zst)");
        }
        if (!hasScheme(glob) && !Files.isReadable(Paths.get(md.resourceId().toString()))) {
          throw new UserError("input file is not readable: " + md.resourceId());
        }
        files.add(md.resourceId().toString());
      }
    }
    return new ArrayList<>(files);
  }

  /** Whether a local path has a glob character ({@code * ? [ {}), so that it names a pattern, not a file. */
  static boolean isGlob(String spec) {
    return spec.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** The directories a local input names: itself, or those its last segment's glob matches; sorted. */
  static List<String> localDirectories(String spec) {
    Path p = Paths.get(spec);
    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return List.of(p.toString());
    }
    Path parent = p.getParent();
    String last = p.getFileName() == null ? "" : p.getFileName().toString();
    if (parent == null || !Files.isDirectory(parent) || !isGlob(last)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(parent, last)) {
      for (Path d : s) {
        if (Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          out.add(d.toString());
        }
      }
    } catch (IOException e) {
      throw new UserError("cannot list " + parent + ": " + e.getMessage());
    }
    out.sort(null);
    return out;
  }

  /** The absolute output directory; a local one must be empty or absent unless {@code overwrite}. */
  static String prepareOutput(String output, boolean overwrite) {
    if (hasScheme(output)) {
      return output.endsWith("/") ? output : output + "/";
    }
    Path dir = Paths.get(output).toAbsolutePath().normalize();
    try {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw new UserError("output " + dir + " exists and is not a directory");
        }
        boolean empty;
        try (Stream<Path> s = Files.list(dir)) {
          empty = s.findAny().isEmpty();
        }
        if (!empty) {
          if (!overwrite) {
            throw new UserError("output directory " + dir + " is not empty; pass --overwrite to replace it");
          }
          try (Stream<Path> walk = Files.walk(dir)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
              if (!q.equals(dir)) {
                Files.delete(q);
              }
            }
          }
        }
      }
      Files.createDirectories(dir.resolve("data"));
      Files.createDirectories(dir.resolve("rejected"));
    } catch (IOException e) {
      throw new UserError("cannot prepare output directory " + dir + ": " + e.getMessage());
    }
    return dir.toString() + "/";
  }

  static boolean hasScheme(String s) {
    return s.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*");
  }

  static String gitCommit() {
    String c = System.getProperty("provenant.gitCommit");
    return c == null || c.isBlank() ? null : c.trim();
  }

  private Thread progressLine(int totalFiles) {
    if (System.console() == null) {
      return null;
    }
    long start = System.nanoTime();
    Thread t = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(2000);
          double secs = (System.nanoTime() - start) / 1e9;
          long recs = Progress.RECORDS_READ.get();
          err.printf("\r[provenant] files %d/%d, records %,d (%,.0f/s), %,.1f MB read   ",
              Progress.FILES_DONE.get(), totalFiles, recs, recs / secs, Progress.BYTES_READ.get() / 1e6);
          err.flush();
        }
      } catch (InterruptedException e) {
        err.println();
      }
    }, "provenant-progress");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
