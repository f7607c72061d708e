package org.provenant.dedup.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Connected components of the duplicate graph by the large-star / small-star algorithm (Kiveris,
 * Lattanzi, Mirrokni, Rastogi, Vassilvitskii, "Connected Components in MapReduce and Beyond",
 * SoCC 2014), written as per-node functions so that a Beam pipeline can run it round by round
 * with one {@code GroupByKey} per step and never holds the whole graph on one worker.
 *
 * <p>Nodes are document ids ordered by {@link String#compareTo}; a component is labelled by its
 * smallest id. One round is:
 *
 * <ol>
 *   <li>large-star: map every edge with {@link #largeStarMap} (both directions), group by node,
 *       call {@link #largeStar} per node. Each node connects its larger neighbours to the smallest
 *       node of its closed neighbourhood.
 *   <li>small-star: map every edge with {@link #smallStarMap} (towards the smaller end), group by
 *       node, call {@link #smallStar} per node. Each node and its smaller neighbours are connected
 *       to the smallest of them.
 * </ol>
 *
 * <p>Both steps preserve connectivity. When no node reports {@link StarStep#changed()} in either
 * step of a round, every component is a star: each edge is {@code (member, smallest id)}, so a
 * node's component is the {@code to} of its edge, or itself when it appears only as a {@code to}.
 * Rounds after convergence change nothing, so a pipeline may unroll a fixed number of rounds and
 * check that the last one reported no change. The paper bounds the rounds by O(log² n); duplicate
 * clusters, mostly small, converge in a few.
 *
 * <p>Cost: with E edges and ids of L bytes, a round shuffles about 2E records of 2L bytes in
 * large-star and E records of 2L bytes in small-star, about 6·E·L bytes; E is at most the number of
 * verified pairs and shrinks towards (documents in clusters − clusters) as stars form. Documents
 * without a verified pair never enter the graph.
 *
 * <p>Deterministic: neighbourhoods are de-duplicated and sorted, outputs are sorted, so the same
 * edges give the same edges on every runner whatever order grouping delivers them in.
 */
public final class StarConnectedComponents {
  private StarConnectedComponents() {}

  /** What one node's step emits, and whether it changed the graph. */
  public record StarStep(List<Edge> edges, boolean changed) implements Serializable {
    public StarStep {
      edges = ImmutableList.copyOf(edges);
    }
  }

  /** The components, and the rounds the in-memory driver needed. */
  public record Components(SortedMap<String, String> componentOf, int rounds)
      implements Serializable {
    public Components {
      componentOf = ImmutableSortedMap.copyOfSorted(componentOf);
    }
  }

  /** Large-star map: {@code (from, to)} and {@code (to, from)}, keyed by the first; none for a loop. */
  public static List<Edge> largeStarMap(Edge edge) {
    requireNonNull(edge, "edge");
    if (edge.isSelfLoop()) {
      return List.of();
    }
    return List.of(edge, new Edge(edge.to(), edge.from()));
  }

  /**
   * Large-star reduce for {@code node} with all its neighbours (any order, repeats allowed; the
   * node itself is ignored). With m the smallest of the node and its neighbours, emits {@code
   * (v, m)} for every neighbour v larger than the node, sorted by v. Changed when the node has a
   * larger neighbour and is not the smallest itself.
   */
  public static StarStep largeStar(String node, Iterable<String> neighbours) {
    TreeSet<String> set = neighbourSet(node, neighbours);
    if (set.isEmpty()) {
      return new StarStep(List.of(), false);
    }
    String min = min(node, set.first());
    List<Edge> out = new ArrayList<>();
    for (String v : set.tailSet(node, false)) {
      out.add(new Edge(v, min));
    }
    return new StarStep(out, !out.isEmpty() && !min.equals(node));
  }

  /**
   * Small-star map: the edge directed from its larger to its smaller end, keyed by the larger;
   * none for a loop.
   */
  public static List<Edge> smallStarMap(Edge edge) {
    requireNonNull(edge, "edge");
    int c = edge.from().compareTo(edge.to());
    if (c == 0) {
      return List.of();
    }
    return List.of(c > 0 ? edge : new Edge(edge.to(), edge.from()));
  }

  /**
   * Small-star reduce for {@code node} with its smaller neighbours (any order, repeats allowed).
   * With m the smallest of them, emits {@code (v, m)} for the node and each smaller neighbour v
   * other than m, sorted by v. Changed when the node has two or more smaller neighbours.
   *
   * @throws IllegalArgumentException when a neighbour is not smaller than the node
   */
  public static StarStep smallStar(String node, Iterable<String> smallerNeighbours) {
    TreeSet<String> set = neighbourSet(node, smallerNeighbours);
    if (set.isEmpty()) {
      return new StarStep(List.of(), false);
    }
    checkArgument(
        set.last().compareTo(node) < 0,
        "smallStar needs neighbours smaller than the node: %s has %s",
        node,
        set.last());
    String min = set.first();
    List<Edge> out = new ArrayList<>(set.size());
    for (String v : set.tailSet(min, false)) {
      out.add(new Edge(v, min));
    }
    out.add(new Edge(node, min));
    return new StarStep(out, set.size() >= 2);
  }

  /**
   * Runs large-star / small-star rounds in memory until a round changes nothing, grouping with
   * sorted maps exactly as a pipeline groups by node. For tests and small graphs; a pipeline runs
   * the same functions distributed.
   *
   * @return every node of {@code edges} mapped to the smallest id of its component
   */
  public static Components components(Iterable<Edge> edges) {
    requireNonNull(edges, "edges");
    List<Edge> current = new ArrayList<>();
    TreeSet<String> nodes = new TreeSet<>();
    for (Edge e : edges) {
      nodes.add(e.from());
      nodes.add(e.to());
      if (!e.isSelfLoop()) {
        current.add(e);
      }
    }
    int rounds = 0;
    boolean changed = true;
    while (changed) {
      rounds++;
      StepResult large = step(current, true);
      StepResult small = step(large.edges, false);
      current = small.edges;
      changed = large.changed || small.changed;
    }
    TreeMap<String, String> componentOf = new TreeMap<>();
    for (String n : nodes) {
      componentOf.put(n, n);
    }
    for (Edge e : current) {
      checkArgument(e.from().compareTo(e.to()) > 0, "not a star edge after convergence: %s", e);
      componentOf.put(e.from(), e.to());
    }
    return new Components(componentOf, rounds);
  }

  private record StepResult(List<Edge> edges, boolean changed) {}

  private static StepResult step(List<Edge> edges, boolean large) {
    TreeMap<String, List<String>> grouped = new TreeMap<>();
    for (Edge e : edges) {
      for (Edge keyed : large ? largeStarMap(e) : smallStarMap(e)) {
        grouped.computeIfAbsent(keyed.from(), k -> new ArrayList<>()).add(keyed.to());
      }
    }
    List<Edge> out = new ArrayList<>();
    boolean changed = false;
    for (var group : grouped.entrySet()) {
      StarStep s =
          large
              ? largeStar(group.getKey(), group.getValue())
              : smallStar(group.getKey(), group.getValue());
      out.addAll(s.edges());
      changed |= s.changed();
    }
    return new StepResult(out, changed);
  }

  private static TreeSet<String> neighbourSet(String node, Iterable<String> neighbours) {
    requireNonNull(node, "node");
    requireNonNull(neighbours, "neighbours");
    TreeSet<String> set = new TreeSet<>();
    for (String v : neighbours) {
      set.add(requireNonNull(v, "neighbour"));
    }
    set.remove(node);
    return set;
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
