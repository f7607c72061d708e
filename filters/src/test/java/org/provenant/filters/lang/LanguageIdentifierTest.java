package org.provenant.filters.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  static final String ENGLISH =
      "The city council met on Tuesday evening to discuss the new budget for public libraries, and"
          + " after a long debate the members agreed to keep every branch open on weekends during the"
          + " summer.";

  /** The expected code and paragraph of each line of the multilingual sample. */
  record Sample(String code, String text) {}

  static List<Sample> sample() throws IOException {
    List<Sample> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        LanguageIdentifierTest.class.getResourceAsStream("multilingual_sample.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] parts = line.split("\t", 2);
          out.add(new Sample(parts[0], parts[1]));
        }
      }
    }
    return out;
  }

  @Test
  void identifiesEveryParagraphOfTheMultilingualSample() throws IOException {
    LanguageIdentifier id = LanguageIdentifier.create();
    Map<String, int[]> perLanguage = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    double lowest = 1;
    for (Sample s : sample()) {
      LanguageGuess g = id.identify(s.text());
      int[] c = perLanguage.computeIfAbsent(s.code(), k -> new int[2]);
      c[1]++;
      if (g.code().equals(s.code())) {
        c[0]++;
      } else {
        misses.add(s.code() + " read as " + g.describe() + ": " + s.text());
      }
      lowest = Math.min(lowest, g.score());
    }
    StringBuilder report = new StringBuilder("language sample accuracy:");
    perLanguage.forEach((k, c) -> report.append(' ').append(k).append('=').append(c[0]).append('/').append(c[1]));
    System.out.println(report + " lowest score " + Scores.fmt(lowest));
    assertEquals(
        List.of("cmn", "deu", "eng", "fra", "ita", "jpn", "nld", "por", "rus", "spa"),
        List.copyOf(perLanguage.keySet()));
    perLanguage.values().forEach(c -> assertEquals(10, c[1]));
    assertEquals(List.of(), misses);
    assertTrue(lowest >= LanguageFilter.DEFAULT_MIN_SCORE, "lowest score " + lowest);
  }

  @Test
  void givesBothCodesAndThePinnedScore() {
    LanguageGuess g = LanguageIdentifier.create().identify(ENGLISH);
    assertEquals("eng", g.code());
    assertEquals(Optional.of("en"), g.twoLetterCode());
    assertEquals(0.3657, g.score(), 0.00005);
    assertEquals("eng 0.3657", g.describe());
    List<LanguageGuess> top = LanguageIdentifier.create().identify(ENGLISH, 2);
    assertEquals(List.of("eng", "nld"), top.stream().map(LanguageGuess::code).toList());
  }

  @Test
  void mapsTheSampleLanguagesToTwoLetterCodes() {
    Map<String, String> expected = Map.of(
        "eng", "en", "deu", "de", "fra", "fr", "spa", "es", "ita", "it", "nld", "nl", "por", "pt",
        "rus", "ru", "jpn", "ja", "cmn", "zh");
    expected.forEach((three, two) -> assertEquals(Optional.of(two), Iso639.twoLetter(three), three));
    assertEquals(Optional.of("he"), Iso639.twoLetter("heb"));
    assertEquals(Optional.of("id"), Iso639.twoLetter("ind"));
    assertEquals(Optional.of("fa"), Iso639.twoLetter("pes"));
    assertEquals(Optional.empty(), Iso639.twoLetter("gsw"));
  }

  @Test
  void theCodeTableMatchesTheModel() {
    assertEquals(103, LanguageIdentifier.create().supportedCodes().size());
    assertEquals(Iso639.MODEL_CODES, LanguageIdentifier.create().supportedCodes());
  }

  @Test
  void textWithoutLettersIsUndetermined() {
    LanguageIdentifier id = LanguageIdentifier.create();
    assertEquals(LanguageGuess.UNDETERMINED, id.identify(""));
    assertEquals(LanguageGuess.UNDETERMINED, id.identify("1234 -- 56.78 !!! \ud83d\ude00"));
    assertEquals("und 0", LanguageGuess.UNDETERMINED.describe());
  }

  @Test
  void readsOnlyTheFirstMaxChars() throws IOException {
    // The model counts each distinct n-gram once, so the German must be varied, not repeated.
    String german = " " + String.join(" ", sample().stream().filter(s -> s.code().equals("deu")).map(Sample::text).toList());
    assertEquals("deu", LanguageIdentifier.create().withMaxChars(100_000).identify(ENGLISH + german).code());
    assertEquals("eng", LanguageIdentifier.create().withMaxChars(ENGLISH.length()).identify(ENGLISH + german).code());
    assertEquals(
        "maxChars is less than 1: 0",
        assertThrows(IllegalArgumentException.class, () -> LanguageIdentifier.create().withMaxChars(0)).getMessage());
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    LanguageIdentifier id = LanguageIdentifier.create();
    List<Sample> sample = sample();
    List<LanguageGuess> sequential = sample.stream().map(s -> id.identify(s.text())).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<LanguageGuess>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> sample.stream().map(s -> id.identify(s.text())).toList()));
      }
      for (Future<List<LanguageGuess>> run : runs) {
        assertEquals(sequential, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void serializesWithoutTheModel() throws Exception {
    LanguageIdentifier id = LanguageIdentifier.create().withMaxChars(500);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(id);
    }
    assertTrue(bytes.size() < 1000, "serialized size " + bytes.size());
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      LanguageIdentifier copy = (LanguageIdentifier) in.readObject();
      assertEquals(id, copy);
      assertEquals(id.identify(ENGLISH), copy.identify(ENGLISH));
    }
  }
}
