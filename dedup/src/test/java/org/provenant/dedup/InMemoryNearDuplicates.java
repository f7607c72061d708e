package org.provenant.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.lsh.BandKey;
import org.provenant.dedup.lsh.LshBanding;
import org.provenant.dedup.lsh.SimilarityVerifier;
import org.provenant.dedup.minhash.MinHashSignature;
import org.provenant.dedup.quality.DocPair;

/**
 * Test helper: the near-duplicate stages on one machine, as the Beam pipeline will run them
 * distributed (band keys → buckets → candidate pairs handled in their first shared band →
 * verification). All pairs within a bucket are compared, so only for small corpora.
 */
public final class InMemoryNearDuplicates {
  private InMemoryNearDuplicates() {}

  /** Verified pairs, on signatures, or on exact shingle sets when {@code shingles} is not null. */
  public static SortedSet<DocPair> verifiedPairs(
      Map<String, MinHashSignature> signatures,
      LshBanding banding,
      SimilarityVerifier verifier,
      Map<String, ShingleSet> shingles) {
    TreeMap<BandKey, List<String>> buckets = new TreeMap<>();
    for (Map.Entry<String, MinHashSignature> e : new TreeMap<>(signatures).entrySet()) {
      for (BandKey key : banding.bandKeys(e.getValue())) {
        buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getKey());
      }
    }
    TreeSet<DocPair> out = new TreeSet<>();
    for (Map.Entry<BandKey, List<String>> bucket : buckets.entrySet()) {
      List<String> ids = bucket.getValue();
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          MinHashSignature a = signatures.get(ids.get(i));
          MinHashSignature b = signatures.get(ids.get(j));
          if (banding.firstSharedBand(a, b) != bucket.getKey().band()) {
            continue; // handled in an earlier band, or a band-hash collision
          }
          boolean duplicate =
              shingles == null
                  ? verifier.verify(a, b).duplicate()
                  : verifier.verify(shingles.get(ids.get(i)), shingles.get(ids.get(j))).duplicate();
          if (duplicate) {
            out.add(DocPair.of(ids.get(i), ids.get(j)));
          }
        }
      }
    }
    return out;
  }
}
