package org.provenant.filters.quality;

/**
 * The numbers a quality filter computed for one text, as typed fields of a record. A kept
 * document's lineage carries {@link #summary()}, so a threshold can be revisited later.
 */
public interface QualityStatistics {
  /**
   * The key statistics as one compact line of {@code name=value} pairs separated by single spaces,
   * e.g. {@code words=523 mean_word_len=4.71 ...}; the same names as the reason codes where one
   * exists.
   */
  String summary();
}
