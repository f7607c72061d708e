package org.provenant.filters.quality;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Locale;

/**
 * Splits text into word and punctuation tokens, deterministically and without a model, in the
 * manner of a Penn-Treebank-style English tokenizer: the word lists the Gopher, FineWeb and
 * repetition statistics are computed on.
 *
 * <p>Rules, applied left to right over code points:
 *
 * <ul>
 *   <li>White space separates tokens and is never part of one.
 *   <li>A word is a run of letters, digits, combining marks and connector punctuation
 *       ({@code _}). It continues over one inner joiner when a word character follows: an
 *       apostrophe between letters ({@code don't}), a hyphen, full stop or slash between letters or
 *       digits ({@code well-known}, {@code 3.14}, {@code and/or}), a comma or colon between digits
 *       ({@code 1,000}, {@code 10:30}).
 *   <li>A word that already holds an inner full stop ({@code e.g}, {@code U.S}) or is a known
 *       abbreviation ({@code Mr}, {@code Dr}, ...) keeps one directly following full stop.
 *   <li>English clitics become their own token: {@code n't}, {@code 's}, {@code 'm}, {@code 'd},
 *       {@code 're}, {@code 've}, {@code 'll} ({@code can't} gives {@code ca}, {@code n't}).
 *   <li>A run of two or more full stops is one token ({@code ...}), as is a run of two or more
 *       hyphens ({@code --}).
 *   <li>Every other character (punctuation, symbols, {@code …}) is a token of its own.
 * </ul>
 *
 * <p>Every non-white-space character of the input is in exactly one token, so a text that is not
 * blank has at least one token. Scripts written without spaces (Chinese, Japanese, Thai) come out
 * as long runs, one "word" per run. Thread-safe; its only state is a per-thread memo of the last split.
 */
public final class WordSplitter {
  private WordSplitter() {}

  /** Words that keep a directly following full stop, lower case, without the stop. */
  static final ImmutableSet<String> ABBREVIATIONS =
      ImmutableSet.of(
          "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "inc", "ltd", "co",
          "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "fig", "approx", "dept", "gen", "gov", "sen", "rep", "mt", "ft");

  private static final String[] CLITICS = {"'s", "'m", "'d", "'re", "'ve", "'ll"};

  /** The last text split on each thread and its tokens (the same text object, not an equal one). */
  private record LastSplit(String text, ImmutableList<String> tokens) {}

  private static final ThreadLocal<LastSplit> LAST = new ThreadLocal<>();

  /**
   * The tokens of {@code text}, in order. Several quality steps split the same document's text one
   * after the other on one thread; the last split is kept per thread and given again when asked
   * for the very same string object.
   */
  public static ImmutableList<String> split(String text) {
    LastSplit last = LAST.get();
    if (last != null && last.text() == text) {
      return last.tokens();
    }
    ImmutableList<String> tokens = splitNow(text);
    LAST.set(new LastSplit(text, tokens));
    return tokens;
  }

  /** Classes of the ASCII characters, from {@link Texts#isSpace} and {@link #isWordChar}. */
  private static final byte OTHER = 0;
  private static final byte SPACE = 1;
  private static final byte WORD = 2;
  private static final byte[] ASCII_CLASS = new byte[0x80];
  /** Each ASCII character as a one-character string, shared by the tokens that are just it. */
  private static final String[] ASCII_STRINGS = new String[0x80];

  static {
    for (int c = 0; c < 0x80; c++) {
      ASCII_CLASS[c] = Texts.isSpace(c) ? SPACE : isWordCharSlow(c) ? WORD : OTHER;
      ASCII_STRINGS[c] = String.valueOf((char) c);
    }
  }

  private static ImmutableList<String> splitNow(String text) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < 0x80) {
        byte kind = ASCII_CLASS[c];
        if (kind == SPACE) {
          i++;
          continue;
        }
        if (kind == OTHER && c != '.' && c != '-') {
          out.add(ASCII_STRINGS[c]);
          i++;
          continue;
        }
      }
      int cp = Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
      if (Texts.isSpace(cp)) {
        i += Character.charCount(cp);
      } else if (isWordChar(cp)) {
        int end = endOfWord(text, i);
        String word = text.substring(i, end);
        if (end < n
            && text.charAt(end) == '.'
            && (end + 1 >= n || text.charAt(end + 1) != '.')
            && (word.indexOf('.') >= 0 || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT)))) {
          end++;
          word = text.substring(i, end);
        }
        addWord(out, word);
        i = end;
      } else if (cp == '.' || cp == '-') {
        int end = i;
        while (end < n && text.charAt(end) == cp) {
          end++;
        }
        if (end - i >= 2) {
          out.add(text.substring(i, end));
          i = end;
        } else {
          out.add(ASCII_STRINGS[cp]);
          i++;
        }
      } else {
        int end = i + Character.charCount(cp);
        out.add(text.substring(i, end));
        i = end;
      }
    }
    return out.build();
  }

  static boolean isWordChar(int cp) {
    return cp < 0x80 ? ASCII_CLASS[cp] == WORD : isWordCharSlow(cp);
  }

  private static boolean isWordCharSlow(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.CONNECTOR_PUNCTUATION;
  }

  private static int endOfWord(String text, int start) {
    int n = text.length();
    int i = start;
    int prev = -1;
    while (i < n) {
      char c = text.charAt(i);
      int cp;
      if (c < 0x80) {
        if (ASCII_CLASS[c] == WORD) {
          prev = c;
          i++;
          continue;
        }
        cp = c;
      } else {
        cp = Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
        if (isWordCharSlow(cp)) {
          prev = cp;
          i += Character.charCount(cp);
          continue;
        }
      }
      int len = Character.charCount(cp);
      if (prev < 0 || i + len >= n) {
        break;
      }
      int next = text.codePointAt(i + len);
      if (!joins(prev, cp, next)) {
        break;
      }
      prev = cp;
      i += len;
    }
    return i;
  }

  private static boolean joins(int prev, int joiner, int next) {
    switch (joiner) {
      case '\'':
      case '\u2019':
        return Character.isLetter(prev) && Character.isLetter(next);
      case '-':
      case '.':
      case '/':
        return Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next);
      case ',':
      case ':':
        return Character.isDigit(prev) && Character.isDigit(next);
      default:
        return false;
    }
  }

  private static void addWord(ImmutableList.Builder<String> out, String word) {
    if (word.indexOf('\'') < 0 && word.indexOf('\u2019') < 0) {
      out.add(word);
      return;
    }
    String lower = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    if (lower.length() == word.length()) {
      if (lower.length() > 3 && lower.endsWith("n't")) {
        int cut = word.length() - 3;
        out.add(word.substring(0, cut)).add(word.substring(cut));
        return;
      }
      for (String clitic : CLITICS) {
        if (lower.length() > clitic.length() && lower.endsWith(clitic)) {
          int cut = word.length() - clitic.length();
          out.add(word.substring(0, cut)).add(word.substring(cut));
          return;
        }
      }
    }
    out.add(word);
  }
}
