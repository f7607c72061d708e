package org.provenant.dedup.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Picks the document kept from a cluster of duplicates. Every rule is a total order ending with
 * the lowest id ({@link String#compareTo}), so the survivor does not depend on the order the
 * members arrive in: same cluster, same survivor, on every run and runner.
 *
 * <ul>
 *   <li>{@link #earliestCrawl()} (the default): earliest {@code crawlDate}, unknown dates last,
 *       then lowest id. Keeps the original over later copies.
 *   <li>{@link #longestText()}: longest text, then lowest id. Keeps the most complete copy.
 *   <li>{@link #mostPermissiveLicence}: highest {@link LicenceRanking} rank, then lowest id.
 * </ul>
 */
public final class SurvivorRule implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rule's criterion; the stable codes are for settings and run statistics. */
  public enum Criterion {
    EARLIEST_CRAWL("earliest_crawl"),
    LONGEST_TEXT("longest_text"),
    MOST_PERMISSIVE_LICENCE("most_permissive_licence");

    private final String code;

    Criterion(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** The default rule: earliest crawl date, then lowest id. */
  public static final Criterion DEFAULT_CRITERION = Criterion.EARLIEST_CRAWL;

  private static final Comparator<ClusterMember> BY_ID = Comparator.comparing(ClusterMember::id);

  private final Criterion criterion;
  private final LicenceRanking ranking;

  private SurvivorRule(Criterion criterion, LicenceRanking ranking) {
    this.criterion = criterion;
    this.ranking = ranking;
  }

  /** Earliest crawl date (null last), then lowest id. */
  public static SurvivorRule earliestCrawl() {
    return new SurvivorRule(Criterion.EARLIEST_CRAWL, null);
  }

  /** Longest text, then lowest id. */
  public static SurvivorRule longestText() {
    return new SurvivorRule(Criterion.LONGEST_TEXT, null);
  }

  /** Most permissive licence by {@code ranking} (highest rank wins), then lowest id. */
  public static SurvivorRule mostPermissiveLicence(LicenceRanking ranking) {
    requireNonNull(ranking, "licenceRanking must not be null for most_permissive_licence");
    return new SurvivorRule(Criterion.MOST_PERMISSIVE_LICENCE, ranking);
  }

  /** The default rule, {@link #earliestCrawl()}. */
  public static SurvivorRule defaults() {
    return earliestCrawl();
  }

  public Criterion criterion() {
    return criterion;
  }

  /** The total order of this rule: the survivor is the first member. */
  public Comparator<ClusterMember> order() {
    switch (criterion) {
      case EARLIEST_CRAWL:
        return Comparator.comparing(
                ClusterMember::crawlDate, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(BY_ID);
      case LONGEST_TEXT:
        return Comparator.comparingInt(ClusterMember::textLength).reversed().thenComparing(BY_ID);
      case MOST_PERMISSIVE_LICENCE:
        LicenceRanking r = ranking;
        return Comparator.<ClusterMember>comparingInt(m -> r.permissiveness(m.licence()))
            .reversed()
            .thenComparing(BY_ID);
      default:
        throw new AssertionError(criterion);
    }
  }

  /**
   * The survivor of a cluster: its first member in {@link #order()}.
   *
   * @throws IllegalArgumentException when the cluster is empty or two members share an id
   */
  public ClusterMember survivor(Iterable<ClusterMember> members) {
    requireNonNull(members, "members");
    Iterator<ClusterMember> it = members.iterator();
    checkArgument(it.hasNext(), "a cluster has at least one member");
    Comparator<ClusterMember> order = order();
    ClusterMember best = it.next();
    Set<String> ids = new HashSet<>();
    ids.add(best.id());
    while (it.hasNext()) {
      ClusterMember m = it.next();
      checkArgument(ids.add(m.id()), "duplicate member id in cluster: %s", m.id());
      if (order.compare(m, best) < 0) {
        best = m;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "SurvivorRule{" + criterion.code() + "}";
  }
}
