package org.provenant.dedup.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits source code of any common language into the tokens a programmer sees, so that
 * near-duplicate detection on code compares code and not layout.
 *
 * <ul>
 *   <li>{@link #TYPE_IDENTIFIER}: a letter, {@code _} or {@code $} followed by letters, digits,
 *       combining marks, {@code _} or {@code $} ({@code fooBar}, {@code __init__}, {@code $el}).
 *       Case is kept and identifiers are not split: {@code getName} and {@code get_name} differ.
 *   <li>{@link #TYPE_NUMBER}: a digit followed by letters, digits and {@code _}, a {@code .}
 *       before a digit and a sign after an exponent {@code e}/{@code E} of a non-hex number
 *       ({@code 0x1F}, {@code 1_000L}, {@code 1.5e-10}).
 *   <li>{@link #TYPE_OPERATOR}: the longest of the common multi-character operators ({@code ->},
 *       {@code ==}, {@code >>>=}, {@code ::}, {@code ...}), otherwise any other single code point
 *       that is not whitespace (brackets, {@code ;}, quotes, {@code @}, symbols).
 *   <li>{@link #TYPE_COMMENT_WORD}: inside a comment ({@code // …} and {@code # …} to the end of
 *       the line, {@code /* … *}{@code /} across lines) only the words are kept: runs of letters,
 *       digits and {@code _}. The comment delimiters themselves are not tokens.
 * </ul>
 *
 * <p>Whitespace only separates tokens, so re-indented or re-wrapped code gives the same tokens.
 * A quote ({@code "}, {@code '} or {@code `}) whose closing quote is on the same line (after
 * backslash escapes) opens a literal inside which comment openers are ordinary operators, so
 * {@code "http://x"} is not a comment; the literal's content is tokenized like code.
 *
 * <p>Known limits, accepted because the output only feeds similarity: Python's {@code //}
 * operator and {@code #} in languages where it is not a comment start a comment; multi-line
 * strings are not tracked; tokens longer than {@link #DEFAULT_MAX_TOKEN_LENGTH} chars are cut into
 * pieces of that length. The whole input is read into memory at {@link #reset()}.
 */
public final class CodeTokenizer extends Tokenizer {
  /** Type of identifier and keyword tokens. */
  public static final String TYPE_IDENTIFIER = "<IDENTIFIER>";
  /** Type of numeric literal tokens. */
  public static final String TYPE_NUMBER = "<NUMBER>";
  /** Type of operator and punctuation tokens. */
  public static final String TYPE_OPERATOR = "<OPERATOR>";
  /** Type of the words inside comments. */
  public static final String TYPE_COMMENT_WORD = "<COMMENT_WORD>";

  /** Longer tokens are cut into pieces of this many chars (the {@code StandardTokenizer} value). */
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 255;
  /** Largest accepted {@code maxTokenLength}. */
  public static final int MAX_TOKEN_LENGTH_LIMIT = 1024 * 1024;

  /** Multi-character operators, longest first so the first match is the longest. */
  private static final char[][] OPERATORS =
      Arrays.stream(
              new String[] {
                ">>>=", "<<=", ">>=", ">>>", "...", "===", "!==", "**=", "<=>", "&&=", "||=",
                "??=", "->", "=>", "::", "++", "--", "&&", "||", "==", "!=", "<=", ">=", "+=",
                "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "**", "??", "?.", ":=",
                "<-", ".."
              })
          .sorted((a, b) -> Integer.compare(b.length(), a.length()))
          .map(String::toCharArray)
          .toArray(char[][]::new);

  /** Buffers above this size are released at {@link #close()}. */
  private static final int RETAINED_BUFFER_CHARS = 1 << 20;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final int maxTokenLength;

  private char[] text = new char[4096];
  private int length;
  private int pos;
  /** While {@code pos < commentWordsEnd} the tokenizer is inside a comment. */
  private int commentWordsEnd = -1;
  /** Where scanning resumes after the comment (after a closing {@code *}{@code /}). */
  private int commentResume = -1;
  /** Index of the quote closing the open literal, or -1 outside literals. */
  private int literalClose = -1;

  /** A tokenizer with {@link #DEFAULT_MAX_TOKEN_LENGTH}. */
  public CodeTokenizer() {
    this(DEFAULT_MAX_TOKEN_LENGTH);
  }

  /**
   * A tokenizer cutting tokens longer than {@code maxTokenLength} chars.
   *
   * @throws IllegalArgumentException naming {@code maxTokenLength} when it is not in [1, 2^20]
   */
  public CodeTokenizer(int maxTokenLength) {
    checkArgument(
        maxTokenLength >= 1 && maxTokenLength <= MAX_TOKEN_LENGTH_LIMIT,
        "maxTokenLength must be in [1, %s]: %s",
        MAX_TOKEN_LENGTH_LIMIT,
        maxTokenLength);
    this.maxTokenLength = maxTokenLength;
  }

  public int maxTokenLength() {
    return maxTokenLength;
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    while (true) {
      if (commentWordsEnd >= 0) {
        if (nextCommentWord()) {
          return true;
        }
        pos = commentResume;
        commentWordsEnd = -1;
        commentResume = -1;
      }
      while (pos < length && isSpace(Character.codePointAt(text, pos, length))) {
        pos += Character.charCount(Character.codePointAt(text, pos, length));
      }
      if (pos >= length) {
        return false;
      }
      if (literalClose < 0 && enterComment()) {
        continue;
      }
      int cp = Character.codePointAt(text, pos, length);
      int start = pos;
      if (isIdentifierStart(cp)) {
        pos += Character.charCount(cp);
        while (pos < length && pos - start < maxTokenLength) {
          int c = Character.codePointAt(text, pos, length);
          if (!isIdentifierPart(c) || pos + Character.charCount(c) - start > maxTokenLength) {
            break;
          }
          pos += Character.charCount(c);
        }
        return emit(start, TYPE_IDENTIFIER);
      }
      if (Character.isDigit(cp)) {
        scanNumber(start);
        return emit(start, TYPE_NUMBER);
      }
      if (cp == '"' || cp == '\'' || cp == '`') {
        if (pos == literalClose) {
          literalClose = -1;
        } else if (literalClose < 0) {
          literalClose = findClosingQuote((char) cp, pos + 1);
        }
        pos++;
        return emit(start, TYPE_OPERATOR);
      }
      pos += operatorLength(cp);
      return emit(start, TYPE_OPERATOR);
    }
  }

  private boolean emit(int start, String tokenType) {
    term.copyBuffer(text, start, pos - start);
    offset.setOffset(correctOffset(start), correctOffset(pos));
    type.setType(tokenType);
    return true;
  }

  /** Emits the next word before {@code commentWordsEnd}; false when there is none. */
  private boolean nextCommentWord() {
    while (pos < commentWordsEnd && !isWordPart(Character.codePointAt(text, pos, commentWordsEnd))) {
      pos += Character.charCount(Character.codePointAt(text, pos, commentWordsEnd));
    }
    if (pos >= commentWordsEnd) {
      return false;
    }
    int start = pos;
    while (pos < commentWordsEnd) {
      int c = Character.codePointAt(text, pos, commentWordsEnd);
      if (!isWordPart(c) || pos + Character.charCount(c) - start > maxTokenLength) {
        break;
      }
      pos += Character.charCount(c);
    }
    return emit(start, TYPE_COMMENT_WORD);
  }

  /** Enters a comment starting at {@code pos}, if one does. */
  private boolean enterComment() {
    char c = text[pos];
    char next = pos + 1 < length ? text[pos + 1] : 0;
    if (c == '#' || (c == '/' && next == '/')) {
      int end = pos;
      while (end < length && text[end] != '\n' && text[end] != '\r') {
        end++;
      }
      pos += c == '#' ? 1 : 2;
      commentWordsEnd = end;
      commentResume = end;
      return true;
    }
    if (c == '/' && next == '*') {
      int end = pos + 2;
      while (end + 1 < length && !(text[end] == '*' && text[end + 1] == '/')) {
        end++;
      }
      pos += 2;
      if (end + 1 < length) {
        commentWordsEnd = end;
        commentResume = end + 2;
      } else {
        commentWordsEnd = length;
        commentResume = length;
      }
      return true;
    }
    return false;
  }

  /** The index of the quote closing one at {@code from - 1} on the same line, or -1. */
  private int findClosingQuote(char quote, int from) {
    for (int i = from; i < length; i++) {
      char c = text[i];
      if (c == '\n' || c == '\r') {
        return -1;
      }
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private void scanNumber(int start) {
    boolean hex =
        text[start] == '0' && start + 1 < length && (text[start + 1] == 'x' || text[start + 1] == 'X');
    pos += Character.charCount(Character.codePointAt(text, pos, length));
    while (pos < length && pos - start < maxTokenLength) {
      char c = text[pos];
      char prev = text[pos - 1];
      boolean nextIsDigit = pos + 1 < length && text[pos + 1] >= '0' && text[pos + 1] <= '9';
      if (c == '.' && nextIsDigit && prev != '.') {
        pos++;
      } else if ((c == '+' || c == '-') && (prev == 'e' || prev == 'E') && !hex && nextIsDigit) {
        pos++;
      } else {
        int cp = Character.codePointAt(text, pos, length);
        if (!(Character.isLetterOrDigit(cp) || cp == '_')
            || pos + Character.charCount(cp) - start > maxTokenLength) {
          return;
        }
        pos += Character.charCount(cp);
      }
    }
  }

  private int operatorLength(int cp) {
    for (char[] op : OPERATORS) {
      if (pos + op.length <= length && Arrays.equals(text, pos, pos + op.length, op, 0, op.length)) {
        return op.length;
      }
    }
    return Character.charCount(cp);
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static boolean isIdentifierStart(int cp) {
    return Character.isLetter(cp) || cp == '_' || cp == '$';
  }

  private static boolean isIdentifierPart(int cp) {
    if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '$') {
      return true;
    }
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isWordPart(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '_';
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    length = 0;
    while (true) {
      if (length == text.length) {
        text = Arrays.copyOf(text, text.length * 2);
      }
      int n = input.read(text, length, text.length - length);
      if (n < 0) {
        break;
      }
      length += n;
    }
    pos = 0;
    commentWordsEnd = -1;
    commentResume = -1;
    literalClose = -1;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(length);
    offset.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void close() throws IOException {
    super.close();
    if (text.length > RETAINED_BUFFER_CHARS) {
      text = new char[4096];
    }
    length = 0;
  }
}
