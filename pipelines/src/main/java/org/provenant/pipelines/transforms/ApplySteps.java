package org.provenant.pipelines.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.pipelines.coders.OutcomeCoder;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.config.StepPlan;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;

/**
 * Runs the planned per-document steps in order, in one pass: a document goes through the steps of
 * its kind ({@link StepPlan#forKind}; web steps never see code files, code steps never see pages),
 * goes on while each step keeps it (each appends its lineage entry) and stops at the first
 * rejection, which carries the step's reason. Steps are built once per worker.
 *
 * <p>Outcomes come in and go out: extraction's rejections pass through, and each kept document
 * leaves as the last step made it, or as the step's rejection. One input and one output, so that on
 * Flink extraction, the steps and what follows them (dedup's signing, or the shard rows' encoding)
 * run in one operator chain and a document is handed on by reference, encoded only where it is
 * next needed as bytes. With no step at all (preset {@code none}) outcomes pass through unchanged,
 * so the pipeline has the same shape whatever is configured.
 */
public final class ApplySteps extends PTransform<PCollection<Outcome>, PCollection<Outcome>> {
  private final StepPlan plan;

  private ApplySteps(StepPlan plan) {
    this.plan = plan;
  }

  public static ApplySteps of(StepPlan plan) {
    return new ApplySteps(plan);
  }

  @Override
  public PCollection<Outcome> expand(PCollection<Outcome> docs) {
    return docs.apply("RunSteps", ParDo.of(new StepsFn(plan))).setCoder(OutcomeCoder.of());
  }

  static final class StepsFn extends DoFn<Outcome, Outcome> {
    private final StepPlan plan;
    private final List<Counter> rejectedBy = new ArrayList<>();
    /** Per kind (by ordinal), the indices into the plan's steps that documents of that kind go through. */
    private final int[][] stepsOfKind = new int[Kind.values().length][];
    private transient List<DocumentStep> steps;

    StepsFn(StepPlan plan) {
      this.plan = plan;
      List<CurationConfig.StepConfig> all = plan.steps();
      for (CurationConfig.StepConfig c : all) {
        rejectedBy.add(Metrics.counter(ApplySteps.class, "rejected_by_" + c.step()));
      }
      for (Kind k : Kind.values()) {
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          if (all.get(i).kindSet().contains(k)) {
            mine.add(i);
          }
        }
        stepsOfKind[k.ordinal()] = mine.stream().mapToInt(Integer::intValue).toArray();
      }
    }

    @Setup
    public void setup() {
      org.provenant.pipelines.io.ParquetBenchmarkItems.install(); // Beam file systems and Parquet benchmarks
      steps = new ArrayList<>();
      for (CurationConfig.StepConfig c : plan.steps()) {
        steps.add(c.build());
      }
    }

    @ProcessElement
    public void process(@Element Outcome extracted, OutputReceiver<Outcome> out) {
      if (extracted instanceof Outcome.Rejected) {
        out.output(extracted);
        return;
      }
      Document d = ((Outcome.Kept) extracted).document();
      for (int i : stepsOfKind[d.kind().ordinal()]) {
        Outcome o = steps.get(i).apply(d);
        if (o instanceof Outcome.Rejected) {
          rejectedBy.get(i).inc();
          out.output(o);
          return;
        }
        d = ((Outcome.Kept) o).document();
      }
      out.output(Outcome.keep(d));
    }
  }
}
