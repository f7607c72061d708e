package org.provenant.filters.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The optimised quality statistics give exactly what the plain definitions in {@link
 * ReferenceQuality} give: every count, every double bit for bit, every verdict and detail. On
 * random texts over tiny vocabularies (so that repeated lines, n-grams, ties and glued collisions
 * such as "ab c" against "a bc" are frequent; with surrogate pairs, lone surrogates, {@code \r\n},
 * Unicode line and paragraph separators, tabs, no-break spaces, case mappings that change length),
 * and on real texts: the shared datatrove vectors and the shared WARC files cut into pieces.
 */
class QualityEquivalenceTest {
  private static final String[] PIECES = {
    "a", "b", "ab", "c", "bc", "abc", "the", "The", "and", "of", "cat", "Cat", "é", "e\u0301", "日本",
    "\uD83D\uDE00", "\uD835\uDC00", "\uD800", "\uDC00", "İ", "ß", "x_y", "_", "3", "3.14", "1,000",
    "10:30", "and/or", "well-known", "don't", "can't", "it\u2019s", "O'Neil", "we've", "Mr.", "mr",
    "e.g.", "U.S.", "etc.", ".", "..", "...", "\u2026", "-", "--", "\u2022", "#", "##", "'", "\u2019",
    "?", "!", "\u203D", "\"", ")", "(", "\u201C", "\u201D", "{", "}", "[", "]", "[1]", "[12]", "[]",
    "[edit]", "[citation needed]", "lorem ipsum", "Lorem Ipsum", "javascript", "JavaScript",
    "privacy policy", "Terms of Use", "uses cookies", "\u0964", "\u3002", "\u0000", "€",
    " ", " ", " ", "  ", "\t", "\u00A0", "\u2007", "\u202F", "\u3000", "\u0085", "\u000B", "\u000C",
    "\u001C", "\u001F", "\n", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\u2028", "\u2029", " \n", "\n ",
  };

  private static final String[] SMALL = {"a", "b", "ab", "bc", "c", " ", " ", "\n", "\n\n", "."};

  /** Random texts, then the real ones; the same list for every test. */
  private static final List<String> TEXTS = texts();

  private static List<String> texts() {
    List<String> texts = new ArrayList<>();
    texts.add("");
    texts.add(" ");
    texts.add("\n");
    texts.add("word");
    texts.add("ab c ab c a bc a bc ab c");
    texts.add("ab c\na bc\nab c\n\nab c\n\na bc\n");
    Random random = new Random(20261207);
    for (int t = 0; t < 3000; t++) {
      String[] vocabulary = t % 3 == 0 ? SMALL : PIECES;
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(t % 10 == 0 ? 400 : 60);
      for (int i = 0; i < length; i++) {
        text.append(vocabulary[random.nextInt(vocabulary.length)]);
        if (random.nextInt(3) > 0) {
          text.append(' ');
        }
      }
      texts.add(text.toString());
    }
    texts.addAll(realTexts());
    return texts;
  }

