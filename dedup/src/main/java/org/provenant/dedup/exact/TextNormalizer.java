package org.provenant.dedup.exact;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Normalises text before it is hashed for exact deduplication, so that two documents that differ
 * only in invisible ways (compatibility characters, runs of spaces, optionally case and punctuation)
 * get the same {@link ExactKey}.
 *
 * <p>Steps, always applied in this order whatever order the settings were given in:
 *
 * <ol>
 *   <li>Unicode normalisation ({@link #DEFAULT_UNICODE_FORM NFKC} by default): ligatures, full-width
 *       forms, non-breaking spaces and the like become their plain equivalents;
 *   <li>lowercasing with {@link Locale#ROOT} (off by default);
 *   <li>deleting punctuation, i.e. every code point of a Unicode {@code P*} category (off by
 *       default; {@code "don't"} becomes {@code "dont"});
 *   <li>whitespace collapse (on by default): every run of whitespace ({@link
 *       Character#isWhitespace} or {@link Character#isSpaceChar}) becomes one {@code ' '} and
 *       leading and trailing whitespace is removed.
 * </ol>
 *
 * <p>Immutable and serialisable; {@code withX} methods return a changed copy.
 */
public final class TextNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Unicode normalisation form applied first: NFKC folds compatibility characters. */
  public static final Normalizer.Form DEFAULT_UNICODE_FORM = Normalizer.Form.NFKC;

  /**
   * Lowercasing is off by default: exact dedup removes documents outright, so case differences
   * (e.g. an all-caps copy) are left to near-duplicate detection, whose analyzers lowercase.
   */
  public static final boolean DEFAULT_LOWERCASE = false;

  /** Whitespace runs collapse to one space by default (re-wrapped copies are duplicates). */
  public static final boolean DEFAULT_COLLAPSE_WHITESPACE = true;

  /** Punctuation is kept by default. */
  public static final boolean DEFAULT_STRIP_PUNCTUATION = false;

  private static final TextNormalizer DEFAULTS =
      new TextNormalizer(
          DEFAULT_UNICODE_FORM, DEFAULT_LOWERCASE, DEFAULT_COLLAPSE_WHITESPACE,
          DEFAULT_STRIP_PUNCTUATION);

  /** Null when Unicode normalisation is off. */
  private final Normalizer.Form unicodeForm;
  private final boolean lowercase;
  private final boolean collapseWhitespace;
  private final boolean stripPunctuation;

  private TextNormalizer(
      Normalizer.Form unicodeForm,
      boolean lowercase,
      boolean collapseWhitespace,
      boolean stripPunctuation) {
    this.unicodeForm = unicodeForm;
    this.lowercase = lowercase;
    this.collapseWhitespace = collapseWhitespace;
    this.stripPunctuation = stripPunctuation;
  }

  /** NFKC, case kept, whitespace collapsed, punctuation kept. */
  public static TextNormalizer defaults() {
    return DEFAULTS;
  }

  /** This normaliser applying {@code form} (NFC, NFD, NFKC or NFKD) first. */
  public TextNormalizer withUnicodeForm(Normalizer.Form form) {
    requireNonNull(form, "unicodeForm must not be null; use withoutUnicodeNormalization()");
    return new TextNormalizer(form, lowercase, collapseWhitespace, stripPunctuation);
  }

  /** This normaliser without the Unicode normalisation step. */
  public TextNormalizer withoutUnicodeNormalization() {
    return new TextNormalizer(null, lowercase, collapseWhitespace, stripPunctuation);
  }

  /** This normaliser with lowercasing on or off. */
  public TextNormalizer withLowercase(boolean on) {
    return new TextNormalizer(unicodeForm, on, collapseWhitespace, stripPunctuation);
  }

  /** This normaliser with whitespace collapse on or off. */
  public TextNormalizer withCollapseWhitespace(boolean on) {
    return new TextNormalizer(unicodeForm, lowercase, on, stripPunctuation);
  }

  /** This normaliser with punctuation deletion on or off. */
  public TextNormalizer withStripPunctuation(boolean on) {
    return new TextNormalizer(unicodeForm, lowercase, collapseWhitespace, on);
  }

  /** The Unicode normalisation form, empty when that step is off. */
  public Optional<Normalizer.Form> unicodeForm() {
    return Optional.ofNullable(unicodeForm);
  }

  public boolean lowercase() {
    return lowercase;
  }

  public boolean collapseWhitespace() {
    return collapseWhitespace;
  }

  public boolean stripPunctuation() {
    return stripPunctuation;
  }

  /** The normalised form of {@code text}. */
  public String normalize(String text) {
    requireNonNull(text, "text");
    String s = unicodeForm == null ? text : Normalizer.normalize(text, unicodeForm);
    if (lowercase) {
      s = s.toLowerCase(Locale.ROOT);
    }
    if (!stripPunctuation && !collapseWhitespace) {
      return s;
    }
    // one pass over the chars into a char array: a text with any non-Latin-1 character is a
    // UTF-16 String, whose charAt and StringBuilder appends cost a bounds check each
    char[] in = s.toCharArray();
    char[] out = new char[in.length];
    int len = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < in.length; ) {
      char c = in[i];
      if (c < 128) {
        // ASCII, most of most texts: the same answers as the code-point path below, without its
        // per-character Unicode table lookups
        i++;
        if (collapseWhitespace && (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f))) {
          pendingSpace = len > 0;
          continue;
        }
        if (stripPunctuation && isPunctuation(c)) {
          continue;
        }
        if (pendingSpace) {
          out[len++] = ' ';
          pendingSpace = false;
        }
        out[len++] = c;
        continue;
      }
      int cp = Character.codePointAt(in, i);
      int width = Character.charCount(cp);
      if (stripPunctuation && isPunctuation(cp)) {
        i += width;
        continue;
      }
      if (collapseWhitespace && (Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
        pendingSpace = len > 0;
        i += width;
        continue;
      }
      if (pendingSpace) {
        out[len++] = ' ';
        pendingSpace = false;
      }
      // the output never outgrows the input: a space is only added before a character that
      // replaces at least one removed whitespace character
      out[len++] = in[i];
      if (width == 2) {
        out[len++] = in[i + 1];
      }
      i += width;
    }
    return new String(out, 0, len);
  }

  private static boolean isPunctuation(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return true;
      default:
        return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextNormalizer other
        && unicodeForm == other.unicodeForm
        && lowercase == other.lowercase
        && collapseWhitespace == other.collapseWhitespace
        && stripPunctuation == other.stripPunctuation;
  }

  @Override
  public int hashCode() {
    return Objects.hash(unicodeForm, lowercase, collapseWhitespace, stripPunctuation);
  }

  @Override
  public String toString() {
    return "TextNormalizer{unicodeForm=" + (unicodeForm == null ? "none" : unicodeForm)
        + ", lowercase=" + lowercase
        + ", collapseWhitespace=" + collapseWhitespace
        + ", stripPunctuation=" + stripPunctuation + "}";
  }
}
