package org.provenant.filters.read;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What reading one input file found: records by type, candidates emitted (including those
 * rejected while reading), and why reading stopped early, if it did.
 */
public record ReadSummary(
    InputFormat format, long recordsRead, SortedMap<String, Long> recordsByType, long candidates, String error) {
  public ReadSummary {
    recordsByType = new TreeMap<>(recordsByType);
  }
}
