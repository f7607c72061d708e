package org.provenant.filters.quality;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Gopher's repetition heuristics (Rae et al. 2021, "Scaling Language Models", table A1): drops a
 * text whose lines, paragraphs or word n-grams repeat too much. Reason codes and check order are
 * those of datatrove's {@code GopherRepetitionFilter}; the first failing check decides:
 *
 * <ol>
 *   <li>{@code dup_para_frac}: duplicate paragraphs (split at two or more {@code \n}, after
 *       stripping the text) over all paragraphs;
 *   <li>{@code dup_para_char_frac}: characters in duplicate paragraphs over the text's characters;
 *   <li>{@code dup_line_frac}: duplicate lines (split at runs of {@code \n}) over all lines;
 *   <li>{@code dup_line_char_frac}: characters in duplicate lines over the text's characters;
 *   <li>{@code top_<n>_gram}, for each configured n ascending: characters of the most frequent
 *       word n-gram (words joined by one space; the earliest among equally frequent ones) times its
 *       count, over the text's characters;
 *   <li>{@code duplicated_<n>_n_grams}, for each configured n ascending: characters (words joined
 *       without spaces) of n-grams seen before, scanning left to right and skipping past each
 *       repeated n-gram, over the text's characters.
 * </ol>
 *
 * <p>A duplicate is every occurrence after the first. Characters are code points; words come from
 * {@link WordSplitter}. The empty text has no repetition and is kept. Every statistic is computed
 * for every text, whichever check decides. Immutable and thread-safe.
 */
