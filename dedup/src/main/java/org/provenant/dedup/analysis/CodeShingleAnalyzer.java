package org.provenant.dedup.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import org.apache.lucene.analysis.Analyzer;

/**
 * Turns source code into token shingles for near-duplicate detection: {@link CodeTokenizer}
 * (identifiers, numbers, operators, comment words; case kept) → {@code ShingleFilter(n, n)}
 * without unigrams → {@link ShortInputShingleFilter}. So {@code int x = a->b;} with 5-token
 * shingles gives {@code "int x = a ->"}, {@code "x = a -> b"} and {@code "= a -> b ;"}.
 *
 * <p>Build one per worker and close it when done; it is thread-safe like every Lucene analyzer.
 */
public final class CodeShingleAnalyzer extends Analyzer {
  /**
   * Tokens per shingle: 5, as for text. Code tokens are shorter than words (an operator is a
   * token), so a 5-token code shingle is more common than a 5-word one; measure before lowering.
   */
  public static final int DEFAULT_SHINGLE_SIZE = 5;

  private final int shingleSize;
  private final int maxTokenLength;

  /** An analyzer with the default settings. */
  public CodeShingleAnalyzer() {
    this(DEFAULT_SHINGLE_SIZE, CodeTokenizer.DEFAULT_MAX_TOKEN_LENGTH);
  }

  /**
   * An analyzer making shingles of {@code shingleSize} tokens (1 to 32).
   *
   * @throws IllegalArgumentException naming {@code shingleSize} or {@code maxTokenLength} when out
   *     of range
   */
  public CodeShingleAnalyzer(int shingleSize, int maxTokenLength) {
    this.shingleSize = Shingling.checkShingleSize(shingleSize);
    checkMaxTokenLength(maxTokenLength);
    this.maxTokenLength = maxTokenLength;
  }

  public int shingleSize() {
    return shingleSize;
  }

  /**
   * The same chain without the shingle stage: the bare {@link CodeTokenizer} tokens, for {@link
   * ShingleHasher}. Close it when done.
   */
  public static Analyzer tokenAnalyzer(int maxTokenLength) {
    checkMaxTokenLength(maxTokenLength);
    return new TokenAnalyzer(maxTokenLength);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    CodeTokenizer tokenizer = new CodeTokenizer(maxTokenLength);
    return new TokenStreamComponents(tokenizer, Shingling.shingles(tokenizer, shingleSize));
  }

  private static void checkMaxTokenLength(int maxTokenLength) {
    checkArgument(
        maxTokenLength >= 1 && maxTokenLength <= CodeTokenizer.MAX_TOKEN_LENGTH_LIMIT,
        "maxTokenLength must be in [1, %s]: %s",
        CodeTokenizer.MAX_TOKEN_LENGTH_LIMIT,
        maxTokenLength);
  }

  /** The tokenizer alone. */
  private static final class TokenAnalyzer extends Analyzer {
    private final int maxTokenLength;

    TokenAnalyzer(int maxTokenLength) {
      this.maxTokenLength = maxTokenLength;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      return new TokenStreamComponents(new CodeTokenizer(maxTokenLength));
    }
  }

  @Override
  public String toString() {
    return "CodeShingleAnalyzer{shingleSize=" + shingleSize + "}";
  }
}
