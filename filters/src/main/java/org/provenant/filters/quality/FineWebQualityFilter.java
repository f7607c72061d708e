package org.provenant.filters.quality;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;


/**
 * FineWeb's custom line heuristics (Penedo et al. 2024, section 3.3), as datatrove's {@code
 * FineWebQualityFilter} applies them. Lines are the {@code \n}-separated pieces that are not blank.
 * The first failing check decides:
 *
 * <ol>
 *   <li>{@code empty}: no such line;
 *   <li>{@code line_punct_ratio}: fraction of lines ending with terminal punctuation (Unicode
 *       {@code Sentence_Terminal}, unless configured) below {@code linePunctThr}; with {@code
 *       linePunctExcludeZero}, a fraction of exactly 0 passes;
 *   <li>{@code short_line_ratio}: fraction of lines of at most {@code shortLineLength} characters
 *       above {@code shortLineThr};
 *   <li>{@code char_dup_ratio}: characters in duplicate lines over the characters of the text
 *       without its {@code \n}, above {@code charDuplicatesRatio};
 *   <li>{@code list_ratio}: {@code \n} characters per word ({@link WordSplitter}) above {@code
 *       newLineRatio}.
 * </ol>
 *
 * <p>Lines are compared and measured as they are (not stripped); characters are code points.
 * Immutable and thread-safe.
 */
public final class FineWebQualityFilter implements QualityFilter<FineWebQualityFilter.Statistics> {
  private static final long serialVersionUID = 1L;

  /** Name and version in lineage and rejections. */
  public static final String STEP_ID = "fineweb_quality@1";

  /** Smallest fraction of lines ending with terminal punctuation. */
  public static final double DEFAULT_LINE_PUNCT_THR = 0.12;
  /** Whether a text with no line ending in punctuation passes the punctuation check. */
  public static final boolean DEFAULT_LINE_PUNCT_EXCLUDE_ZERO = false;
  /** Largest fraction of short lines. */
  public static final double DEFAULT_SHORT_LINE_THR = 0.67;
  /** Longest short line, in characters. */
  public static final int DEFAULT_SHORT_LINE_LENGTH = 30;
  /** Largest fraction of characters in duplicate lines. */
  public static final double DEFAULT_CHAR_DUPLICATES_RATIO = 0.01;
  /** Most line breaks per word. */
  public static final double DEFAULT_NEW_LINE_RATIO = 0.3;

  public static final String EMPTY = "empty";
  public static final String LINE_PUNCT_RATIO = "line_punct_ratio";
  public static final String SHORT_LINE_RATIO = "short_line_ratio";
  public static final String CHAR_DUP_RATIO = "char_dup_ratio";
  public static final String LIST_RATIO = "list_ratio";

  private final double linePunctThr;
  private final boolean linePunctExcludeZero;
  /** Code points that end a line with punctuation; null for Unicode Sentence_Terminal. */
  private final String stopChars;
  private final double shortLineThr;
  private final int shortLineLength;
  private final double charDuplicatesRatio;
  private final double newLineRatio;

  private FineWebQualityFilter(Builder b) {
    this.linePunctThr = b.linePunctThr;
    this.linePunctExcludeZero = b.linePunctExcludeZero;
    this.stopChars = b.stopChars;
    this.shortLineThr = b.shortLineThr;
    this.shortLineLength = b.shortLineLength;
    this.charDuplicatesRatio = b.charDuplicatesRatio;
    this.newLineRatio = b.newLineRatio;
  }

  /** The filter with FineWeb's thresholds. */
  public static FineWebQualityFilter create() {
    return builder().build();
  }

  /** A builder starting from FineWeb's thresholds. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The statistics of one text.
   *
   * @param lines non-blank lines
   * @param linePunctRatio fraction of them ending with terminal punctuation
   * @param shortLineRatio fraction of them no longer than the short line length
   * @param charDupRatio characters in duplicate lines over the text's characters less {@code \n}
   * @param words tokens of the whole text
   * @param newlines {@code \n} characters
   * @param newLineRatio newlines per word
   */
  public record Statistics(
      int lines,
      double linePunctRatio,
      double shortLineRatio,
      double charDupRatio,
      int words,
      int newlines,
      double newLineRatio)
      implements QualityStatistics {
    @Override
    public String summary() {
      return "lines=" + lines
          + " line_punct_ratio=" + Texts.fmt(linePunctRatio)
          + " short_line_ratio=" + Texts.fmt(shortLineRatio)
          + " char_dup_ratio=" + Texts.fmt(charDupRatio)
          + " words=" + words
          + " list_ratio=" + Texts.fmt(newLineRatio);
    }
  }

  @Override
  public String stepId() {
    return STEP_ID;
  }

