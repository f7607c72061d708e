package org.provenant.filters.step;

import java.util.List;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;

/**
 * Keeps documents whose text length, in characters, is within bounds: {@code text_too_short} below
 * {@code min_chars}, {@code text_too_long} above {@code max_chars}.
 */
public final class TextLengthStep implements DocumentStep {
  public static final String ID = "text_length@1";
  public static final int DEFAULT_MIN_CHARS = 1;
  public static final int DEFAULT_MAX_CHARS = 10_000_000;

  private final int minChars;
  private final int maxChars;

  public TextLengthStep(int minChars, int maxChars) {
    if (minChars < 0) {
      throw new IllegalArgumentException("min_chars is negative: " + minChars);
    }
    if (maxChars < minChars) {
      throw new IllegalArgumentException("max_chars " + maxChars + " is below min_chars " + minChars);
    }
    this.minChars = minChars;
    this.maxChars = maxChars;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Outcome apply(Document d) {
    int n = d.text().length();
    if (n < minChars) {
      return Outcome.reject(d.reject(ID, "text_too_short", n + " chars < " + minChars));
    }
    if (n > maxChars) {
      return Outcome.reject(d.reject(ID, "text_too_long", n + " chars > " + maxChars));
    }
    return Outcome.keep(d.withStep(new LineageEntry(ID, LineageEntry.OK, n + " chars")));
  }

  /** Factory for the configuration name {@code text_length}. */
  public static final class Factory implements StepFactory {
    @Override
    public String name() {
      return "text_length";
    }

    @Override
    public java.util.Set<org.provenant.schemas.Kind> kinds() {
      return ALL;
    }

    @Override
    public String description() {
      return "keep texts of min_chars..max_chars characters (text_too_short, text_too_long)";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(
          new ParamSpec("min_chars", ParamSpec.Type.INT, DEFAULT_MIN_CHARS, "fewest characters kept"),
          new ParamSpec("max_chars", ParamSpec.Type.INT, DEFAULT_MAX_CHARS, "most characters kept"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      return new TextLengthStep(p.getInt("min_chars"), p.getInt("max_chars"));
    }
  }
}
