package org.provenant.filters.decontam;

import static java.util.Objects.requireNonNull;

/**
 * Where a document repeats a benchmark item: the item, the span of the document that matches it
 * (code point offsets, start inclusive, end exclusive, from the first to the last matching
 * token), the span's text as the document has it, how many normalised tokens match in a row, and
 * where the match starts in the item (token index).
 */
public record Overlap(
    String benchmark, String itemId, int start, int end, String matchedText, int tokens, int itemToken) {
  /** Matched text longer than this is cut in {@link #describe()} (the offsets are exact). */
  public static final int MAX_QUOTED_CHARS = 200;

  public Overlap {
    requireNonNull(benchmark, "benchmark");
    requireNonNull(itemId, "itemId");
    requireNonNull(matchedText, "matchedText");
  }

  /**
   * The rejection detail: {@code benchmark B item I: chars S-E (T tokens): "text"}, the text cut
   * at {@link #MAX_QUOTED_CHARS} code points with {@code ...}.
   */
  public String describe() {
    String quoted = matchedText;
    if (quoted.codePointCount(0, quoted.length()) > MAX_QUOTED_CHARS) {
      quoted = quoted.substring(0, quoted.offsetByCodePoints(0, MAX_QUOTED_CHARS)) + "...";
    }
    return "benchmark " + benchmark + " item " + itemId + ": chars " + start + "-" + end + " (" + tokens + " tokens): \""
        + quoted.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }
}
