package org.provenant.filters.quality;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into sentences, deterministically and without a model, in the manner of an English
 * Punkt splitter: what the C4 heuristics count ("at least five sentences").
 *
 * <p>A sentence ends after a white-space-separated token whose last character before any closing
 * quotes or brackets is {@code ?}, {@code !} or {@code ‽}; or a full stop, unless the word before
 * it is a known abbreviation ({@code Mr.}, {@code etc.}), a single letter (an initial) or holds an
 * inner full stop ({@code e.g.}, {@code U.S.}); or an ellipsis ({@code ...}, {@code …}) followed by
 * a word that starts with an upper-case letter. The last sentence ends at the end of the text.
 * Characters of scripts without spaces ({@code 。}) do not split. Stateless and thread-safe.
 */
public final class SentenceSplitter {
  private SentenceSplitter() {}

  private static final String CLOSERS = ")]}\"'\u2019\u201D\u00BB";
  private static final String OPENERS = "([{\"'\u2018\u201C\u00AB";

  /** The sentences of {@code text}, each stripped of surrounding white space; none for blank text. */
  public static ImmutableList<String> split(String text) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    List<int[]> tokens = tokenSpans(text);
    int sentenceStart = -1;
    for (int t = 0; t < tokens.size(); t++) {
      int[] span = tokens.get(t);
      if (sentenceStart < 0) {
        sentenceStart = span[0];
      }
      boolean last = t == tokens.size() - 1;
      String next = last ? null : text.substring(tokens.get(t + 1)[0], tokens.get(t + 1)[1]);
      if (last || endsSentence(text.substring(span[0], span[1]), next)) {
        out.add(text.substring(sentenceStart, span[1]));
        sentenceStart = -1;
      }
    }
    return out.build();
  }

  /** How many sentences {@link #split} finds. */
  public static int count(String text) {
    return split(text).size();
  }

  private static List<int[]> tokenSpans(String text) {
    ImmutableList.Builder<int[]> spans = ImmutableList.builder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (Texts.isSpace(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n && !Texts.isSpace(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      spans.add(new int[] {start, i});
    }
    return spans.build();
  }

  private static boolean endsSentence(String token, String next) {
    int end = token.length();
    while (end > 0 && CLOSERS.indexOf(token.charAt(end - 1)) >= 0) {
      end--;
    }
    String core = token.substring(0, end);
    if (core.isEmpty()) {
      return false;
    }
    char lastChar = core.charAt(core.length() - 1);
    if (lastChar == '?' || lastChar == '!' || lastChar == '\u203D') {
      return true;
    }
    if (lastChar == '\u2026' || core.endsWith("..")) {
      return startsUpperCase(next);
    }
    if (lastChar != '.') {
      return false;
    }
    int start = 0;
    String word = core.substring(0, core.length() - 1);
    while (start < word.length() && OPENERS.indexOf(word.charAt(start)) >= 0) {
      start++;
    }
    word = word.substring(start);
    if (word.isEmpty()) {
      return true;
    }
    if (word.codePointCount(0, word.length()) == 1 && Character.isLetter(word.codePointAt(0))) {
      return false;
    }
    return word.indexOf('.') < 0 && !WordSplitter.ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static boolean startsUpperCase(String token) {
    if (token == null) {
      return false;
    }
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      if (Character.isLetter(cp)) {
        return Character.isUpperCase(cp) || Character.isTitleCase(cp);
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
