package org.provenant.dedup.lsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BandEntriesTest {
  private static List<String> pairs(BandEntries e, int maxBucketPairs) {
    List<String> out = new ArrayList<>();
    e.proposePairs(maxBucketPairs, (a, b) -> out.add(a + "|" + b));
    return out;
  }

  @Test
  void eachBucketProposesItsDistinctDocumentsPairByPairInKeyOrder() {
    BandEntries e = new BandEntries(0);
    e.add(7, "c");
    e.add(-3, "x"); // alone in its bucket: no pair
    e.add(7, "a");
    e.add(5, "q");
    e.add(7, "b");
    e.add(5, "p");
    e.add(9, "s");
    e.add(9, "s"); // one document twice in a bucket: no pair
    assertEquals(8, e.size());
    assertEquals(List.of("p|q", "a|b", "a|c", "b|c"), pairs(e, 32));
  }

  @Test
  void aBucketOverTheLimitProposesAStarFromItsFirstDocument() {
    BandEntries e = new BandEntries(4);
    for (String d : new String[] {"d", "b", "e", "a", "c"}) {
      e.add(42, d);
    }
    e.add(43, "y");
    e.add(43, "z");
    List<String> out = new ArrayList<>();
    int over = e.proposePairs(4, (a, b) -> out.add(a + "|" + b));
    assertEquals(1, over);
    assertEquals(List.of("a|b", "a|c", "a|d", "a|e", "y|z"), out);
    // at the limit it is still every pair
    assertEquals(11, pairs(e, 5).size());
    assertThrows(IllegalArgumentException.class, () -> e.proposePairs(1, (a, b) -> {}));
  }

  @Test
  void thePairsDoNotDependOnTheOrderOrBatchingOfTheEntries() {
    Random r = new Random(7);
    List<long[]> entries = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      entries.add(new long[] {r.nextInt(900) - 450, r.nextInt(500)});
    }
    BandEntries whole = new BandEntries(16);
    entries.forEach(x -> whole.add(x[0], "doc-" + x[1]));
    List<String> expected = pairs(whole, 3);
    assertTrue(expected.size() > 1000, "pairs " + expected.size());
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(entries, r);
      BandEntries merged = new BandEntries(0);
      BandEntries batch = new BandEntries(0);
      for (long[] x : entries) {
        batch.add(x[0], "doc-" + x[1]);
        if (r.nextInt(50) == 0) {
          merged.addAll(batch);
          batch = new BandEntries(0);
        }
      }
      merged.addAll(batch);
      assertEquals(expected, pairs(merged, 3));
    }
  }

  @Test
  void groupsAreTheTopBitsScaledToAnyCount() {
    assertEquals(0, BandEntries.group(0L, 4096));
    assertEquals(0, BandEntries.group(0x000FFFFFFFFFFFFFL, 4096));
    assertEquals(1, BandEntries.group(0x0010000000000000L, 4096));
    assertEquals(4095, BandEntries.group(-1L, 4096));
    assertEquals(2048, BandEntries.group(Long.MIN_VALUE, 4096));
    assertEquals(0, BandEntries.group(-1L, 1));
    assertEquals(6, BandEntries.group(-1L, 7));
    int[] counts = new int[7];
    Random r = new Random(1);
    for (int i = 0; i < 70_000; i++) {
      counts[BandEntries.group(r.nextLong(), 7)]++;
    }
    for (int c : counts) {
      assertTrue(c > 9_500 && c < 10_500, "group count " + c);
    }
    assertThrows(IllegalArgumentException.class, () -> BandEntries.group(1L, 0));
  }

  @Test
  void entriesAreCheckedOnTheWayIn() {
    BandEntries e = new BandEntries(1);
    assertThrows(NullPointerException.class, () -> e.add(1, null));
    e.add(1, "a");
    assertThrows(IllegalArgumentException.class, () -> e.key(1));
    assertThrows(IllegalArgumentException.class, () -> new BandEntries(-1));
    assertEquals("a", e.doc(0));
    assertEquals(1L, e.key(0));
  }
}
