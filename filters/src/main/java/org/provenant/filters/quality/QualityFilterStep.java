package org.provenant.filters.quality;

import static java.util.Objects.requireNonNull;

import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;

/**
 * A {@link QualityFilter} as a pipeline step. A kept document gets a lineage entry with the
 * filter's statistics summary (outcome {@code modified} and the new text when the filter removed
 * lines, {@code ok} otherwise); a dropped one becomes a rejection with the filter's reason code and
 * the deciding statistic as its detail.
 */
public final class QualityFilterStep implements DocumentStep {
  private static final long serialVersionUID = 1L;

  private final QualityFilter<?> filter;

  QualityFilterStep(QualityFilter<?> filter) {
    this.filter = requireNonNull(filter, "filter");
  }

  /** The wrapped filter. */
  public QualityFilter<?> filter() {
    return filter;
  }

  @Override
  public String id() {
    return filter.stepId();
  }

  @Override
  public Outcome apply(Document document) {
    QualityVerdict<?> verdict = filter.check(document.text());
    Document measured = document.withSignals(
        document.signals().plusStatistics(verdict.statistics().asStatistics(id())));
    if (!verdict.kept()) {
      return Outcome.reject(measured.reject(id(), verdict.dropReason().get(), verdict.detail()));
    }
    if (verdict.rewrittenText().isPresent()) {
      return Outcome.keep(
          measured
              .withText(verdict.rewrittenText().get())
              .withStep(new LineageEntry(id(), LineageEntry.MODIFIED, verdict.detail())));
    }
    return Outcome.keep(measured.withStep(new LineageEntry(id(), LineageEntry.OK, verdict.detail())));
  }

  @Override
  public String toString() {
    return "QualityFilterStep[" + id() + "]";
  }
}
