package org.provenant.filters.quality;

import java.util.ArrayList;
import java.util.List;
import org.provenant.schemas.Signals.Statistic;

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

  /**
   * The numeric pairs of {@link #summary()} as typed statistics of step {@code step}, for the
   * document's {@code signals.statistics} column: the same names, and the values as the summary
   * rounds them.
   */
  default List<Statistic> asStatistics(String step) {
    List<Statistic> out = new ArrayList<>();
    for (String pair : summary().split(" ")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      try {
        out.add(new Statistic(step, pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1))));
      } catch (NumberFormatException e) {
        // Not a number (a flag or a word): stays in the summary only.
      }
    }
    return out;
  }
}
