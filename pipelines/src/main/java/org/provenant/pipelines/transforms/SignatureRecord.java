package org.provenant.pipelines.transforms;

import java.io.Serializable;
import java.util.Arrays;
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
 * its MinHash signature. About 1 KB for 128 values; with exact verification also its shingle hash
 * set, 8 bytes per distinct shingle (about as many as the text has words).
 */
public record SignatureRecord(
    String id, String date, int textLength, String licence, int represented, String scheme, long[] values, long[] shingles)
    implements Serializable {

  static SignatureRecord of(String key, Document d, int represented, MinHashSignature sig, ShingleSet shingles) {
    return new SignatureRecord(key, d.source().date(), d.text().length(), d.license().spdx(), represented,
        sig.scheme().name(), sig.values(), shingles == null ? null : shingles.toArray());
  }

  /** Whether this record carries its shingle set, for exact verification. */
  boolean hasShingles() {
    return shingles != null;
  }

  ShingleSet shingleSet() {
    return ShingleSet.ofSorted(shingles);
  }

  MinHashSignature signature() {
    return MinHashSignature.of(MinHashScheme.valueOf(scheme), values);
  }

  ClusterMember member() {
    return new ClusterMember(id, CrawlDates.parse(date).orElse(null), textLength, licence);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignatureRecord r && r.id.equals(id) && Arrays.equals(r.values, values)
        && java.util.Objects.equals(r.date, date) && r.textLength == textLength
        && java.util.Objects.equals(r.licence, licence) && r.represented == represented && r.scheme.equals(scheme)
        && Arrays.equals(r.shingles, shingles);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(values);
  }
}
