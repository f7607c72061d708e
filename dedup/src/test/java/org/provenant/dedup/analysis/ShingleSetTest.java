package org.provenant.dedup.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShingleSetTest {
  @Test
  void sortsAndRemovesRepeats() {
    ShingleSet s = ShingleSet.of(5, -1, 5, 3, Long.MIN_VALUE, 3);
    assertArrayEquals(new long[] {Long.MIN_VALUE, -1, 3, 5}, s.toArray());
    assertEquals(4, s.size());
    assertTrue(s.contains(-1));
    assertFalse(s.contains(4));
    assertSame(ShingleSet.EMPTY, ShingleSet.of());
  }

  @Test
  void ofSortedTakesAscendingArraysAsTheyAreAndSortsAnythingElse() {
    long[] sorted = {Long.MIN_VALUE, -1, 3, 5};
    ShingleSet s = ShingleSet.ofSorted(sorted);
    assertArrayEquals(sorted, s.toArray());
    sorted[0] = 99; // the set keeps its own copy
    assertArrayEquals(new long[] {Long.MIN_VALUE, -1, 3, 5}, s.toArray());
    assertArrayEquals(new long[] {1, 3, 5}, ShingleSet.ofSorted(new long[] {5, 3, 3, 1}).toArray());
    assertSame(ShingleSet.EMPTY, ShingleSet.ofSorted(new long[0]));
  }

  @Test
  void exactJaccard() {
    assertEquals(0.5, ShingleSet.of(1, 2, 3).jaccard(ShingleSet.of(2, 3, 4)));
    assertEquals(1.0, ShingleSet.of(1, 2).jaccard(ShingleSet.of(2, 1, 1)));
    assertEquals(0.0, ShingleSet.of(1, 2).jaccard(ShingleSet.of(3)));
    assertEquals(0.8, ShingleSet.of(1, 2, 3, 4).jaccard(ShingleSet.of(1, 2, 3, 4, 5)));
    assertEquals(0.0, ShingleSet.EMPTY.jaccard(ShingleSet.EMPTY));
    assertEquals(0.0, ShingleSet.EMPTY.jaccard(ShingleSet.of(1)));
    assertEquals(2, ShingleSet.of(1, 2, 3).intersectionSize(ShingleSet.of(2, 3, 4)));
  }
}