public final class GopherRepetitionFilter
    implements QualityFilter<GopherRepetitionFilter.Statistics> {
  private static final long serialVersionUID = 1L;

  /** Name and version in lineage and rejections. */
  public static final String STEP_ID = "gopher_repetition@1";

  /** Maximum fraction of duplicate lines. */
  public static final double DEFAULT_DUP_LINE_FRAC = 0.30;
  /** Maximum fraction of duplicate paragraphs. */
  public static final double DEFAULT_DUP_PARA_FRAC = 0.30;
  /** Maximum fraction of characters in duplicate lines. */
  public static final double DEFAULT_DUP_LINE_CHAR_FRAC = 0.20;
  /** Maximum fraction of characters in duplicate paragraphs. */
  public static final double DEFAULT_DUP_PARA_CHAR_FRAC = 0.20;
  /** Maximum top n-gram character fraction by n: 2 → 0.20, 3 → 0.18, 4 → 0.16. */
  public static final ImmutableSortedMap<Integer, Double> DEFAULT_TOP_N_GRAMS =
      ImmutableSortedMap.of(2, 0.20, 3, 0.18, 4, 0.16);
  /** Maximum duplicate n-gram character fraction by n: 5 → 0.15 down to 10 → 0.10. */
  public static final ImmutableSortedMap<Integer, Double> DEFAULT_DUP_N_GRAMS =
      ImmutableSortedMap.<Integer, Double>naturalOrder()
          .put(5, 0.15).put(6, 0.14).put(7, 0.13).put(8, 0.12).put(9, 0.11).put(10, 0.10)
          .build();

  public static final String DUP_PARA_FRAC = "dup_para_frac";
  public static final String DUP_PARA_CHAR_FRAC = "dup_para_char_frac";
  public static final String DUP_LINE_FRAC = "dup_line_frac";
  public static final String DUP_LINE_CHAR_FRAC = "dup_line_char_frac";

  /** The reason code for the top n-gram check of size {@code n}: {@code top_<n>_gram}. */
  public static String topNGramReason(int n) {
    return "top_" + n + "_gram";
  }

  /** The reason code for the duplicate n-gram check of size {@code n}: {@code duplicated_<n>_n_grams}. */
  public static String dupNGramReason(int n) {
    return "duplicated_" + n + "_n_grams";
  }

  private final double dupLineFrac;
  private final double dupParaFrac;
  private final double dupLineCharFrac;
  private final double dupParaCharFrac;
  private final ImmutableSortedMap<Integer, Double> topNGrams;
  private final ImmutableSortedMap<Integer, Double> dupNGrams;

  private GopherRepetitionFilter(Builder b) {
    this.dupLineFrac = b.dupLineFrac;
    this.dupParaFrac = b.dupParaFrac;
    this.dupLineCharFrac = b.dupLineCharFrac;
    this.dupParaCharFrac = b.dupParaCharFrac;
    this.topNGrams = b.topNGrams;
    this.dupNGrams = b.dupNGrams;
  }

  /** The filter with the published thresholds. */
  public static GopherRepetitionFilter create() {
    return builder().build();
  }

  /** A builder starting from the published thresholds. */
  public static Builder builder() {
    return new Builder();
  }

  /** The statistics of one text. Fractions are in [0, 1] except top n-gram ones (overlaps count). */
  public record Statistics(
      int chars,
      int paragraphs,
      int duplicateParagraphs,
      double dupParaFrac,
      double dupParaCharFrac,
      int lines,
      int duplicateLines,
      double dupLineFrac,
      double dupLineCharFrac,
      int words,
      List<NGramFraction> topNGrams,
      List<NGramFraction> dupNGrams)
      implements QualityStatistics {
    public Statistics {
      topNGrams = ImmutableList.copyOf(topNGrams);
      dupNGrams = ImmutableList.copyOf(dupNGrams);
    }

    @Override
    public String summary() {
      StringBuilder s = new StringBuilder();
      s.append("chars=").append(chars)
          .append(" paragraphs=").append(paragraphs)
          .append(' ').append(DUP_PARA_FRAC).append('=').append(Texts.fmt(dupParaFrac))
          .append(' ').append(DUP_PARA_CHAR_FRAC).append('=').append(Texts.fmt(dupParaCharFrac))
          .append(" lines=").append(lines)
          .append(' ').append(DUP_LINE_FRAC).append('=').append(Texts.fmt(dupLineFrac))
          .append(' ').append(DUP_LINE_CHAR_FRAC).append('=').append(Texts.fmt(dupLineCharFrac))
          .append(" words=").append(words);
      for (NGramFraction f : topNGrams) {
        s.append(' ').append(topNGramReason(f.n())).append('=').append(Texts.fmt(f.fraction()));
      }
      for (NGramFraction f : dupNGrams) {
        s.append(' ').append(dupNGramReason(f.n())).append('=').append(Texts.fmt(f.fraction()));
      }
      return s.toString();
    }
  }

  @Override
  public String stepId() {
    return STEP_ID;
  }

  @Override
  public QualityVerdict<Statistics> check(String text) {
    Statistics s = statistics(text);
    if (s.dupParaFrac() > dupParaFrac) {
      return drop(DUP_PARA_FRAC, s.dupParaFrac(), dupParaFrac, s);
    }
    if (s.dupParaCharFrac() > dupParaCharFrac) {
      return drop(DUP_PARA_CHAR_FRAC, s.dupParaCharFrac(), dupParaCharFrac, s);
    }
    if (s.dupLineFrac() > dupLineFrac) {
      return drop(DUP_LINE_FRAC, s.dupLineFrac(), dupLineFrac, s);
    }
    if (s.dupLineCharFrac() > dupLineCharFrac) {
      return drop(DUP_LINE_CHAR_FRAC, s.dupLineCharFrac(), dupLineCharFrac, s);
    }
    for (NGramFraction f : s.topNGrams()) {
      double max = topNGrams.get(f.n());
      if (f.fraction() > max) {
        return drop(topNGramReason(f.n()), f.fraction(), max, s);
      }
    }
    for (NGramFraction f : s.dupNGrams()) {
      double max = dupNGrams.get(f.n());
      if (f.fraction() > max) {
        return drop(dupNGramReason(f.n()), f.fraction(), max, s);
      }
    }
    return QualityVerdict.keep(s);
  }

  private static QualityVerdict<Statistics> drop(
      String reason, double value, double max, Statistics s) {
    return QualityVerdict.drop(reason, reason + "=" + Texts.fmt(value) + " > " + Texts.fmt(max), s);
  }

  /** Computes every statistic of {@code text}. */
  public Statistics statistics(String text) {
    int chars = Texts.length(text);

    int stripEnd = Texts.skipSpaceBackwards(text, 0, text.length());
    TextPieces paragraphs =
        TextPieces.splitOnNewlineRuns(text, Texts.skipSpace(text, 0, stripEnd), stripEnd, 2);
    int[] paraDup = paragraphs.duplicates();
    TextPieces lines = TextPieces.splitOnNewlineRuns(text, 0, text.length(), 1);
    int[] lineDup = lines.duplicates();

    List<String> words = WordSplitter.split(text);
    int[] wordLengths = new int[words.size()];
    for (int i = 0; i < wordLengths.length; i++) {
      wordLengths[i] = Texts.length(words.get(i));
    }
    ImmutableList.Builder<NGramFraction> top = ImmutableList.builder();
    ImmutableList.Builder<NGramFraction> dup = ImmutableList.builder();
    if (!topNGrams.isEmpty() || !dupNGrams.isEmpty()) {
      JoinedWords joined = new JoinedWords(words);
      GramTable table = new GramTable(joined, words.size());
      int[] firsts = joined.numberWords(table);
      if (!topNGrams.isEmpty()) {
        KeyTable keys = new KeyTable(words.size());
        int[] counts = new int[words.size()];
        int maxN = Math.min(topNGrams.lastKey(), words.size());
        for (int n = 1; n <= maxN; n++) {
          if (n > 1) {
            firsts = extendFirsts(firsts, joined.wordNumbers(), n, keys);
          }
          if (topNGrams.containsKey(n)) {
            long topChars = topNGramChars(firsts, counts, words.size() - n + 1, wordLengths, n);
            top.add(new NGramFraction(n, Texts.ratio(topChars, chars)));
          }
        }
      }
      for (int n : dupNGrams.keySet()) {
        long dupChars = duplicateNGramChars(table, words.size(), wordLengths, n);
        dup.add(new NGramFraction(n, Texts.ratio(dupChars, chars)));
      }
    }
    return new Statistics(
        chars,
        paragraphs.size(),
        paraDup[0],
        Texts.ratio(paraDup[0], paragraphs.size()),
        Texts.ratio(paraDup[1], chars),
        lines.size(),
        lineDup[0],
        Texts.ratio(lineDup[0], lines.size()),
        Texts.ratio(lineDup[1], chars),
        words.size(),
        top.build(),
        dup.build());
  }

  /**
   * The first occurrences of n-grams of {@code n} words from those of n-1 words: two n-grams are
   * the same words exactly when their first n-1 words are and their last words are, so the pair
   * (first occurrence of the n-1 words, number of the last word) identifies the n-gram.
   */
  private static int[] extendFirsts(int[] shorter, int[] wordNumbers, int n, KeyTable keys) {
    int grams = wordNumbers.length - n + 1;
    int[] firsts = new int[grams];
    keys.clear();
    for (int i = 0; i < grams; i++) {
      firsts[i] = keys.firstOccurrence(((long) shorter[i] << 32) | wordNumbers[i + n - 1], i);
    }
    return firsts;
  }

  /**
   * Characters of the most frequent n-gram (earliest among ties, words joined by a space) times its
   * count, given the start of each n-gram's first occurrence ({@code firsts}). N-grams joined by a
   * space are equal exactly when their words are. {@code counts} is scratch space of at least
   * {@code grams} entries.
   */
  private static long topNGramChars(int[] firsts, int[] counts, int grams, int[] lengths, int n) {
    Arrays.fill(counts, 0, grams, 0);
    int bestCount = 0;
    int bestStart = -1;
    for (int i = 0; i < grams; i++) {
      int first = firsts[i];
      int c = ++counts[first];
      // A count reaches the final maximum only once; among ties the earliest first occurrence wins.
      if (c > bestCount || (c == bestCount && first < bestStart)) {
        bestCount = c;
        bestStart = first;
      }
    }
    long gramChars = n - 1;
    for (int k = 0; k < n; k++) {
      gramChars += lengths[bestStart + k];
    }
    return gramChars * bestCount;
  }

  /**
   * Characters of n-grams (words joined without separator) seen before, scanning left to right and
   * jumping past each repeated n-gram.
   */
  private static long duplicateNGramChars(GramTable table, int wordCount, int[] lengths, int n) {
    int grams = wordCount - n + 1;
    if (grams <= 0) {
      return 0;
    }
    table.reset(n);
    long repeated = 0;
    int i = 0;
    while (i + n <= wordCount) {
      if (table.firstOccurrence(i) != i) {
        for (int k = 0; k < n; k++) {
          repeated += lengths[i + k];
        }
        i += n;
      } else {
        i++;
      }
    }
    return repeated;
  }

  /**
   * Settings of a {@link GopherRepetitionFilter}; starts from the published thresholds, call order
   * does not matter. A setting of 1 for a line or paragraph fraction disables that check; leave an
   * n out of the n-gram maps to skip it.
   */
  public static final class Builder {
    private double dupLineFrac = DEFAULT_DUP_LINE_FRAC;
    private double dupParaFrac = DEFAULT_DUP_PARA_FRAC;
    private double dupLineCharFrac = DEFAULT_DUP_LINE_CHAR_FRAC;
    private double dupParaCharFrac = DEFAULT_DUP_PARA_CHAR_FRAC;
    private ImmutableSortedMap<Integer, Double> topNGrams = DEFAULT_TOP_N_GRAMS;
    private ImmutableSortedMap<Integer, Double> dupNGrams = DEFAULT_DUP_N_GRAMS;

    private Builder() {}

    /** Maximum fraction of duplicate lines (datatrove {@code dup_line_frac}), in [0, 1]. */
    public Builder dupLineFrac(double max) {
      this.dupLineFrac = fraction("dupLineFrac", max);
      return this;
    }

    /** Maximum fraction of duplicate paragraphs ({@code dup_para_frac}), in [0, 1]. */
    public Builder dupParaFrac(double max) {
      this.dupParaFrac = fraction("dupParaFrac", max);
      return this;
    }

    /** Maximum fraction of characters in duplicate lines ({@code dup_line_char_frac}), in [0, 1]. */
    public Builder dupLineCharFrac(double max) {
      this.dupLineCharFrac = fraction("dupLineCharFrac", max);
      return this;
    }

    /** Maximum fraction of characters in duplicate paragraphs ({@code dup_para_char_frac}), in [0, 1]. */
    public Builder dupParaCharFrac(double max) {
      this.dupParaCharFrac = fraction("dupParaCharFrac", max);
      return this;
    }

    /** Maximum top n-gram character fraction by n ({@code top_n_grams}); n ≥ 1, values ≥ 0. */
    public Builder topNGrams(Map<Integer, Double> maxByN) {
      this.topNGrams = nGrams("topNGrams", maxByN);
      return this;
    }

    /** Maximum duplicate n-gram character fraction by n ({@code dup_n_grams}); n ≥ 1, values in [0, 1]. */
    public Builder dupNGrams(Map<Integer, Double> maxByN) {
      this.dupNGrams = nGrams("dupNGrams", maxByN);
      for (double v : dupNGrams.values()) {
        fraction("dupNGrams", v);
      }
      return this;
    }

    public GopherRepetitionFilter build() {
      return new GopherRepetitionFilter(this);
    }

    private static double fraction(String setting, double v) {
      checkArgument(v >= 0 && v <= 1, "%s must be in [0, 1]: %s", setting, v);
      return v;
    }

    private static ImmutableSortedMap<Integer, Double> nGrams(
        String setting, Map<Integer, Double> maxByN) {
      requireNonNull(maxByN, setting);
      for (Map.Entry<Integer, Double> e : maxByN.entrySet()) {
        checkArgument(e.getKey() != null && e.getKey() >= 1, "%s: n must be >= 1: %s", setting, e.getKey());
        checkArgument(
            e.getValue() != null && e.getValue() >= 0 && !e.getValue().isInfinite(),
            "%s: the maximum for n=%s must be a finite number >= 0: %s", setting, e.getKey(), e.getValue());
      }
      return ImmutableSortedMap.copyOf(maxByN);
    }
  }
}
