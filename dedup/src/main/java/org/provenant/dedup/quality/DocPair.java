package org.provenant.dedup.quality;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * An unordered pair of distinct document ids, held with the smaller id ({@link String#compareTo})
 * first so that equal pairs are equal values. Ordered by first, then second id.
 */
public record DocPair(String first, String second) implements Comparable<DocPair>, Serializable {
  public DocPair {
    requireNonNull(first, "first");
    requireNonNull(second, "second");
    checkArgument(
        first.compareTo(second) < 0,
        "a pair needs first < second (use DocPair.of): %s, %s",
        first,
        second);
  }

  /** The pair of {@code a} and {@code b} in either order. */
  public static DocPair of(String a, String b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    checkArgument(!a.equals(b), "a pair needs two different ids: %s", a);
    return a.compareTo(b) < 0 ? new DocPair(a, b) : new DocPair(b, a);
  }

  @Override
  public int compareTo(DocPair o) {
    int c = first.compareTo(o.first);
    return c != 0 ? c : second.compareTo(o.second);
  }
}
