package org.provenant.dedup.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class CodeTokenizerTest {
  private static List<String> tokens(String code) {
    return Tokens.of(new CodeTokenizer(), code).stream().map(Tokens.Tok::toString).toList();
  }

  private static List<String> terms(String code) {
    return Tokens.terms(Tokens.of(new CodeTokenizer(), code));
  }

  @Test
  void identifiersNumbersAndOperatorsWithOffsets() {
    assertEquals(
        List.of(
            "int|<IDENTIFIER>|0-3",
            "x|<IDENTIFIER>|4-5",
            "=|<OPERATOR>|6-7",
            "a|<IDENTIFIER>|8-9",
            "->|<OPERATOR>|9-11",
            "b|<IDENTIFIER>|11-12",
            "+|<OPERATOR>|13-14",
            "0x1F|<NUMBER>|15-19",
            ";|<OPERATOR>|19-20"),
        tokens("int x = a->b + 0x1F;"));
  }

  @Test
  void commentsKeepOnlyTheirWords() {
    assertEquals(
        List.of(
            "x|<IDENTIFIER>|0-1",
            "++|<OPERATOR>|1-3",
            ";|<OPERATOR>|3-4",
            "Add|<COMMENT_WORD>|8-11",
            "Things|<COMMENT_WORD>|12-18",
            "y|<IDENTIFIER>|20-21"),
        tokens("x++; // Add Things!\ny"));
    assertEquals(List.of("multi", "line", "y"), terms("/* multi\n * line */ y"));
    assertEquals(List.of("note", "x"), terms("# note: \nx"));
    assertEquals(List.of("a", "b", "c"), terms("a /* b c"));
    assertEquals(List.of("a", "b"), terms("a /**/ b"));
  }

  @Test
  void commentOpenersInsideLiteralsAreCode() {
    assertEquals(
        List.of("s", "=", "\"", "http", ":", "/", "/", "x", ".", "org", "\"", ";", "c"),
        terms("s = \"http://x.org\"; // c"));
    // an escaped quote does not close the literal; the other quote kind inside is an operator
    assertEquals(
        List.of("\"", "a", "\\", "\"", "'", "#", "b", "\"", "end"),
        terms("\"a\\\"'#b\" # end"));
    // an unclosed quote on its line opens nothing
    assertEquals(List.of("it", "'", "s", "ok"), terms("it's // ok"));
  }

  @Test
  void numbers() {
    assertEquals(
        List.of("1.5e-10|<NUMBER>", "1_000L|<NUMBER>", "0x1e|<NUMBER>", "-|<OPERATOR>",
            "1|<NUMBER>", "3|<NUMBER>", ".|<OPERATOR>", "x|<IDENTIFIER>", "1|<NUMBER>",
            "..|<OPERATOR>", "2|<NUMBER>"),
        Tokens.termsAndTypes(Tokens.of(new CodeTokenizer(), "1.5e-10 1_000L 0x1e-1 3.x 1..2")));
  }

  @Test
  void longestOperatorWins() {
    assertEquals(
        List.of("a", ">>>=", "b", "<=>", "c", "...", "d", "::", "e", "=>", "f", "?.", "g", "!", "==",
            "h"),
        terms("a>>>=b<=>c...d::e=>f?.g! == h"));
  }

  @Test
  void unicodeIdentifiersAndSymbols() {
    assertEquals(
        List.of("naïve_π|<IDENTIFIER>", "=|<OPERATOR>", "\uD835\uDC651|<IDENTIFIER>",
            "e\u0301|<IDENTIFIER>", "€|<OPERATOR>", "\uD83D\uDE00|<OPERATOR>", "$el|<IDENTIFIER>",
            "__init__|<IDENTIFIER>"),
        Tokens.termsAndTypes(Tokens.of(new CodeTokenizer(),
            "naïve_π = \uD835\uDC651 e\u0301 € \uD83D\uDE00 $el __init__")));
  }

  @Test
  void layoutDoesNotMatter() {
    assertEquals(terms("if(a){return b;}"), terms("if (a) {\n    return b;\n}\n"));
  }

  @Test
  void longTokensAreCut() {
    assertEquals(List.of("abcd", "efgh", "ij"), Tokens.terms(Tokens.of(new CodeTokenizer(4), "abcdefghij")));
    assertEquals(List.of("1234", "5", "abcd", "ef"),
        Tokens.terms(Tokens.of(new CodeTokenizer(4), "12345 /* abcdef */")));
  }

  @Test
  void endOffsetIsTheInputLength() throws IOException {
    CodeTokenizer t = new CodeTokenizer();
    t.setReader(new StringReader("a b  "));
    OffsetAttribute offset = t.addAttribute(OffsetAttribute.class);
    t.reset();
    while (t.incrementToken()) {
      // consume
    }
    t.end();
    assertEquals(5, offset.endOffset());
    t.close();
  }

  @Test
  void stateIsResetBetweenDocuments() throws IOException {
    CodeTokenizer t = new CodeTokenizer();
    assertEquals(List.of("a", "open"), Tokens.terms(Tokens.of(t, "a /* open")));
    assertEquals(List.of("b", "\"", "c"), Tokens.terms(Tokens.of(t, "b \"c")));
    assertEquals(List.of("d"), Tokens.terms(Tokens.of(t, "d")));
  }

  @Test
  void rejectsBadMaxTokenLength() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CodeTokenizer(0));
    assertEquals("maxTokenLength must be in [1, 1048576]: 0", e.getMessage());
  }
}
