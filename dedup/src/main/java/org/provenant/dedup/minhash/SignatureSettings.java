package org.provenant.dedup.minhash;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Objects;
import org.provenant.dedup.analysis.CodeShingleAnalyzer;
import org.provenant.dedup.analysis.TextShingleAnalyzer;

/**
 * Everything that determines a document's MinHash signature: shingle sizes for text and code,
 * accent folding, the MinHash scheme, the number of values and the seed. Two signatures are
 * comparable only when they were made with equal settings. Immutable and serialisable, so it can
 * be shipped to workers, which call {@link #newSigner()} once each (e.g. in {@code @Setup}).
 *
 * <p>{@code withX} methods check their one value and return a changed copy; call order does not
 * matter.
 */
public final class SignatureSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One-permutation hashing with optimal densification ({@link MinHashScheme#ONE_PERMUTATION}) by
   * default since stop 10: signing costs O(n + k) instead of O(n·k), and in the near-dedup pipeline
   * it gave the same kept documents, clusters and quality figures as {@link
   * MinHashScheme#PERMUTATIONS} on the synthetic 20k corpus and the Maven-versions corpus (with
   * exact verification; 14% more refuted candidates on the Maven corpus), for 10% less CPU in the
   * whole run ({@code bench/RESULTS.md}).
   *
   * <p>Single thread, documents per second ({@code SignatureBench}, JMH, one noisy run):
   *
   * <pre>
   *   size     one-permutation   own 128-permutation loop   MinHashFilter (+ ShingleFilter)
   *   1 KB         19,067               8,701                     6,200 (older run)
   *   10 KB         1,840                 985                       890 (older run)
   * </pre>
   *
   * What remains of the cost is tokenising and shingle hashing. Lucene's {@code MinHashFilter}
   * ({@link MinHashScheme#LUCENE_MIN_HASH_FILTER}) is one-permutation hashing too but fills empty
   * buckets by rotation, and allocates a {@code String}, a byte array and a {@code TreeSet} entry
   * per shingle; on 300-character documents rotation produced 57% more candidate pairs and
   * precision 0.84 instead of 0.89 with estimated verification ({@code QualityProbe}), which
   * optimal densification avoids.
   */
  public static final MinHashScheme DEFAULT_SCHEME = MinHashScheme.ONE_PERMUTATION;

  /** Signature length: 128 (datatrove's default is 14 x 8 = 112); see {@code LshBanding}. */
  public static final int DEFAULT_NUM_HASHES = PermutationMinHash.DEFAULT_NUM_HASHES;

  private static final SignatureSettings DEFAULTS =
      new SignatureSettings(
          TextShingleAnalyzer.DEFAULT_SHINGLE_SIZE,
          CodeShingleAnalyzer.DEFAULT_SHINGLE_SIZE,
          TextShingleAnalyzer.DEFAULT_ASCII_FOLDING,
          DEFAULT_SCHEME,
          DEFAULT_NUM_HASHES,
          PermutationMinHash.DEFAULT_SEED);

  private final int textShingleSize;
  private final int codeShingleSize;
  private final boolean asciiFolding;
  private final MinHashScheme scheme;
  private final int numHashes;
  private final long seed;

  private SignatureSettings(
      int textShingleSize,
      int codeShingleSize,
      boolean asciiFolding,
      MinHashScheme scheme,
      int numHashes,
      long seed) {
    checkArgument(
        textShingleSize >= 1 && textShingleSize <= 32,
        "textShingleSize must be in [1, 32]: %s",
        textShingleSize);
    checkArgument(
        codeShingleSize >= 1 && codeShingleSize <= 32,
        "codeShingleSize must be in [1, 32]: %s",
        codeShingleSize);
    checkArgument(
        numHashes >= 1 && numHashes <= PermutationMinHash.MAX_NUM_HASHES,
        "numHashes must be in [1, %s]: %s",
        PermutationMinHash.MAX_NUM_HASHES,
        numHashes);
    this.textShingleSize = textShingleSize;
    this.codeShingleSize = codeShingleSize;
    this.asciiFolding = asciiFolding;
    this.scheme = requireNonNull(scheme, "scheme");
    this.numHashes = numHashes;
    this.seed = seed;
  }

  /** 5-word text shingles, 5-token code shingles, accents folded, one-permutation MinHash of 128 bins. */
  public static SignatureSettings defaults() {
    return DEFAULTS;
  }

  public SignatureSettings withTextShingleSize(int n) {
    return new SignatureSettings(n, codeShingleSize, asciiFolding, scheme, numHashes, seed);
  }

  public SignatureSettings withCodeShingleSize(int n) {
    return new SignatureSettings(textShingleSize, n, asciiFolding, scheme, numHashes, seed);
  }

  public SignatureSettings withAsciiFolding(boolean on) {
    return new SignatureSettings(textShingleSize, codeShingleSize, on, scheme, numHashes, seed);
  }

  public SignatureSettings withScheme(MinHashScheme s) {
    return new SignatureSettings(textShingleSize, codeShingleSize, asciiFolding, s, numHashes, seed);
  }

  /** Signature length; the bucket count for {@link MinHashScheme#LUCENE_MIN_HASH_FILTER}. */
  public SignatureSettings withNumHashes(int k) {
    return new SignatureSettings(textShingleSize, codeShingleSize, asciiFolding, scheme, k, seed);
  }

  /** Seed of {@link PermutationMinHash} and {@link OnePermutationMinHash}; the Lucene scheme has fixed seeds and ignores it. */
  public SignatureSettings withSeed(long s) {
    return new SignatureSettings(textShingleSize, codeShingleSize, asciiFolding, scheme, numHashes, s);
  }

  public int textShingleSize() {
    return textShingleSize;
  }

  public int codeShingleSize() {
    return codeShingleSize;
  }

  public boolean asciiFolding() {
    return asciiFolding;
  }

  public MinHashScheme scheme() {
    return scheme;
  }

  public int numHashes() {
    return numHashes;
  }

  public long seed() {
    return seed;
  }

  /** A signer with these settings; build one per worker and close it. */
  public MinHashSigner newSigner() {
    return new MinHashSigner(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignatureSettings s
        && s.textShingleSize == textShingleSize
        && s.codeShingleSize == codeShingleSize
        && s.asciiFolding == asciiFolding
        && s.scheme == scheme
        && s.numHashes == numHashes
        && s.seed == seed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(textShingleSize, codeShingleSize, asciiFolding, scheme, numHashes, seed);
  }

  @Override
  public String toString() {
    return "SignatureSettings{textShingleSize=" + textShingleSize
        + ", codeShingleSize=" + codeShingleSize
        + ", asciiFolding=" + asciiFolding
        + ", scheme=" + scheme.code()
        + ", numHashes=" + numHashes
        + ", seed=" + seed + "}";
  }
}
