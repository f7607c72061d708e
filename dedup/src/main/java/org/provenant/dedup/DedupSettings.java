package org.provenant.dedup;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.provenant.dedup.cluster.SurvivorRule;
import org.provenant.dedup.exact.TextNormalizer;
import org.provenant.dedup.lsh.LshBanding;
import org.provenant.dedup.lsh.SimilarityVerifier;
import org.provenant.dedup.minhash.SignatureSettings;

/**
 * The one configuration shared by every dedup stage (as datatrove's MinHash stages share one
 * config): exact-key normalisation, signature settings, banding, verification and the survivor
 * rule. Immutable and serialisable, to be shipped to workers.
 *
 * <p>Built whole by {@link #of}, which checks the one cross-setting rule: banding must not use
 * more values than a signature has. {@link #defaults()} is NFKC + whitespace collapse for exact
 * keys; 5-word / 5-token shingles, 128-permutation MinHash; 21 bands x 6 rows; exact Jaccard
 * ≥ 0.8; earliest crawl date, then lowest id.
 */
public final class DedupSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Whether candidates are verified on exact shingle sets instead of signatures by default: yes,
   * since the estimate's spread (about 0.035 at 0.8 with 128 values) costs both recall and
   * precision near the threshold.
   */
  public static final boolean DEFAULT_EXACT_VERIFICATION = true;

  private static final DedupSettings DEFAULTS =
      of(
          TextNormalizer.defaults(),
          SignatureSettings.defaults(),
          new LshBanding(),
          new SimilarityVerifier(),
          DEFAULT_EXACT_VERIFICATION,
          SurvivorRule.defaults());

  private final TextNormalizer normalizer;
  private final SignatureSettings signature;
  private final LshBanding banding;
  private final SimilarityVerifier verifier;
  private final boolean exactVerification;
  private final SurvivorRule survivorRule;

  private DedupSettings(
      TextNormalizer normalizer,
      SignatureSettings signature,
      LshBanding banding,
      SimilarityVerifier verifier,
      boolean exactVerification,
      SurvivorRule survivorRule) {
    this.normalizer = normalizer;
    this.signature = signature;
    this.banding = banding;
    this.verifier = verifier;
    this.exactVerification = exactVerification;
    this.survivorRule = survivorRule;
  }

  /** The defaults listed in the class javadoc. */
  public static DedupSettings defaults() {
    return DEFAULTS;
  }

  /**
   * Settings from their parts.
   *
   * @param exactVerification verify candidates on exact shingle sets (needs both documents' texts
   *     at verification) instead of on signatures
   * @throws IllegalArgumentException naming {@code banding} and {@code numHashes} when {@code bands
   *     * rows} exceeds the signature length
   */
  public static DedupSettings of(
      TextNormalizer normalizer,
      SignatureSettings signature,
      LshBanding banding,
      SimilarityVerifier verifier,
      boolean exactVerification,
      SurvivorRule survivorRule) {
    requireNonNull(normalizer, "normalizer");
    requireNonNull(signature, "signature");
    requireNonNull(banding, "banding");
    requireNonNull(verifier, "verifier");
    requireNonNull(survivorRule, "survivorRule");
    checkArgument(
        banding.valuesUsed() <= signature.numHashes(),
        "banding %s x %s uses %s values but numHashes is %s",
        banding.bands(),
        banding.rows(),
        banding.valuesUsed(),
        signature.numHashes());
    return new DedupSettings(
        normalizer, signature, banding, verifier, exactVerification, survivorRule);
  }

  public TextNormalizer normalizer() {
    return normalizer;
  }

  public SignatureSettings signature() {
    return signature;
  }

  public LshBanding banding() {
    return banding;
  }

  public SimilarityVerifier verifier() {
    return verifier;
  }

  public boolean exactVerification() {
    return exactVerification;
  }

  public SurvivorRule survivorRule() {
    return survivorRule;
  }

  @Override
  public String toString() {
    return "DedupSettings{" + normalizer + ", " + signature + ", " + banding + ", " + verifier
        + ", exactVerification=" + exactVerification + ", " + survivorRule + "}";
  }
}
