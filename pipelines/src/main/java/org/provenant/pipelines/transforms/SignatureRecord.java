package org.provenant.pipelines.transforms;

import java.io.Serializable;
import java.util.Arrays;
import org.provenant.dedup.analysis.ShingleFingerprints;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.cluster.ClusterMember;
import org.provenant.dedup.cluster.CrawlDates;
import org.provenant.dedup.minhash.MinHashScheme;
import org.provenant.dedup.minhash.MinHashSignature;
import org.provenant.schemas.Document;

/**
 * What near-duplicate detection carries for one document instead of the document: its internal key
 * (id and source, see {@link DedupDocuments#internalKey}), what the
 * survivor rule needs (crawl date, text length, licence), how many exact copies it stands for, and
 * what pairs are verified on: with exact verification (the default) its {@linkplain
 * ShingleFingerprints shingle fingerprints}, about 4 bytes per distinct shingle, and no signature
 * (banding has used it already); with estimated verification its MinHash signature, 1 KB for 128
 * values.
 */
public record SignatureRecord(
    String id, String date, int textLength, String licence, int represented, String scheme, long[] values,
    ShingleFingerprints fingerprints)
    implements Serializable {

  /** A record carrying the fingerprints of {@code shingles} when given, else the signature's values. */
  static SignatureRecord of(String key, Document d, int represented, MinHashSignature sig, ShingleSet shingles) {
    return new SignatureRecord(key, d.source().date(), d.text().length(), d.license().spdx(), represented,
        sig.scheme().name(), shingles == null ? sig.values() : NO_VALUES,
        shingles == null ? null : ShingleFingerprints.of(shingles));
  }

  private static final long[] NO_VALUES = new long[0];

  /** This record standing for {@code n} documents (its exact group). */
  SignatureRecord representing(int n) {
    return new SignatureRecord(id, date, textLength, licence, n, scheme, values, fingerprints);
  }

  /** Whether this record carries shingle fingerprints, for exact verification. */
  boolean hasShingles() {
    return fingerprints != null;
  }

  MinHashSignature signature() {
    return MinHashSignature.of(MinHashScheme.valueOf(scheme), values);
  }

  ClusterMember member() {
    return new ClusterMember(id, CrawlDates.parse(date).orElse(null), textLength, licence);
  }

  /** As {@link #member()}, named by the document id alone, as the exact step compares copies. */
  ClusterMember documentMember() {
    return new ClusterMember(DedupDocuments.idOf(id), CrawlDates.parse(date).orElse(null), textLength, licence);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignatureRecord r && r.id.equals(id) && Arrays.equals(r.values, values)
        && java.util.Objects.equals(r.date, date) && r.textLength == textLength
        && java.util.Objects.equals(r.licence, licence) && r.represented == represented && r.scheme.equals(scheme)
        && java.util.Objects.equals(r.fingerprints, fingerprints);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(values);
  }
}
