package org.provenant.dedup.analysis;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Reads what a shingle analyzer makes of a text: the shingle texts or their hash set. */
public final class Shingles {
  /** The field name passed to analyzers; the analyzers here ignore it. */
  public static final String FIELD = "text";

  private Shingles() {}

  /** The shingles of {@code text} in order, with repeats (for tests and inspection). */
  public static List<String> texts(Analyzer analyzer, String text) {
    requireNonNull(analyzer, "analyzer");
    requireNonNull(text, "text");
    ImmutableList.Builder<String> out = ImmutableList.builder();
    try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
    return out.build();
  }

  /** The set of {@link ShingleHash} values of the shingles of {@code text}. */
  public static ShingleSet set(Analyzer analyzer, String text) {
    requireNonNull(analyzer, "analyzer");
    requireNonNull(text, "text");
    long[] hashes = new long[64];
    int n = 0;
    try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (n == hashes.length) {
          hashes = Arrays.copyOf(hashes, n * 2);
        }
        hashes[n++] = ShingleHash.of(term.buffer(), 0, term.length());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
    return ShingleSet.ofOwned(hashes, n);
  }
}
