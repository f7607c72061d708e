package org.provenant.dedup.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.analysis.ShingleSet;

class PairQualityTest {
  private static ShingleSet range(long from, long to) {
    return ShingleSet.of(LongStream.range(from, to).toArray());
  }

  private static ShingleSet union(ShingleSet a, ShingleSet b) {
    return ShingleSet.of(LongStream.concat(LongStream.of(a.toArray()), LongStream.of(b.toArray())).toArray());
  }

  @Test
  void exactRecallAndPrecision() {
    Map<String, ShingleSet> docs = new LinkedHashMap<>();
    docs.put("A", range(0, 100));
    docs.put("B", range(0, 90)); // J(A, B) = 90/100
    docs.put("C", range(1000, 1100));
    docs.put("D", union(range(1000, 1070), range(2000, 2012))); // J(C, D) = 70/112 = 0.625
    docs.put("E", range(5000, 5010));
    docs.put("F", range(5005, 5015)); // J(E, F) = 5/15
    docs.put("G", ShingleSet.EMPTY);
    docs.put("H", range(1000, 1080)); // J(C, H) = 80/100, the boundary; J(D, H) = 70/92
    assertEquals(0.9, docs.get("A").jaccard(docs.get("B")));
    assertEquals(0.8, docs.get("C").jaccard(docs.get("H")));

    PairQuality quality = PairQuality.defaults();
    assertEquals(
        List.of(DocPair.of("A", "B"), DocPair.of("C", "H")),
        new ArrayList<>(quality.similarPairs(docs)));
    PairQuality.Result r = quality.evaluate(docs,
        List.of(DocPair.of("B", "A"), DocPair.of("A", "B"), DocPair.of("E", "F"), DocPair.of("A", "C"),
            DocPair.of("G", "A")));
    assertEquals(8, r.documents());
    assertEquals(2, r.truePairs());
    assertEquals(4, r.predictedPairs());
    assertEquals(1, r.truePositives());
    assertEquals(0.5, r.recall());
    assertEquals(0.25, r.precision());
    assertEquals(List.of(DocPair.of("C", "H")), r.missedExamples());
    assertEquals(List.of(DocPair.of("A", "C"), DocPair.of("A", "G"), DocPair.of("E", "F")), r.falseExamples());
  }

  @Test
  void undefinedRatiosAreNaN() {
    Map<String, ShingleSet> docs = Map.of("a", range(0, 10), "b", range(10, 20));
    PairQuality.Result r = PairQuality.defaults().evaluate(docs, List.of());
    assertTrue(Double.isNaN(r.recall()));
    assertTrue(Double.isNaN(r.precision()));
  }

  @Test
  void truthEqualsBruteForceOnRandomCorpora() {
    for (double threshold : new double[] {0.5, 0.8, 0.9, 1.0}) {
      for (int seed = 0; seed < 5; seed++) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, ShingleSet> docs = new TreeMap<>();
        List<long[]> bases = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
          long[] set;
          if (!bases.isEmpty() && random.nextInt(3) > 0) {
            // a near copy of an earlier document: drop and add a few hashes
            long[] base = bases.get(random.nextInt(bases.size()));
            List<Long> copy = new ArrayList<>();
            for (long h : base) {
              if (random.nextInt(10) > 0) {
                copy.add(h);
              }
            }
            int extra = random.nextInt(1 + base.length / 8);
            for (int k = 0; k < extra; k++) {
              copy.add((long) random.nextInt(3000)); // a small universe: common hashes
            }
            set = copy.stream().mapToLong(Long::longValue).toArray();
          } else {
            int size = 1 + random.nextInt(random.nextBoolean() ? 5 : 80);
            set = random.longs(size, 0, 3000).toArray();
          }
          bases.add(set);
          docs.put("doc" + i, ShingleSet.of(set));
        }
        TreeSet<DocPair> brute = new TreeSet<>();
        List<String> ids = new ArrayList<>(docs.keySet());
        for (int i = 0; i < ids.size(); i++) {
          for (int j = i + 1; j < ids.size(); j++) {
            if (docs.get(ids.get(i)).jaccard(docs.get(ids.get(j))) >= threshold) {
              brute.add(DocPair.of(ids.get(i), ids.get(j)));
            }
          }
        }
        assertEquals(brute, new PairQuality(threshold, 1000).similarPairs(docs),
            "threshold " + threshold + " seed " + seed);
        assertTrue(brute.size() > 0);
      }
    }
  }

  @Test
  void rejectsBadInput() {
    Map<String, ShingleSet> docs = Map.of("a", range(0, 10), "b", range(0, 10), "c", range(0, 3));
    assertEquals("predicted pair names an unknown document: z",
        assertThrows(IllegalArgumentException.class,
            () -> PairQuality.defaults().evaluate(docs, List.of(DocPair.of("a", "z")))).getMessage());
    assertEquals("3 documents exceed maxDocuments 2",
        assertThrows(IllegalArgumentException.class, () -> new PairQuality(0.8, 2).similarPairs(docs))
            .getMessage());
    assertEquals("threshold must be in (0, 1]: 1.5",
        assertThrows(IllegalArgumentException.class, () -> new PairQuality(1.5, 2)).getMessage());
    assertEquals("maxDocuments must be at least 1: 0",
        assertThrows(IllegalArgumentException.class, () -> new PairQuality(0.8, 0)).getMessage());
    assertEquals("a pair needs two different ids: a",
        assertThrows(IllegalArgumentException.class, () -> DocPair.of("a", "a")).getMessage());
  }
}
