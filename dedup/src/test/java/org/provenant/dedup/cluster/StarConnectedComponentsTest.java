package org.provenant.dedup.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.cluster.StarConnectedComponents.Components;
import org.provenant.dedup.cluster.StarConnectedComponents.StarStep;

class StarConnectedComponentsTest {
  private static Edge e(String from, String to) {
    return new Edge(from, to);
  }

  @Test
  void largeStarLinksLargerNeighboursToTheNeighbourhoodMinimum() {
    assertEquals(
        new StarStep(List.of(e("c", "a"), e("d", "a")), true),
        StarConnectedComponents.largeStar("b", List.of("d", "a", "c", "a", "b")));
    assertEquals(
        new StarStep(List.of(e("b", "a"), e("c", "a")), false),
        StarConnectedComponents.largeStar("a", List.of("c", "b")));
    assertEquals(new StarStep(List.of(), false), StarConnectedComponents.largeStar("z", List.of("a")));
    assertEquals(new StarStep(List.of(), false), StarConnectedComponents.largeStar("z", List.of("z")));
  }

  @Test
  void smallStarLinksTheNodeAndSmallerNeighboursToTheirMinimum() {
    assertEquals(
        new StarStep(List.of(e("b", "a"), e("c", "a"), e("d", "a")), true),
        StarConnectedComponents.smallStar("d", List.of("c", "a", "b", "c")));
    assertEquals(new StarStep(List.of(e("d", "a")), false), StarConnectedComponents.smallStar("d", List.of("a", "a")));
    assertEquals(new StarStep(List.of(), false), StarConnectedComponents.smallStar("d", List.of()));
    assertEquals("smallStar needs neighbours smaller than the node: b has c",
        assertThrows(IllegalArgumentException.class,
            () -> StarConnectedComponents.smallStar("b", List.of("a", "c"))).getMessage());
  }

  @Test
  void mapSides() {
    assertEquals(List.of(e("a", "b"), e("b", "a")), StarConnectedComponents.largeStarMap(e("a", "b")));
    assertEquals(List.of(), StarConnectedComponents.largeStarMap(e("a", "a")));
    assertEquals(List.of(e("b", "a")), StarConnectedComponents.smallStarMap(e("a", "b")));
    assertEquals(List.of(e("b", "a")), StarConnectedComponents.smallStarMap(e("b", "a")));
    assertEquals(List.of(), StarConnectedComponents.smallStarMap(e("a", "a")));
  }

  @Test
  void pathGraphBecomesOneStar() {
    List<Edge> path = new ArrayList<>();
    for (int i = 0; i < 63; i++) {
      path.add(e(String.format("n%02d", i + 1), String.format("n%02d", i)));
    }
    Components c = StarConnectedComponents.components(path);
    assertEquals(64, c.componentOf().size());
    assertTrue(c.componentOf().values().stream().allMatch("n00"::equals));
    assertEquals(UnionFind.components(path), c.componentOf());
  }

  @Test
  void labelsAreSmallestIdsInStringOrder() {
    Components c = StarConnectedComponents.components(
        List.of(e("doc-10", "doc-9"), e("doc-9", "doc-2"), e("x", "y"), e("q", "q")));
    assertEquals("{doc-10=doc-10, doc-2=doc-10, doc-9=doc-10, q=q, x=x, y=x}", c.componentOf().toString());
  }

  @Test
  void sameComponentsAsUnionFindOn200RandomGraphs() {
    int maxRounds = 0;
    for (int seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      List<Edge> edges = randomGraph(random, seed);
      SortedMap<String, String> expected = UnionFind.components(edges);
      Components actual = StarConnectedComponents.components(edges);
      assertEquals(expected, actual.componentOf(), "seed " + seed);
      maxRounds = Math.max(maxRounds, actual.rounds());
      // the order edges arrive in does not matter
      List<Edge> shuffled = new ArrayList<>(edges);
      Collections.shuffle(shuffled, random);
      assertEquals(actual, StarConnectedComponents.components(shuffled), "seed " + seed);
    }
    assertTrue(maxRounds <= 20, "rounds: " + maxRounds);
  }

  /**
   * Random graphs of several shapes: sparse random, dense random, many small cliques (like
   * duplicate clusters), long paths with shuffled labels (the slow case for label propagation).
   */
  private static List<Edge> randomGraph(Random random, int seed) {
    int n = 1 + random.nextInt(300);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // ids whose string order differs from their numeric order
      ids.add("d" + random.nextInt(100_000) + (random.nextBoolean() ? "" : "-" + i));
    }
    List<Edge> edges = new ArrayList<>();
    switch (seed % 4) {
      case 0 -> {
        int m = random.nextInt(n + 1);
        for (int i = 0; i < m; i++) {
          edges.add(e(ids.get(random.nextInt(n)), ids.get(random.nextInt(n))));
        }
      }
      case 1 -> {
        int m = random.nextInt(3 * n + 1);
        for (int i = 0; i < m; i++) {
          edges.add(e(ids.get(random.nextInt(n)), ids.get(random.nextInt(n))));
        }
      }
      case 2 -> {
        int i = 0;
        while (i < n) {
          int size = 1 + random.nextInt(6);
          for (int a = i; a < Math.min(n, i + size); a++) {
            for (int b = a + 1; b < Math.min(n, i + size); b++) {
              edges.add(e(ids.get(a), ids.get(b)));
            }
          }
          i += size;
        }
      }
      default -> {
        List<String> order = new ArrayList<>(ids);
        Collections.shuffle(order, random);
        for (int i = 0; i + 1 < n; i++) {
          if (random.nextInt(50) != 0) { // a few breaks: several long paths
            edges.add(random.nextBoolean() ? e(order.get(i), order.get(i + 1)) : e(order.get(i + 1), order.get(i)));
          }
        }
      }
    }
    return edges;
  }
}
