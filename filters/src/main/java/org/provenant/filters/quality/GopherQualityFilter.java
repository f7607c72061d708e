package org.provenant.filters.quality;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gopher's document quality heuristics (Rae et al. 2021, "Scaling Language Models", appendix
 * A.1.1). Reason codes and check order are those of datatrove's {@code GopherQualityFilter}; the
 * first failing check decides:
 *
 * <ol>
 *   <li>{@code gopher_short_doc} / {@code gopher_long_doc}: non-symbol words outside
 *       [{@code minDocWords}, {@code maxDocWords}];
 *   <li>{@code gopher_below_avg_threshold} / {@code gopher_above_avg_threshold}: mean length of the
 *       non-symbol words outside [{@code minAvgWordLength}, {@code maxAvgWordLength}];
 *   <li>{@code gopher_too_many_hashes}: {@code #} characters per word above {@code
 *       maxSymbolWordRatio};
 *   <li>{@code gopher_too_many_ellipsis}: {@code ...} and {@code …} occurrences per word above
 *       {@code maxSymbolWordRatio};
 *   <li>{@code gopher_too_many_bullets}: fraction of lines starting (after white space) with
 *       {@code •} or {@code -} above {@code maxBulletLinesRatio};
 *   <li>{@code gopher_too_many_end_ellipsis}: fraction of lines ending (before white space) with
 *       {@code ...} or {@code …} above {@code maxEllipsisLinesRatio};
 *   <li>{@code gopher_below_alpha_threshold}: fraction of words holding a letter below {@code
 *       minAlphaWordsRatio};
 *   <li>{@code gopher_enough_stop_words}: fewer than {@code minStopWords} distinct stop words
 *       (compared case-sensitively, as the reference does).
 * </ol>
 *
 * <p>Words are the tokens of {@link WordSplitter}, punctuation tokens included; a symbol word is a
 * token without a letter, digit or mark (so {@code ...}, {@code #} or {@code €}). Lengths are in
 * code points; lines are split at every Unicode line boundary. A text without words is dropped as
 * {@code gopher_short_doc} whatever {@code minDocWords} is. Immutable and thread-safe.
 */
public final class GopherQualityFilter implements QualityFilter<GopherQualityFilter.Statistics> {
  private static final long serialVersionUID = 1L;

  /** Name and version in lineage and rejections. */
  public static final String STEP_ID = "gopher_quality@1";

  /** Fewest non-symbol words. */
  public static final int DEFAULT_MIN_DOC_WORDS = 50;
  /** Most non-symbol words. */
  public static final int DEFAULT_MAX_DOC_WORDS = 100_000;
  /** Smallest mean word length, in characters. */
  public static final double DEFAULT_MIN_AVG_WORD_LENGTH = 3;
  /** Largest mean word length, in characters. */
  public static final double DEFAULT_MAX_AVG_WORD_LENGTH = 10;
  /** Most hashes, and most ellipses, per word. */
  public static final double DEFAULT_MAX_SYMBOL_WORD_RATIO = 0.1;
  /** Largest fraction of lines starting with a bullet. */
  public static final double DEFAULT_MAX_BULLET_LINES_RATIO = 0.9;
  /** Largest fraction of lines ending with an ellipsis. */
  public static final double DEFAULT_MAX_ELLIPSIS_LINES_RATIO = 0.3;
  /** Smallest fraction of words with at least one letter (datatrove's {@code max_non_alpha_words_ratio}). */
  public static final double DEFAULT_MIN_ALPHA_WORDS_RATIO = 0.8;
  /** Fewest distinct stop words. */
  public static final int DEFAULT_MIN_STOP_WORDS = 2;
  /** Gopher's English stop words. */
  public static final ImmutableSet<String> DEFAULT_STOP_WORDS =
      ImmutableSet.of("the", "be", "to", "of", "and", "that", "have", "with");

  public static final String SHORT_DOC = "gopher_short_doc";
  public static final String LONG_DOC = "gopher_long_doc";
  public static final String BELOW_AVG_THRESHOLD = "gopher_below_avg_threshold";
  public static final String ABOVE_AVG_THRESHOLD = "gopher_above_avg_threshold";
  public static final String TOO_MANY_HASHES = "gopher_too_many_hashes";
  public static final String TOO_MANY_ELLIPSIS = "gopher_too_many_ellipsis";
  public static final String TOO_MANY_BULLETS = "gopher_too_many_bullets";
  public static final String TOO_MANY_END_ELLIPSIS = "gopher_too_many_end_ellipsis";
  public static final String BELOW_ALPHA_THRESHOLD = "gopher_below_alpha_threshold";
  public static final String ENOUGH_STOP_WORDS = "gopher_enough_stop_words";

  private final int minDocWords;
  private final int maxDocWords;
  private final double minAvgWordLength;
  private final double maxAvgWordLength;
  private final double maxSymbolWordRatio;
  private final double maxBulletLinesRatio;
  private final double maxEllipsisLinesRatio;
  private final double minAlphaWordsRatio;
  private final int minStopWords;
  private final ImmutableSet<String> stopWords;
  /** The length in chars of the longest stop word: longer tokens need no look-up. */
  private final int longestStopWord;
  /**
   * Bit {@code c % 64} set for the first char {@code c} of each stop word (tokens are never empty,
   * so an empty stop word never matches): a token whose bit is clear needs no look-up.
   */
  private final long stopWordFirstChars;

  private GopherQualityFilter(Builder b) {
    checkArgument(
        b.minDocWords <= b.maxDocWords,
        "minDocWords (%s) is greater than maxDocWords (%s)", b.minDocWords, b.maxDocWords);
    checkArgument(
        b.minAvgWordLength <= b.maxAvgWordLength,
        "minAvgWordLength (%s) is greater than maxAvgWordLength (%s)",
        b.minAvgWordLength, b.maxAvgWordLength);
    checkArgument(
        b.minStopWords <= b.stopWords.size(),
        "minStopWords (%s) is more than there are stopWords (%s)", b.minStopWords, b.stopWords.size());
    this.minDocWords = b.minDocWords;
    this.maxDocWords = b.maxDocWords;
    this.minAvgWordLength = b.minAvgWordLength;
    this.maxAvgWordLength = b.maxAvgWordLength;
    this.maxSymbolWordRatio = b.maxSymbolWordRatio;
    this.maxBulletLinesRatio = b.maxBulletLinesRatio;
    this.maxEllipsisLinesRatio = b.maxEllipsisLinesRatio;
    this.minAlphaWordsRatio = b.minAlphaWordsRatio;
    this.minStopWords = b.minStopWords;
    this.stopWords = b.stopWords;
    this.longestStopWord = b.stopWords.stream().mapToInt(String::length).max().orElse(-1);
    long firstChars = 0;
    for (String w : b.stopWords) {
      if (!w.isEmpty()) {
        firstChars |= 1L << w.charAt(0); // a shift uses the low 6 bits: 64 classes of first chars
      }
    }
    this.stopWordFirstChars = firstChars;
  }

  /** The filter with the published thresholds. */
  public static GopherQualityFilter create() {
    return builder().build();
  }

  /** A builder starting from the published thresholds. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The statistics of one text.
   *
   * @param words all tokens, punctuation included
   * @param nonSymbolWords tokens with a letter, digit or mark
   * @param meanWordLength mean code point length of the non-symbol words (0 when there are none)
   * @param hashes {@code #} characters
   * @param ellipses non-overlapping {@code ...} plus {@code …}
   * @param hashRatio hashes per word
   * @param ellipsisRatio ellipses per word
   * @param lines lines of the text
   * @param bulletLineRatio fraction of lines starting with {@code •} or {@code -}
   * @param endEllipsisLineRatio fraction of lines ending with {@code ...} or {@code …}
   * @param alphaWordRatio fraction of words holding a letter
   * @param stopWords distinct stop words present
   */
  public record Statistics(
      int words,
      int nonSymbolWords,
      double meanWordLength,
      int hashes,
      int ellipses,
      double hashRatio,
      double ellipsisRatio,
      int lines,
      double bulletLineRatio,
      double endEllipsisLineRatio,
      double alphaWordRatio,
      int stopWords)
      implements QualityStatistics {
    @Override
    public String summary() {
      return "words=" + words
          + " non_symbol_words=" + nonSymbolWords
          + " mean_word_len=" + Texts.fmt(meanWordLength)
          + " hash_ratio=" + Texts.fmt(hashRatio)
          + " ellipsis_ratio=" + Texts.fmt(ellipsisRatio)
          + " lines=" + lines
          + " bullet_lines=" + Texts.fmt(bulletLineRatio)
          + " end_ellipsis_lines=" + Texts.fmt(endEllipsisLineRatio)
          + " alpha_words=" + Texts.fmt(alphaWordRatio)
          + " stop_words=" + stopWords;
    }
  }

  @Override
  public String stepId() {
    return STEP_ID;
  }

  @Override
  public QualityVerdict<Statistics> check(String text) {
    Statistics s = statistics(text);
    if (s.words() == 0 || s.nonSymbolWords() < minDocWords) {
      return QualityVerdict.drop(
          SHORT_DOC, "non_symbol_words=" + s.nonSymbolWords() + " < " + minDocWords, s);
    }
    if (s.nonSymbolWords() > maxDocWords) {
      return QualityVerdict.drop(
          LONG_DOC, "non_symbol_words=" + s.nonSymbolWords() + " > " + maxDocWords, s);
    }
    if (s.meanWordLength() < minAvgWordLength) {
      return drop(BELOW_AVG_THRESHOLD, "mean_word_len", s.meanWordLength(), " < ", minAvgWordLength, s);
    }
    if (s.meanWordLength() > maxAvgWordLength) {
      return drop(ABOVE_AVG_THRESHOLD, "mean_word_len", s.meanWordLength(), " > ", maxAvgWordLength, s);
    }
    if (s.hashRatio() > maxSymbolWordRatio) {
      return drop(TOO_MANY_HASHES, "hash_ratio", s.hashRatio(), " > ", maxSymbolWordRatio, s);
    }
    if (s.ellipsisRatio() > maxSymbolWordRatio) {
      return drop(TOO_MANY_ELLIPSIS, "ellipsis_ratio", s.ellipsisRatio(), " > ", maxSymbolWordRatio, s);
    }
    if (s.bulletLineRatio() > maxBulletLinesRatio) {
      return drop(TOO_MANY_BULLETS, "bullet_lines", s.bulletLineRatio(), " > ", maxBulletLinesRatio, s);
    }
    if (s.endEllipsisLineRatio() > maxEllipsisLinesRatio) {
      return drop(
          TOO_MANY_END_ELLIPSIS, "end_ellipsis_lines", s.endEllipsisLineRatio(), " > ",
          maxEllipsisLinesRatio, s);
    }
    if (s.alphaWordRatio() < minAlphaWordsRatio) {
      return drop(BELOW_ALPHA_THRESHOLD, "alpha_words", s.alphaWordRatio(), " < ", minAlphaWordsRatio, s);
    }
    if (s.stopWords() < minStopWords) {
      return QualityVerdict.drop(
          ENOUGH_STOP_WORDS, "stop_words=" + s.stopWords() + " < " + minStopWords, s);
    }
    return QualityVerdict.keep(s);
  }

  private static QualityVerdict<Statistics> drop(
      String reason, String name, double value, String op, double threshold, Statistics s) {
    return QualityVerdict.drop(reason, name + "=" + Texts.fmt(value) + op + Texts.fmt(threshold), s);
  }

  /** Computes every statistic of {@code text}. */
  public Statistics statistics(String text) {
    List<String> words = WordSplitter.split(text);
    int nonSymbol = 0;
    long nonSymbolChars = 0;
    int alpha = 0;
    Set<String> stopWordsSeen = new HashSet<>();
    for (String w : words) {
      int kind = kind(w);
      if (kind != SYMBOL) {
        nonSymbol++;
        nonSymbolChars += Texts.length(w);
        if (kind == ALPHA) {
          alpha++;
        }
      }
      if (w.length() <= longestStopWord
          && (stopWordFirstChars & (1L << w.charAt(0))) != 0
          && stopWords.contains(w)) {
        stopWordsSeen.add(w);
      }
    }
    int hashes = Texts.count(text, "#");
    int ellipses = Texts.count(text, "...") + Texts.count(text, "\u2026");
    TextPieces lines = TextPieces.lines(text);
    int bullets = 0;
    int endEllipsis = 0;
    for (int k = 0; k < lines.size(); k++) {
      int lineStart = lines.start(k);
      int lineEnd = lines.end(k);
      int start = Texts.skipSpace(text, lineStart, lineEnd);
      if (start < lineEnd && (text.charAt(start) == '\u2022' || text.charAt(start) == '-')) {
        bullets++;
      }
      int end = Texts.skipSpaceBackwards(text, lineStart, lineEnd);
      if ((end - lineStart >= 3 && text.startsWith("...", end - 3))
          || (end > lineStart && text.charAt(end - 1) == '\u2026')) {
        endEllipsis++;
      }
    }
    int n = words.size();
    return new Statistics(
        n,
        nonSymbol,
        Texts.ratio(nonSymbolChars, nonSymbol),
        hashes,
        ellipses,
        Texts.ratio(hashes, n),
        Texts.ratio(ellipses, n),
        lines.size(),
        Texts.ratio(bullets, lines.size()),
        Texts.ratio(endEllipsis, lines.size()),
        Texts.ratio(alpha, n),
        stopWordsSeen.size());
  }

  /** A token without a letter, digit or mark. */
  private static final int SYMBOL = 0;
  /** A token with a digit or mark but no letter. */
  private static final int NON_ALPHA = 1;
  /** A token with a letter. */
  private static final int ALPHA = 2;

  /**
   * Which of {@link #SYMBOL}, {@link #NON_ALPHA} or {@link #ALPHA} {@code w} is, in one pass: a
   * letter is a word character ({@link WordSplitter#isWordChar}), so a letter settles it.
   */
  private static int kind(String w) {
    int kind = SYMBOL;
    for (int i = 0; i < w.length(); ) {
      int cp = w.codePointAt(i);
      if (Character.isLetter(cp)) {
        return ALPHA;
      }
      if (kind == SYMBOL && WordSplitter.isWordChar(cp)) {
        kind = NON_ALPHA;
      }
      i += Character.charCount(cp);
    }
    return kind;
  }

  /**
   * Settings of a {@link GopherQualityFilter}; starts from the published thresholds, call order
   * does not matter. A minimum of 0 or a maximum of {@link Integer#MAX_VALUE} / {@link
   * Double#POSITIVE_INFINITY} (1 for the line and word fractions) disables a check.
   */
  public static final class Builder {
    private int minDocWords = DEFAULT_MIN_DOC_WORDS;
    private int maxDocWords = DEFAULT_MAX_DOC_WORDS;
    private double minAvgWordLength = DEFAULT_MIN_AVG_WORD_LENGTH;
    private double maxAvgWordLength = DEFAULT_MAX_AVG_WORD_LENGTH;
    private double maxSymbolWordRatio = DEFAULT_MAX_SYMBOL_WORD_RATIO;
    private double maxBulletLinesRatio = DEFAULT_MAX_BULLET_LINES_RATIO;
    private double maxEllipsisLinesRatio = DEFAULT_MAX_ELLIPSIS_LINES_RATIO;
    private double minAlphaWordsRatio = DEFAULT_MIN_ALPHA_WORDS_RATIO;
    private int minStopWords = DEFAULT_MIN_STOP_WORDS;
    private ImmutableSet<String> stopWords = DEFAULT_STOP_WORDS;

    private Builder() {}

    /** Fewest non-symbol words ({@code min_doc_words}), ≥ 0. */
    public Builder minDocWords(int min) {
      checkArgument(min >= 0, "minDocWords is negative: %s", min);
      this.minDocWords = min;
      return this;
    }

    /** Most non-symbol words ({@code max_doc_words}), ≥ 1. */
    public Builder maxDocWords(int max) {
      checkArgument(max >= 1, "maxDocWords is less than 1: %s", max);
      this.maxDocWords = max;
      return this;
    }

    /** Smallest mean word length ({@code min_avg_word_length}), ≥ 0. */
    public Builder minAvgWordLength(double min) {
      this.minAvgWordLength = atLeastZero("minAvgWordLength", min);
      return this;
    }

    /** Largest mean word length ({@code max_avg_word_length}), ≥ 0. */
    public Builder maxAvgWordLength(double max) {
      this.maxAvgWordLength = atLeastZero("maxAvgWordLength", max);
      return this;
    }

    /** Most hashes, and most ellipses, per word ({@code max_symbol_word_ratio}), ≥ 0. */
    public Builder maxSymbolWordRatio(double max) {
      this.maxSymbolWordRatio = atLeastZero("maxSymbolWordRatio", max);
      return this;
    }

    /** Largest fraction of bullet lines ({@code max_bullet_lines_ratio}), in [0, 1]. */
    public Builder maxBulletLinesRatio(double max) {
      this.maxBulletLinesRatio = fraction("maxBulletLinesRatio", max);
      return this;
    }

    /** Largest fraction of lines ending with an ellipsis ({@code max_ellipsis_lines_ratio}), in [0, 1]. */
    public Builder maxEllipsisLinesRatio(double max) {
      this.maxEllipsisLinesRatio = fraction("maxEllipsisLinesRatio", max);
      return this;
    }

    /** Smallest fraction of words holding a letter ({@code max_non_alpha_words_ratio}), in [0, 1]. */
    public Builder minAlphaWordsRatio(double min) {
      this.minAlphaWordsRatio = fraction("minAlphaWordsRatio", min);
      return this;
    }

    /** Fewest distinct stop words ({@code min_stop_words}), ≥ 0. */
    public Builder minStopWords(int min) {
      checkArgument(min >= 0, "minStopWords is negative: %s", min);
      this.minStopWords = min;
      return this;
    }

    /** The stop words ({@code stop_words}), matched case-sensitively against whole tokens. */
    public Builder stopWords(Iterable<String> words) {
      requireNonNull(words, "stopWords");
      for (String w : words) {
        checkArgument(w != null && !w.isEmpty(), "stopWords holds an empty word");
      }
      this.stopWords = ImmutableSet.copyOf(words);
      return this;
    }

    public GopherQualityFilter build() {
      return new GopherQualityFilter(this);
    }

    private static double atLeastZero(String setting, double v) {
      checkArgument(v >= 0, "%s must be >= 0: %s", setting, v);
      return v;
    }

    private static double fraction(String setting, double v) {
      checkArgument(v >= 0 && v <= 1, "%s must be in [0, 1]: %s", setting, v);
      return v;
    }
  }
}
