package org.provenant.filters.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packed evaluation against OpenNLP's own detector on the same texts. */
class PackedLanguageModelTest {
  static LanguageDetectorModel model;
  static PackedLanguageModel packed;
  /** N-grams of langdetect-183 with {@link PackedLanguageModel#DENSE_MIN_OUTCOMES} outcomes or more. */
  static final int DEFAULT_DENSE_ROWS = 5_559;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = LanguageIdentifier.class.getResourceAsStream(LanguageIdentifier.MODEL_RESOURCE)) {
      model = new LanguageDetectorModel(in);
    }
    packed = PackedLanguageModel.of(model);
  }

  static List<String> texts() throws IOException {
    List<String> out = new ArrayList<>();
    for (LanguageIdentifierTest.Sample s : LanguageIdentifierTest.sample()) {
      out.add(s.text());
      out.add(s.text().toUpperCase(java.util.Locale.ROOT));
      out.add(s.text().substring(0, Math.min(12, s.text().length())));
    }
    // What the normalizers rewrite: URLs, e-mail addresses, hashtags, numbers, emoji, repeated letters.
    out.add("See https://example.org/a?b=1 or mail me@example.com #launch @someone 12,345.6 😀😀 cooool!!!");
    out.add("x");
    out.add("ab");
    out.add("İstanbul'da ΣΊΣΥΦΟΣ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text");
    out.add("");
    return out;
  }

  @Test
  void givesOpenNlpsRankingAndProbabilitiesToTheLastBits() throws IOException {
    LanguageDetectorME reference = new LanguageDetectorME(model);
    assertArrayEquals(reference.getSupportedLanguages(), packed.outcomes());
    int texts = 0;
    for (String text : texts()) {
      Language[] expected = reference.predictLanguages(text);
      double[] p = packed.probabilities(text);
      for (Language l : expected) {
        int o = java.util.Arrays.asList(packed.outcomes()).indexOf(l.getLang());
        assertEquals(l.getConfidence(), p[o], 1e-12 * Math.max(1e-300, l.getConfidence()) + 1e-15, text);
        assertEquals(Scores.fmt(l.getConfidence()), Scores.fmt(p[o]), text);
      }
      texts++;
    }
    assertTrue(texts > 300, "texts: " + texts);
  }

  @Test
  void denseRowsGiveTheSparseSumsBitForBit() throws IOException {
    PackedLanguageModel sparse = PackedLanguageModel.of(model, Integer.MAX_VALUE);
    PackedLanguageModel allDense = PackedLanguageModel.of(model, 1);
    assertEquals(0, sparse.denseRowCount());
    assertEquals(DEFAULT_DENSE_ROWS, packed.denseRowCount());
    for (String text : texts()) {
      double[] expected = sparse.probabilities(text);
      assertArrayEquals(expected, packed.probabilities(text), text);
      assertArrayEquals(expected, allDense.probabilities(text), text);
    }
  }

  @Test
  void identifierRanksAsOpenNlp() throws IOException {
    LanguageDetectorME reference = new LanguageDetectorME(model);
    LanguageIdentifier id = LanguageIdentifier.create();
    for (String text : texts()) {
      if (text.codePoints().noneMatch(Character::isLetter)) {
        continue;
      }
      Language[] expected = reference.predictLanguages(text);
      List<LanguageGuess> got = id.identify(text, 3);
      for (int i = 0; i < 3; i++) {
        assertEquals(expected[i].getLang(), got.get(i).code(), text);
      }
    }
  }
}
