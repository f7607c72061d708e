package org.provenant.dedup.lsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CandidatePairsTest {
  private static List<String> distinct(CandidatePairs p) {
    List<String> out = new ArrayList<>();
    p.distinct((a, b) -> out.add(a + "|" + b));
    return out;
  }

  @Test
  void eachPairComesOnceInOrder() {
    CandidatePairs p = new CandidatePairs(0);
    p.add("b", "c");
    p.add("a", "c");
    p.add("b", "c");
    p.add("a", "b");
    p.add("a", "c");
    p.add("a\u0000x", "a\u0000y");
    assertEquals(6, p.size());
    assertEquals(List.of("a|b", "a|c", "a\u0000x|a\u0000y", "b|c"), distinct(p));
  }

  @Test
  void aPairMustComeInOrder() {
    CandidatePairs p = new CandidatePairs(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.add("b", "a"));
    assertEquals("pair not in order: b, a", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.add("a", "a"));
    assertThrows(NullPointerException.class, () -> p.add(null, "a"));
    assertEquals(0, p.size());
  }

  @Test
  void batchesMergedInAnyOrderGiveTheSamePairs() {
    Random r = new Random(3);
    List<String[]> all = new ArrayList<>();
    TreeSet<String> expected = new TreeSet<>();
    for (int i = 0; i < 2000; i++) {
      int a = r.nextInt(60);
      int b = a + 1 + r.nextInt(5);
      String x = String.format("d%03d", a);
      String y = String.format("d%03d", b);
      all.add(new String[] {x, y});
      expected.add(x + "|" + y);
    }
    for (int round = 0; round < 4; round++) {
      Collections.shuffle(all, r);
      CandidatePairs merged = new CandidatePairs(0);
      CandidatePairs batch = new CandidatePairs(0);
      for (String[] pair : all) {
        batch.add(pair[0], pair[1]);
        if (r.nextInt(40) == 0) {
          merged.addAll(batch);
          batch = new CandidatePairs(0);
        }
      }
      merged.addAll(batch);
      assertEquals(new ArrayList<>(expected), distinct(merged));
    }
  }

  @Test
  void groupsByTheFirstDocumentSpreadEvenly() {
    assertEquals(CandidatePairs.group("doc-17", 4096), CandidatePairs.group(new String("doc-17"), 4096));
    assertEquals(0, CandidatePairs.group("anything", 1));
    int[] counts = new int[5];
    for (int i = 0; i < 50_000; i++) {
      counts[CandidatePairs.group("g" + i + "-0", 5)]++;
    }
    for (int c : counts) {
      assertTrue(c > 9_500 && c < 10_500, "group count " + c);
    }
    assertThrows(IllegalArgumentException.class, () -> CandidatePairs.group("a", 0));
  }
}
