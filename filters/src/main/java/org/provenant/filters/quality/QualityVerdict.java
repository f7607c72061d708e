package org.provenant.filters.quality;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a quality filter decided about one text: keep, or drop with a stable reason code; the
 * statistics behind the decision; and, for filters that remove lines, the text to keep.
 *
 * @param dropReason the reason code when dropped ({@code dup_line_frac}, {@code gopher_short_doc},
 *     ...), empty when kept
 * @param detail for a drop, the statistic that decided it against its threshold ({@code
 *     dup_line_frac=0.6 > 0.3}); for a keep, {@link QualityStatistics#summary()}
 * @param statistics everything the filter computed
 * @param rewrittenText for a keep by a filter that edits text (C4's line filter), the text to keep
 *     when it differs from the input; empty otherwise
 * @param <S> the filter's statistics type
 */
public record QualityVerdict<S extends QualityStatistics>(
    Optional<String> dropReason, String detail, S statistics, Optional<String> rewrittenText) {

  public QualityVerdict {
    requireNonNull(dropReason, "dropReason");
    requireNonNull(detail, "detail");
    requireNonNull(statistics, "statistics");
    requireNonNull(rewrittenText, "rewrittenText");
    checkArgument(
        dropReason.isEmpty() || rewrittenText.isEmpty(), "a dropped text has no rewritten text");
  }

  /** Keep the text unchanged. */
  public static <S extends QualityStatistics> QualityVerdict<S> keep(S statistics) {
    return new QualityVerdict<>(Optional.empty(), statistics.summary(), statistics, Optional.empty());
  }

  /** Keep {@code newText} in place of the input, or the input itself when they are equal. */
  public static <S extends QualityStatistics> QualityVerdict<S> keep(
      S statistics, String input, String newText) {
    return new QualityVerdict<>(
        Optional.empty(),
        statistics.summary(),
        statistics,
        newText.equals(input) ? Optional.empty() : Optional.of(newText));
  }

  /** Drop with {@code reason}; {@code detail} names the deciding statistic. */
  public static <S extends QualityStatistics> QualityVerdict<S> drop(
      String reason, String detail, S statistics) {
    checkArgument(!reason.isEmpty(), "reason is empty");
    return new QualityVerdict<>(Optional.of(reason), detail, statistics, Optional.empty());
  }

  /** True when the text is kept. */
  public boolean kept() {
    return dropReason.isEmpty();
  }
}
