package org.provenant.filters.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared datatrove test vectors ({@code shared/corpora/quality/datatrove_filter_vectors.jsonl},
 * one JSON object a line: {@code filter}, datatrove constructor {@code params}, {@code text},
 * {@code expected_pass} (true, false, or null for a vector judged by its {@code note}), {@code
 * expected_reason} and {@code note}) must give the expected verdict and reason. Skipped when the
 * shared folder is not beside the repository (CI without it). Prints the pass count per filter.
 */
class DatatroveQualityVectorsTest {
  /** Relative to the filters module directory, Surefire's working directory. */
  static final Path VECTORS = Path.of("../../shared/corpora/quality/datatrove_filter_vectors.jsonl");

  private static final Map<String, int[]> PASSED_OF_TOTAL = new TreeMap<>();

  record Vector(int line, String filter, JsonNode params, String text, Boolean expectedPass,
      String expectedReason, String note) {
    @Override
    public String toString() {
      return "line " + line + " " + filter + " " + params + " expect "
          + (expectedPass == null ? "note" : expectedPass ? "keep" : "drop " + expectedReason);
    }
  }

  static Stream<Vector> vectors() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(VECTORS), "shared vectors absent: " + VECTORS.toAbsolutePath());
    ObjectMapper json = new ObjectMapper();
    List<Vector> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(VECTORS, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode v = json.readTree(line);
      out.add(new Vector(
          n,
          v.get("filter").asText(),
          v.get("params"),
          v.get("text").asText(),
          v.get("expected_pass").isNull() ? null : v.get("expected_pass").asBoolean(),
          v.get("expected_reason").isNull() ? null : v.get("expected_reason").asText(),
          v.get("note").isNull() ? null : v.get("note").asText()));
    }
    return out.stream();
  }

  /** Shows up as skipped when the shared file is absent; checks every filter has vectors. */
  @Test
  void vectorsCoverEveryFilter() throws IOException {
    Map<String, Long> perFilter = new TreeMap<>();
    vectors().forEach(v -> perFilter.merge(v.filter(), 1L, Long::sum));
    assertEquals(
        Set.of("C4ParagraphFilter", "C4QualityFilter", "FineWebQualityFilter", "GopherQualityFilter",
            "GopherRepetitionFilter", "RegexFilter"),
        perFilter.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void givesExpectedVerdictAndReason(Vector v) {
    int[] counts = PASSED_OF_TOTAL.computeIfAbsent(v.filter(), k -> new int[2]);
    counts[1]++;
    QualityVerdict<?> verdict = filterFor(v.filter(), v.params()).check(v.text());
    if (v.expectedPass() == null) {
      Matcher m = Pattern.compile("must not contain '([^']+)'").matcher(String.valueOf(v.note()));
      assertTrue(m.find(), "vector without expected_pass needs a 'must not contain' note: " + v.note());
      assertTrue(verdict.kept(), () -> "dropped: " + verdict.dropReason() + " " + verdict.detail());
      String kept = verdict.rewrittenText().orElse(v.text());
      assertFalse(kept.contains(m.group(1)), "kept text still contains " + m.group(1) + ": " + kept);
    } else if (v.expectedPass()) {
      assertTrue(verdict.kept(), () -> "dropped: " + verdict.dropReason().get() + " " + verdict.detail());
    } else {
      assertFalse(verdict.kept(), () -> "kept: " + verdict.detail());
      String reason = verdict.dropReason().get();
      String expected = v.expectedReason();
      if (expected != null) {
        Matcher contains = Pattern.compile("<contains '([^']+)'>").matcher(expected);
        if (contains.matches()) {
          assertTrue(reason.contains(contains.group(1)), "reason " + reason + " lacks " + contains.group(1));
        } else {
          assertEquals(expected, reason, () -> "detail: " + verdict.detail());
        }
      }
    }
    counts[0]++;
  }

  @AfterAll
  static void report() {
    StringBuilder s = new StringBuilder("datatrove vectors passed per filter:");
    PASSED_OF_TOTAL.forEach((f, c) -> s.append(' ').append(f).append('=').append(c[0]).append('/').append(c[1]));
    System.out.println(s);
  }

  /** The filter a vector names, configured from datatrove's constructor parameters. */
  static QualityFilter<?> filterFor(String name, JsonNode params) {
    Set<String> known;
    QualityFilter<?> filter;
    switch (name) {
      case "GopherRepetitionFilter" -> {
        known = Set.of();
        filter = GopherRepetitionFilter.create();
      }
      case "GopherQualityFilter" -> {
        known = Set.of("min_doc_words", "max_doc_words");
        GopherQualityFilter.Builder b = GopherQualityFilter.builder();
        if (params.has("min_doc_words")) {
          b.minDocWords(params.get("min_doc_words").asInt());
        }
        if (params.has("max_doc_words")) {
          b.maxDocWords(params.get("max_doc_words").asInt());
        }
        filter = b.build();
      }
      case "C4QualityFilter" -> {
        known = Set.of("min_num_sentences", "min_words_per_line");
        C4QualityFilter.Builder b = C4QualityFilter.builder();
        if (params.has("min_num_sentences")) {
          b.minNumSentences(Math.max(0, params.get("min_num_sentences").asInt()));
        }
        if (params.has("min_words_per_line")) {
          b.minWordsPerLine(Math.max(0, params.get("min_words_per_line").asInt()));
        }
        filter = b.build();
      }
      case "C4ParagraphFilter" -> {
        known = Set.of();
        filter = C4ParagraphFilter.create();
      }
      case "FineWebQualityFilter" -> {
        known = Set.of("line_punct_thr", "short_line_thr", "short_line_length", "new_line_ratio");
        FineWebQualityFilter.Builder b = FineWebQualityFilter.builder();
        if (params.has("line_punct_thr")) {
          b.linePunctThr(params.get("line_punct_thr").asDouble());
        }
        if (params.has("short_line_thr")) {
          b.shortLineThr(params.get("short_line_thr").asDouble());
        }
        if (params.has("short_line_length")) {
          b.shortLineLength(params.get("short_line_length").asInt());
        }
        if (params.has("new_line_ratio")) {
          b.newLineRatio(params.get("new_line_ratio").asDouble());
        }
        filter = b.build();
      }
      case "RegexFilter" -> {
        known = Set.of("regex_exp");
        filter = RegexFilter.of(params.get("regex_exp").asText());
      }
      default -> {
        return fail("no filter for vectors of " + name);
      }
    }
    for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
      String p = it.next();
      assertTrue(known.contains(p), "unmapped datatrove parameter " + name + "." + p);
    }
    return filter;
  }
}
