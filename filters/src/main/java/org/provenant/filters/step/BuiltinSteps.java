package org.provenant.filters.step;

import static org.provenant.filters.step.ParamSpec.Type.BOOLEAN;
import static org.provenant.filters.step.ParamSpec.Type.DOUBLE;
import static org.provenant.filters.step.ParamSpec.Type.INT;
import static org.provenant.filters.step.ParamSpec.Type.STRING;
import static org.provenant.filters.step.ParamSpec.Type.STRING_LIST;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.provenant.schemas.Kind;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.provenant.filters.lang.LanguageFilter;
import org.provenant.filters.lang.LanguageIdentifier;
import org.provenant.filters.quality.C4BadWordsFilter;
import org.provenant.filters.quality.C4ParagraphFilter;
import org.provenant.filters.quality.C4QualityFilter;
import org.provenant.filters.quality.FineWebQualityFilter;
import org.provenant.filters.quality.GopherQualityFilter;
import org.provenant.filters.quality.GopherRepetitionFilter;
import org.provenant.filters.quality.RegexFilter;

/**
 * The catalogue entries of the quality and language filters, one {@link StepFactory} per filter.
 * A step's parameters are its filter's settings, named as datatrove names them where it has the
 * setting, with the filter's {@code DEFAULT_*} values as defaults.
 *
 * <p>Encodings beyond the plain types:
 *
 * <ul>
 *   <li>n-gram thresholds ({@code gopher_repetition}'s {@code top_n_grams} and {@code dup_n_grams},
 *       datatrove's tuples of pairs) are lists of {@code "n:max"} entries: {@code ["2:0.2",
 *       "3:0.18"]} in JSON, or the one string {@code "2:0.2,3:0.18"}; each n at most once; an empty
 *       list skips those checks;
 *   <li>an empty string means "the built-in one" for {@code c4_badwords}' {@code words_file} (the
 *       English list) and {@code fineweb_quality}'s {@code stop_chars} (Unicode's
 *       Sentence_Terminal set);
 *   <li>"disabled" is 0 for a minimum and the largest value for a maximum (2147483647, or 1 for a
 *       fraction), where datatrove writes -1 or None.
 * </ul>
 *
 * <p>A value a filter refuses fails with {@code step NAME, parameter PARAM: ...}; settings that
 * contradict each other fail with {@code step NAME: ...}.
 */
public final class BuiltinSteps {
  private static final List<StepFactory> FACTORIES =
      ImmutableList.<StepFactory>builder()
          .add(
              new GopherRepetition(),
              new GopherQuality(),
              new C4Quality(),
              new C4Paragraph(),
              new C4BadWords(),
              new FineWebQuality(),
              new Regex(),
              new Language())
          .addAll(org.provenant.filters.web.WebSteps.all())
          .addAll(org.provenant.filters.license.LicenseSteps.all())
          .addAll(org.provenant.filters.code.CodeStepFactories.all())
          .addAll(org.provenant.filters.decontam.DecontaminationSteps.all())
          .build();

  private BuiltinSteps() {}

  /** The factories, in the order {@code ./provenant steps} lists them. */
  public static List<StepFactory> all() {
    return FACTORIES;
  }

