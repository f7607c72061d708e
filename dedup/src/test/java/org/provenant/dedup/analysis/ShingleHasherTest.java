package org.provenant.dedup.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;

class ShingleHasherTest {
  private static final String[] WORDS = {
    "the", "Fox", "café", "x", "=", "a->b", "//", "c", "42", "/*", "*/", "\"", "dog", "Ünïcode",
    "{", "}", "\n", "  ", ".", "#", "long_identifier_name"
  };

  /** The hashes of ShingleFilter's output, in order, with repeats. */
  private static List<Long> viaShingleFilter(Analyzer shingleAnalyzer, String text) {
    List<Long> out = new ArrayList<>();
    for (String s : Shingles.texts(shingleAnalyzer, text)) {
      out.add(ShingleHash.of(s));
    }
    return out;
  }

  private static List<Long> viaHasher(int n, Analyzer tokenAnalyzer, String text) throws IOException {
    List<Long> out = new ArrayList<>();
    try (TokenStream ts = tokenAnalyzer.tokenStream("text", text)) {
      int count = new ShingleHasher(n).hashShingles(ts, out::add);
      assertEquals(out.size(), count);
    }
    return out;
  }

  @Test
  void sameHashesAsShingleFilterOnRandomTextAndCode() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    for (int n = 1; n <= 7; n++) {
      try (Analyzer text = new TextShingleAnalyzer(n, true);
          Analyzer words = TextShingleAnalyzer.wordAnalyzer(true);
          Analyzer code = new CodeShingleAnalyzer(n, CodeTokenizer.DEFAULT_MAX_TOKEN_LENGTH);
          Analyzer tokens = CodeShingleAnalyzer.tokenAnalyzer(CodeTokenizer.DEFAULT_MAX_TOKEN_LENGTH)) {
        ShingleHasher hasher = new ShingleHasher(n);
        for (int doc = 0; doc < 60; doc++) {
          int length = doc < 12 ? doc : random.nextInt(200);
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < length; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextBoolean() ? " " : "");
          }
          String s = sb.toString();
          assertEquals(viaShingleFilter(text, s), viaHasher(n, words, s), "text n=" + n + ": " + s);
          assertEquals(viaShingleFilter(code, s), viaHasher(n, tokens, s), "code n=" + n + ": " + s);
          assertEquals(Shingles.set(text, s), hasher.shingleSet(words, s));
        }
      }
    }
  }

  @Test
  void aHasherReusedAfterAHugeDocumentGivesFreshAnswers() throws IOException {
    try (Analyzer words = TextShingleAnalyzer.wordAnalyzer(true); Analyzer text = new TextShingleAnalyzer(5, true)) {
      ShingleHasher hasher = new ShingleHasher(5);
      String huge = "alpha beta gamma delta epsilon zeta eta theta ".repeat(40_000); // 1.8 M chars of tokens
      assertEquals(Shingles.set(text, huge), hasher.shingleSet(words, huge));
      assertEquals(Shingles.set(text, "one two three four five six"), hasher.shingleSet(words, "one two three four five six"));
      assertEquals(Shingles.set(text, "one two"), hasher.shingleSet(words, "one two"));
    }
  }

  @Test
  void shortInputIsOneShingle() throws IOException {
    try (Analyzer words = TextShingleAnalyzer.wordAnalyzer(true)) {
      assertEquals(List.of(ShingleHash.of("hello world")), viaHasher(5, words, "Hello, world!"));
      assertEquals(List.of(), viaHasher(5, words, " ... "));
    }
  }

  @Test
  void refusesStreamsWithGaps() {
    Analyzer withStopWords =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer t = new StandardTokenizer();
            return new TokenStreamComponents(t, new StopFilter(t, new CharArraySet(List.of("the"), false)));
          }
        };
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> viaHasher(2, withStopWords, "a the b"));
    assertTrue(e.getMessage().contains("position gap (increment 2) at token 1"), e.getMessage());
    withStopWords.close();
  }

  @Test
  void rejectsBadShingleSize() {
    assertEquals("shingleSize must be in [1, 32]: 0",
        assertThrows(IllegalArgumentException.class, () -> new ShingleHasher(0)).getMessage());
  }
}
