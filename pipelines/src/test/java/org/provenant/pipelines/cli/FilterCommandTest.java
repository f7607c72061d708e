package org.provenant.pipelines.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provenant.filters.step.ParamSpec;

/** {@code provenant filter}: one step over JSON Lines on standard input, one verdict per line. */
class FilterCommandTest {
  private static final String GOPHER_QUALITY_PARAMS =
      "[min_doc_words, max_doc_words, min_avg_word_length, max_avg_word_length, max_symbol_word_ratio,"
          + " max_bullet_lines_ratio, max_ellipsis_lines_ratio, max_non_alpha_words_ratio, min_stop_words,"
          + " stop_words]";

  /** Exit code and what the command printed. */
  private record Run(int exit, List<String> out, String err) {}

  private static Run run(String stdin, String... args) {
    InputStream savedIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(UTF_8)));
      exit = Main.execute(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), args);
    } finally {
      System.setIn(savedIn);
    }
    String printed = out.toString(UTF_8);
    return new Run(exit, printed.isEmpty() ? List.of() : List.of(printed.split("\n", -1)), err.toString(UTF_8));
  }

  @Test
  void writesOneVerdictPerLineAndGoesOnAfterBadLines() {
    Run r = run(
        String.join("\n",
            "{\"id\": \"kept\", \"text\": \"The cat sat on the mat. It was happy with that.\"}",
            "{\"id\": \"short\", \"text\": \"Too short.\"}",
            "not json",
            "",
            "[\"The cat sat on the mat.\"]",
            "{\"id\": 7, \"text\": \"The cat sat on the mat.\"}",
            "{\"id\": \"no-text\"}",
            "{\"text\": \"a\"} {\"text\": \"b\"}",
            "{\"text\": \"Caf\u00e9 au lait is what the cat had with the dog.\"}",
            "{\"id\": \"caf\u00e9\", \"text\": \"\u00c0 bient\u00f4t.\"}")
            + "\n",
        "filter", "--step", "gopher_quality", "--param", "min_doc_words=5");
    assertEquals("", r.err());
    assertEquals(0, r.exit());
    assertEquals(
        List.of(
            "{\"id\":\"kept\",\"verdict\":\"keep\",\"reason\":null,\"detail\":null,\"step\":\"gopher_quality@1\","
                + "\"text_changed\":false,\"note\":\"words=13 non_symbol_words=11 mean_word_len=3.1818"
                + " hash_ratio=0 ellipsis_ratio=0 lines=1 bullet_lines=0 end_ellipsis_lines=0"
                + " alpha_words=0.8462 stop_words=3\",\"signals\":{\"statistics\":{\"words\":13.0,"
                + "\"non_symbol_words\":11.0,\"mean_word_len\":3.1818,\"hash_ratio\":0.0,\"ellipsis_ratio\":0.0,"
                + "\"lines\":1.0,\"bullet_lines\":0.0,\"end_ellipsis_lines\":0.0,\"alpha_words\":0.8462,"
                + "\"stop_words\":3.0}}}",
            "{\"id\":\"short\",\"verdict\":\"drop\",\"reason\":\"gopher_short_doc\","
                + "\"detail\":\"non_symbol_words=2 < 5\",\"step\":\"gopher_quality@1\",\"text_changed\":false,"
                + "\"note\":null,\"signals\":{\"statistics\":{\"words\":3.0,\"non_symbol_words\":2.0,"
                + "\"mean_word_len\":4.0,\"hash_ratio\":0.0,\"ellipsis_ratio\":0.0,\"lines\":1.0,"
                + "\"bullet_lines\":0.0,\"end_ellipsis_lines\":0.0,\"alpha_words\":0.6667,\"stop_words\":0.0}}}",
            "{\"line\":3,\"verdict\":\"error\",\"reason\":\"malformed_record\",\"detail\":\"not JSON:"
                + " Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token"
                + " 'null', 'true' or 'false')\"}",
            "{\"line\":4,\"verdict\":\"error\",\"reason\":\"malformed_record\",\"detail\":\"blank line\"}",
            "{\"line\":5,\"verdict\":\"error\",\"reason\":\"malformed_record\",\"detail\":\"not a JSON object\"}",
            "{\"line\":6,\"verdict\":\"error\",\"reason\":\"malformed_record\",\"detail\":\"\\\"id\\\" is not a string\"}",
            "{\"line\":7,\"verdict\":\"error\",\"reason\":\"malformed_record\",\"detail\":\"no \\\"text\\\" string\"}",
            "{\"line\":8,\"verdict\":\"error\",\"reason\":\"malformed_record\",\"detail\":\"not JSON:"
                + " Trailing token (of type START_OBJECT) found after value (bound as"
                + " `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
                + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`\"}",
            "{\"id\":\"line-9\",\"verdict\":\"keep\",\"reason\":null,\"detail\":null,\"step\":\"gopher_quality@1\","
                + "\"text_changed\":false,\"note\":\"words=12 non_symbol_words=11 mean_word_len=3.1818"
                + " hash_ratio=0 ellipsis_ratio=0 lines=1 bullet_lines=0 end_ellipsis_lines=0"
                + " alpha_words=0.9167 stop_words=2\",\"signals\":{\"statistics\":{\"words\":12.0,"
                + "\"non_symbol_words\":11.0,\"mean_word_len\":3.1818,\"hash_ratio\":0.0,\"ellipsis_ratio\":0.0,"
                + "\"lines\":1.0,\"bullet_lines\":0.0,\"end_ellipsis_lines\":0.0,\"alpha_words\":0.9167,"
                + "\"stop_words\":2.0}}}",
            "{\"id\":\"caf\\u00E9\",\"verdict\":\"drop\",\"reason\":\"gopher_short_doc\","
                + "\"detail\":\"non_symbol_words=2 < 5\",\"step\":\"gopher_quality@1\",\"text_changed\":false,"
                + "\"note\":null,\"signals\":{\"statistics\":{\"words\":3.0,\"non_symbol_words\":2.0,"
                + "\"mean_word_len\":4.0,\"hash_ratio\":0.0,\"ellipsis_ratio\":0.0,\"lines\":1.0,"
                + "\"bullet_lines\":0.0,\"end_ellipsis_lines\":0.0,\"alpha_words\":0.6667,\"stop_words\":0.0}}}",
            ""),
        r.out());
  }

  @Test
  void reportsAChangedTextAndTakesListParameters() {
    Run c4 = run(
        "{\"id\": \"c4\", \"text\": \"The cat sat on the mat. It was happy.\\nMenu Home About\\nThe dog barked.\"}\n",
        "filter", "--step", "c4_quality", "--param", "min_num_sentences=1", "--param", "filter_policy=false");
    assertEquals(0, c4.exit());
    assertEquals(
        List.of(
            "{\"id\":\"c4\",\"verdict\":\"keep\",\"reason\":null,\"detail\":null,\"step\":\"c4_quality@1\","
                + "\"text_changed\":true,\"note\":\"lines=3 kept=2 sentences=3 removed_too_long_word=0"
                + " removed_no_terminal_punct=1 removed_too_few_words=0 removed_javascript=0"
                + " removed_policy=0\",\"signals\":{\"statistics\":{\"lines\":3.0,\"kept\":2.0,\"sentences\":3.0,"
                + "\"removed_too_long_word\":0.0,\"removed_no_terminal_punct\":1.0,\"removed_too_few_words\":0.0,"
                + "\"removed_javascript\":0.0,\"removed_policy\":0.0}}}",
            ""),
        c4.out());

    Run lang = run(
        "{\"id\": \"en\", \"text\": \"The city council met on Tuesday evening to discuss the new budget for"
            + " public libraries, and after a long debate the members agreed to keep every branch open on"
            + " weekends during the summer.\"}\n",
        "filter", "--step", "language", "--param", "languages=de,fra");
    assertEquals(
        List.of(
            "{\"id\":\"en\",\"verdict\":\"drop\",\"reason\":\"language_not_allowed\",\"detail\":\"eng 0.3657\","
                + "\"step\":\"language@1\",\"text_changed\":false,\"note\":null,"
                + "\"signals\":{\"language\":\"en\",\"language_score\":0.3657}}",
            ""),
        lang.out());
  }

  @Test
  void unknownParameterIsAUserErrorWithTheCataloguesMessage() {
    Run r = run("{\"text\": \"unused\"}\n", "filter", "--step", "gopher_quality", "--param", "min_words=5");
    assertEquals(2, r.exit());
    assertEquals(List.of(), r.out());
    assertEquals(
        "provenant: error: step gopher_quality has no parameter \"min_words\"; its parameters: "
            + GOPHER_QUALITY_PARAMS + "\n",
        r.err());
  }

  @Test
  void otherMistakesAreUserErrors() {
    assertEquals(
        "provenant: error: step gopher_quality, parameter min_doc_words: expected an integer, got many\n",
        run("", "filter", "--step", "gopher_quality", "--param", "min_doc_words=many").err());
    assertEquals(
        "provenant: error: step gopher_quality, parameter min_doc_words: expected an integer, got 2.5\n",
        run("", "filter", "--step", "gopher_quality", "--param", "min_doc_words=2.5").err());
    assertEquals(
        "provenant: error: step regex, parameter regex_exp: a pattern is required\n",
        run("", "filter", "--step", "regex").err());
    assertEquals(
        "provenant: error: --param expects NAME=VALUE, got \"min_doc_words\"\n",
        run("", "filter", "--step", "gopher_quality", "--param", "min_doc_words").err());
    assertEquals(
        "provenant: error: --param min_doc_words is given twice\n",
        run("", "filter", "--step", "gopher_quality", "--param", "min_doc_words=5", "--param", "min_doc_words=6")
            .err());
    Run unknownStep = run("", "filter", "--step", "gopher");
    assertEquals(2, unknownStep.exit());
    assertTrue(
        unknownStep.err().startsWith("provenant: error: unknown step \"gopher\"; known steps: [text_length,"
            + " gopher_repetition, gopher_quality, c4_quality, c4_paragraph, c4_badwords, fineweb_quality,"
            + " regex, language, url_filter, pii, optout"),
        unknownStep.err());
  }

  @Test
  void parameterValuesAreParsedByTheParametersType() {
    assertEquals(5, FilterCommand.configValue(Optional.of(ParamSpec.Type.INT), "5"));
    assertEquals(2.5, FilterCommand.configValue(Optional.of(ParamSpec.Type.INT), "2.5"));
    assertEquals("3000000000", FilterCommand.configValue(Optional.of(ParamSpec.Type.INT), "3000000000"));
    assertEquals(0.5, FilterCommand.configValue(Optional.of(ParamSpec.Type.DOUBLE), ".5"));
    assertEquals(3.0, FilterCommand.configValue(Optional.of(ParamSpec.Type.DOUBLE), "3"));
    assertEquals("NaN", FilterCommand.configValue(Optional.of(ParamSpec.Type.DOUBLE), "NaN"));
    assertEquals(true, FilterCommand.configValue(Optional.of(ParamSpec.Type.BOOLEAN), "true"));
    assertEquals("True", FilterCommand.configValue(Optional.of(ParamSpec.Type.BOOLEAN), "True"));
    assertEquals(List.of("2:0.2", "3:0.18"), FilterCommand.configValue(Optional.of(ParamSpec.Type.STRING_LIST), "2:0.2, 3:0.18"));
    assertEquals(List.of(), FilterCommand.configValue(Optional.of(ParamSpec.Type.STRING_LIST), ""));
    assertEquals("1e5", FilterCommand.configValue(Optional.of(ParamSpec.Type.STRING), "1e5"));
    assertEquals("5", FilterCommand.configValue(Optional.empty(), "5"));
  }
}
