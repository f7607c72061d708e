package org.provenant.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.provenant.dedup.cluster.SurvivorRule;
import org.provenant.dedup.exact.TextNormalizer;
import org.provenant.dedup.lsh.LshBanding;
import org.provenant.dedup.lsh.SimilarityVerifier;
import org.provenant.dedup.minhash.SignatureSettings;

class DedupSettingsTest {
  @Test
  void defaults() {
    DedupSettings d = DedupSettings.defaults();
    assertEquals(TextNormalizer.defaults(), d.normalizer());
    assertEquals(SignatureSettings.defaults(), d.signature());
    assertEquals(new LshBanding(21, 6), d.banding());
    assertEquals(new SimilarityVerifier(0.8), d.verifier());
    assertEquals(true, d.exactVerification());
    assertEquals(SurvivorRule.Criterion.EARLIEST_CRAWL, d.survivorRule().criterion());
  }

  @Test
  void bandingMustFitTheSignature() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DedupSettings.of(TextNormalizer.defaults(), SignatureSettings.defaults().withNumHashes(64),
            new LshBanding(), new SimilarityVerifier(), false, SurvivorRule.defaults()));
    assertEquals("banding 21 x 6 uses 126 values but numHashes is 64", e.getMessage());
    assertEquals(new LshBanding(8, 8), DedupSettings.of(TextNormalizer.defaults(),
        SignatureSettings.defaults().withNumHashes(64), new LshBanding(8, 8), new SimilarityVerifier(),
        true, SurvivorRule.longestText()).banding());
  }

  @Test
  void rejectsMissingParts() {
    assertEquals("survivorRule", assertThrows(NullPointerException.class,
        () -> DedupSettings.of(TextNormalizer.defaults(), SignatureSettings.defaults(), new LshBanding(),
            new SimilarityVerifier(), false, null)).getMessage());
  }
}
