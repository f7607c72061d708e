package org.provenant.dedup.analysis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Computes the {@link ShingleHash}es of a document's shingles straight from its token stream
 * (before shingling), hashing each window of n tokens where they lie, space-joined, in one buffer
 * of the document's tokens: the same values, in the same order,
 * as running the stream through {@code ShingleFilter(n, n)} and {@link ShortInputShingleFilter}
 * and hashing each shingle (a test checks this on random texts and code), without {@code
 * ShingleFilter}'s per-token attribute state captures and restores: on one core, shingle sets of
 * 1 KB / 10 KB / 100 KB texts took 79 / 715 / 7,800 µs through {@code ShingleFilter} and 42 / 446 /
 * 5,100 µs with the ring of tokens this class first used (1.5x to 1.9x faster); hashing windows in
 * place made one-permutation signing (tokens, shingles, signature) about 1.7x faster again.
 *
 * <p>The stream must have position increments of 1 (no gaps), as the tokenizers of {@link
 * TextShingleAnalyzer} and {@link CodeShingleAnalyzer} do; {@code ShingleFilter} would insert
 * filler tokens at gaps, which this class refuses rather than imitates. Not thread-safe (it reuses
 * its buffers): one per thread.
 */
public final class ShingleHasher {
  private static final char SEPARATOR = ShingleFilter.DEFAULT_TOKEN_SEPARATOR.charAt(0);

  /** Largest token buffer kept between documents. */
  private static final int MAX_KEPT_CHARS = 1 << 20;

  private final int shingleSize;
  /** The document's tokens so far, each followed by the separator. */
  private char[] joined = new char[4096];
  /** Where each token starts in {@link #joined}. */
  private int[] starts = new int[512];

  /**
   * A hasher of shingles of {@code shingleSize} tokens (1 to 32).
   *
   * @throws IllegalArgumentException naming {@code shingleSize} when out of range
   */
  public ShingleHasher(int shingleSize) {
    this.shingleSize = Shingling.checkShingleSize(shingleSize);
  }

  public int shingleSize() {
    return shingleSize;
  }

  /**
   * Passes the hash of each shingle of {@code tokens} to {@code sink}, in order; the stream is
   * reset, consumed and ended here and closed by the caller.
   *
   * @return the number of shingles
   * @throws IllegalArgumentException when a token has a position increment other than 1
   */
  public int hashShingles(TokenStream tokens, LongConsumer sink) throws IOException {
    requireNonNull(tokens, "tokens");
    requireNonNull(sink, "sink");
    CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute posInc = tokens.addAttribute(PositionIncrementAttribute.class);
    int seen = 0;
    int shingles = 0;
    int end = 0;
    tokens.reset();
    while (tokens.incrementToken()) {
      if (posInc.getPositionIncrement() != 1) {
        throw new IllegalArgumentException(
            "token stream has a position gap (increment " + posInc.getPositionIncrement()
                + ") at token " + seen + "; shingle hashing needs increments of 1");
      }
      int len = term.length();
      if (joined.length < end + len + 1) {
        joined = Arrays.copyOf(joined, Math.max(end + len + 1, 2 * joined.length));
      }
      if (starts.length == seen + 1) {
        starts = Arrays.copyOf(starts, 2 * starts.length);
      }
      starts[seen] = end;
      System.arraycopy(term.buffer(), 0, joined, end, len);
      end += len;
      joined[end++] = SEPARATOR;
      seen++;
      if (seen >= shingleSize) {
        // the window's tokens and the separators between them, already in place
        int from = starts[seen - shingleSize];
        sink.accept(ShingleHash.of(joined, from, end - 1 - from));
        shingles++;
      }
    }
    tokens.end();
    if (seen > 0 && seen < shingleSize) {
      sink.accept(ShingleHash.of(joined, 0, end - 1));
      shingles++;
    }
    if (joined.length > MAX_KEPT_CHARS) {
      joined = new char[4096]; // one huge document does not pin its buffer for the thread's life
      starts = new int[512];
    }
    return shingles;
  }

  /** The shingle set of {@code text} through {@code tokenAnalyzer} (a chain without shingles). */
  public ShingleSet shingleSet(Analyzer tokenAnalyzer, String text) {
    requireNonNull(tokenAnalyzer, "tokenAnalyzer");
    requireNonNull(text, "text");
    HashBuffer buffer = new HashBuffer();
    try (TokenStream ts = tokenAnalyzer.tokenStream(Shingles.FIELD, text)) {
      hashShingles(ts, buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
    return ShingleSet.ofOwned(buffer.hashes, buffer.count);
  }

  /** A growable array of hashes. */
  private static final class HashBuffer implements LongConsumer {
    long[] hashes = new long[64];
    int count;

    @Override
    public void accept(long hash) {
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, 2 * count);
      }
      hashes[count++] = hash;
    }
  }
}
