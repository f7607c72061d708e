package org.provenant.filters.lang;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats scores for details: at most four decimals, no trailing zeros. */
final class Scores {
  private Scores() {}

  static String fmt(double value) {
    BigDecimal d = new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }
}
