package org.provenant.dedup.minhash;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.provenant.dedup.analysis.Shingles;

/**
 * MinHash signatures from Lucene's {@link MinHashFilter} with one hash function, {@code
 * bucketCount} buckets, one value kept per bucket and rotation: one-permutation hashing, where
 * each shingle's 128-bit murmur3 hash (of its UTF-16LE bytes, seed 0) goes to the bucket given by
 * its top bits and each bucket keeps its minimum; an empty bucket takes the value of the next
 * non-empty one. The signature holds, per bucket in order, the high 64 bits of that minimum.
 *
 * <p>One hash per shingle instead of k, but the filter allocates a {@code String}, a byte array
 * and two objects per shingle and keeps a {@code TreeSet} per bucket; see the dedup throughput
 * benchmark for how that compares with {@link PermutationMinHash}. Deterministic: the filter's
 * hash seeds are constants of Lucene 9.x.
 */
public final class LuceneMinHash implements Serializable {
  private static final long serialVersionUID = 1L;

  /** 128 buckets, so 128 values as for {@link PermutationMinHash#DEFAULT_NUM_HASHES}. */
  public static final int DEFAULT_BUCKET_COUNT = 128;

  /** Largest accepted bucket count. */
  public static final int MAX_BUCKET_COUNT = 8192;

  /** Each minimum is emitted by the filter as 8 chars (128 bits). */
  private static final int TERM_CHARS = 8;

  private final int bucketCount;

  /** {@value #DEFAULT_BUCKET_COUNT} buckets. */
  public LuceneMinHash() {
    this(DEFAULT_BUCKET_COUNT);
  }

  /**
   * Signatures of {@code bucketCount} values.
   *
   * @throws IllegalArgumentException naming {@code bucketCount} when it is not in [1, 8192]
   */
  public LuceneMinHash(int bucketCount) {
    checkArgument(
        bucketCount >= 1 && bucketCount <= MAX_BUCKET_COUNT,
        "bucketCount must be in [1, %s]: %s",
        MAX_BUCKET_COUNT,
        bucketCount);
    this.bucketCount = bucketCount;
  }

  public int bucketCount() {
    return bucketCount;
  }

  /**
   * An analyzer that appends this filter to {@code shingleAnalyzer}'s chain; the filter is then
   * reused per thread like the rest of the chain. Close it along with {@code shingleAnalyzer}.
   */
  public Analyzer wrap(Analyzer shingleAnalyzer) {
    requireNonNull(shingleAnalyzer, "shingleAnalyzer");
    return new MinHashFilterAnalyzer(shingleAnalyzer, bucketCount);
  }

  /** The signature of {@code text} through an analyzer made by {@link #wrap}. */
  public MinHashSignature sign(Analyzer wrapped, String text) {
    requireNonNull(wrapped, "wrapped");
    requireNonNull(text, "text");
    try (TokenStream ts = wrapped.tokenStream(Shingles.FIELD, text)) {
      return read(ts);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  /**
   * The signature carried by the tokens of a stream ending in this filter, which this method
   * resets, consumes and ends.
   *
   * @throws IllegalStateException when the stream does not carry one value per bucket
   */
  public MinHashSignature read(TokenStream minHashTokens) throws IOException {
    CharTermAttribute term = minHashTokens.addAttribute(CharTermAttribute.class);
    long[] values = new long[bucketCount];
    int n = 0;
    minHashTokens.reset();
    while (minHashTokens.incrementToken()) {
      if (n == bucketCount || term.length() != TERM_CHARS) {
        throw new IllegalStateException(
            "not a MinHashFilter(1, " + bucketCount + ", 1, true) stream: token " + n
                + " has " + term.length() + " chars");
      }
      char[] c = term.buffer();
      values[n++] = (long) c[0] << 48 | (long) c[1] << 32 | (long) c[2] << 16 | c[3];
    }
    minHashTokens.end();
    if (n == 0) {
      return MinHashSignature.empty(MinHashScheme.LUCENE_MIN_HASH_FILTER);
    }
    if (n != bucketCount) {
      throw new IllegalStateException("expected " + bucketCount + " minimum values, got " + n);
    }
    return MinHashSignature.wrap(MinHashScheme.LUCENE_MIN_HASH_FILTER, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LuceneMinHash m && m.bucketCount == bucketCount;
  }

  @Override
  public int hashCode() {
    return bucketCount;
  }

  @Override
  public String toString() {
    return "LuceneMinHash{bucketCount=" + bucketCount + "}";
  }

  /** A shingle analyzer's chain followed by {@code MinHashFilter(1, bucketCount, 1, true)}. */
  private static final class MinHashFilterAnalyzer extends AnalyzerWrapper {
    private final Analyzer shingleAnalyzer;
    private final int bucketCount;

    MinHashFilterAnalyzer(Analyzer shingleAnalyzer, int bucketCount) {
      super(Analyzer.GLOBAL_REUSE_STRATEGY);
      this.shingleAnalyzer = shingleAnalyzer;
      this.bucketCount = bucketCount;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return shingleAnalyzer;
    }

    @Override
    protected TokenStreamComponents wrapComponents(
        String fieldName, TokenStreamComponents components) {
      return new TokenStreamComponents(
          components.getSource(),
          new MinHashFilter(components.getTokenStream(), 1, bucketCount, 1, true));
    }
  }
}