  @Override
  public QualityVerdict<Statistics> check(String text) {
    Statistics s = statistics(text);
    if (s.lines() == 0) {
      return QualityVerdict.drop(EMPTY, "lines=0", s);
    }
    if (s.linePunctRatio() < linePunctThr && !(s.linePunctRatio() == 0 && linePunctExcludeZero)) {
      return drop(LINE_PUNCT_RATIO, s.linePunctRatio(), " < ", linePunctThr, s);
    }
    if (s.shortLineRatio() > shortLineThr) {
      return drop(SHORT_LINE_RATIO, s.shortLineRatio(), " > ", shortLineThr, s);
    }
    if (s.charDupRatio() > charDuplicatesRatio) {
      return drop(CHAR_DUP_RATIO, s.charDupRatio(), " > ", charDuplicatesRatio, s);
    }
    if (s.newLineRatio() > newLineRatio) {
      return drop(LIST_RATIO, s.newLineRatio(), " > ", newLineRatio, s);
    }
    return QualityVerdict.keep(s);
  }

  private static QualityVerdict<Statistics> drop(
      String reason, double value, String op, double threshold, Statistics s) {
    return QualityVerdict.drop(reason, reason + "=" + Texts.fmt(value) + op + Texts.fmt(threshold), s);
  }

  /** Computes every statistic of {@code text}. */
  public Statistics statistics(String text) {
    TextPieces lines = TextPieces.splitOnNewlineRuns(text, 0, text.length(), 1).withoutBlank();
    if (lines.size() == 0) {
      return new Statistics(0, 0, 0, 0, 0, 0, 0);
    }
    int punct = 0;
    int shortLines = 0;
    for (int k = 0; k < lines.size(); k++) {
      int start = lines.start(k);
      int end = lines.end(k);
      // A line that is not blank is not empty, and the character before it (if any) is a \n.
      if (endsWithStopChar(text.codePointBefore(end))) {
        punct++;
      }
      if (text.codePointCount(start, end) <= shortLineLength) {
        shortLines++;
      }
    }
    int newlines = Texts.count(text, "\n");
    int charsWithoutNewlines = Texts.length(text) - newlines;
    int dupChars = lines.duplicates()[1];
    int words = WordSplitter.split(text).size();
    return new Statistics(
        lines.size(),
        Texts.ratio(punct, lines.size()),
        Texts.ratio(shortLines, lines.size()),
        Texts.ratio(dupChars, charsWithoutNewlines),
        words,
        newlines,
        Texts.ratio(newlines, words));
  }

  private boolean endsWithStopChar(int last) {
    return stopChars == null
        ? TerminalPunctuation.contains(last)
        : stopChars.codePoints().anyMatch(c -> c == last);
  }

  /** Settings of a {@link FineWebQualityFilter}; starts from FineWeb's, call order does not matter. */
  public static final class Builder {
    private double linePunctThr = DEFAULT_LINE_PUNCT_THR;
    private boolean linePunctExcludeZero = DEFAULT_LINE_PUNCT_EXCLUDE_ZERO;
    private String stopChars;
    private double shortLineThr = DEFAULT_SHORT_LINE_THR;
    private int shortLineLength = DEFAULT_SHORT_LINE_LENGTH;
    private double charDuplicatesRatio = DEFAULT_CHAR_DUPLICATES_RATIO;
    private double newLineRatio = DEFAULT_NEW_LINE_RATIO;

    private Builder() {}

    /** Smallest fraction of lines ending with punctuation ({@code line_punct_thr}), in [0, 1]. */
    public Builder linePunctThr(double min) {
      this.linePunctThr = fraction("linePunctThr", min);
      return this;
    }

    /** Let texts with no punctuated line pass that check ({@code line_punct_exclude_zero}). */
    public Builder linePunctExcludeZero(boolean v) {
      this.linePunctExcludeZero = v;
      return this;
    }

    /**
     * The characters (each code point of {@code chars}) that count as terminal punctuation
     * ({@code stop_chars}) in place of Unicode's Sentence_Terminal set; not empty.
     */
    public Builder stopChars(String chars) {
      requireNonNull(chars, "stopChars");
      checkArgument(!chars.isEmpty(), "stopChars is empty");
      this.stopChars = chars;
      return this;
    }

    /** Largest fraction of short lines ({@code short_line_thr}), in [0, 1]. */
    public Builder shortLineThr(double max) {
      this.shortLineThr = fraction("shortLineThr", max);
      return this;
    }

    /** Longest short line in characters ({@code short_line_length}), ≥ 0. */
    public Builder shortLineLength(int max) {
      checkArgument(max >= 0, "shortLineLength is negative: %s", max);
      this.shortLineLength = max;
      return this;
    }

    /** Largest fraction of characters in duplicate lines ({@code char_duplicates_ratio}), in [0, 1]. */
    public Builder charDuplicatesRatio(double max) {
      this.charDuplicatesRatio = fraction("charDuplicatesRatio", max);
      return this;
    }

    /** Most line breaks per word ({@code new_line_ratio}), ≥ 0. */
    public Builder newLineRatio(double max) {
      checkArgument(max >= 0, "newLineRatio must be >= 0: %s", max);
      this.newLineRatio = max;
      return this;
    }

    public FineWebQualityFilter build() {
      return new FineWebQualityFilter(this);
    }

    private static double fraction(String setting, double v) {
      checkArgument(v >= 0 && v <= 1, "%s must be in [0, 1]: %s", setting, v);
      return v;
    }
  }
}