  /** The datatrove vectors' texts and the shared WARC files in pieces; none when absent. */
  private static List<String> realTexts() {
    List<String> texts = new ArrayList<>();
    try {
      if (Files.isRegularFile(DatatroveQualityVectorsTest.VECTORS)) {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(DatatroveQualityVectorsTest.VECTORS, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            texts.add(json.readTree(line).get("text").asText());
          }
        }
      }
      Path warcs = Path.of("../../shared/corpora/warc");
      if (Files.isDirectory(warcs)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(warcs)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          String content;
          try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = file.toString().endsWith(".gz")
                ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
            content = new String(bytes, StandardCharsets.UTF_8);
          } catch (java.io.EOFException | java.util.zip.ZipException damaged) {
            continue; // some of the shared WARC files are damaged on purpose
          }
          for (int at = 0; at < content.length(); at += 3000) {
            texts.add(content.substring(at, Math.min(content.length(), at + 6000)));
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return texts;
  }

  @Test
  void theTextsIncludeRealOnes() {
    assertEquals(true, TEXTS.size() > 3006, "texts: " + TEXTS.size());
  }

  @Test
  void characterClassesAreTheReferenceOnes() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      assertEquals(ReferenceQuality.isLineBreak((char) c), Texts.isLineBreak((char) c), "line break " + c);
    }
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      assertEquals(ReferenceQuality.isSpace(cp), Texts.isSpace(cp), "space " + cp);
      assertEquals(ReferenceQuality.isWordChar(cp), WordSplitter.isWordChar(cp), "word char " + cp);
    }
  }

  @Test
  void wordsAreTheReferenceWords() {
    for (String text : TEXTS) {
      assertEquals(ReferenceQuality.words(text), WordSplitter.split(text), text);
    }
  }

  @Test
  void sentencesAreTheReferenceSentences() {
    for (String text : TEXTS) {
      assertEquals(ReferenceQuality.sentences(text), SentenceSplitter.split(text), text);
      assertEquals(ReferenceQuality.sentences(text).size(), SentenceSplitter.count(text), text);
    }
  }

  @Test
  void repetitionStatisticsAreTheReferenceOnes() {
    GopherRepetitionFilter defaults = GopherRepetitionFilter.create();
    ImmutableSortedMap<Integer, Double> tops = ImmutableSortedMap.of(1, 0.5, 2, 0.5, 3, 0.5, 5, 0.5);
    ImmutableSortedMap<Integer, Double> dups = ImmutableSortedMap.of(1, 0.5, 2, 0.5, 4, 0.5, 11, 0.5);
    GopherRepetitionFilter other = GopherRepetitionFilter.builder().topNGrams(tops).dupNGrams(dups).build();
    GopherRepetitionFilter none = GopherRepetitionFilter.builder()
        .topNGrams(ImmutableSortedMap.of()).dupNGrams(ImmutableSortedMap.of()).build();
    for (String text : TEXTS) {
      assertEquals(
          ReferenceQuality.repetition(
              text, GopherRepetitionFilter.DEFAULT_TOP_N_GRAMS.keySet(),
              GopherRepetitionFilter.DEFAULT_DUP_N_GRAMS.keySet()),
          defaults.statistics(text), text);
      assertEquals(ReferenceQuality.repetition(text, tops.keySet(), dups.keySet()), other.statistics(text), text);
      assertEquals(ReferenceQuality.repetition(text, Set.of(), Set.of()), none.statistics(text), text);
    }
  }

  @Test
  void gopherQualityStatisticsAreTheReferenceOnes() {
    GopherQualityFilter defaults = GopherQualityFilter.create();
    Set<String> stopWords = Set.of("a", "ab", "The", "é", "日本", "don", "'t", "...", "well-known");
    GopherQualityFilter other = GopherQualityFilter.builder().stopWords(stopWords).build();
    for (String text : TEXTS) {
      assertEquals(
          ReferenceQuality.gopherQuality(text, GopherQualityFilter.DEFAULT_STOP_WORDS),
          defaults.statistics(text), text);
      assertEquals(ReferenceQuality.gopherQuality(text, stopWords), other.statistics(text), text);
    }
  }

  @Test
  void fineWebStatisticsAreTheReferenceOnes() {
    FineWebQualityFilter defaults = FineWebQualityFilter.create();
    FineWebQualityFilter other = FineWebQualityFilter.builder().stopChars(".!\uD83D\uDE00").shortLineLength(3).build();
    for (String text : TEXTS) {
      assertEquals(
          ReferenceQuality.fineWeb(text, null, FineWebQualityFilter.DEFAULT_SHORT_LINE_LENGTH),
          defaults.statistics(text), text);
      assertEquals(ReferenceQuality.fineWeb(text, ".!\uD83D\uDE00", 3), other.statistics(text), text);
    }
  }

  @Test
  void c4VerdictsAreTheReferenceOnes() {
    List<ReferenceQuality.C4Settings> settings = List.of(
        ReferenceQuality.C4Settings.DEFAULTS,
        new ReferenceQuality.C4Settings(false, true, true, 5, 3, 1000, true, true, true, true),
        new ReferenceQuality.C4Settings(true, false, true, 1, 0, 4, true, true, true, true),
        new ReferenceQuality.C4Settings(true, true, false, 0, 1, 2, false, true, false, true),
        new ReferenceQuality.C4Settings(false, false, false, 2, 2, 1, false, false, false, false),
        new ReferenceQuality.C4Settings(true, true, true, 1, 1, Integer.MAX_VALUE, false, false, false, false));
    for (ReferenceQuality.C4Settings c : settings) {
      C4QualityFilter filter = c.filter();
      for (String text : TEXTS) {
        assertEquals(ReferenceQuality.c4(text, c), filter.check(text), c + " " + text);
      }
    }
  }
}
