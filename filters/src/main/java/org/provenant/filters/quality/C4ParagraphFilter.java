package org.provenant.filters.quality;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * mC4's paragraph heuristic (Xue et al. 2021; TFDS {@code c4_utils.paragraph_filter}), as in
 * datatrove's {@code C4ParagraphFilter}: a text is kept only if at least {@code minParagraphs} of
 * its {@code \n}-separated lines are "paragraphs", lines of at least {@code minParagraphLength}
 * characters (code points). Datatrove's reason for a drop is {@code "< 3 paragraphs"}, not a code;
 * this filter says {@code too_few_paragraphs}. Immutable and thread-safe.
 */
public final class C4ParagraphFilter implements QualityFilter<C4ParagraphFilter.Statistics> {
  private static final long serialVersionUID = 1L;

  /** Name and version in lineage and rejections. */
  public static final String STEP_ID = "c4_paragraph@1";

  /** Fewest paragraphs. */
  public static final int DEFAULT_MIN_PARAGRAPHS = 3;
  /** Fewest characters in a line that counts as a paragraph. */
  public static final int DEFAULT_MIN_PARAGRAPH_LENGTH = 200;

  public static final String TOO_FEW_PARAGRAPHS = "too_few_paragraphs";

  private final int minParagraphs;
  private final int minParagraphLength;

  private C4ParagraphFilter(int minParagraphs, int minParagraphLength) {
    checkArgument(minParagraphs >= 1, "minParagraphs is less than 1: %s", minParagraphs);
    checkArgument(minParagraphLength >= 1, "minParagraphLength is less than 1: %s", minParagraphLength);
    this.minParagraphs = minParagraphs;
    this.minParagraphLength = minParagraphLength;
  }

  /** The filter with mC4's settings. */
  public static C4ParagraphFilter create() {
    return new C4ParagraphFilter(DEFAULT_MIN_PARAGRAPHS, DEFAULT_MIN_PARAGRAPH_LENGTH);
  }

  /** This filter requiring {@code min} paragraphs (≥ 1). */
  public C4ParagraphFilter withMinParagraphs(int min) {
    return new C4ParagraphFilter(min, minParagraphLength);
  }

  /** This filter counting lines of at least {@code min} characters (≥ 1) as paragraphs. */
  public C4ParagraphFilter withMinParagraphLength(int min) {
    return new C4ParagraphFilter(minParagraphs, min);
  }

  /** Lines (split at {@code \n} only, empty ones included) and how many are paragraphs. */
  public record Statistics(int lines, int paragraphs) implements QualityStatistics {
    @Override
    public String summary() {
      return "lines=" + lines + " paragraphs=" + paragraphs;
    }
  }

  @Override
  public String stepId() {
    return STEP_ID;
  }

  @Override
  public QualityVerdict<Statistics> check(String text) {
    int lines = 1;
    int paragraphs = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (text.codePointCount(start, i) >= minParagraphLength) {
          paragraphs++;
        }
        if (i < text.length()) {
          lines++;
        }
        start = i + 1;
      }
    }
    Statistics s = new Statistics(lines, paragraphs);
    if (paragraphs < minParagraphs) {
      return QualityVerdict.drop(
          TOO_FEW_PARAGRAPHS,
          "paragraphs=" + paragraphs + " < " + minParagraphs + " (lines of >= " + minParagraphLength
              + " chars)",
          s);
    }
    return QualityVerdict.keep(s);
  }
}
