package org.provenant.pipelines.transforms;

import com.google.common.collect.ImmutableList;
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
import org.provenant.pipelines.coders.AvroRowCoder;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;

/**
 * Runs the configured per-document steps in order, in one pass: a document goes on while each step
 * keeps it (each appends its lineage entry) and stops at the first rejection, which carries the
 * step's reason. Steps are built once per worker.
 */
public final class ApplySteps extends PTransform<PCollection<Document>, PCollectionTuple> {
  public static final TupleTag<Document> KEPT = new TupleTag<>() {};
  public static final TupleTag<Rejection> REJECTED = new TupleTag<>() {};

  private final List<CurationConfig.StepConfig> steps;

  private ApplySteps(List<CurationConfig.StepConfig> steps) {
    this.steps = ImmutableList.copyOf(steps);
  }

  public static ApplySteps of(List<CurationConfig.StepConfig> steps) {
    return new ApplySteps(steps);
  }

  @Override
  public PCollectionTuple expand(PCollection<Document> docs) {
    PCollectionTuple out = docs.apply("RunSteps", ParDo.of(new StepsFn(steps)).withOutputTags(KEPT, TupleTagList.of(REJECTED)));
    out.get(KEPT).setCoder(AvroRowCoder.documents());
    out.get(REJECTED).setCoder(AvroRowCoder.rejections());
    return out;
  }

  static final class StepsFn extends DoFn<Document, Document> {
    private final List<CurationConfig.StepConfig> configs;
    private final List<Counter> rejectedBy = new ArrayList<>();
    private transient List<DocumentStep> steps;

    StepsFn(List<CurationConfig.StepConfig> configs) {
      this.configs = configs;
      for (CurationConfig.StepConfig c : configs) {
        rejectedBy.add(Metrics.counter(ApplySteps.class, "rejected_by_" + c.step()));
      }
    }

    @Setup
    public void setup() {
      org.provenant.filters.step.StepFiles.use(org.provenant.pipelines.io.BeamStepFiles.INSTANCE);
      steps = new ArrayList<>();
      for (CurationConfig.StepConfig c : configs) {
        steps.add(c.build());
      }
    }

    @ProcessElement
    public void process(@Element Document doc, MultiOutputReceiver out) {
      Document d = doc;
      for (int i = 0; i < steps.size(); i++) {
        Outcome o = steps.get(i).apply(d);
        if (o instanceof Outcome.Rejected r) {
          rejectedBy.get(i).inc();
          out.get(REJECTED).output(r.rejection());
          return;
        }
        d = ((Outcome.Kept) o).document();
      }
      out.get(KEPT).output(d);
    }
  }
}
