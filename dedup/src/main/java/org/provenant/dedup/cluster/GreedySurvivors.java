package org.provenant.dedup.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/**
 * Splits one connected component of verified near-duplicate pairs into clusters whose every
 * removed member is itself similar to the document kept for it, so that no document is removed as
 * a duplicate of one it does not resemble. Connected components are transitive (A~B and B~C join
 * A and C even when A and C share little); this step is not.
 *
 * <p>Greedy and deterministic: members are taken in the survivor rule's order; the first is kept,
 * and every remaining member whose similarity to it reaches the threshold is assigned to it; the
 * next unassigned member is kept, and so on. After {@code maxSurvivors} kept documents in one
 * component, the members still unassigned are kept as they are: never wrongly removed, at the price
 * of leaving some duplicates in a pathological component. Cost: at most {@code maxSurvivors}
 * similarity computations per member.
 *
 * @param <T> what a member carries (its signature or shingle set)
 */
public final class GreedySurvivors<T> {
  /** Kept documents per component after which the rest are kept unassigned. */
  public static final int DEFAULT_MAX_SURVIVORS = 256;

  /**
   * Where one member ends.
   *
   * @param member the member
   * @param survivor the member kept for it (itself when it is kept)
   * @param similarity its similarity to the survivor (1 for a survivor)
   * @param clusterIndex index of its cluster in this component, in order of the survivors
   */
  public record Assignment<T>(T member, T survivor, double similarity, int clusterIndex) {}

  private final ToDoubleBiFunction<T, T> similarity;
  private final Comparator<T> order;
  private final double threshold;
  private final int maxSurvivors;

  public GreedySurvivors(
      Function<T, ClusterMember> meta,
      ToDoubleBiFunction<T, T> similarity,
      SurvivorRule rule,
      double threshold,
      int maxSurvivors) {
    this(Comparator.comparing(requireNonNull(meta, "meta"), requireNonNull(rule, "rule").order()),
        similarity, threshold, maxSurvivors);
  }

  /**
   * A splitter taking members in {@code order} (for instance the survivor rule after a priority,
   * such as documents of an earlier release first).
   */
  public GreedySurvivors(
      Comparator<T> order, ToDoubleBiFunction<T, T> similarity, double threshold, int maxSurvivors) {
    this.order = requireNonNull(order, "order");
    this.similarity = requireNonNull(similarity, "similarity");
    checkArgument(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]: %s", threshold);
    checkArgument(maxSurvivors >= 1, "maxSurvivors must be at least 1: %s", maxSurvivors);
    this.threshold = threshold;
    this.maxSurvivors = maxSurvivors;
  }

  /** One assignment per member, in the survivor rule's order of the members. */
  public List<Assignment<T>> assign(List<T> members) {
    List<T> remaining = new ArrayList<>(members);
    remaining.sort(order);
    List<Assignment<T>> out = new ArrayList<>(members.size());
    int clusters = 0;
    while (!remaining.isEmpty()) {
      T kept = remaining.remove(0);
      int index = clusters++;
      out.add(new Assignment<>(kept, kept, 1.0, index));
      if (clusters > maxSurvivors) {
        continue; // over the cap: every member left is kept on its own
      }
      List<T> next = new ArrayList<>(remaining.size());
      for (T m : remaining) {
        double s = similarity.applyAsDouble(m, kept);
        if (s >= threshold) {
          out.add(new Assignment<>(m, kept, s, index));
        } else {
          next.add(m);
        }
      }
      remaining = next;
    }
    return out;
  }
}
