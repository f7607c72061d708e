package org.provenant.dedup.analysis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Defines the shingles of a document that has fewer tokens than the shingle size: one shingle made
 * of all its tokens, joined by {@link ShingleFilter#DEFAULT_TOKEN_SEPARATOR}.
 *
 * <p>It follows a {@link ShingleFilter} configured with {@code setOutputUnigrams(false)} and
 * {@code setOutputUnigramsIfNoShingles(true)}: such a filter emits shingles (type {@link
 * ShingleFilter#DEFAULT_TOKEN_TYPE}) when the input is long enough and the bare unigrams
 * otherwise. When the first token is not a shingle this filter joins all the unigrams into one
 * token of the shingle type; otherwise it passes tokens through unchanged. So "hello world" with
 * 5-word shingles has exactly one shingle, {@code "hello world"}, and differs from "world hello";
 * a document without tokens has no shingle.
 */
public final class ShortInputShingleFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);
  private final StringBuilder joined = new StringBuilder();
  private boolean first = true;
  private boolean done = false;

  /** Wraps the output of a shingle filter as described in the class javadoc. */
  public ShortInputShingleFilter(TokenStream shingles) {
    super(requireNonNull(shingles, "shingles"));
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (done || !input.incrementToken()) {
      return false;
    }
    if (!first) {
      return true;
    }
    first = false;
    if (ShingleFilter.DEFAULT_TOKEN_TYPE.equals(type.type())) {
      return true;
    }
    joined.setLength(0);
    joined.append(term);
    int start = offset.startOffset();
    int end = offset.endOffset();
    while (input.incrementToken()) {
      joined.append(ShingleFilter.DEFAULT_TOKEN_SEPARATOR).append(term);
      end = offset.endOffset();
    }
    done = true;
    clearAttributes();
    term.setEmpty().append(joined);
    type.setType(ShingleFilter.DEFAULT_TOKEN_TYPE);
    offset.setOffset(start, end);
    posInc.setPositionIncrement(1);
    posLen.setPositionLength(1);
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    first = true;
    done = false;
    joined.setLength(0);
  }
}
