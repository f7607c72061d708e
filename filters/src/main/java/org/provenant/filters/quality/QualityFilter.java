package org.provenant.filters.quality;

import java.io.Serializable;
import org.provenant.filters.step.DocumentStep;

/**
 * A document-level quality heuristic over plain text: immutable, configured at construction,
 * safe to share between threads. {@link #asStep()} makes it a pipeline step.
 *
 * @param <S> the statistics it computes
 */
public interface QualityFilter<S extends QualityStatistics> extends Serializable {
  /** Name and version as written in lineage and rejections, e.g. {@code gopher_quality@1}. */
  String stepId();

  /** Computes the statistics of {@code text} and decides. */
  QualityVerdict<S> check(String text);

  /** This filter as a {@link DocumentStep} with id {@link #stepId()}. */
  default DocumentStep asStep() {
    return new QualityFilterStep(this);
  }
}
