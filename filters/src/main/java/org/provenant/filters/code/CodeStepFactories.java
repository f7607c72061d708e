package org.provenant.filters.code;

import static org.provenant.filters.step.ParamSpec.Type.DOUBLE;
import static org.provenant.filters.step.ParamSpec.Type.INT;
import static org.provenant.filters.step.ParamSpec.Type.STRING_LIST;

import java.util.List;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.ParamSpec;
import org.provenant.filters.step.StepFactory;
import org.provenant.filters.step.StepParams;

/** The catalogue entries of the code steps: {@code code_quality} and {@code code_paths}. */
public final class CodeStepFactories {
  private CodeStepFactories() {}

  /** Both factories, in catalogue order. */
  public static List<StepFactory> all() {
    return List.of(new Quality(), new Paths());
  }

  private static <T> T named(String step, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("step " + step + ": " + e.getMessage(), e);
    }
  }

  /** {@code code_quality}: {@link CodeQualityStep}. */
  public static final class Quality implements StepFactory {
    @Override
    public String name() {
      return "code_quality";
    }

    @Override
    public java.util.Set<org.provenant.schemas.Kind> kinds() {
      return CODE;
    }

    @Override
    public String description() {
      return "The Stack / StarCoder source-file heuristics; drops auto_generated, minified, max_line_length, mean_line_length, alnum_fraction";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(
          new ParamSpec("max_line_length", INT, CodeQualityStep.DEFAULT_MAX_LINE_LENGTH, "longest line, in characters (max_line_length)"),
          new ParamSpec("max_mean_line_length", DOUBLE, CodeQualityStep.DEFAULT_MAX_MEAN_LINE_LENGTH, "largest mean line length (mean_line_length)"),
          new ParamSpec("min_alnum_fraction", DOUBLE, CodeQualityStep.DEFAULT_MIN_ALNUM_FRACTION, "smallest fraction of letters and digits (alnum_fraction)"),
          new ParamSpec("generated_lines", INT, CodeQualityStep.DEFAULT_GENERATED_LINES, "first lines searched for a generated-code marker, 0 = off (auto_generated)"),
          new ParamSpec("generated_markers", STRING_LIST, CodeQualityStep.DEFAULT_GENERATED_MARKERS, "case-insensitive markers of generated code (auto_generated)"),
          new ParamSpec("minified_whitespace", DOUBLE, CodeQualityStep.DEFAULT_MINIFIED_WHITESPACE, "texts of 1000+ chars with less whitespace are minified, 0 = off (minified)"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      return named(name(), () -> new CodeQualityStep(p.getInt("max_line_length"), p.getDouble("max_mean_line_length"),
          p.getDouble("min_alnum_fraction"), p.getInt("generated_lines"), p.getStringList("generated_markers"),
          p.getDouble("minified_whitespace")));
    }
  }

  /** {@code code_paths}: {@link CodePathsStep}. */
  public static final class Paths implements StepFactory {
    @Override
    public String name() {
      return "code_paths";
    }

    @Override
    public java.util.Set<org.provenant.schemas.Kind> kinds() {
      return CODE;
    }

    @Override
    public String description() {
      return "drops files by path: vendored_path (node_modules, vendor, ...), lock_file, data_file";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(
          new ParamSpec("vendored_dirs", STRING_LIST, CodePathsStep.DEFAULT_VENDORED_DIRS, "directory names whose files are dropped (vendored_path)"),
          new ParamSpec("lock_files", STRING_LIST, CodePathsStep.DEFAULT_LOCK_FILES, "file names of lock files (lock_file)"),
          new ParamSpec("data_extensions", STRING_LIST, CodePathsStep.DEFAULT_DATA_EXTENSIONS, "extensions of data files (data_file)"),
          new ParamSpec("max_json_chars", INT, CodePathsStep.DEFAULT_MAX_JSON_CHARS, "largest .json kept, in characters (data_file)"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      return named(name(), () -> new CodePathsStep(p.getStringList("vendored_dirs"), p.getStringList("lock_files"),
          p.getStringList("data_extensions"), p.getInt("max_json_chars")));
    }
  }
}
