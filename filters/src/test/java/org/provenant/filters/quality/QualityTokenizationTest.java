package org.provenant.filters.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The word and sentence splitters the quality statistics are computed on. */
class QualityTokenizationTest {

  @Test
  void splitsPunctuationQuotesAndEllipsesOffWords() {
    assertEquals(
        List.of("I", "wish", "it", "need", "not", "have", "happened", "in", "my", "time", ",", "'",
            "said", "Frodo", ".", "'", "So", "do", "I", ",", "'", "said", "Gandalf", "."),
        WordSplitter.split("I wish it need not have happened in my time,' said Frodo. 'So do I,' said Gandalf."));
    assertEquals(
        List.of("Wait", "...", "what", "?", "!", "!", "--", "no", "\u2026", "(", "x", ")", "#", "tag"),
        WordSplitter.split("Wait... what?!! -- no\u2026 (x) #tag"));
  }

  @Test
  void keepsInnerJoinersAbbreviationsAndNumbersTogether() {
    assertEquals(
        List.of("e.g.", "U.S.", "Mr.", "Smith", "3.14", "1,000", "10:30", "and/or", "well-known",
            "snake_case", "end", "."),
        WordSplitter.split("e.g. U.S. Mr. Smith 3.14 1,000 10:30 and/or well-known snake_case end."));
    assertEquals(List.of("a", ",", "b", "-", "c", "1", ":", "x"), WordSplitter.split("a, b - c 1: x"));
  }

  @Test
  void splitsEnglishCliticsButNotNames() {
    assertEquals(
        List.of("ca", "n't", "Do", "n't", "I", "'m", "they", "'re", "we", "'ve", "you", "'ll", "she",
            "'d", "it", "\u2019s", "O'Neil", "rock'n'roll"),
        WordSplitter.split("can't Don't I'm they're we've you'll she'd it\u2019s O'Neil rock'n'roll"));
  }

  @Test
  void keepsMarksAndUnspacedScriptsInWords() {
    assertEquals(
        List.of("cafe\u0301", "na\u00efve", "\u6771\u4eac\u30bf\u30ef\u30fc", "\u3002"),
        WordSplitter.split("cafe\u0301 na\u00efve \u6771\u4eac\u30bf\u30ef\u30fc\u3002"));
  }

  @Test
  void everyNonSpaceCharacterIsInExactlyOneToken() {
    String text = "  A\u00a0b\tc\n--- ..... \"quoted\" [1] {x} \u00a9 2024 \ud83d\ude00 e-mail@host.org \u2029 end";
    String joined = String.join("", WordSplitter.split(text));
    StringBuilder nonSpace = new StringBuilder();
    text.codePoints().filter(cp -> !Texts.isSpace(cp)).forEach(nonSpace::appendCodePoint);
    assertEquals(nonSpace.toString(), joined);
    assertEquals(List.of(), WordSplitter.split(" \u00a0\n\t"));
  }

  @Test
  void splitsSentencesLikePunkt() {
    assertEquals(
        List.of("Dr. Smith arrived.", "He sat down!", "Did he eat?", "Yes."),
        SentenceSplitter.split("Dr. Smith arrived. He sat down! Did he eat? Yes."));
    assertEquals(
        List.of("See e.g. the U.S. report by J. R. R. Tolkien.", "It is long."),
        SentenceSplitter.split("See e.g. the U.S. report by J. R. R. Tolkien. It is long."));
    assertEquals(
        List.of("He said \"stop.\"", "Then he left."),
        SentenceSplitter.split("He said \"stop.\" Then he left."));
    assertEquals(
        List.of("Wait... what?", "And then\u2026", "Nothing."),
        SentenceSplitter.split("Wait... what? And then\u2026 Nothing."));
    assertEquals(1, SentenceSplitter.count("no final stop here"));
    assertEquals(0, SentenceSplitter.count("  \n "));
  }

  @Test
  void pythonLikeLineAndWhitespaceHelpers() {
    assertEquals(List.of("a", "b", "", "c", "d"), pieces("a\r\nb\n\nc\u2028d\n", TextPieces.lines("a\r\nb\n\nc\u2028d\n")));
    assertEquals(List.of(), pieces("", TextPieces.lines("")));
    assertEquals(List.of("a", "b", ""), pieces("a\n\n\nb\n\n", TextPieces.splitOnNewlineRuns("a\n\n\nb\n\n", 0, 7, 2)));
    assertEquals(List.of("a\nb", "c"), pieces("a\nb\n\nc", TextPieces.splitOnNewlineRuns("a\nb\n\nc", 0, 6, 2)));
    assertEquals(List.of("b", "c \u00a0"), pieces(" \nb\n\t\nc \u00a0", TextPieces.splitOnNewlineRuns(" \nb\n\t\nc \u00a0", 0, 9, 1).withoutBlank()));
    assertEquals("x y", Texts.strip("\u00a0\t x y \u3000\n"));
    assertEquals(1, Texts.count("a.....b", "..."));
    assertEquals(2, Texts.count("a......b", "..."));
    assertEquals(1, Texts.length("\ud83d\ude00"));
    assertEquals("0.6", Texts.fmt(0.6000000001));
    assertEquals("0.3333", Texts.fmt(1.0 / 3));
    assertEquals("0", Texts.fmt(0.0));
    assertEquals("12", Texts.fmt(12));
  }

  @Test
  void terminalPunctuationIsUnicodeSentenceTerminal() {
    assertEquals(154, TerminalPunctuation.size());
    for (int cp : new int[] {'.', '!', '?', 0x3002, 0x061F, 0x0964, 0xFF01, 0x203C, 0x11F44}) {
      assertEquals(true, TerminalPunctuation.contains(cp), Integer.toHexString(cp));
    }
    for (int cp : new int[] {',', ';', ':', '"', ')', 0x2026, 'a', 0x3001}) {
      assertEquals(false, TerminalPunctuation.contains(cp), Integer.toHexString(cp));
    }
  }

  private static List<String> pieces(String text, TextPieces pieces) {
    List<String> out = new java.util.ArrayList<>();
    for (int k = 0; k < pieces.size(); k++) {
      out.add(text.substring(pieces.start(k), pieces.end(k)));
    }
    return out;
  }
}
