package org.provenant.dedup.lsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.lsh.SimilarityVerifier.Basis;
import org.provenant.dedup.lsh.SimilarityVerifier.Verification;
import org.provenant.dedup.minhash.MinHashScheme;
import org.provenant.dedup.minhash.MinHashSignature;

class SimilarityVerifierTest {
  private final SimilarityVerifier verifier = new SimilarityVerifier();

  @Test
  void estimatedFromSignatures() {
    MinHashSignature a = MinHashSignature.of(MinHashScheme.PERMUTATIONS, 1, 2, 3, 4, 5);
    MinHashSignature b = MinHashSignature.of(MinHashScheme.PERMUTATIONS, 1, 2, 3, 4, 9);
    MinHashSignature c = MinHashSignature.of(MinHashScheme.PERMUTATIONS, 1, 2, 3, 8, 9);
    assertEquals(new Verification(1.0, Basis.ESTIMATED, true), verifier.verify(a, a));
    assertEquals(new Verification(0.8, Basis.ESTIMATED, true), verifier.verify(a, b));
    assertEquals(new Verification(0.6, Basis.ESTIMATED, false), verifier.verify(a, c));
  }

  @Test
  void exactFromShingleSets() {
    assertEquals(new Verification(0.8, Basis.EXACT, true),
        verifier.verify(ShingleSet.of(1, 2, 3, 4), ShingleSet.of(1, 2, 3, 4, 5)));
    assertEquals(new Verification(0.75, Basis.EXACT, false),
        verifier.verify(ShingleSet.of(1, 2, 3), ShingleSet.of(1, 2, 3, 4)));
    assertEquals(new Verification(0.75, Basis.EXACT, true),
        new SimilarityVerifier(0.75).verify(ShingleSet.of(1, 2, 3), ShingleSet.of(1, 2, 3, 4)));
  }

  @Test
  void rejectsBadThreshold() {
    assertEquals("threshold must be in (0, 1]: 0.0",
        assertThrows(IllegalArgumentException.class, () -> new SimilarityVerifier(0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SimilarityVerifier(1.01));
    assertThrows(IllegalArgumentException.class, () -> new SimilarityVerifier(Double.NaN));
    assertEquals(0.8, SimilarityVerifier.DEFAULT_THRESHOLD);
  }
}
