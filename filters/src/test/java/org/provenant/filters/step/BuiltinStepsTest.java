package org.provenant.filters.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Source;

/** The catalogue entries of the quality and language filters, built from configuration values. */
class BuiltinStepsTest {
  private static final String REPEATED_LINES = "I am your father.\nI am your father.\nI am your father.\n";
  private static final String FOX =
      "The quick brown fox jumps over the lazy dog while a small cat watches from the warm kitchen window.";
  private static final String CAT = "The cat sat on the mat. It was happy with that.";
  private static final String ENGLISH =
      "The city council met on Tuesday evening to discuss the new budget for public libraries, and"
          + " after a long debate the members agreed to keep every branch open on weekends during the"
          + " summer.";

  private static Document doc(String text) {
    return Document.of("doc-1", text, Kind.TEXT, Source.builder("test", 0).build(), List.of());
  }

  private static Outcome run(String step, Map<String, Object> params, String text) {
    return StepCatalog.build(List.of(step), List.of(params)).get(0).apply(doc(text));
  }

  private static void assertDropped(String step, String reason, String detail, Outcome outcome) {
    Rejection r = assertInstanceOf(Outcome.Rejected.class, outcome).rejection();
    assertEquals(step + "@1", r.step());
    assertEquals(reason, r.reason());
    assertEquals(detail, r.detail());
  }

  private static Document assertKept(String step, String outcome, String detail, Outcome result) {
    Document d = assertInstanceOf(Outcome.Kept.class, result).document();
    assertEquals(List.of(new LineageEntry(step + "@1", outcome, detail)), d.lineage());
    return d;
  }

  private static String buildError(String step, Map<String, Object> params) {
    return assertThrows(
            IllegalArgumentException.class, () -> StepCatalog.build(List.of(step), List.of(params)))
        .getMessage();
  }

  @Test
  void catalogueListsTextLengthThenTheFiltersInOrder() {
    assertEquals(
        List.of(
            "text_length", "gopher_repetition", "gopher_quality", "c4_quality", "c4_paragraph",
            "c4_badwords", "fineweb_quality", "regex", "language", "url_filter", "pii", "optout",
            "license_policy", "code_quality", "code_paths", "decontaminate"),
        StepCatalog.all().stream().map(StepFactory::name).toList());
  }

