package org.provenant.filters.quality;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * C4's line and page heuristics (Raffel et al. 2020, section 2.2, and the TFDS {@code c4_utils}
 * code), as datatrove's {@code C4QualityFilter} applies them. The text is split into lines (or,
 * with {@code splitParagraph(false)}, into sentences); each line, stripped of white space, goes
 * through these steps in order:
 *
 * <ol>
 *   <li>removed if one of its white-space-separated words is longer than {@code maxWordLength};
 *   <li>Wikipedia-style citation marks ({@code [1]}, {@code [edit]}, {@code [citation needed]})
 *       are deleted from it;
 *   <li>removed unless it ends with {@code . ? ! " '} and not with {@code ...};
 *   <li>removed if it has fewer than {@code minWordsPerLine} words;
 *   <li>the whole text is dropped ({@code lorem_ipsum}) if it contains "lorem ipsum", any case;
 *   <li>removed if it contains "javascript", any case;
 *   <li>the whole text is dropped ({@code curly_bracket}) if it contains {@code {};
 *   <li>removed if it contains a policy phrase ("terms of use", "privacy policy", "cookie policy",
 *       "uses cookies", "use of cookies", "use cookies"), any case;
 *   <li>kept; its sentences ({@link SentenceSplitter}) are counted.
 * </ol>
 *
 * <p>A text with fewer than {@code minNumSentences} sentences in its kept lines is dropped ({@code
 * too_few_sentences}). Otherwise it is kept as its kept lines joined by {@code \n} (by a space in
 * sentence mode), stripped: this filter edits text. Note that the page-level checks (lorem ipsum,
 * curly bracket) only see lines that survived the earlier line checks, as in the reference.
 * Immutable and thread-safe.
 */
public final class C4QualityFilter implements QualityFilter<C4QualityFilter.Statistics> {
  private static final long serialVersionUID = 1L;

  /** Name and version in lineage and rejections. */
  public static final String STEP_ID = "c4_quality@1";

  /** Split the text at line boundaries (true, as C4) rather than into sentences. */
  public static final boolean DEFAULT_SPLIT_PARAGRAPH = true;
  /** Delete citation marks. */
  public static final boolean DEFAULT_REMOVE_CITATIONS = true;
  /** Remove lines without terminal punctuation. */
  public static final boolean DEFAULT_FILTER_NO_TERMINAL_PUNCT = true;
  /** Fewest sentences in the kept lines. */
  public static final int DEFAULT_MIN_NUM_SENTENCES = 5;
  /** Fewest words in a kept line. */
  public static final int DEFAULT_MIN_WORDS_PER_LINE = 3;
  /** Longest word in a kept line, in characters. */
  public static final int DEFAULT_MAX_WORD_LENGTH = 1000;
  /** Drop texts containing "lorem ipsum". */
  public static final boolean DEFAULT_FILTER_LOREM_IPSUM = true;
  /** Remove lines mentioning "javascript". */
  public static final boolean DEFAULT_FILTER_JAVASCRIPT = true;
  /** Drop texts containing a curly bracket. */
  public static final boolean DEFAULT_FILTER_CURLY_BRACKET = true;
  /** Remove lines containing a policy phrase. */
  public static final boolean DEFAULT_FILTER_POLICY = true;

  /** The policy phrases, lower case. */
  public static final ImmutableList<String> POLICY_SUBSTRINGS =
      ImmutableList.of(
          "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
          "use cookies");

  public static final String LOREM_IPSUM = "lorem_ipsum";
  public static final String CURLY_BRACKET = "curly_bracket";
  public static final String TOO_FEW_SENTENCES = "too_few_sentences";

  private static final Pattern CITATION = Pattern.compile("\\[\\d*]|\\[edit]|\\[citation needed]");
  private static final String END_PUNCTUATION = ".?!\"'";

  private final boolean splitParagraph;
  private final boolean removeCitations;
  private final boolean filterNoTerminalPunct;
  private final int minNumSentences;
  private final int minWordsPerLine;
  private final int maxWordLength;
  private final boolean filterLoremIpsum;
  private final boolean filterJavascript;
  private final boolean filterCurlyBracket;
  private final boolean filterPolicy;

  private C4QualityFilter(Builder b) {
    this.splitParagraph = b.splitParagraph;
    this.removeCitations = b.removeCitations;
    this.filterNoTerminalPunct = b.filterNoTerminalPunct;
    this.minNumSentences = b.minNumSentences;
    this.minWordsPerLine = b.minWordsPerLine;
    this.maxWordLength = b.maxWordLength;
    this.filterLoremIpsum = b.filterLoremIpsum;
    this.filterJavascript = b.filterJavascript;
    this.filterCurlyBracket = b.filterCurlyBracket;
    this.filterPolicy = b.filterPolicy;
  }

  /** The filter with C4's settings. */
  public static C4QualityFilter create() {
    return builder().build();
  }

  /** A builder starting from C4's settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What happened to the lines of one text. For a text dropped by a page-level check, the counts
   * cover the lines up to and including {@code decidingLine}.
   *
   * @param lines lines (or sentences) examined
   * @param keptLines lines kept
   * @param tooLongWordLines removed for a word longer than the maximum
   * @param noTerminalPunctLines removed for lacking terminal punctuation
   * @param tooFewWordsLines removed for having too few words
   * @param javascriptLines removed for mentioning javascript
   * @param policyLines removed for a policy phrase
   * @param sentences sentences in the kept lines
   * @param decidingLine 1-based number of the line that dropped the text, 0 if none did
   */
  public record Statistics(
      int lines,
      int keptLines,
      int tooLongWordLines,
      int noTerminalPunctLines,
      int tooFewWordsLines,
      int javascriptLines,
      int policyLines,
      int sentences,
      int decidingLine)
      implements QualityStatistics {
    @Override
    public String summary() {
      return "lines=" + lines
          + " kept=" + keptLines
          + " sentences=" + sentences
          + " removed_too_long_word=" + tooLongWordLines
          + " removed_no_terminal_punct=" + noTerminalPunctLines
          + " removed_too_few_words=" + tooFewWordsLines
          + " removed_javascript=" + javascriptLines
          + " removed_policy=" + policyLines;
    }
  }

  @Override
  public String stepId() {
    return STEP_ID;
  }

  @Override
  public QualityVerdict<Statistics> check(String text) {
    TextPieces lines = splitParagraph ? TextPieces.lines(text) : null;
    List<String> sentenceUnits = splitParagraph ? null : SentenceSplitter.split(text);
    int units = splitParagraph ? lines.size() : sentenceUnits.size();
    List<String> kept = new ArrayList<>();
    int examined = 0;
    int tooLong = 0;
    int noPunct = 0;
    int tooFew = 0;
    int javascript = 0;
    int policy = 0;
    int sentences = 0;
    for (int u = 0; u < units; u++) {
      examined++;
      String line = splitParagraph ? lines.stripped(u) : Texts.strip(sentenceUnits.get(u));
      int words = wordsUnlessTooLong(line);
      if (words < 0) {
        tooLong++;
        continue;
      }
      if (removeCitations && line.indexOf('[') >= 0) {
        line = CITATION.matcher(line).replaceAll("");
      }
      if (filterNoTerminalPunct && !endsWithTerminalPunctuation(line)) {
        noPunct++;
        continue;
      }
      if (words < minWordsPerLine) {
        tooFew++;
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (filterLoremIpsum && lower.contains("lorem ipsum")) {
        Statistics s = new Statistics(
            examined, kept.size(), tooLong, noPunct, tooFew, javascript, policy, sentences, examined);
        return QualityVerdict.drop(LOREM_IPSUM, "line=" + examined, s);
      }
      if (filterJavascript && lower.contains("javascript")) {
        javascript++;
        continue;
      }
      if (filterCurlyBracket && line.indexOf('{') >= 0) {
        Statistics s = new Statistics(
            examined, kept.size(), tooLong, noPunct, tooFew, javascript, policy, sentences, examined);
        return QualityVerdict.drop(CURLY_BRACKET, "line=" + examined, s);
      }
      if (filterPolicy && containsPolicyPhrase(lower)) {
        policy++;
        continue;
      }
      sentences += splitParagraph ? SentenceSplitter.count(line) : 1;
      kept.add(line);
    }
    Statistics s =
        new Statistics(examined, kept.size(), tooLong, noPunct, tooFew, javascript, policy, sentences, 0);
    if (sentences < minNumSentences) {
      return QualityVerdict.drop(
          TOO_FEW_SENTENCES, "sentences=" + sentences + " < " + minNumSentences, s);
    }
    String newText = Texts.strip(String.join(splitParagraph ? "\n" : " ", kept));
    return QualityVerdict.keep(s, text, newText);
  }

  /**
   * How many words (pieces between runs of {@link Texts#isSpace}) {@code line} has, or -1 when one
   * is longer than {@code maxWordLength} code points. White space is never a surrogate, so this
   * steps by chars, and counts code points only in words with more chars than the maximum.
   */
  private int wordsUnlessTooLong(String line) {
    int n = line.length();
    int words = 0;
    int i = Texts.skipSpace(line, 0, n);
    while (i < n) {
      int start = i;
      while (i < n && !Texts.isSpace(line.charAt(i))) {
        i++;
      }
      if (i - start > maxWordLength && line.codePointCount(start, i) > maxWordLength) {
        return -1;
      }
      words++;
      i = Texts.skipSpace(line, i, n);
    }
    return words;
  }

  private static boolean containsPolicyPhrase(String lower) {
    for (String phrase : POLICY_SUBSTRINGS) {
      if (lower.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithTerminalPunctuation(String line) {
    return !line.isEmpty()
        && END_PUNCTUATION.indexOf(line.charAt(line.length() - 1)) >= 0
        && !line.endsWith("...");
  }

  /** Settings of a {@link C4QualityFilter}; starts from C4's settings, call order does not matter. */
  public static final class Builder {
    private boolean splitParagraph = DEFAULT_SPLIT_PARAGRAPH;
    private boolean removeCitations = DEFAULT_REMOVE_CITATIONS;
    private boolean filterNoTerminalPunct = DEFAULT_FILTER_NO_TERMINAL_PUNCT;
    private int minNumSentences = DEFAULT_MIN_NUM_SENTENCES;
    private int minWordsPerLine = DEFAULT_MIN_WORDS_PER_LINE;
    private int maxWordLength = DEFAULT_MAX_WORD_LENGTH;
    private boolean filterLoremIpsum = DEFAULT_FILTER_LOREM_IPSUM;
    private boolean filterJavascript = DEFAULT_FILTER_JAVASCRIPT;
    private boolean filterCurlyBracket = DEFAULT_FILTER_CURLY_BRACKET;
    private boolean filterPolicy = DEFAULT_FILTER_POLICY;

    private Builder() {}

    /** Lines (true) or sentences (false) as the units to filter ({@code split_paragraph}). */
    public Builder splitParagraph(boolean v) {
      this.splitParagraph = v;
      return this;
    }

    /** Delete citation marks ({@code remove_citations}). */
    public Builder removeCitations(boolean v) {
      this.removeCitations = v;
      return this;
    }

    /** Remove lines without terminal punctuation ({@code filter_no_terminal_punct}). */
    public Builder filterNoTerminalPunct(boolean v) {
      this.filterNoTerminalPunct = v;
      return this;
    }

    /** Fewest sentences ({@code min_num_sentences}), ≥ 0; 0 disables (datatrove's -1). */
    public Builder minNumSentences(int min) {
      checkArgument(min >= 0, "minNumSentences is negative: %s", min);
      this.minNumSentences = min;
      return this;
    }

    /** Fewest words per kept line ({@code min_words_per_line}), ≥ 0; 0 disables (datatrove's -1). */
    public Builder minWordsPerLine(int min) {
      checkArgument(min >= 0, "minWordsPerLine is negative: %s", min);
      this.minWordsPerLine = min;
      return this;
    }

    /**
     * Longest word in a kept line ({@code max_word_length}), ≥ 1; {@link Integer#MAX_VALUE}
     * disables (datatrove's -1).
     */
    public Builder maxWordLength(int max) {
      checkArgument(max >= 1, "maxWordLength is less than 1: %s", max);
      this.maxWordLength = max;
      return this;
    }

    /** Drop texts containing "lorem ipsum" ({@code filter_lorem_ipsum}). */
    public Builder filterLoremIpsum(boolean v) {
      this.filterLoremIpsum = v;
      return this;
    }

    /** Remove lines mentioning "javascript" ({@code filter_javascript}). */
    public Builder filterJavascript(boolean v) {
      this.filterJavascript = v;
      return this;
    }

    /** Drop texts containing a curly bracket ({@code filter_curly_bracket}). */
    public Builder filterCurlyBracket(boolean v) {
      this.filterCurlyBracket = v;
      return this;
    }

    /** Remove lines containing a policy phrase ({@code filter_policy}). */
    public Builder filterPolicy(boolean v) {
      this.filterPolicy = v;
      return this;
    }

    public C4QualityFilter build() {
      return new C4QualityFilter(this);
    }
  }
}
