package org.provenant.dedup.minhash;

/**
 * How a {@link MinHashSignature} was computed. Signatures of different schemes (or of different
 * lengths or seeds) estimate nothing when compared; {@link MinHashSignature#estimatedJaccard}
 * refuses to compare different schemes or lengths.
 */
public enum MinHashScheme {
  /**
   * {@link PermutationMinHash}: k independent hash functions {@code (a_i * h + b_i) mod (2^61 - 1)}
   * over the 64-bit {@code ShingleHash} of each shingle, keeping the minimum of each.
   */
  PERMUTATIONS("permutations", (byte) 1),

  /**
   * {@link LuceneMinHash}: Lucene's {@code MinHashFilter} with one hash, k buckets, one value per
   * bucket and rotation of empty buckets (one-permutation hashing with densification).
   */
  LUCENE_MIN_HASH_FILTER("lucene-minhashfilter", (byte) 2),

  /**
   * {@link OnePermutationMinHash}: one hash per shingle into k bins, the minimum per bin, empty
   * bins filled by optimal densification (a fixed random probe sequence per bin).
   */
  ONE_PERMUTATION("one-permutation", (byte) 3);

  private final String code;
  private final byte tag;

  MinHashScheme(String code, byte tag) {
    this.code = code;
    this.tag = tag;
  }

  /** Stable one-byte tag, the first byte of {@link MinHashSignature#toBytes()}. */
  public byte tag() {
    return tag;
  }

  /** The scheme with {@code tag}. */
  public static MinHashScheme fromTag(byte tag) {
    for (MinHashScheme s : values()) {
      if (s.tag == tag) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown minHashScheme tag: " + tag);
  }

  /** Stable name, for settings and stored signatures. */
  public String code() {
    return code;
  }

  /** The scheme with {@code code}. */
  public static MinHashScheme fromCode(String code) {
    for (MinHashScheme s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown minHashScheme: " + code);
  }
}
