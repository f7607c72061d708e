package org.provenant.dedup.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reference connected components for tests only: in-memory union-find over all edges, each node
 * labelled with the smallest id of its component. Exactly what the star algorithm must reproduce.
 */
final class UnionFind {
  private final Map<String, String> parent = new HashMap<>();

  private String find(String x) {
    parent.putIfAbsent(x, x);
    String root = x;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    while (!parent.get(x).equals(root)) {
      String next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  /** Joins the components of {@code a} and {@code b}, keeping the smaller id as root. */
  void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (ra.equals(rb)) {
      return;
    }
    if (ra.compareTo(rb) < 0) {
      parent.put(rb, ra);
    } else {
      parent.put(ra, rb);
    }
  }

  static SortedMap<String, String> components(Iterable<Edge> edges) {
    UnionFind uf = new UnionFind();
    for (Edge e : edges) {
      uf.union(e.from(), e.to());
    }
    SortedMap<String, String> out = new TreeMap<>();
    for (String node : uf.parent.keySet()) {
      out.put(node, uf.find(node));
    }
    return out;
  }
}
