package org.provenant.pipelines.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.provenant.filters.decontam.BenchmarkFiles;
import org.provenant.filters.decontam.BenchmarkIndex;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.release.DecontaminationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provenant decontamination-report RELEASE_DIR --benchmarks [NAME=]FILE...}: {@link DecontaminationReport}. */
@Command(name = "decontamination-report", mixinStandardHelpOptions = true,
    description = {"List the benchmark items the kept documents of a release repeat (word n-gram overlap, as the decontaminate",
        "step tests) and where: benchmark, item id, document id, source, character span and the matched text."})
final class DecontaminationReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RELEASE_DIR")
  String dir;

  @Option(names = "--benchmarks", required = true, arity = "1..*", paramLabel = "[NAME=]FILE",
      description = "Benchmark JSONL files (.jsonl, .jsonl.gz; globs allowed), each optionally named NAME=FILE.")
  List<String> benchmarks = new ArrayList<>();

  @Option(names = "--text-field", defaultValue = "text", paramLabel = "FIELD[,FIELD]",
      description = "Field(s) holding an item's text (default: ${DEFAULT-VALUE}).")
  String textField;

  @Option(names = "--id-field", defaultValue = "id", paramLabel = "FIELD", description = "Field holding an item's id (default: ${DEFAULT-VALUE}).")
  String idField;

  @Option(names = "--n", defaultValue = "13", paramLabel = "N", description = "n-gram length in words (default: ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--json", description = "One JSON object per hit.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    OutputDir out = Main.finishedOutput(dir);
    org.provenant.pipelines.io.ParquetBenchmarkItems.install();
    BenchmarkIndex index;
    try {
      List<BenchmarkFiles.Source> sources = BenchmarkFiles.sources("decontamination-report", "--benchmarks", benchmarks, "");
      index = BenchmarkIndex.of(BenchmarkFiles.read(sources, new BenchmarkFiles.Fields(List.of(textField.split("\\s*,\\s*")), idField)), n);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError(e.getMessage());
    }
    DecontaminationReport.Result r = DecontaminationReport.scan(out, index);
    if (json) {
      r.hits().forEach(h -> Main.OUT.println(DecontaminationReport.json(h)));
    } else {
      DecontaminationReport.lines(r).forEach(Main.OUT::println);
      List<String> per = new ArrayList<>();
      r.itemsIndexed().forEach((b, total) -> per.add(b + " " + r.itemsFound().getOrDefault(b, 0) + " of " + total + " items"));
      Main.OUT.printf("%d overlap(s) in %d kept document(s) checked with %d-grams: %s%s%n", r.hits().size(), r.documents(), n,
          String.join(", ", per), r.shortItems() == 0 ? "" : " (" + r.shortItems() + " item(s) shorter than " + n + " words cannot be found)");
    }
    return r.hits().isEmpty() ? 0 : 1; // like verify: 1 when the check finds something
  }
}