  @Test
  void parametersAreDatatroveNamesWithTheFiltersDefaults() {
    Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
    expected.put("gopher_repetition", ordered(
        "dup_line_frac", 0.3, "dup_para_frac", 0.3, "dup_line_char_frac", 0.2, "dup_para_char_frac", 0.2,
        "top_n_grams", List.of("2:0.2", "3:0.18", "4:0.16"),
        "dup_n_grams", List.of("5:0.15", "6:0.14", "7:0.13", "8:0.12", "9:0.11", "10:0.1")));
    expected.put("gopher_quality", ordered(
        "min_doc_words", 50, "max_doc_words", 100_000, "min_avg_word_length", 3.0,
        "max_avg_word_length", 10.0, "max_symbol_word_ratio", 0.1, "max_bullet_lines_ratio", 0.9,
        "max_ellipsis_lines_ratio", 0.3, "max_non_alpha_words_ratio", 0.8, "min_stop_words", 2,
        "stop_words", List.of("the", "be", "to", "of", "and", "that", "have", "with")));
    expected.put("c4_quality", ordered(
        "split_paragraph", true, "remove_citations", true, "filter_no_terminal_punct", true,
        "min_num_sentences", 5, "min_words_per_line", 3, "max_word_length", 1000,
        "filter_lorem_ipsum", true, "filter_javascript", true, "filter_curly_bracket", true,
        "filter_policy", true));
    expected.put("c4_paragraph", ordered("min_paragraphs", 3, "min_paragraph_len", 200));
    expected.put("c4_badwords", ordered(
        "words_file", "", "keep_fraction", 0.0, "seed", 0, "word_boundaries", true));
    expected.put("fineweb_quality", ordered(
        "line_punct_thr", 0.12, "line_punct_exclude_zero", false, "stop_chars", "",
        "short_line_thr", 0.67, "short_line_length", 30, "char_duplicates_ratio", 0.01,
        "new_line_ratio", 0.3));
    expected.put("regex", ordered("regex_exp", ""));
    expected.put("language", ordered("languages", List.of(), "min_score", 0.02, "max_chars", 2000));
    expected.put("url_filter", ordered(
        "domain_files", List.of(), "domains", List.of(), "url_files", List.of(), "urls", List.of(), "url_words", List.of()));
    expected.put("pii", ordered("email_replacement", "email@example.com", "ip_replacement", "192.0.2.1", "replace_private_ips", false));
    expected.put("optout", ordered(
        "signals", List.of("content_usage", "noai", "robots_txt", "tdm_reservation"), "robots_warcs", List.of(), "robots_wildcard", false));
    expected.put("license_policy", ordered(
        "preset", "permissive", "allow", List.of(), "deny", List.of(), "keep_unknown", false, "reject_conflicts", true, "scope", "package"));
    expected.put("code_quality", ordered(
        "max_line_length", 1000, "max_mean_line_length", 100.0, "min_alnum_fraction", 0.25, "generated_lines", 5,
        "generated_markers", List.of("generated by", "do not edit", "@generated", "autogenerated", "auto-generated"),
        "minified_whitespace", 0.05));
    expected.put("code_paths", ordered(
        "vendored_dirs", org.provenant.filters.code.CodePathsStep.DEFAULT_VENDORED_DIRS,
        "lock_files", org.provenant.filters.code.CodePathsStep.DEFAULT_LOCK_FILES,
        "data_extensions", org.provenant.filters.code.CodePathsStep.DEFAULT_DATA_EXTENSIONS,
        "max_json_chars", 100_000));
    expected.put("decontaminate", ordered(
        "benchmarks", List.of(), "benchmark", "", "text_field", "text", "id_field", "id", "n", 13));

    Map<String, Map<String, Object>> actual = new LinkedHashMap<>();
    for (StepFactory f : BuiltinSteps.all()) {
      Map<String, Object> params = new LinkedHashMap<>();
      f.params().forEach(p -> params.put(p.name(), p.defaultValue()));
      actual.put(f.name(), params);
    }
    assertEquals(expected, actual);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
    actual.forEach((step, params) ->
        assertEquals(List.copyOf(expected.get(step).keySet()), List.copyOf(params.keySet()), step));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void everyFactoryBuildsWithItsDefaultsExceptRegexWhichNeedsAPattern() {
    for (StepFactory f : BuiltinSteps.all()) {
      if (f.name().equals("regex") || f.name().equals("decontaminate")) {
        continue;
      }
      DocumentStep step = f.create(StepParams.resolve(f.name(), f.params(), Map.of()));
      // license_policy@2: version 2 judges the package's declared licence too
      assertEquals(f.name() + (f.name().equals("license_policy") ? "@2" : "@1"), step.id());
    }
    assertEquals("step regex, parameter regex_exp: a pattern is required", buildError("regex", Map.of()));
    assertEquals("step decontaminate, parameter benchmarks: no benchmark file given", buildError("decontaminate", Map.of()));
  }

  @Test
  void gopherRepetitionTakesThresholdsAndNGramEntries() {
    assertDropped("gopher_repetition", "dup_line_frac", "dup_line_frac=0.5 > 0.3",
        run("gopher_repetition", Map.of(), REPEATED_LINES));
    assertDropped("gopher_repetition", "dup_line_char_frac", "dup_line_char_frac=0.6296 > 0.2",
        run("gopher_repetition", Map.of("dup_line_frac", 1), REPEATED_LINES));

    assertDropped("gopher_repetition", "top_4_gram", "top_4_gram=0.1919 > 0.16",
        run("gopher_repetition", Map.of(), FOX));
    assertKept("gopher_repetition", "ok",
        "chars=99 paragraphs=1 dup_para_frac=0 dup_para_char_frac=0 lines=1 dup_line_frac=0"
            + " dup_line_char_frac=0 words=20 top_2_gram=0.0909 duplicated_5_n_grams=0"
            + " duplicated_6_n_grams=0 duplicated_7_n_grams=0 duplicated_8_n_grams=0"
            + " duplicated_9_n_grams=0 duplicated_10_n_grams=0",
        run("gopher_repetition", Map.of("top_n_grams", "2:0.1"), FOX));
    assertDropped("gopher_repetition", "duplicated_5_n_grams", "duplicated_5_n_grams=0.4839 > 0.15",
        run("gopher_repetition", Map.of("top_n_grams", List.of()), "the cat the cat the cat the cat"));
  }

  @Test
  void gopherQualityTakesItsThresholds() {
    assertDropped("gopher_quality", "gopher_short_doc", "non_symbol_words=11 < 50",
        run("gopher_quality", Map.of(), CAT));
    assertKept("gopher_quality", "ok",
        "words=13 non_symbol_words=11 mean_word_len=3.1818 hash_ratio=0 ellipsis_ratio=0 lines=1"
            + " bullet_lines=0 end_ellipsis_lines=0 alpha_words=0.8462 stop_words=3",
        run("gopher_quality", Map.of("min_doc_words", 5), CAT));
    assertDropped("gopher_quality", "gopher_enough_stop_words", "stop_words=3 < 4",
        run("gopher_quality", Map.of("min_doc_words", 5, "min_stop_words", 4), CAT));
    assertDropped("gopher_quality", "gopher_enough_stop_words", "stop_words=1 < 2",
        run("gopher_quality", Map.of("min_doc_words", 5, "stop_words", List.of("cat", "dog")), CAT));
  }

  @Test
  void c4QualityTakesItsSettingsAndEditsText() {
    String text = "The cat sat on the mat. It was happy.\nMenu Home About\nThe dog barked at the moon all night long.";
    assertDropped("c4_quality", "too_few_sentences", "sentences=3 < 5", run("c4_quality", Map.of(), text));
    Document kept = assertKept("c4_quality", "modified",
        "lines=3 kept=2 sentences=3 removed_too_long_word=0 removed_no_terminal_punct=1"
            + " removed_too_few_words=0 removed_javascript=0 removed_policy=0",
        run("c4_quality", Map.of("min_num_sentences", 1), text));
    assertEquals("The cat sat on the mat. It was happy.\nThe dog barked at the moon all night long.", kept.text());
  }

  @Test
  void c4ParagraphTakesCountAndLength() {
    String text = "short line\nanother line\nthird line";
    assertDropped("c4_paragraph", "too_few_paragraphs", "paragraphs=0 < 3 (lines of >= 200 chars)",
        run("c4_paragraph", Map.of(), text));
    assertDropped("c4_paragraph", "too_few_paragraphs", "paragraphs=1 < 3 (lines of >= 11 chars)",
        run("c4_paragraph", Map.of("min_paragraph_len", 11), text));
    assertKept("c4_paragraph", "ok", "lines=3 paragraphs=1",
        run("c4_paragraph", Map.of("min_paragraph_len", 11, "min_paragraphs", 1), text));
  }

  @Test
  void c4BadWordsTakesAWordsFileAndAKeepFraction(@TempDir Path dir) throws IOException {
    String text = "what bullshit this is, said the banana";
    assertDropped("c4_badwords", "document_removed_with_badwords", "badword=bullshit at=5",
        run("c4_badwords", Map.of(), text));
    assertKept("c4_badwords", "ok", "badword=bullshit at=5 kept_by_fraction=true",
        run("c4_badwords", Map.of("keep_fraction", 1.0), text));

    Path words = dir.resolve("fruit.txt");
    Files.writeString(words, "# fruit\nBanana\n", StandardCharsets.UTF_8);
    assertDropped("c4_badwords", "document_removed_with_badwords", "badword=banana at=32",
        run("c4_badwords", Map.of("words_file", words.toString()), text));

    Path missing = dir.resolve("missing.txt");
    assertEquals("step c4_badwords, parameter words_file: no such file: " + missing,
        buildError("c4_badwords", Map.of("words_file", missing.toString())));
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "# nothing\n", StandardCharsets.UTF_8);
    assertEquals("step c4_badwords, parameter words_file: words: the list from " + empty + " is empty",
        buildError("c4_badwords", Map.of("words_file", empty.toString())));
  }

