package org.provenant.dedup.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Turns prose (web pages, text datasets) into word shingles for near-duplicate detection.
 *
 * <p>Chain: {@link StandardTokenizer} (Unicode word boundaries, punctuation dropped, max token
 * length {@value #DEFAULT_MAX_TOKEN_LENGTH}) → {@link LowerCaseFilter} → optional {@link
 * ASCIIFoldingFilter} → {@code ShingleFilter(n, n)} without unigrams → {@link
 * ShortInputShingleFilter}. Tokens of a shingle are joined by one space, so "The quick brown fox
 * jumps over" gives {@code "the quick brown fox jumps"} and {@code "quick brown fox jumps over"}.
 *
 * <p>Build one per worker and close it when done; it is thread-safe like every Lucene analyzer.
 */
public final class TextShingleAnalyzer extends Analyzer {
  /** Words per shingle: 5, the common choice for web text (Broder; datatrove; FineWeb). */
  public static final int DEFAULT_SHINGLE_SIZE = 5;

  /** Accents are folded by default, so "café" and "cafe" are the same word. */
  public static final boolean DEFAULT_ASCII_FOLDING = true;

  /** Longer words are split, as {@link StandardTokenizer} does by default. */
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 255;

  private final int shingleSize;
  private final boolean asciiFolding;

  /** An analyzer with the default settings. */
  public TextShingleAnalyzer() {
    this(DEFAULT_SHINGLE_SIZE, DEFAULT_ASCII_FOLDING);
  }

  /**
   * An analyzer making shingles of {@code shingleSize} words (1 to 32; 1 means single words).
   *
   * @throws IllegalArgumentException naming {@code shingleSize} when it is out of range
   */
  public TextShingleAnalyzer(int shingleSize, boolean asciiFolding) {
    this.shingleSize = Shingling.checkShingleSize(shingleSize);
    this.asciiFolding = asciiFolding;
  }

  public int shingleSize() {
    return shingleSize;
  }

  public boolean asciiFolding() {
    return asciiFolding;
  }

  /**
   * The same chain without the shingle stage: the lowercased (and folded) words that shingles are
   * made of, for {@link ShingleHasher}. Close it when done.
   */
  public static Analyzer wordAnalyzer(boolean asciiFolding) {
    return new WordAnalyzer(asciiFolding);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = newTokenizer();
    return new TokenStreamComponents(
        tokenizer, Shingling.shingles(words(tokenizer, asciiFolding), shingleSize));
  }

  private static StandardTokenizer newTokenizer() {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setMaxTokenLength(DEFAULT_MAX_TOKEN_LENGTH);
    return tokenizer;
  }

  private static TokenStream words(StandardTokenizer tokenizer, boolean asciiFolding) {
    TokenStream stream = new LowerCaseFilter(tokenizer);
    return asciiFolding ? new ASCIIFoldingFilter(stream) : stream;
  }

  /** The chain up to, not including, the shingle stage. */
  private static final class WordAnalyzer extends Analyzer {
    private final boolean asciiFolding;

    WordAnalyzer(boolean asciiFolding) {
      this.asciiFolding = asciiFolding;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer tokenizer = newTokenizer();
      return new TokenStreamComponents(tokenizer, words(tokenizer, asciiFolding));
    }
  }

  @Override
  public String toString() {
    return "TextShingleAnalyzer{shingleSize=" + shingleSize + ", asciiFolding=" + asciiFolding + "}";
  }
}
