package org.provenant.filters.quality;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The quality statistics as first written: plain, string-per-piece code that is obviously the
 * definition, kept so that the optimised filters can be compared with it bit for bit ({@link
 * QualityEquivalenceTest}). Settings are the filters' defaults unless passed in.
 */
final class ReferenceQuality {
  private ReferenceQuality() {}

  // ---------------------------------------------------------------- Texts

  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  static boolean isSpace(int cp) {
    if (cp < 0x80) {
      return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  static String strip(String s) {
    return stripStart(stripEnd(s));
  }

  static String stripStart(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  static String stripEnd(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  static List<String> splitWhitespace(String s) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      if (isSpace(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n) {
        cp = s.codePointAt(i);
        if (isSpace(cp)) {
          break;
        }
        i += Character.charCount(cp);
      }
      parts.add(s.substring(start, i));
    }
    return parts;
  }

  static boolean isLineBreak(char c) {
    return c == '\n' || c == '\u000B' || c == '\u000C' || c == '\r' || c == '\u001C' || c == '\u001D'
        || c == '\u001E' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  static List<String> splitLines(String s) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (isLineBreak(c)) {
        lines.add(s.substring(start, i));
        i += (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < n) {
      lines.add(s.substring(start));
    }
    return lines;
  }

  static List<String> splitOnNewlineRuns(String s, int minRun) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      if (s.charAt(i) == '\n') {
        int j = i;
        while (j < n && s.charAt(j) == '\n') {
          j++;
        }
        if (j - i >= minRun) {
          parts.add(s.substring(start, i));
          start = j;
        }
        i = j;
      } else {
        i++;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  static int count(String s, String needle) {
    int count = 0;
    int from = 0;
    while (true) {
      int at = s.indexOf(needle, from);
      if (at < 0) {
        return count;
      }
      count++;
      from = at + needle.length();
    }
  }

  static double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
  }

  static String fmt(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    java.math.BigDecimal d = new java.math.BigDecimal(value)
        .setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  // ---------------------------------------------------------------- WordSplitter

  private static final String[] CLITICS = {"'s", "'m", "'d", "'re", "'ve", "'ll"};

  static ImmutableList<String> words(String text) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (isSpace(cp)) {
        i += Character.charCount(cp);
      } else if (isWordChar(cp)) {
        int end = endOfWord(text, i);
        String word = text.substring(i, end);
        if (end < n
            && text.charAt(end) == '.'
            && (end + 1 >= n || text.charAt(end + 1) != '.')
            && (word.indexOf('.') >= 0
                || WordSplitter.ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT)))) {
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
          out.add(String.valueOf((char) cp));
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
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (isWordChar(cp)) {
        prev = cp;
        i += len;
        continue;
      }
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

  // ---------------------------------------------------------------- SentenceSplitter

  private static final String CLOSERS = ")]}\"'\u2019\u201D\u00BB";
  private static final String OPENERS = "([{\"'\u2018\u201C\u00AB";

  static ImmutableList<String> sentences(String text) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    List<int[]> tokens = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (isSpace(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n && !isSpace(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      tokens.add(new int[] {start, i});
    }
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

  // ---------------------------------------------------------------- GopherRepetitionFilter

  /** The repetition statistics with the given n-gram sizes, n-grams as joined strings. */
  static GopherRepetitionFilter.Statistics repetition(
      String text, Iterable<Integer> topNs, Iterable<Integer> dupNs) {
    int chars = length(text);
    List<String> paragraphs = splitOnNewlineRuns(strip(text), 2);
    int[] paraDup = duplicates(paragraphs);
    List<String> lines = splitOnNewlineRuns(text, 1);
    int[] lineDup = duplicates(lines);
    List<String> words = words(text);
    List<NGramFraction> top = new ArrayList<>();
    for (int n : topNs) {
      if (words.size() >= n) {
        top.add(new NGramFraction(n, ratio(topNGramChars(words, n), chars)));
      }
    }
    List<NGramFraction> dup = new ArrayList<>();
    for (int n : dupNs) {
      dup.add(new NGramFraction(n, ratio(duplicateNGramChars(words, n), chars)));
    }
    return new GopherRepetitionFilter.Statistics(
        chars,
        paragraphs.size(),
        paraDup[0],
        ratio(paraDup[0], paragraphs.size()),
        ratio(paraDup[1], chars),
        lines.size(),
        lineDup[0],
        ratio(lineDup[0], lines.size()),
        ratio(lineDup[1], chars),
        words.size(),
        top,
        dup);
  }

  static int[] duplicates(List<String> elements) {
    Set<String> seen = new HashSet<>();
    int count = 0;
    int chars = 0;
    for (String e : elements) {
      if (!seen.add(e)) {
        count++;
        chars += length(e);
      }
    }
    return new int[] {count, chars};
  }

  static long topNGramChars(List<String> words, int n) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i + n <= words.size(); i++) {
      counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best == null ? 0 : (long) length(best) * bestCount;
  }

  static long duplicateNGramChars(List<String> words, int n) {
    Set<String> seen = new HashSet<>();
    long repeated = 0;
    int i = 0;
    while (i + n <= words.size()) {
      List<String> gram = words.subList(i, i + n);
      if (!seen.add(String.join("", gram))) {
        for (String w : gram) {
          repeated += length(w);
        }
        i += n;
      } else {
        i++;
      }
    }
    return repeated;
  }

  // ---------------------------------------------------------------- GopherQualityFilter

  static GopherQualityFilter.Statistics gopherQuality(String text, Set<String> stopWords) {
    List<String> words = words(text);
    int nonSymbol = 0;
    long nonSymbolChars = 0;
    int alpha = 0;
    Set<String> stopWordsSeen = new HashSet<>();
    for (String w : words) {
      if (w.codePoints().anyMatch(ReferenceQuality::isWordChar)) {
        nonSymbol++;
        nonSymbolChars += length(w);
      }
      if (w.codePoints().anyMatch(Character::isLetter)) {
        alpha++;
      }
      if (stopWords.contains(w)) {
        stopWordsSeen.add(w);
      }
    }
    int hashes = count(text, "#");
    int ellipses = count(text, "...") + count(text, "\u2026");
    List<String> lines = splitLines(text);
    int bullets = 0;
    int endEllipsis = 0;
    for (String line : lines) {
      String start = stripStart(line);
      if (start.startsWith("\u2022") || start.startsWith("-")) {
        bullets++;
      }
      String end = stripEnd(line);
      if (end.endsWith("...") || end.endsWith("\u2026")) {
        endEllipsis++;
      }
    }
    int n = words.size();
    return new GopherQualityFilter.Statistics(
        n,
        nonSymbol,
        ratio(nonSymbolChars, nonSymbol),
        hashes,
        ellipses,
        ratio(hashes, n),
        ratio(ellipses, n),
        lines.size(),
        ratio(bullets, lines.size()),
        ratio(endEllipsis, lines.size()),
        ratio(alpha, n),
        stopWordsSeen.size());
  }

  // ---------------------------------------------------------------- FineWebQualityFilter

  /** FineWeb's statistics; {@code stopChars} null for Unicode Sentence_Terminal. */
  static FineWebQualityFilter.Statistics fineWeb(String text, String stopChars, int shortLineLength) {
    List<String> lines = new ArrayList<>();
    for (String line : splitOnNewlineRuns(text, 1)) {
      if (!strip(line).isEmpty()) {
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      return new FineWebQualityFilter.Statistics(0, 0, 0, 0, 0, 0, 0);
    }
    int punct = 0;
    int shortLines = 0;
    for (String line : lines) {
      int last = line.codePointBefore(line.length());
      if (stopChars == null
          ? TerminalPunctuation.contains(last)
          : stopChars.codePoints().anyMatch(c -> c == last)) {
        punct++;
      }
      if (length(line) <= shortLineLength) {
        shortLines++;
      }
    }
    int newlines = count(text, "\n");
    int charsWithoutNewlines = length(text) - newlines;
    int dupChars = duplicates(lines)[1];
    int words = words(text).size();
    return new FineWebQualityFilter.Statistics(
        lines.size(),
        ratio(punct, lines.size()),
        ratio(shortLines, lines.size()),
        ratio(dupChars, charsWithoutNewlines),
        words,
        newlines,
        ratio(newlines, words));
  }

  // ---------------------------------------------------------------- C4QualityFilter

  private static final Pattern CITATION = Pattern.compile("\\[\\d*]|\\[edit]|\\[citation needed]");

  /** C4's settings as a value, for running the reference with settings other than the defaults. */
  record C4Settings(
      boolean splitParagraph,
      boolean removeCitations,
      boolean filterNoTerminalPunct,
      int minNumSentences,
      int minWordsPerLine,
      int maxWordLength,
      boolean filterLoremIpsum,
      boolean filterJavascript,
      boolean filterCurlyBracket,
      boolean filterPolicy) {
    static final C4Settings DEFAULTS = new C4Settings(true, true, true, 5, 3, 1000, true, true, true, true);

    C4QualityFilter filter() {
      return C4QualityFilter.builder()
          .splitParagraph(splitParagraph)
          .removeCitations(removeCitations)
          .filterNoTerminalPunct(filterNoTerminalPunct)
          .minNumSentences(minNumSentences)
          .minWordsPerLine(minWordsPerLine)
          .maxWordLength(maxWordLength)
          .filterLoremIpsum(filterLoremIpsum)
          .filterJavascript(filterJavascript)
          .filterCurlyBracket(filterCurlyBracket)
          .filterPolicy(filterPolicy)
          .build();
    }
  }

  static QualityVerdict<C4QualityFilter.Statistics> c4(String text, C4Settings c) {
    List<String> units = c.splitParagraph() ? splitLines(text) : sentences(text);
    List<String> kept = new ArrayList<>();
    int examined = 0;
    int tooLong = 0;
    int noPunct = 0;
    int tooFew = 0;
    int javascript = 0;
    int policy = 0;
    int sentences = 0;
    for (String raw : units) {
      examined++;
      String line = strip(raw);
      List<String> words = splitWhitespace(line);
      if (words.stream().anyMatch(w -> length(w) > c.maxWordLength())) {
        tooLong++;
        continue;
      }
      if (c.removeCitations()) {
        line = CITATION.matcher(line).replaceAll("");
      }
      if (c.filterNoTerminalPunct()
          && !(!line.isEmpty() && ".?!\"'".indexOf(line.charAt(line.length() - 1)) >= 0
              && !line.endsWith("..."))) {
        noPunct++;
        continue;
      }
      if (words.size() < c.minWordsPerLine()) {
        tooFew++;
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (c.filterLoremIpsum() && lower.contains("lorem ipsum")) {
        C4QualityFilter.Statistics s = new C4QualityFilter.Statistics(
            examined, kept.size(), tooLong, noPunct, tooFew, javascript, policy, sentences, examined);
        return QualityVerdict.drop("lorem_ipsum", "line=" + examined, s);
      }
      if (c.filterJavascript() && lower.contains("javascript")) {
        javascript++;
        continue;
      }
      if (c.filterCurlyBracket() && line.indexOf('{') >= 0) {
        C4QualityFilter.Statistics s = new C4QualityFilter.Statistics(
            examined, kept.size(), tooLong, noPunct, tooFew, javascript, policy, sentences, examined);
        return QualityVerdict.drop("curly_bracket", "line=" + examined, s);
      }
      if (c.filterPolicy() && C4QualityFilter.POLICY_SUBSTRINGS.stream().anyMatch(lower::contains)) {
        policy++;
        continue;
      }
      sentences += c.splitParagraph() ? sentences(line).size() : 1;
      kept.add(line);
    }
    C4QualityFilter.Statistics s = new C4QualityFilter.Statistics(
        examined, kept.size(), tooLong, noPunct, tooFew, javascript, policy, sentences, 0);
    if (sentences < c.minNumSentences()) {
      return QualityVerdict.drop(
          "too_few_sentences", "sentences=" + sentences + " < " + c.minNumSentences(), s);
    }
    String newText = strip(String.join(c.splitParagraph() ? "\n" : " ", kept));
    return QualityVerdict.keep(s, text, newText);
  }
}
