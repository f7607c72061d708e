package org.provenant.dedup.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** Test helper: every attribute of every token, and the final offset. */
final class Tokens {
  /** One token: term, type, offsets, position increment. */
  record Tok(String term, String type, int start, int end, int posInc) {
    @Override
    public String toString() {
      return term + "|" + type + "|" + start + "-" + end + (posInc == 1 ? "" : "|+" + posInc);
    }
  }

  private Tokens() {}

  static List<Tok> of(Analyzer analyzer, String text) {
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      return read(ts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Tok> of(Tokenizer tokenizer, String text) {
    try {
      tokenizer.setReader(new StringReader(text));
      List<Tok> out = read(tokenizer);
      tokenizer.close();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Terms only, as "term|type" strings. */
  static List<String> termsAndTypes(List<Tok> toks) {
    List<String> out = new ArrayList<>();
    for (Tok t : toks) {
      out.add(t.term() + "|" + t.type());
    }
    return out;
  }

  static List<String> terms(List<Tok> toks) {
    List<String> out = new ArrayList<>();
    for (Tok t : toks) {
      out.add(t.term());
    }
    return out;
  }

  private static List<Tok> read(TokenStream ts) throws IOException {
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    TypeAttribute type = ts.addAttribute(TypeAttribute.class);
    OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
    PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
    List<Tok> out = new ArrayList<>();
    ts.reset();
    while (ts.incrementToken()) {
      out.add(new Tok(term.toString(), type.type(), offset.startOffset(), offset.endOffset(),
          posInc.getPositionIncrement()));
    }
    ts.end();
    return out;
  }
}
