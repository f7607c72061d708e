package org.provenant.dedup.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextShingleAnalyzerTest {
  private final TextShingleAnalyzer analyzer = new TextShingleAnalyzer();

  @Test
  void fiveWordShinglesWithOffsets() {
    assertEquals(
        List.of(
            "the quick brown fox jumps|shingle|0-25",
            "quick brown fox jumps over|shingle|4-30",
            "brown fox jumps over the|shingle|10-34",
            "fox jumps over the lazy|shingle|16-39",
            "jumps over the lazy dog|shingle|20-43"),
        Tokens.of(analyzer, "The Quick brown fox jumps over the lazy dog.").stream()
            .map(Tokens.Tok::toString)
            .toList());
  }

  @Test
  void punctuationAndCaseDoNotMatter() {
    assertEquals(
        Shingles.texts(analyzer, "The quick brown fox jumps over the lazy dog."),
        Shingles.texts(analyzer, "the QUICK, brown fox -- jumps over the lazy dog!!"));
  }

  @Test
  void shortDocumentIsOneShingleOfAllItsWords() {
    assertEquals(
        List.of("hello world|shingle|0-12"),
        Tokens.of(analyzer, "Hello, World!").stream().map(Tokens.Tok::toString).toList());
    assertEquals(List.of("one two three four"), Shingles.texts(analyzer, "one two three four"));
    assertEquals(List.of("one"), Shingles.texts(analyzer, "one"));
    assertNotEquals(Shingles.texts(analyzer, "hello world"), Shingles.texts(analyzer, "world hello"));
    // exactly n words: the ordinary single shingle
    assertEquals(List.of("a b c d e"), Shingles.texts(analyzer, "a b c d e"));
  }

  @Test
  void documentWithoutWordsHasNoShingles() {
    assertEquals(List.of(), Shingles.texts(analyzer, ""));
    assertEquals(List.of(), Shingles.texts(analyzer, "  ... !!! --- "));
  }

  @Test
  void asciiFoldingIsOptional() {
    assertEquals(List.of("cafe", "creme", "aero"),
        Shingles.texts(new TextShingleAnalyzer(1, true), "Café crème Ærø"));
    assertEquals(List.of("café", "crème", "ærø"),
        Shingles.texts(new TextShingleAnalyzer(1, false), "Café crème Ærø"));
  }

  @Test
  void otherShingleSizes() {
    assertEquals(List.of("a b", "b c"), Shingles.texts(new TextShingleAnalyzer(2, true), "a b c"));
    assertEquals(List.of("a", "b", "a"), Shingles.texts(new TextShingleAnalyzer(1, true), "a b a"));
  }

  @Test
  void analyzerIsReusableAcrossDocuments() {
    assertEquals(List.of("hello world"), Shingles.texts(analyzer, "hello world"));
    assertEquals(5, Shingles.texts(analyzer, "a b c d e f g h i").size());
    assertEquals(List.of("x y"), Shingles.texts(analyzer, "x y"));
  }

  @Test
  void rejectsBadShingleSize() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TextShingleAnalyzer(0, true));
    assertEquals("shingleSize must be in [1, 32]: 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TextShingleAnalyzer(33, true));
  }
}
