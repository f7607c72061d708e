package org.provenant.dedup.minhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.analysis.TextShingleAnalyzer;

class LuceneMinHashTest {
  private final LuceneMinHash lucene = new LuceneMinHash();
  private final TextShingleAnalyzer shingles = new TextShingleAnalyzer();
  private final Analyzer wrapped = lucene.wrap(shingles);

  @Test
  void oneValuePerBucketPinned() {
    MinHashSignature s = lucene.sign(wrapped, "The quick brown fox jumps over the lazy dog.");
    assertEquals(MinHashScheme.LUCENE_MIN_HASH_FILTER, s.scheme());
    assertEquals(128, s.length());
    // 5 shingles in 128 buckets: bucket 21 holds the smallest, buckets 0-20 take it by rotation
    assertEquals(0x2baccf1bcf79ad67L, s.value(0));
    assertEquals(0x2baccf1bcf79ad67L, s.value(21));
    assertEquals(5, Arrays.stream(s.values()).distinct().count());
  }

  @Test
  void shortTextFillsEveryBucketWithItsOneShingle() {
    MinHashSignature s = lucene.sign(wrapped, "Hello, world!");
    assertEquals(128, s.length());
    assertTrue(Arrays.stream(s.values()).allMatch(v -> v == 0xd471748c421cdd99L));
  }

  @Test
  void knownPairs() {
    String text = "one two three four five six seven eight nine ten eleven twelve";
    assertEquals(1.0, lucene.sign(wrapped, text).estimatedJaccard(lucene.sign(wrapped, text.toUpperCase())));
    assertEquals(0.0, lucene.sign(wrapped, text).estimatedJaccard(
        lucene.sign(wrapped, "alpha beta gamma delta epsilon zeta eta theta iota kappa")));
    assertTrue(lucene.sign(wrapped, "").isEmpty());
  }

  @Test
  void rejectsStreamsWithoutMinHashTokens() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> lucene.sign(shingles, "a b c d e f g"));
    assertTrue(e.getMessage().startsWith("not a MinHashFilter(1, 128, 1, true) stream"), e.getMessage());
  }

  @Test
  void rejectsBadBucketCount() {
    assertEquals("bucketCount must be in [1, 8192]: 0",
        assertThrows(IllegalArgumentException.class, () -> new LuceneMinHash(0)).getMessage());
  }
}
