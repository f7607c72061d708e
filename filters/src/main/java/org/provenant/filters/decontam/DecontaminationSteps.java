package org.provenant.filters.decontam;

import static org.provenant.filters.step.ParamSpec.Type.INT;
import static org.provenant.filters.step.ParamSpec.Type.STRING;
import static org.provenant.filters.step.ParamSpec.Type.STRING_LIST;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.ParamSpec;
import org.provenant.filters.step.StepFactory;
import org.provenant.filters.step.StepParams;
import org.provenant.schemas.Kind;

/**
 * The catalogue entry of {@code decontaminate}: {@link DecontaminationStep} over the benchmark
 * files its parameters name. It is in no preset: which benchmarks to keep out is the user's
 * choice, and a run names them in {@code add_steps}.
 *
 * <p>The index is built once per JVM for a given set of files and settings and shared by every
 * worker thread that builds the step (a 10,000-item benchmark is tens of megabytes).
 */
public final class DecontaminationSteps {
  public static final String NAME = "decontaminate";

  private static final Map<String, BenchmarkIndex> INDEXES = new ConcurrentHashMap<>();

  private DecontaminationSteps() {}

  public static List<StepFactory> all() {
    return List.of(new Factory());
  }

  /**
   * The index of the benchmarks these step parameters name, read once per JVM (the key is the
   * parameters, files matched).
   */
  public static BenchmarkIndex index(StepParams p) {
    List<BenchmarkFiles.Source> sources =
        BenchmarkFiles.sources(NAME, "benchmarks", p.getStringList("benchmarks"), p.getString("benchmark"));
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("step " + NAME + ", parameter benchmarks: no benchmark file given");
    }
    List<String> textFields = List.of(p.getString("text_field").split("\\s*,\\s*"));
    BenchmarkFiles.Fields fields;
    try {
      fields = new BenchmarkFiles.Fields(textFields, p.getString("id_field"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("step " + NAME + ", parameter text_field: " + e.getMessage(), e);
    }
    int n = p.getInt("n");
    if (n < 1) {
      throw new IllegalArgumentException("step " + NAME + ", parameter n: must be at least 1, got " + n);
    }
    String key = sources + "|" + fields + "|" + n;
    BenchmarkIndex cached = INDEXES.get(key);
    if (cached != null) {
      return cached;
    }
    synchronized (INDEXES) {
      cached = INDEXES.get(key);
      if (cached == null) {
        try {
          cached = BenchmarkIndex.of(BenchmarkFiles.read(sources, fields), n);
        } catch (IOException e) {
          throw new IllegalArgumentException("step " + NAME + ": " + e.getMessage(), e);
        }
        if (INDEXES.size() >= 4) {
          INDEXES.clear(); // a JVM running many different configurations keeps only the latest few
        }
        INDEXES.put(key, cached);
      }
      return cached;
    }
  }

  private static final class Factory implements StepFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "benchmark decontamination: word n-gram overlap (13-grams as GPT-3 and BigCode) with benchmark items (JSONL, Parquet);"
          + " drops " + DecontaminationStep.BENCHMARK_OVERLAP + " naming the benchmark, the item and the span";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(
          new ParamSpec("benchmarks", STRING_LIST, List.of(),
              "benchmark files (.jsonl, .jsonl.gz, .parquet; paths or globs), each PATH or NAME=PATH"),
          new ParamSpec("benchmark", STRING, "", "name for entries without NAME=; empty = the file's name"),
          new ParamSpec("text_field", STRING, "text", "field(s) holding an item's text, comma-separated (joined by newlines)"),
          new ParamSpec("id_field", STRING, "id", "field holding an item's id (else \"line N\")"),
          new ParamSpec("n", INT, BenchmarkIndex.DEFAULT_N, "n-gram length in normalised words (lower-cased letter/digit runs)"));
    }

    @Override
    public Set<Kind> kinds() {
      return ALL;
    }

    @Override
    public DocumentStep create(StepParams p) {
      return new DecontaminationStep(index(p));
    }

    @Override
    public String toString() {
      return "StepFactory[" + NAME + "]";
    }
  }
}
