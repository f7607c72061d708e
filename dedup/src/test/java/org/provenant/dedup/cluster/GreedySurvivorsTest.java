package org.provenant.dedup.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GreedySurvivorsTest {
  /** A chain a~b~c~d where only neighbours are similar: components join all four. */
  private static final Map<String, Double> SIM = Map.of(
      "a|b", 0.9, "b|c", 0.85, "c|d", 0.9, "a|c", 0.7, "a|d", 0.5, "b|d", 0.82);

  private static double sim(String x, String y) {
    String k = x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x;
    return SIM.getOrDefault(k, 0.0);
  }

  private static GreedySurvivors<String> greedy(int max) {
    return new GreedySurvivors<>(id -> new ClusterMember(id, null, 10, null), GreedySurvivorsTest::sim,
        SurvivorRule.earliestCrawl(), 0.8, max);
  }

  @Test
  void removedMembersResembleTheirSurvivor() {
    List<GreedySurvivors.Assignment<String>> a = greedy(256).assign(List.of("d", "c", "b", "a"));
    assertEquals(List.of(
        new GreedySurvivors.Assignment<>("a", "a", 1.0, 0),
        new GreedySurvivors.Assignment<>("b", "a", 0.9, 0),
        new GreedySurvivors.Assignment<>("c", "c", 1.0, 1),
        new GreedySurvivors.Assignment<>("d", "c", 0.9, 1)), a);
  }

  @Test
  void overTheCapTheRestIsKept() {
    List<GreedySurvivors.Assignment<String>> a = greedy(1).assign(List.of("a", "b", "c", "d"));
    assertEquals(List.of(
        new GreedySurvivors.Assignment<>("a", "a", 1.0, 0),
        new GreedySurvivors.Assignment<>("b", "a", 0.9, 0),
        new GreedySurvivors.Assignment<>("c", "c", 1.0, 1),
        new GreedySurvivors.Assignment<>("d", "d", 1.0, 2)), a);
  }
}
