package org.provenant.dedup.minhash;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.provenant.dedup.analysis.CodeShingleAnalyzer;
import org.provenant.dedup.analysis.CodeTokenizer;
import org.provenant.dedup.analysis.ShingleHasher;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.analysis.Shingles;
import org.provenant.dedup.analysis.TextShingleAnalyzer;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;

/**
 * Computes MinHash signatures and shingle sets of documents: {@link Kind#CODE} documents through
 * the {@link CodeShingleAnalyzer} chain, all others through the {@link TextShingleAnalyzer}
 * chain, then the configured {@link MinHashScheme}.
 *
 * <p>For {@link MinHashScheme#PERMUTATIONS} and {@link MinHashScheme#ONE_PERMUTATION} the shingle hashes come from {@link ShingleHasher}
 * over the chain's tokens (equal to hashing the {@code ShingleFilter} output, 1.3x to 1.9x faster
 * end to end); for {@link MinHashScheme#LUCENE_MIN_HASH_FILTER} the full chain with {@code
 * ShingleFilter} feeds {@code MinHashFilter}.
 *
 * <p>Holds Lucene analyzers: build one per worker from {@link SignatureSettings#newSigner()}, use
 * it from any number of threads, close it at teardown.
 */
public final class MinHashSigner implements Closeable {
  private final SignatureSettings settings;
  private final Analyzer textShingles;
  private final Analyzer codeShingles;
  private final Analyzer textWords;
  private final Analyzer codeTokens;
  private final PermutationMinHash permutations;
  private final OnePermutationMinHash onePermutation;
  private final LuceneMinHash lucene;
  private final Analyzer luceneText;
  private final Analyzer luceneCode;

  MinHashSigner(SignatureSettings settings) {
    this.settings = requireNonNull(settings, "settings");
    this.textShingles =
        new TextShingleAnalyzer(settings.textShingleSize(), settings.asciiFolding());
    this.codeShingles =
        new CodeShingleAnalyzer(settings.codeShingleSize(), CodeTokenizer.DEFAULT_MAX_TOKEN_LENGTH);
    this.textWords = TextShingleAnalyzer.wordAnalyzer(settings.asciiFolding());
    this.codeTokens = CodeShingleAnalyzer.tokenAnalyzer(CodeTokenizer.DEFAULT_MAX_TOKEN_LENGTH);
    this.permutations = settings.scheme() == MinHashScheme.PERMUTATIONS
        ? new PermutationMinHash(settings.numHashes(), settings.seed()) : null;
    this.onePermutation = settings.scheme() == MinHashScheme.ONE_PERMUTATION
        ? new OnePermutationMinHash(settings.numHashes(), settings.seed()) : null;
    if (settings.scheme() != MinHashScheme.LUCENE_MIN_HASH_FILTER) {
      this.lucene = null;
      this.luceneText = null;
      this.luceneCode = null;
    } else {
      this.lucene = new LuceneMinHash(settings.numHashes());
      this.luceneText = lucene.wrap(textShingles);
      this.luceneCode = lucene.wrap(codeShingles);
    }
  }

  public SignatureSettings settings() {
    return settings;
  }

  /** The signature of {@code document}'s text, analysed according to its kind. */
  public MinHashSignature sign(Document document) {
    requireNonNull(document, "document");
    return sign(document.kind(), document.text());
  }

  /** The signature of {@code text} analysed as {@code kind}. */
  public MinHashSignature sign(Kind kind, String text) {
    requireNonNull(kind, "kind");
    requireNonNull(text, "text");
    if (lucene != null) {
      return lucene.sign(kind == Kind.CODE ? luceneCode : luceneText, text);
    }
    if (onePermutation != null) {
      OnePermutationMinHash.Accumulator acc = onePermutation.newAccumulator();
      hashShingles(kind, text, acc);
      return acc.signature();
    }
    PermutationMinHash.Accumulator acc = permutations.newAccumulator();
    hashShingles(kind, text, acc);
    return acc.signature();
  }

  private void hashShingles(Kind kind, String text, java.util.function.LongConsumer acc) {
    try (TokenStream ts = tokenAnalyzer(kind).tokenStream(Shingles.FIELD, text)) {
      new ShingleHasher(shingleSize(kind)).hashShingles(ts, acc);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  /** A signature together with the shingle set it was computed from. */
  public record Signed(MinHashSignature signature, ShingleSet shingles) {}

  /**
   * The signature and the shingle set of {@code text} from one analysis pass (the permutation
   * scheme signs the set; the Lucene scheme needs its own pass), for exact verification.
   */
  public Signed signWithShingles(Kind kind, String text) {
    ShingleSet set = shingles(kind, text);
    if (lucene != null) {
      return new Signed(sign(kind, text), set);
    }
    return new Signed(onePermutation != null ? onePermutation.sign(set) : permutations.sign(set), set);
  }

  /** The shingle hash set of {@code text} analysed as {@code kind}, for exact Jaccard. */
  public ShingleSet shingles(Kind kind, String text) {
    requireNonNull(kind, "kind");
    return new ShingleHasher(shingleSize(kind)).shingleSet(tokenAnalyzer(kind), text);
  }

  /** The full shingle analyzer (with {@code ShingleFilter}) used for {@code kind}. */
  public Analyzer shingleAnalyzer(Kind kind) {
    return requireNonNull(kind, "kind") == Kind.CODE ? codeShingles : textShingles;
  }

  private Analyzer tokenAnalyzer(Kind kind) {
    return kind == Kind.CODE ? codeTokens : textWords;
  }

  private int shingleSize(Kind kind) {
    return kind == Kind.CODE ? settings.codeShingleSize() : settings.textShingleSize();
  }

  @Override
  public void close() {
    if (luceneText != null) {
      luceneText.close();
      luceneCode.close();
    }
    textShingles.close();
    codeShingles.close();
    textWords.close();
    codeTokens.close();
  }
}
