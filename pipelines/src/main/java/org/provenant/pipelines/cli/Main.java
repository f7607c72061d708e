package org.provenant.pipelines.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.Inspector;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.pipelines.release.DatasetStats;
import org.provenant.pipelines.release.Exporter;
import org.provenant.pipelines.release.HtmlReport;
import org.provenant.pipelines.release.ProvenanceIndex;
import org.provenant.pipelines.release.ReleaseFiles;
import org.provenant.pipelines.release.TracePrinter;
import org.provenant.pipelines.release.Tracer;
import org.provenant.pipelines.release.ReleaseInfo;
import org.provenant.pipelines.release.ReleaseOptions;
import org.provenant.schemas.manifest.RunManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code provenant} command: one entry that dispatches to small subcommands. */
@Command(
    name = "provenant",
    mixinStandardHelpOptions = true,
    version = "provenant " + Curator.VERSION,
    description = "Curate web and code corpora into Parquet shards with per-document provenance.",
    subcommands = {Main.Curate.class, Main.Inspect.class, Main.Verify.class, Main.Release.class, Main.Export.class, Main.Index.class, Main.Trace.class, Main.Report.class, Main.Steps.class, FilterCommand.class, TakedownCommand.class, DecontaminationReportCommand.class, DemoCommand.class, DataflowFlexTemplateCommand.class, FlinkClusterCommand.class})
public final class Main implements Callable<Integer> {
  static {
    // curate passes --release-* on to the run as Beam options, read where croissant.json is written
    PipelineOptionsFactory.register(ReleaseOptions.class);
  }

  /** How the released dataset names itself, for croissant.json and README.md. */
  static final class ReleaseFlags {
    @Option(names = "--release-name", paramLabel = "NAME", description = "Dataset name (default: the output directory's name).")
    String name;

    @Option(names = "--release-description", paramLabel = "TEXT", description = "Dataset description (default: generated from the counts).")
    String description;

    @Option(names = "--release-license", paramLabel = "SPDX", description = "Licence of the dataset as a whole (default: other; each document keeps its own).")
    String license;

    @Option(names = "--release-creator", paramLabel = "NAME", description = "A creator of the dataset; repeat for more.")
    List<String> creators = new ArrayList<>();

    @Option(names = "--release-url", paramLabel = "URL", description = "Home page of the dataset.")
    String url;

    @Option(names = "--release-version", paramLabel = "VERSION", description = "Dataset version (default: 1.0.0).")
    String version;

    ReleaseInfo info() {
      return new ReleaseInfo(name, description, license, creators, url, version);
    }

    List<String> asBeamArgs() {
      List<String> a = new ArrayList<>();
      add(a, "releaseName", name);
      add(a, "releaseDescription", description);
      add(a, "releaseLicense", license);
      add(a, "releaseUrl", url);
      add(a, "releaseVersion", version);
      for (String c : creators) {
        if (c.contains(",")) {
          throw new UserError("--release-creator must not contain a comma: " + c);
        }
      }
      add(a, "releaseCreators", creators.isEmpty() ? null : String.join(",", creators));
      return a;
    }

    private static void add(List<String> a, String option, String value) {
      if (value != null) {
        a.add("--" + option + "=" + value);
      }
    }
  }

  /** Where the running command prints; set by {@link #execute(PrintStream, PrintStream, String...)}. */
  static PrintStream OUT = System.out;
  static PrintStream ERR = System.err;

