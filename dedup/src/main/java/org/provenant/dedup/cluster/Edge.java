package org.provenant.dedup.cluster;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Comparator;

/**
 * An edge between two documents (by id) in the duplicate graph: a verified near-duplicate pair,
 * or an intermediate edge of the star rounds. Undirected in the graph; the order of {@code from}
 * and {@code to} carries meaning only where a method says so.
 */
public record Edge(String from, String to) implements Serializable {
  /** By {@code from}, then {@code to}, in {@link String#compareTo} order. */
  public static final Comparator<Edge> ORDER =
      Comparator.comparing(Edge::from).thenComparing(Edge::to);

  public Edge {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }

  /** The same edge with the smaller id first. */
  public Edge canonical() {
    return from.compareTo(to) <= 0 ? this : new Edge(to, from);
  }

  public boolean isSelfLoop() {
    return from.equals(to);
  }
}
