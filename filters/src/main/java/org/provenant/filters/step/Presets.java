package org.provenant.filters.step;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.provenant.schemas.Kind;

/**
 * The built-in presets, as {@code ./provenant steps --presets} lists them. A run without a
 * configuration curates web pages and text with {@link #WEB} and code files with {@link #CODE};
 * naming another preset replaces the default for the kinds that preset covers only.
 *
 * <p>Every preset but {@code none} applies the two policies: the {@code optout} step on web pages
 * and text, and the {@code license_policy} step on code files (through the code preset, which every
 * prose preset leaves code files to). A configuration switches one off only by naming it in {@code
 * drop_steps}, and the manifest and dataset card then carry a warning.
 *
 * <p>Language scores are OpenNLP's ({@code language}'s {@code min_score}, calibrated in {@link
 * org.provenant.filters.lang.LanguageFilter}), not fastText's or langdetect's: the published
 * thresholds (FineWeb 0.65, C4 0.99) are probabilities of other models and do not carry over, so
 * the presets keep the step's calibrated default and the papers' language (English).
 */
public final class Presets {
  /** Name of the default preset for web pages and text. */
  public static final String WEB = "web";
  /** Name of the default preset for code files. */
  public static final String CODE = "code";
  /** Name of the preset that runs no step at all. */
  public static final String NONE = "none";

  private static final Set<Kind> PROSE = StepFactory.PROSE;

  /** Gopher's repeated n-gram limits (5:0.15 ... 10:0.10) each raised by 0.10, for reference pages' repeated phrasing. */
  private static final List<String> WEB_DUP_N_GRAMS = List.of("5:0.25", "6:0.24", "7:0.23", "8:0.22", "9:0.21", "10:0.2");

  /** The opt-out policy and the Creative Commons licence policy every prose preset starts with. */
  private static void policies(Builder b) {
    b.step("optout", Map.of(), PROSE);
    // pages rarely state a licence: unknown is kept (the crawl's norm), a stated NC or ND licence is not
    b.step("license_policy", Map.of("preset", "open_web", "keep_unknown", true), PROSE);
  }

  private static final List<Preset> ALL =
      ImmutableList.of(
          web(),
          new Builder(CODE, 1, StepFactory.CODE,
                  "code files: licence policy on the file and its package, then The Stack's path and quality filters",
                  "license_policy permissive (Blue Oak Council); code_paths and code_quality as The Stack v1/v2 and"
                      + " StarCoder filter (Kocetkov et al. 2022, Lozhkov et al. 2024): max_line_length 1000,"
                      + " mean_line_length 100, alnum_fraction 0.25, auto-generated and minified files")
              .step("license_policy", Map.of("preset", "permissive", "scope", "package"), StepFactory.CODE)
              .step("code_paths", Map.of(), StepFactory.CODE)
              .step("code_quality", Map.of(), StepFactory.CODE)
              .build(),
          fineweb(),
          new Builder("c4", 1, PROSE,
                  "C4 as published: English, C4's line and page heuristics, the bad-words list",
                  "Raffel et al. 2020 (C4); datatrove C4QualityFilter and C4BadWordsFilter defaults; language en")
              .with(Presets::policies)
              .step("language", Map.of("languages", List.of("en")), PROSE)
              .step("c4_quality", Map.of(), PROSE)
              .step("c4_badwords", Map.of(), PROSE)
              .build(),
          new Builder("gopher", 1, PROSE,
                  "Gopher (MassiveText) as published: English, repetition and quality heuristics",
                  "Rae et al. 2021 (Gopher, MassiveText); datatrove GopherRepetitionFilter and GopherQualityFilter defaults;"
                      + " language en")
              .with(Presets::policies)
              .step("language", Map.of("languages", List.of("en")), PROSE)
              .step("gopher_repetition", Map.of(), PROSE)
              .step("gopher_quality", Map.of(), PROSE)
              .build(),
          new Builder(NONE, 1, StepFactory.ALL,
                  "no step at all: extraction and dedup only; no licence policy and no opt-out step",
                  "none")
              .build());

