package org.provenant.filters.decontam;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Signals.Statistic;

/**
 * Keeps benchmark text out of a release: rejects a document that shares a word n-gram (13 by
 * default) with an item of the configured benchmarks, with reason {@value #BENCHMARK_OVERLAP} and
 * a detail naming the benchmark, the item and the overlapping span ({@link Overlap#describe()}),
 * and the match length as the statistic {@code overlap_tokens}. A kept document's lineage says
 * how many items it was checked against.
 */
public final class DecontaminationStep implements DocumentStep {
  private static final long serialVersionUID = 1L;
  public static final String STEP_ID = "decontaminate@1";
  public static final String BENCHMARK_OVERLAP = "benchmark_overlap";

  private final transient BenchmarkIndex index;
  private final String keptNote;

  public DecontaminationStep(BenchmarkIndex index) {
    this.index = requireNonNull(index, "index");
    this.keptNote = "no " + index.n() + "-gram of " + index.items().size() + " benchmark items";
  }

  public BenchmarkIndex index() {
    return index;
  }

  @Override
  public String id() {
    return STEP_ID;
  }

  @Override
  public Outcome apply(Document document) {
    Optional<Overlap> hit = index.first(document.text());
    if (hit.isEmpty()) {
      return Outcome.keep(document.withStep(new LineageEntry(STEP_ID, LineageEntry.OK, keptNote)));
    }
    Overlap o = hit.get();
    Document measured = document.withSignals(
        document.signals().plusStatistics(List.of(new Statistic(STEP_ID, "overlap_tokens", o.tokens()))));
    return Outcome.reject(measured.reject(STEP_ID, BENCHMARK_OVERLAP, o.describe()));
  }
}
