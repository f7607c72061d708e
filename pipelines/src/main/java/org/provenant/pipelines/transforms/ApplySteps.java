package org.provenant.pipelines.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.provenant.pipelines.coders.AvroRowCoder;
import org.provenant.pipelines.coders.Encoded;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.config.StepPlan;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.Rejection;

/**
 * Runs the planned per-document steps in order, in one pass: a document goes through the steps of
 * its kind ({@link StepPlan#forKind}; web steps never see code files, code steps never see pages),
 * goes on while each step keeps it (each appends its lineage entry) and stops at the first
 * rejection, which carries the step's reason. Steps are built once per worker.
 *
 * <p>Extraction's outcomes come in ({@link ExtractText} has one output, so on Flink this step runs
 * in the same operator chain and each document arrives by reference); its rejections pass through
 * to {@link #REJECTED}. Kept documents leave encoded ({@link Encoded}, as dedup signs them),
 * encoded once here; with no step at all (preset {@code none}) they are only encoded, so the
 * pipeline has the same shape whatever is configured.
 */
public final class ApplySteps extends PTransform<PCollection<Outcome>, PCollectionTuple> {
  /** Kept documents, encoded. */
  public static final TupleTag<byte[]> KEPT = new TupleTag<>() {};
  /** The steps' rejections, and extraction's. */
  public static final TupleTag<Rejection> REJECTED = new TupleTag<>() {};

  private final StepPlan plan;

  private ApplySteps(StepPlan plan) {
    this.plan = plan;
  }

  public static ApplySteps of(StepPlan plan) {
    return new ApplySteps(plan);
  }

  @Override
  public PCollectionTuple expand(PCollection<Outcome> docs) {
    PCollectionTuple out = docs.apply("RunSteps", ParDo.of(new StepsFn(plan)).withOutputTags(KEPT, TupleTagList.of(REJECTED)));
    out.get(KEPT).setCoder(ByteArrayCoder.of());
    out.get(REJECTED).setCoder(AvroRowCoder.rejections());
    return out;
  }

  static final class StepsFn extends DoFn<Outcome, byte[]> {
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
    public void process(@Element Outcome extracted, MultiOutputReceiver out) {
      if (extracted instanceof Outcome.Rejected r) {
        out.get(REJECTED).output(r.rejection());
        return;
      }
      Document d = ((Outcome.Kept) extracted).document();
      for (int i : stepsOfKind[d.kind().ordinal()]) {
        Outcome o = steps.get(i).apply(d);
        if (o instanceof Outcome.Rejected r) {
          rejectedBy.get(i).inc();
          out.get(REJECTED).output(r.rejection());
          return;
        }
        d = ((Outcome.Kept) o).document();
      }
      out.get(KEPT).output(Encoded.bytes(AvroRowCoder.documents(), d));
    }
  }
}