  /**
   * The default for web pages and text: FineWeb's filters, with the opt-out and Creative Commons
   * policies first and the changes measured on real documentation pages (BENCHMARKS.md).
   */
  private static Preset web() {
    return new Builder(WEB, 1, PROSE,
            "the default for web pages and text: opt-out and CC licence policy, URL block-list, English,"
                + " FineWeb's quality filters, PII replaced",
            "FineWeb (Penedo et al. 2024; datatrove examples/fineweb.py) with the policies in front")
        .with(Presets::policies)
        .step("url_filter", Map.of(), PROSE)
        .step("language", Map.of("languages", List.of("en")), PROSE)
        // Gopher quality before repetition (FineWeb has them the other way round): the same pages are
        // kept, but a short page is rejected as gopher_short_doc, not as a repeated n-gram of its few words.
        // Thresholds loosened where FineWeb's, tuned on Common Crawl prose, rejected most of 1,699 real
        // documentation pages (BENCHMARKS.md, "Default presets on real pages"): each alone rejected
        //   alpha words < 0.8 42%, duplicated 5-grams > 0.15 10%, "{" 20%, duplicate-line chars > 0.01 59%,
        //   lines ending in punctuation < 0.12 19%.
        .step("gopher_quality", Map.of("max_non_alpha_words_ratio", 0.6), PROSE)
        .step("gopher_repetition", Map.of("dup_n_grams", WEB_DUP_N_GRAMS), PROSE)
        .step("c4_quality", Map.of("filter_no_terminal_punct", false, "filter_curly_bracket", false), PROSE)
        .step("fineweb_quality", Map.of("char_duplicates_ratio", 0.1, "line_punct_thr", 0.05), PROSE)
        .step("pii", Map.of(), PROSE)
        .build();
  }

  /** FineWeb's filtering as datatrove's example pipeline runs it, plus the policies. */
  private static Preset fineweb() {
    return new Builder("fineweb", 1, PROSE,
            "FineWeb as published: URL filter, English, Gopher repetition and quality, C4 without the"
                + " terminal-punctuation rule, FineWeb's line heuristics, PII",
            "Penedo et al. 2024 (FineWeb); datatrove examples/fineweb.py: URLFilter, LanguageFilter(en),"
                + " GopherRepetitionFilter, GopherQualityFilter, C4QualityFilter(filter_no_terminal_punct=False),"
                + " FineWebQualityFilter, PIIFormatter")
        .with(Presets::policies)
        .step("url_filter", Map.of(), PROSE)
        .step("language", Map.of("languages", List.of("en")), PROSE)
        .step("gopher_repetition", Map.of(), PROSE)
        .step("gopher_quality", Map.of(), PROSE)
        .step("c4_quality", Map.of("filter_no_terminal_punct", false), PROSE)
        .step("fineweb_quality", Map.of(), PROSE)
        .step("pii", Map.of(), PROSE)
        .build();
  }

  private Presets() {}

  /** Every built-in preset, in the order {@code ./provenant steps --presets} lists them. */
  public static List<Preset> all() {
    return ALL;
  }

  /** The preset named {@code name}. */
  public static Optional<Preset> find(String name) {
    return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The preset named {@code name}, or an error listing the known names. */
  public static Preset named(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown preset \"" + name + "\"; known presets: " + ALL.stream().map(Preset::name).toList()));
  }

  /** The preset that decides the steps of {@code kind} when {@code chosen} is named: it, or the kind's default. */
  public static Preset forKind(Preset chosen, Kind kind) {
    if (chosen.covers().contains(kind)) {
      return chosen;
    }
    return named(kind == Kind.CODE ? CODE : WEB);
  }

  private static final class Builder {
    private final String name;
    private final int version;
    private final Set<Kind> covers;
    private final String summary;
    private final String source;
    private final ImmutableList.Builder<Preset.Step> steps = ImmutableList.builder();

    Builder(String name, int version, Set<Kind> covers, String summary, String source) {
      this.name = name;
      this.version = version;
      this.covers = covers;
      this.summary = summary;
      this.source = source;
    }

    Builder step(String step, Map<String, Object> params, Set<Kind> kinds) {
      steps.add(new Preset.Step(step, new LinkedHashMap<>(params), kinds));
      return this;
    }

    Builder with(java.util.function.Consumer<Builder> part) {
      part.accept(this);
      return this;
    }

    Preset build() {
      return new Preset(name, version, covers, summary, source, steps.build());
    }
  }
}