  @Override
  public Integer call() {
    new CommandLine(this).usage(OUT);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, System.err, args));
  }

  /** Runs the command line and returns the exit code (2 for a user's mistake, 1 for a failed check). */
  public static synchronized int execute(PrintStream out, PrintStream err, String... args) {
    OUT = out;
    ERR = err;
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      Throwable root = ex;
      if (root instanceof UserError) {
        ERR.println("provenant: error: " + root.getMessage());
        return 2;
      }
      ERR.println("provenant: failed: " + describe(root));
      if (System.getenv("PROVENANT_DEBUG") != null) {
        root.printStackTrace(ERR);
      } else {
        ERR.println("(set PROVENANT_DEBUG=1 for the stack trace)");
      }
      return 1;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      ERR.println("provenant: error: " + ex.getMessage());
      ERR.println("(see: provenant " + (ex.getCommandLine().getCommandName().equals("provenant") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help)");
      return 2;
    });
    return cl.execute(args);
  }

  static String describe(Throwable t) {
    StringBuilder b = new StringBuilder();
    Throwable c = t;
    while (c != null) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(c.getClass().getSimpleName()).append(c.getMessage() == null ? "" : ": " + c.getMessage().split("\n")[0]);
      c = c.getCause() == c ? null : c.getCause();
    }
    return b.toString();
  }

  static CurationConfig loadConfig(Path file) {
    if (file == null) {
      return CurationConfig.DEFAULT;
    }
    try {
      return CurationConfig.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserError("cannot read configuration " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserError("configuration " + file + ": " + e.getMessage());
    }
  }

  static void printSummary(PrintStream out, OutputDir dir) throws IOException {
    RunManifest m = dir.manifest().orElseThrow(() -> new UserError("the run finished but wrote no manifest.json in " + dir.root()));
    out.printf("runner %s; %d input files, %,d records read, %,d candidates%n", m.runner(), m.inputs().size(), m.counts().recordsRead(), m.counts().candidates());
    out.printf("kept %,d, rejected %,d (accounting %s)%n", m.counts().kept(), m.counts().rejected(), m.accountingOk() ? "holds: candidates = kept + rejected" : "DOES NOT HOLD");
    m.counts().rejectedByReason().forEach((k, v) -> out.printf("  rejected %-22s %,d%n", k, v));
    m.inputs().stream().filter(i -> i.error() != null).forEach(i -> out.printf("  input %s stopped early: %s%n", i.uri(), i.error()));
    out.println("output: " + dir.root());
  }

  @Command(name = "curate", mixinStandardHelpOptions = true,
      description = {"Curate inputs into OUT/data/*.parquet, OUT/rejected/*.parquet and OUT/manifest.json.",
          "Runs on an embedded Flink mini-cluster unless --runner says otherwise. Any other --option is",
          "passed to Beam, e.g. --parallelism=N, --runner=DirectRunner, --runner=FlinkRunner --flinkMaster=host:port,",
          "--runner=SparkRunner (in-process, a thread per core, unless --sparkMaster=URL),",
          "--runner=DataflowRunner --project=P --region=R --templateLocation=FILE ..."})
  static final class Curate implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "GLOB", arity = "1..*",
        description = "Input files or globs (.warc, .warc.gz, .wet(.gz), .jsonl(.gz|.zst), .parquet); local paths or URIs.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory (must be empty unless --overwrite).")
    String output;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration; defaults apply to what it leaves out.")
    Path config;

    @Option(names = "--preset", paramLabel = "NAME",
        description = "Curation preset for the kinds it covers: web (default for pages and text), fineweb, c4, gopher, code (default for code files), none; see: provenant steps --presets.")
    String preset;

    @Option(names = "--overwrite", description = "Delete what the output directory holds before writing.")
    boolean overwrite;

    @Option(names = "--dedup-against", paramLabel = "DIR",
        description = "An earlier Provenant output whose kept documents count as already kept: only what is new is kept (repeatable).")
    List<String> dedupAgainst = new ArrayList<>();

    @Option(names = "--takedowns", paramLabel = "FILE",
        description = "Removal requests (JSONL, as for takedown): matched documents, their dedup clusters and near duplicates are rejected with reason takedown.")
    String takedowns;

    @Option(names = "--no-wait", description = "With --runner=DataflowRunner: return once the job is submitted, without waiting for it (as a Flex Template launch does).")
    boolean noWait;

    @CommandLine.Mixin
    ReleaseFlags release = new ReleaseFlags();

    @CommandLine.Unmatched
    List<String> beamArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      for (String a : beamArgs) {
        if (!a.startsWith("--")) {
          throw new UserError("unexpected argument: " + a);
        }
      }
      CurationConfig cfg = loadConfig(config);
      if (preset != null) {
        try {
          cfg = cfg.withPreset(preset);
        } catch (IllegalArgumentException e) {
          throw new UserError("--preset: " + e.getMessage());
        }
      }
      for (String w : cfg.warnings()) {
        ERR.println("provenant: warning: " + w);
      }
      if (!dedupAgainst.isEmpty()) {
        cfg = cfg.withDedup(cfg.dedup().plusAgainst(dedupAgainst));
      }
      List<String> args = new ArrayList<>(beamArgs);
      if (args.stream().noneMatch(a -> a.startsWith("--runner"))) {
        // the embedded Flink mini-cluster is the local default: the DirectRunner is Beam's
        // correctness checker and takes minutes where Flink takes seconds (BENCHMARKS.md)
        args.add(0, "--runner=FlinkRunner");
      }
      args.addAll(release.asBeamArgs());
      if (noWait && takedowns != null) {
        throw new UserError("--takedowns is applied after the run finishes, and --no-wait does not wait for it");
      }
      byte[] requests = takedowns == null ? null : readRequests(takedowns);
      // no repository named: Maven's own (~/.m2/repository), recorded in the config and the manifest
      org.provenant.pipelines.config.MavenRepositoryChoice maven =
          org.provenant.pipelines.config.MavenRepositoryChoice.of(cfg, java.nio.file.Path.of(System.getProperty("user.home")));
      Curator curator = noWait ? new Curator(ERR).withoutWaiting() : new Curator(ERR);
      Curator.Result r = curator.run(inputs, output, maven, overwrite, args);
      if (r.templateOnly()) {
        if (takedowns != null) {
          throw new UserError("--takedowns is applied after the run finishes, and a template run does not run");
        }
        OUT.println("wrote the Dataflow job specification (template); nothing ran. Output will go to " + r.outputDir());
        return 0;
      }
      if (r.submittedOnly()) {
        OUT.println("submitted the Dataflow job (state " + r.state() + "); not waiting for it. Output will go to " + r.outputDir());
        return 0;
      }
      if (requests != null) {
        var m = org.provenant.pipelines.release.Takedown.withThreshold(cfg.dedup().threshold())
            .applyDuringCuration(r.outputDir(), takedowns, requests, release.info());
        OUT.printf("takedowns: removed %d document(s) (%s) by %d request(s); relabelled %d rejected duplicate(s)%n",
            m.derivation().removed(), m.derivation().removedByMatch(), m.derivation().requestsCount(), m.derivation().relabelled());
      }
      printSummary(OUT, new OutputDir(r.outputDir()));
      return 0;
    }
  }

  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = "Show documents and rejected records with their provenance (source file and offset, URL, record id, lineage).")
  static final class Inspect implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    String dir;

    @Option(names = "--sample", paramLabel = "N", description = "Show the first N kept and N rejected records (default 3).")
    Integer sample;

    @Option(names = "--id", paramLabel = "ID", description = "Show the document or rejected record with this id.")
    String id;

    @Option(names = "--url", paramLabel = "URL", description = "Show every document or rejected record captured from this URL.")
    String url;

    @Option(names = "--json", description = "One JSON object per record, with the Parquet column names.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
      OutputDir out = new OutputDir(dir);
      if (out.list("data/*.parquet").isEmpty() && out.list("rejected/*.parquet").isEmpty()) {
        throw new UserError(dir + " holds no shards (data/*.parquet, rejected/*.parquet)");
      }
      Inspector inspector = new Inspector(out, OUT, json);
      if (url != null) {
        if (!inspector.byUrl(url)) {
          throw new UserError("no document or rejected record was captured from " + url);
        }
        return 0;
      }
      if (id != null) {
        if (!inspector.byId(id)) {
          throw new UserError("no document or rejected record has id " + id);
        }
        return 0;
      }
      int n = sample == null ? 3 : sample;
      if (n < 0) {
        throw new UserError("--sample must not be negative");
      }
      inspector.sample(n);
      return 0;
    }
  }

  @Command(name = "steps", mixinStandardHelpOptions = true,
      description = "List every curation step a configuration can name, with its parameters and defaults; with --presets, every preset with its steps and parameters.")
  static final class Steps implements Callable<Integer> {
    @Option(names = "--presets", description = "List the presets: each one's steps in order, the kinds they run on and every parameter in force.")
    boolean presets;

    @Override
    public Integer call() {
      if (presets) {
        printPresets();
        return 0;
      }
      OUT.println("Steps run after text extraction. Without a configuration, web pages and text get the web preset and");
      OUT.println("code files the code preset (provenant steps --presets). A configuration names another preset, edits it,");
      OUT.println("or lists the steps itself; each step runs on the kinds of document it is for:");
      OUT.println("  {\"preset\": \"fineweb\", \"drop_steps\": [\"pii\"], \"step_params\": {\"language\": {\"languages\": [\"en\", \"de\"]}},");
      OUT.println("   \"add_steps\": [{\"step\": \"c4_badwords\", \"after\": \"c4_quality\"}]}");
      OUT.println("  {\"steps\": [{\"step\": \"NAME\", \"params\": {\"PARAM\": VALUE}, \"kinds\": [\"web\"]}]}");
      for (org.provenant.filters.step.StepFactory f : org.provenant.filters.step.StepCatalog.all()) {
        OUT.println();
        OUT.println(f.name() + " (" + String.join(", ", f.kinds().stream().map(org.provenant.schemas.Kind::code).sorted().toList()) + "): " + f.description());
        for (org.provenant.filters.step.ParamSpec p : f.params()) {
          OUT.printf("  %-28s %-11s default %-12s %s%n", p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT), p.defaultValue(), p.description());
        }
      }
      return 0;
    }

    private static void printPresets() {
      OUT.println("Presets: a run without a configuration uses web for web pages and text, code for code files.");
      OUT.println("Naming one (--preset NAME, or \"preset\" in the configuration) replaces the default for the kinds it covers.");
      OUT.println("Every preset but none runs the opt-out step on web pages and the licence policy on code files.");
      for (org.provenant.filters.step.Preset p : org.provenant.filters.step.Presets.all()) {
        OUT.println();
        OUT.println(p.id() + " (for " + String.join(", ", p.covers().stream().map(org.provenant.schemas.Kind::code).sorted().toList()) + "): " + p.summary());
        OUT.println("  source: " + p.source());
        CurationConfig resolved = CurationConfig.DEFAULT.withPreset(p.name());
        int i = 0;
        for (CurationConfig.StepConfig st : resolved.plan().steps()) {
          if (!p.covers().containsAll(st.kindSet())) {
            continue; // a default preset's steps for the kinds this one leaves to it
          }
          OUT.printf("  %d. %s on %s%n", ++i, st.step(), String.join(", ", st.kinds()));
          org.provenant.filters.step.StepFactory f = org.provenant.filters.step.StepCatalog.find(st.step()).orElseThrow();
          java.util.Map<String, Object> set = p.steps().get(i - 1).params();
          for (org.provenant.filters.step.ParamSpec ps : f.params()) {
            Object v = st.params().get(ps.name());
            OUT.printf("       %-28s %s%s%n", ps.name(), v, set.containsKey(ps.name()) ? "   (set by the preset)" : "");
          }
        }
        if (i == 0) {
          OUT.println("  (no steps)");
        }
      }
    }
  }

  @Command(name = "release", mixinStandardHelpOptions = true,
      description = {"Rewrite croissant.json and the dataset card README.md of a finished output, e.g. to name the dataset after the run.",
          "What the flags leave out is kept from the existing croissant.json."})
  static final class Release implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    String dir;

    @CommandLine.Mixin
    ReleaseFlags release = new ReleaseFlags();

    @Override
    public Integer call() throws IOException {
      OutputDir out = finishedOutput(dir);
      ReleaseInfo info = release.info();
      java.util.Optional<byte[]> existing = OutputDir.readIfExists(out.resolve(ReleaseFiles.CROISSANT));
      if (existing.isPresent()) {
        info = info.orElse(ReleaseInfo.fromCroissant(org.provenant.pipelines.release.Croissant.read(existing.get())));
      }
      ReleaseFiles.write(out, info);
      OUT.println("wrote " + ReleaseFiles.CROISSANT + " and " + ReleaseFiles.CARD + " in " + dir);
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Export the kept documents, one file per data shard, with their provenance:",
          "arrow (Arrow IPC stream: pyarrow.ipc.open_stream, datasets.Dataset.from_file), arrow-file (Arrow IPC file: pyarrow.ipc.open_file),",
          "or jsonl (Dolma-style gzipped JSONL: id, text, source, added, created, metadata). Writes EXPORT_DIR/export.json listing the files."})
  static final class Export implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    String dir;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "arrow, arrow-file or jsonl.")
    String format;

    @Option(names = {"--output", "--out"}, required = true, paramLabel = "EXPORT_DIR", description = "Directory for the exported files (--out is the same).")
    String out;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN", description = "Only these columns (dotted paths, e.g. id,text,source.url); default all.")
    List<String> columns;

    @Override
    public Integer call() throws IOException {
      OutputDir output = finishedOutput(dir);
      Exporter exporter;
      try {
        exporter = Exporter.of(Exporter.Format.parse(format));
        if (columns != null) {
          exporter = exporter.withColumns(columns);
        }
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
      long rows = 0;
      List<Exporter.ExportedFile> files = exporter.export(output, out);
      for (Exporter.ExportedFile f : files) {
        rows += f.rows();
      }
      OUT.printf("exported %,d documents into %d file(s) in %s%n", rows, files.size(), out);
      return 0;
    }
  }

  @Command(name = "index", mixinStandardHelpOptions = true,
      description = "Build a Lucene index of the kept documents in DIR/index/ for trace (text with positions, provenance stored).")
  static final class Index implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    String dir;

    @Override
    public Integer call() throws IOException {
      OutputDir output = finishedOutput(dir);
      long n = ProvenanceIndex.build(output);
      OUT.printf("indexed %,d documents in %s%n", n, ProvenanceIndex.location(output));
      return 0;
    }
  }

  @Command(name = "trace", mixinStandardHelpOptions = true,
      description = "Find the kept documents that contain a passage and show where each came from (needs: provenant index DIR).")
  static final class Trace implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    String dir;

    @Parameters(index = "1", paramLabel = "PASSAGE")
    String passage;

    @Option(names = "--fuzzy", description = "Allow each word up to two edits and the words up to --slop positions apart (default slop 2).")
    boolean fuzzy;

    @Option(names = "--slop", paramLabel = "N", description = "How many positions the words may be apart (default 0, or 2 with --fuzzy).")
    Integer slop;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N documents (default 10).")
    int limit = Tracer.DEFAULT_LIMIT;

    @Option(names = "--json", description = "One JSON object per document.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      OutputDir output = finishedOutput(dir);
      if (!java.nio.file.Files.isDirectory(ProvenanceIndex.location(output))) {
        throw new UserError(dir + " has no index; run: provenant index " + dir);
      }
      Tracer.Result r;
      try {
        Tracer t = Tracer.exact().withFuzzy(fuzzy).withLimit(limit);
        if (slop != null) {
          t = t.withSlop(slop);
        }
        r = t.trace(output, passage);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
      if (r.indexIsStale()) {
        ERR.println("provenant: warning: the index was built from another manifest.json; run provenant index " + dir + " again");
      }
      TracePrinter.print(r, OUT, json);
      return r.hits().isEmpty() ? 1 : 0;
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Write a self-contained HTML report (funnel, rejections, languages, licences, duplicates, domains, inputs); no scripts or styles are fetched.")
  static final class Report implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    String dir;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default DIR/report.html).")
    Path out;

    @Override
    public Integer call() throws IOException {
      OutputDir output = finishedOutput(dir);
      DatasetStats stats = DatasetStats.gather(output, output.manifest().orElseThrow());
      String html = HtmlReport.render(stats, ReleaseFiles.datasetName(output));
      Path target = out != null ? out : Path.of(dir).resolve("report.html");
      Files.writeString(target, html, StandardCharsets.UTF_8);
      OUT.println("wrote " + target);
      return 0;
    }
  }

  /** An output directory whose run finished (it has manifest.json), or a user error. */
  /** A requests file's bytes, checked to parse, so a malformed file fails before any run. */
  static byte[] readRequests(String file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of(file));
      org.provenant.filters.takedown.TakedownMatcher.of(org.provenant.filters.takedown.TakedownRequests.parse(bytes, file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserError("no requests file " + file);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return bytes;
  }

  static OutputDir finishedOutput(String dir) throws IOException {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    OutputDir out = new OutputDir(dir);
    if (out.manifest().isEmpty()) {
      throw new UserError(dir + " has no manifest.json (the run did not finish, or this is not a Provenant output)");
    }
    return out;
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Recompute shard hashes and row counts against the manifests and check the accounting.")
  static final class Verify implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    String dir;

    @Override
    public Integer call() throws IOException {
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
      OutputVerifier.Report r = new OutputVerifier().verify(new OutputDir(dir));
      if (r.ok()) {
        OUT.println("OK: " + r.summary());
        return 0;
      }
      for (String p : r.problems()) {
        ERR.println("provenant: verify: " + p);
      }
      ERR.println("provenant: verify: FAILED with " + r.problems().size() + " problem(s) in " + dir);
      return 1;
    }
  }
}
