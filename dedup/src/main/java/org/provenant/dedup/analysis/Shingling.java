package org.provenant.dedup.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleFilter;

/** The shingle stage both analyzers end with. */
final class Shingling {
  /** Largest accepted shingle size. */
  static final int MAX_SHINGLE_SIZE = 32;

  private Shingling() {}

  static int checkShingleSize(int shingleSize) {
    checkArgument(
        shingleSize >= 1 && shingleSize <= MAX_SHINGLE_SIZE,
        "shingleSize must be in [1, %s]: %s",
        MAX_SHINGLE_SIZE,
        shingleSize);
    return shingleSize;
  }

  /**
   * {@code tokens} turned into shingles of exactly {@code shingleSize} tokens, or a single shingle
   * of all tokens when there are fewer; size 1 leaves the tokens as they are.
   */
  static TokenStream shingles(TokenStream tokens, int shingleSize) {
    if (shingleSize == 1) {
      return tokens;
    }
    ShingleFilter shingles = new ShingleFilter(tokens, shingleSize, shingleSize);
    shingles.setOutputUnigrams(false);
    shingles.setOutputUnigramsIfNoShingles(true);
    return new ShortInputShingleFilter(shingles);
  }
}
