package org.provenant.pipelines.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.demo.DemoCorpusGenerator;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code provenant demo}: generates a sample web corpus with the project's own generator, curates it
 * in process on the DirectRunner (or the runner its Beam options name), verifies the output, and prints what to look at next.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate a sample web corpus (demo-output/input), curate it into demo-output/out, and show what to look at.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--output", paramLabel = "DIR", description = "Where to put the corpus and the output (default: demo-output). Replaced if it holds an earlier demo.")
  Path output = Paths.get("demo-output");

  @Option(names = "--pages-per-file", paramLabel = "N", description = "Pages per WARC file (default 20, at least 12).")
  int pagesPerFile = DemoCorpusGenerator.DEFAULT_PAGES_PER_FILE;

  @Option(names = "--seed", description = "Seed of the generator (default 42); the same seed gives the same bytes.")
  long seed = 42;

  @picocli.CommandLine.Unmatched
  List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (pagesPerFile < DemoCorpusGenerator.MIN_PAGES_PER_FILE) {
      throw new UserError("--pages-per-file must be at least " + DemoCorpusGenerator.MIN_PAGES_PER_FILE);
    }
    Path root = output.toAbsolutePath().normalize();
    Path input = root.resolve("input");
    Path out = root.resolve("out");
    if (Files.exists(root)) {
      if (!Files.exists(input) && !Files.exists(out) && isNonEmpty(root)) {
        throw new UserError(root + " exists and does not hold an earlier demo; choose another --output");
      }
      deleteTree(input);
      deleteTree(out);
    }
    DemoCorpusGenerator.Summary summary = DemoCorpusGenerator.generate(input, pagesPerFile, seed);
    Main.OUT.println("1. generated the sample corpus in " + input);
    Main.OUT.println("   " + summary.describe());
    Main.OUT.println("2. curating it with the default presets ...");
    Curator.Result r = new Curator(Main.ERR).run(List.of(input + "/*.warc.gz"), out.toString(), CurationConfig.DEFAULT, false, beamArgs);
    Main.OUT.println("   ran on the " + r.runner() + (beamArgs.isEmpty() ? " (in-process; --runner=... picks another)" : ""));
    Main.printSummary(Main.OUT, new OutputDir(r.outputDir()));
    OutputVerifier.Report v = new OutputVerifier().verify(new OutputDir(r.outputDir()));
    Main.OUT.println("3. verify: " + (v.ok() ? "OK: " + v.summary() : "FAILED: " + v.problems()));
    Main.OUT.println();
    Main.OUT.println("Look next at:");
    Main.OUT.println("  ./provenant inspect " + display(out) + " --sample 3          # documents and rejections with provenance");
    Main.OUT.println("  ./provenant inspect " + display(out) + " --sample 2 --json   # the same as JSON rows");
    Main.OUT.println("  ./provenant verify " + display(out) + "                      # hashes, row counts, accounting");
    Main.OUT.println("  " + display(out.resolve("manifest.json")) + "                  # inputs, counts, shards, configuration");
    Main.OUT.println("  duckdb -c \"SELECT reason, count(*) FROM '" + display(out) + "/rejected/*.parquet' GROUP BY reason\"");
    Main.OUT.println("  ./provenant inspect " + display(out) + " --id ID           # a kept document and the duplicates it stands for");
    Main.OUT.println("  ./provenant report " + display(out) + "                      # an HTML report: funnel, reasons, licences, clusters");
    Main.OUT.println("  " + display(out.resolve("croissant.json")) + ", " + display(out.resolve("README.md")) + "   # Croissant metadata and dataset card");
    Main.OUT.println("The default run curates: pages go through the web preset (opt-out and Creative Commons policies, URL");
    Main.OUT.println("block-list, English, Gopher, C4 and FineWeb quality, PII), so the corpus's noai pages are rejected as");
    Main.OUT.println("optout_noai and its non-English pages as language_not_allowed; then exact and near duplicates are removed.");
    Main.OUT.println("./provenant steps --presets lists every preset; --preset none runs extraction and dedup only.");
    return v.ok() ? 0 : 1;
  }

  private static String display(Path p) {
    Path cwd = Paths.get("").toAbsolutePath();
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
  }

  private static boolean isNonEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
