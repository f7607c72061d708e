package org.provenant.filters.quality;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A character fraction computed for n-grams of one size: for the top n-gram, the characters of
 * the most frequent n-gram times its count; for duplicate n-grams, the characters inside repeated
 * n-grams; both over the characters of the text.
 */
public record NGramFraction(int n, double fraction) {
  public NGramFraction {
    checkArgument(n >= 1, "n is less than 1: %s", n);
  }
}