  @Test
  void fineWebQualityTakesItsThresholdsAndStopChars() {
    String text = "The cat sat on the mat and looked out of the window for a long while.\n"
        + "Then it slept in the sun until the evening came and the house grew cold.";
    assertKept("fineweb_quality", "ok",
        "lines=2 line_punct_ratio=1 short_line_ratio=0 char_dup_ratio=0 words=33 list_ratio=0.0303",
        run("fineweb_quality", Map.of(), text));
    assertDropped("fineweb_quality", "line_punct_ratio", "line_punct_ratio=0 < 0.12",
        run("fineweb_quality", Map.of("stop_chars", "!"), text));
    assertDropped("fineweb_quality", "list_ratio", "list_ratio=0.0303 > 0.01",
        run("fineweb_quality", Map.of("new_line_ratio", 0.01), text));
  }

  @Test
  void regexDropsOnAMatchOfItsPattern() {
    assertDropped("regex", "regex_match", "pattern=\\d+ at=5",
        run("regex", Map.of("regex_exp", "\\d+"), "call 555 now"));
    assertKept("regex", "ok", "matches=0", run("regex", Map.of("regex_exp", "\\d+"), "call me now"));
  }

  @Test
  void languageTakesAnAllowListAndAMinimumScore() {
    assertKept("language", "ok", "eng 0.3657", run("language", Map.of(), ENGLISH));
    assertDropped("language", "language_not_allowed", "eng 0.3657",
        run("language", Map.of("languages", List.of("de", "fra")), ENGLISH));
    assertKept("language", "ok", "eng 0.3657", run("language", Map.of("languages", "de, en"), ENGLISH));
    assertDropped("language", "language_low_score", "eng 0.3657 < 0.5",
        run("language", Map.of("min_score", 0.5), ENGLISH));
  }