  /** {@code gopher_repetition}: {@link GopherRepetitionFilter}. */
  private static final class GopherRepetition extends Builtin {
    GopherRepetition() {
      super(
          "gopher_repetition",
          "Gopher repetition heuristics (Rae et al. 2021); drops "
              + String.join(
                  ", ",
                  GopherRepetitionFilter.DUP_PARA_FRAC,
                  GopherRepetitionFilter.DUP_PARA_CHAR_FRAC,
                  GopherRepetitionFilter.DUP_LINE_FRAC,
                  GopherRepetitionFilter.DUP_LINE_CHAR_FRAC,
                  "top_<n>_gram",
                  "duplicated_<n>_n_grams"),
          new ParamSpec(
              "dup_line_frac", DOUBLE, GopherRepetitionFilter.DEFAULT_DUP_LINE_FRAC,
              "most duplicate lines over all lines (dup_line_frac)"),
          new ParamSpec(
              "dup_para_frac", DOUBLE, GopherRepetitionFilter.DEFAULT_DUP_PARA_FRAC,
              "most duplicate paragraphs over all paragraphs (dup_para_frac)"),
          new ParamSpec(
              "dup_line_char_frac", DOUBLE, GopherRepetitionFilter.DEFAULT_DUP_LINE_CHAR_FRAC,
              "most characters in duplicate lines over all characters (dup_line_char_frac)"),
          new ParamSpec(
              "dup_para_char_frac", DOUBLE, GopherRepetitionFilter.DEFAULT_DUP_PARA_CHAR_FRAC,
              "most characters in duplicate paragraphs over all characters (dup_para_char_frac)"),
          new ParamSpec(
              "top_n_grams", STRING_LIST, nGramEntries(GopherRepetitionFilter.DEFAULT_TOP_N_GRAMS),
              "n:max entries: most characters in the top word n-gram (top_<n>_gram)"),
          new ParamSpec(
              "dup_n_grams", STRING_LIST, nGramEntries(GopherRepetitionFilter.DEFAULT_DUP_N_GRAMS),
              "n:max entries: most characters in repeated word n-grams (duplicated_<n>_n_grams)"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      GopherRepetitionFilter.Builder b = GopherRepetitionFilter.builder();
      setDouble(p, "dup_line_frac", b::dupLineFrac);
      setDouble(p, "dup_para_frac", b::dupParaFrac);
      setDouble(p, "dup_line_char_frac", b::dupLineCharFrac);
      setDouble(p, "dup_para_char_frac", b::dupParaCharFrac);
      setNGrams(p, "top_n_grams", b::topNGrams);
      setNGrams(p, "dup_n_grams", b::dupNGrams);
      return build(b::build).asStep();
    }
  }

  /** {@code gopher_quality}: {@link GopherQualityFilter}. */
  private static final class GopherQuality extends Builtin {
    GopherQuality() {
      super(
          "gopher_quality",
          "Gopher quality heuristics (Rae et al. 2021); drops "
              + String.join(
                  ", ",
                  GopherQualityFilter.SHORT_DOC,
                  GopherQualityFilter.LONG_DOC,
                  GopherQualityFilter.BELOW_AVG_THRESHOLD,
                  GopherQualityFilter.ABOVE_AVG_THRESHOLD,
                  GopherQualityFilter.TOO_MANY_HASHES,
                  GopherQualityFilter.TOO_MANY_ELLIPSIS,
                  GopherQualityFilter.TOO_MANY_BULLETS,
                  GopherQualityFilter.TOO_MANY_END_ELLIPSIS,
                  GopherQualityFilter.BELOW_ALPHA_THRESHOLD,
                  GopherQualityFilter.ENOUGH_STOP_WORDS),
          new ParamSpec(
              "min_doc_words", INT, GopherQualityFilter.DEFAULT_MIN_DOC_WORDS,
              "fewest non-symbol words (gopher_short_doc)"),
          new ParamSpec(
              "max_doc_words", INT, GopherQualityFilter.DEFAULT_MAX_DOC_WORDS,
              "most non-symbol words (gopher_long_doc)"),
          new ParamSpec(
              "min_avg_word_length", DOUBLE, GopherQualityFilter.DEFAULT_MIN_AVG_WORD_LENGTH,
              "smallest mean word length (gopher_below_avg_threshold)"),
          new ParamSpec(
              "max_avg_word_length", DOUBLE, GopherQualityFilter.DEFAULT_MAX_AVG_WORD_LENGTH,
              "largest mean word length (gopher_above_avg_threshold)"),
          new ParamSpec(
              "max_symbol_word_ratio", DOUBLE, GopherQualityFilter.DEFAULT_MAX_SYMBOL_WORD_RATIO,
              "most # and most ellipses per word (gopher_too_many_hashes, gopher_too_many_ellipsis)"),
          new ParamSpec(
              "max_bullet_lines_ratio", DOUBLE, GopherQualityFilter.DEFAULT_MAX_BULLET_LINES_RATIO,
              "largest fraction of lines starting with a bullet (gopher_too_many_bullets)"),
          new ParamSpec(
              "max_ellipsis_lines_ratio", DOUBLE, GopherQualityFilter.DEFAULT_MAX_ELLIPSIS_LINES_RATIO,
              "largest fraction of lines ending with an ellipsis (gopher_too_many_end_ellipsis)"),
          new ParamSpec(
              "max_non_alpha_words_ratio", DOUBLE, GopherQualityFilter.DEFAULT_MIN_ALPHA_WORDS_RATIO,
              "despite the name, the smallest fraction of words with a letter (gopher_below_alpha_threshold)"),
          new ParamSpec(
              "min_stop_words", INT, GopherQualityFilter.DEFAULT_MIN_STOP_WORDS,
              "fewest distinct stop words (gopher_enough_stop_words)"),
          new ParamSpec(
              "stop_words", STRING_LIST, GopherQualityFilter.DEFAULT_STOP_WORDS.asList(),
              "the stop words, case-sensitive (gopher_enough_stop_words)"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      GopherQualityFilter.Builder b = GopherQualityFilter.builder();
      setInt(p, "min_doc_words", b::minDocWords);
      setInt(p, "max_doc_words", b::maxDocWords);
      setDouble(p, "min_avg_word_length", b::minAvgWordLength);
      setDouble(p, "max_avg_word_length", b::maxAvgWordLength);
      setDouble(p, "max_symbol_word_ratio", b::maxSymbolWordRatio);
      setDouble(p, "max_bullet_lines_ratio", b::maxBulletLinesRatio);
      setDouble(p, "max_ellipsis_lines_ratio", b::maxEllipsisLinesRatio);
      setDouble(p, "max_non_alpha_words_ratio", b::minAlphaWordsRatio);
      setInt(p, "min_stop_words", b::minStopWords);
      set("stop_words", () -> b.stopWords(p.getStringList("stop_words")));
      return build(b::build).asStep();
    }
  }

  /** {@code c4_quality}: {@link C4QualityFilter}, which edits text. */
  private static final class C4Quality extends Builtin {
    C4Quality() {
      super(
          "c4_quality",
          "C4 line and page heuristics (Raffel et al. 2020), removes lines; drops "
              + String.join(
                  ", ",
                  C4QualityFilter.LOREM_IPSUM,
                  C4QualityFilter.CURLY_BRACKET,
                  C4QualityFilter.TOO_FEW_SENTENCES),
          new ParamSpec(
              "split_paragraph", BOOLEAN, C4QualityFilter.DEFAULT_SPLIT_PARAGRAPH,
              "filter lines (true) or sentences (false)"),
          new ParamSpec(
              "remove_citations", BOOLEAN, C4QualityFilter.DEFAULT_REMOVE_CITATIONS,
              "delete [1], [edit], [citation needed] from lines"),
          new ParamSpec(
              "filter_no_terminal_punct", BOOLEAN, C4QualityFilter.DEFAULT_FILTER_NO_TERMINAL_PUNCT,
              "remove lines not ending with . ? ! \" '"),
          new ParamSpec(
              "min_num_sentences", INT, C4QualityFilter.DEFAULT_MIN_NUM_SENTENCES,
              "fewest sentences in the kept lines, 0 = off (too_few_sentences)"),
          new ParamSpec(
              "min_words_per_line", INT, C4QualityFilter.DEFAULT_MIN_WORDS_PER_LINE,
              "remove lines with fewer words, 0 = off"),
          new ParamSpec(
              "max_word_length", INT, C4QualityFilter.DEFAULT_MAX_WORD_LENGTH,
              "remove lines with a longer word, in characters"),
          new ParamSpec(
              "filter_lorem_ipsum", BOOLEAN, C4QualityFilter.DEFAULT_FILTER_LOREM_IPSUM,
              "drop texts containing \"lorem ipsum\" (lorem_ipsum)"),
          new ParamSpec(
              "filter_javascript", BOOLEAN, C4QualityFilter.DEFAULT_FILTER_JAVASCRIPT,
              "remove lines mentioning \"javascript\""),
          new ParamSpec(
              "filter_curly_bracket", BOOLEAN, C4QualityFilter.DEFAULT_FILTER_CURLY_BRACKET,
              "drop texts containing { (curly_bracket)"),
          new ParamSpec(
              "filter_policy", BOOLEAN, C4QualityFilter.DEFAULT_FILTER_POLICY,
              "remove lines with a cookie or terms-of-use phrase"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      C4QualityFilter.Builder b = C4QualityFilter.builder();
      setBoolean(p, "split_paragraph", b::splitParagraph);
      setBoolean(p, "remove_citations", b::removeCitations);
      setBoolean(p, "filter_no_terminal_punct", b::filterNoTerminalPunct);
      setInt(p, "min_num_sentences", b::minNumSentences);
      setInt(p, "min_words_per_line", b::minWordsPerLine);
      setInt(p, "max_word_length", b::maxWordLength);
      setBoolean(p, "filter_lorem_ipsum", b::filterLoremIpsum);
      setBoolean(p, "filter_javascript", b::filterJavascript);
      setBoolean(p, "filter_curly_bracket", b::filterCurlyBracket);
      setBoolean(p, "filter_policy", b::filterPolicy);
      return build(b::build).asStep();
    }
  }

  /** {@code c4_paragraph}: {@link C4ParagraphFilter}. */
  private static final class C4Paragraph extends Builtin {
    C4Paragraph() {
      super(
          "c4_paragraph",
          "mC4 paragraph heuristic (Xue et al. 2021); drops " + C4ParagraphFilter.TOO_FEW_PARAGRAPHS,
          new ParamSpec(
              "min_paragraphs", INT, C4ParagraphFilter.DEFAULT_MIN_PARAGRAPHS,
              "fewest paragraphs (too_few_paragraphs)"),
          new ParamSpec(
              "min_paragraph_len", INT, C4ParagraphFilter.DEFAULT_MIN_PARAGRAPH_LENGTH,
              "fewest characters in a line that counts as a paragraph (too_few_paragraphs)"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      C4ParagraphFilter base = C4ParagraphFilter.create();
      C4ParagraphFilter withMin =
          value("min_paragraphs", () -> base.withMinParagraphs(p.getInt("min_paragraphs")));
      return value("min_paragraph_len", () -> withMin.withMinParagraphLength(p.getInt("min_paragraph_len")))
          .asStep();
    }
  }

  /** {@code c4_badwords}: {@link C4BadWordsFilter}. */
  private static final class C4BadWords extends Builtin {
    C4BadWords() {
      super(
          "c4_badwords",
          "C4 bad-words heuristic (Raffel et al. 2020); drops " + C4BadWordsFilter.REMOVED_WITH_BADWORDS,
          new ParamSpec(
              "words_file", STRING, "",
              "UTF-8 list, a word or phrase a line; empty = built-in English (document_removed_with_badwords)"),
          new ParamSpec(
              "keep_fraction", DOUBLE, C4BadWordsFilter.DEFAULT_KEEP_FRACTION,
              "fraction of matching texts kept anyway, chosen by a seeded hash of the text"),
          new ParamSpec(
              "seed", INT, C4BadWordsFilter.DEFAULT_SEED,
              "seed of the hash that picks the texts keep_fraction keeps"),
          new ParamSpec(
              "word_boundaries", BOOLEAN, C4BadWordsFilter.DEFAULT_WORD_BOUNDARIES,
              "match only between non-word characters; false for scripts without spaces"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      String file = p.getString("words_file");
      C4BadWordsFilter words = value("words_file", () -> file.isEmpty() ? C4BadWordsFilter.english() : read(file));
      C4BadWordsFilter kept =
          value("keep_fraction", () -> words.withKeepFraction(p.getDouble("keep_fraction")));
      return kept.withSeed(p.getInt("seed")).withWordBoundaries(p.getBoolean("word_boundaries")).asStep();
    }

    private static C4BadWordsFilter read(String file) {
      List<String> found;
      try {
        found = StepFiles.files("c4_badwords", "words_file", List.of(file));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("no such file: " + file, e);
      }
      try (java.io.InputStream in = StepFiles.open(found.get(0))) {
        return C4BadWordsFilter.fromStream(in, file);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
      }
    }
  }

  /** {@code fineweb_quality}: {@link FineWebQualityFilter}. */
  private static final class FineWebQuality extends Builtin {
    FineWebQuality() {
      super(
          "fineweb_quality",
          "FineWeb line heuristics (Penedo et al. 2024); drops "
              + String.join(
                  ", ",
                  FineWebQualityFilter.EMPTY,
                  FineWebQualityFilter.LINE_PUNCT_RATIO,
                  FineWebQualityFilter.SHORT_LINE_RATIO,
                  FineWebQualityFilter.CHAR_DUP_RATIO,
                  FineWebQualityFilter.LIST_RATIO),
          new ParamSpec(
              "line_punct_thr", DOUBLE, FineWebQualityFilter.DEFAULT_LINE_PUNCT_THR,
              "smallest fraction of lines ending with punctuation (line_punct_ratio)"),
          new ParamSpec(
              "line_punct_exclude_zero", BOOLEAN, FineWebQualityFilter.DEFAULT_LINE_PUNCT_EXCLUDE_ZERO,
              "let a text with no punctuated line pass (line_punct_ratio)"),
          new ParamSpec(
              "stop_chars", STRING, "",
              "characters that end a line with punctuation; empty = Unicode Sentence_Terminal (line_punct_ratio)"),
          new ParamSpec(
              "short_line_thr", DOUBLE, FineWebQualityFilter.DEFAULT_SHORT_LINE_THR,
              "largest fraction of short lines (short_line_ratio)"),
          new ParamSpec(
              "short_line_length", INT, FineWebQualityFilter.DEFAULT_SHORT_LINE_LENGTH,
              "longest short line, in characters (short_line_ratio)"),
          new ParamSpec(
              "char_duplicates_ratio", DOUBLE, FineWebQualityFilter.DEFAULT_CHAR_DUPLICATES_RATIO,
              "largest fraction of characters in duplicate lines (char_dup_ratio)"),
          new ParamSpec(
              "new_line_ratio", DOUBLE, FineWebQualityFilter.DEFAULT_NEW_LINE_RATIO,
              "most line breaks per word (list_ratio)"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      FineWebQualityFilter.Builder b = FineWebQualityFilter.builder();
      setDouble(p, "line_punct_thr", b::linePunctThr);
      setBoolean(p, "line_punct_exclude_zero", b::linePunctExcludeZero);
      String stopChars = p.getString("stop_chars");
      if (!stopChars.isEmpty()) {
        set("stop_chars", () -> b.stopChars(stopChars));
      }
      setDouble(p, "short_line_thr", b::shortLineThr);
      setInt(p, "short_line_length", b::shortLineLength);
      setDouble(p, "char_duplicates_ratio", b::charDuplicatesRatio);
      setDouble(p, "new_line_ratio", b::newLineRatio);
      return build(b::build).asStep();
    }
  }

  /** {@code regex}: {@link RegexFilter}; its pattern has no default. */
  private static final class Regex extends Builtin {
    Regex() {
      super(
          "regex",
          "texts in which the pattern regex_exp finds a match (datatrove's RegexFilter); drops "
              + RegexFilter.REGEX_MATCH,
          new ParamSpec(
              "regex_exp", STRING, "",
              "Java regular expression, required; a text with a match is dropped (regex_match)"));
    }

    @Override
    public Set<Kind> kinds() {
      return ALL;
    }

    @Override
    public DocumentStep create(StepParams p) {
      String regex = p.getString("regex_exp");
      return value(
              "regex_exp",
              () -> {
                if (regex.isEmpty()) {
                  throw new IllegalArgumentException("a pattern is required");
                }
                return RegexFilter.of(regex);
              })
          .asStep();
    }
  }

  /** {@code language}: {@link LanguageFilter} with OpenNLP's identifier. */
  private static final class Language extends Builtin {
    Language() {
      super(
          "language",
          "language identification (OpenNLP langdetect-183); drops "
              + LanguageFilter.LANGUAGE_LOW_SCORE + ", " + LanguageFilter.LANGUAGE_NOT_ALLOWED,
          new ParamSpec(
              "languages", STRING_LIST, List.of(),
              "allowed ISO 639-3 or 639-1 codes; empty = any (language_not_allowed)"),
          new ParamSpec(
              "min_score", DOUBLE, LanguageFilter.DEFAULT_MIN_SCORE,
              "smallest score of the best guess, 0 = off (language_low_score)"),
          new ParamSpec(
              "max_chars", INT, LanguageIdentifier.DEFAULT_MAX_CHARS,
              "code points of a text the identifier reads"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      LanguageFilter.Builder b = LanguageFilter.builder();
      set("languages", () -> b.allow(p.getStringList("languages")));
      setDouble(p, "min_score", b::minScore);
      set("max_chars", () -> b.identifier(LanguageIdentifier.create().withMaxChars(p.getInt("max_chars"))));
      return build(b::build);
    }
  }

  /**
   * A factory with a fixed name, description and parameter list, and helpers that hand parameter
   * values to a filter's settings so that a refused value names the step and the parameter.
   */
  private abstract static class Builtin implements StepFactory {
    private final String name;
    private final String description;
    private final List<ParamSpec> params;

    Builtin(String name, String description, ParamSpec... params) {
      this.name = name;
      this.description = description;
      this.params = List.of(params);
    }

    @Override
    public final String name() {
      return name;
    }

    @Override
    public final String description() {
      return description;
    }

    @Override
    public final List<ParamSpec> params() {
      return params;
    }

    /** Text quality and language heuristics are for prose; {@code regex} overrides this. */
    @Override
    public Set<Kind> kinds() {
      return PROSE;
    }

    @Override
    public String toString() {
      return "StepFactory[" + name + "]";
    }

    final void setInt(StepParams p, String param, IntConsumer setting) {
      set(param, () -> setting.accept(p.getInt(param)));
    }

    final void setDouble(StepParams p, String param, DoubleConsumer setting) {
      set(param, () -> setting.accept(p.getDouble(param)));
    }

    final void setBoolean(StepParams p, String param, Consumer<Boolean> setting) {
      set(param, () -> setting.accept(p.getBoolean(param)));
    }

    final void setNGrams(StepParams p, String param, Consumer<Map<Integer, Double>> setting) {
      set(param, () -> setting.accept(nGrams(p.getStringList(param))));
    }

    /** Runs {@code setting}; a value it refuses fails naming this step and {@code param}. */
    final void set(String param, Runnable setting) {
      value(
          param,
          () -> {
            setting.run();
            return null;
          });
    }

    /** {@code make.get()}; a value it refuses fails naming this step and {@code param}. */
    final <T> T value(String param, Supplier<T> make) {
      try {
        return make.get();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "step " + name + ", parameter " + param + ": " + e.getMessage(), e);
      }
    }

    /** {@code build.get()}; contradicting settings fail naming this step. */
    final <T> T build(Supplier<T> build) {
      try {
        return build.get();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("step " + name + ": " + e.getMessage(), e);
      }
    }
  }

  /** The {@code "n:max"} entries of an n-gram threshold map, by ascending n. */
  static ImmutableList<String> nGramEntries(SortedMap<Integer, Double> maxByN) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    maxByN.forEach((n, max) -> out.add(n + ":" + max));
    return out.build();
  }

  /** Parses {@code "n:max"} entries; an n given twice or an entry of another shape is an error. */
  static SortedMap<Integer, Double> nGrams(List<String> entries) {
    SortedMap<Integer, Double> out = new TreeMap<>();
    for (String entry : entries) {
      String[] parts = entry.strip().split(":", -1);
      int n;
      double max;
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        n = Integer.parseInt(parts[0].strip());
        max = Double.parseDouble(parts[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected entries n:max such as 2:0.2, got \"" + entry + "\"", e);
      }
      if (out.put(n, max) != null) {
        throw new IllegalArgumentException("n=" + n + " is given twice");
      }
    }
    return out;
  }
}
