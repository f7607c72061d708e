package org.provenant.filters.quality;

import com.google.common.collect.ImmutableList;
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
    int n = text.length();
    int start = nextToken(text, 0);
    int sentenceStart = start;
    while (start < n) {
      int end = tokenEnd(text, start);
      int next = nextToken(text, end);
      if (next >= n || endsSentence(text, start, end, next)) {
        out.add(text.substring(sentenceStart, end));
        sentenceStart = next;
      }
      start = next;
    }
    return out.build();
  }

  /** How many sentences {@link #split} finds. */
  public static int count(String text) {
    int n = text.length();
    int count = 0;
    int start = nextToken(text, 0);
    while (start < n) {
      int end = tokenEnd(text, start);
      int next = nextToken(text, end);
      if (next >= n || endsSentence(text, start, end, next)) {
        count++;
      }
      start = next;
    }
    return count;
  }

  /**
   * Where the next white-space-separated token starts at or after {@code i}, or the text's length.
   * White space is never a surrogate, so this steps by chars.
   */
  private static int nextToken(String text, int i) {
    return Texts.skipSpace(text, i, text.length());
  }

  /** Where the token starting at {@code start} ends (exclusive). */
  private static int tokenEnd(String text, int start) {
    int n = text.length();
    int i = start;
    while (i < n && !Texts.isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Whether the token {@code [start, end)} of {@code text} ends a sentence; the next token, if any,
   * starts at {@code next} (the text's length when there is none).
   */
  private static boolean endsSentence(String text, int start, int end, int next) {
    int coreEnd = end;
    while (coreEnd > start && CLOSERS.indexOf(text.charAt(coreEnd - 1)) >= 0) {
      coreEnd--;
    }
    if (coreEnd == start) {
      return false;
    }
    char lastChar = text.charAt(coreEnd - 1);
    if (lastChar == '?' || lastChar == '!' || lastChar == '\u203D') {
      return true;
    }
    if (lastChar == '\u2026' || (coreEnd - start >= 2 && lastChar == '.' && text.charAt(coreEnd - 2) == '.')) {
      return next < text.length() && startsUpperCase(text, next, tokenEnd(text, next));
    }
    if (lastChar != '.') {
      return false;
    }
    int wordEnd = coreEnd - 1;
    int wordStart = start;
    while (wordStart < wordEnd && OPENERS.indexOf(text.charAt(wordStart)) >= 0) {
      wordStart++;
    }
    if (wordStart == wordEnd) {
      return true;
    }
    if (text.codePointCount(wordStart, wordEnd) == 1 && Character.isLetter(text.codePointAt(wordStart))) {
      return false;
    }
    for (int i = wordStart; i < wordEnd; i++) {
      if (text.charAt(i) == '.') {
        return false;
      }
    }
    return !WordSplitter.ABBREVIATIONS.contains(text.substring(wordStart, wordEnd).toLowerCase(Locale.ROOT));
  }

  /** Whether the first letter of {@code [start, end)} of {@code text} is upper or title case. */
  private static boolean startsUpperCase(String text, int start, int end) {
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      if (Character.isLetter(cp)) {
        return Character.isUpperCase(cp) || Character.isTitleCase(cp);
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