  @Test
  void unknownParameterIsRejectedNamingTheStepsParameters() {
    assertEquals(
        "step gopher_quality has no parameter \"min_words\"; its parameters: [min_doc_words,"
            + " max_doc_words, min_avg_word_length, max_avg_word_length, max_symbol_word_ratio,"
            + " max_bullet_lines_ratio, max_ellipsis_lines_ratio, max_non_alpha_words_ratio,"
            + " min_stop_words, stop_words]",
        buildError("gopher_quality", Map.of("min_words", 5)));
  }

  @Test
  void valueOfTheWrongTypeIsRejected() {
    assertEquals("step gopher_quality, parameter min_doc_words: expected an integer, got fifty",
        buildError("gopher_quality", Map.of("min_doc_words", "fifty")));
    assertEquals("step gopher_quality, parameter min_doc_words: expected an integer, got 2.5",
        buildError("gopher_quality", Map.of("min_doc_words", 2.5)));
    assertEquals("step c4_quality, parameter filter_policy: expected true or false, got yes",
        buildError("c4_quality", Map.of("filter_policy", "yes")));
    assertEquals("step language, parameter min_score: expected a number, got high",
        buildError("language", Map.of("min_score", "high")));
  }

  @Test
  void valuesTheFilterRefusesNameTheStepAndTheParameter() {
    assertEquals("step gopher_repetition, parameter dup_line_frac: dupLineFrac must be in [0, 1]: 1.5",
        buildError("gopher_repetition", Map.of("dup_line_frac", 1.5)));
    assertEquals(
        "step gopher_repetition, parameter top_n_grams: expected entries n:max such as 2:0.2, got \"2=0.2\"",
        buildError("gopher_repetition", Map.of("top_n_grams", "2=0.2")));
    assertEquals("step gopher_repetition, parameter dup_n_grams: n=5 is given twice",
        buildError("gopher_repetition", Map.of("dup_n_grams", List.of("5:0.1", "5:0.2"))));
    assertEquals("step c4_paragraph, parameter min_paragraphs: minParagraphs is less than 1: 0",
        buildError("c4_paragraph", Map.of("min_paragraphs", 0)));
    assertEquals(
        "step language, parameter languages: allowedLanguages: the model knows no language 'xx'",
        buildError("language", Map.of("languages", List.of("xx"))));
    assertEquals("step language, parameter max_chars: maxChars is less than 1: 0",
        buildError("language", Map.of("max_chars", 0)));
    assertEquals("step regex, parameter regex_exp: regex is not a valid pattern: Unclosed group near index 1\n(",
        buildError("regex", Map.of("regex_exp", "(")));
  }

  @Test
  void contradictingSettingsNameTheStep() {
    assertEquals("step gopher_quality: minDocWords (60) is greater than maxDocWords (50)",
        buildError("gopher_quality", Map.of("min_doc_words", 60, "max_doc_words", 50)));
    assertEquals("step gopher_quality: minStopWords (3) is more than there are stopWords (2)",
        buildError("gopher_quality", Map.of("stop_words", "the,and", "min_stop_words", 3)));
  }
}
