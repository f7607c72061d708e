package org.provenant.pipelines.transforms;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.provenant.filters.extract.WebExtractor;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.step.Outcome;
import org.provenant.pipelines.coders.OutcomeCoder;
import org.provenant.pipelines.config.CurationConfig;

/**
 * Turns candidates into outcomes: a document with text (HTML main content, or given text), or a
 * rejection. One output, so that on Flink the steps after it ({@link ApplySteps}) run fused in the
 * same operator chain and each document reaches them by reference, not encoded and decoded again.
 */
public final class ExtractText extends PTransform<PCollection<Candidate>, PCollection<Outcome>> {
  private final CurationConfig.Extract config;

  private ExtractText(CurationConfig.Extract config) {
    this.config = config;
  }

  public static ExtractText with(CurationConfig.Extract config) {
    return new ExtractText(config);
  }

  @Override
  public PCollection<Outcome> expand(PCollection<Candidate> candidates) {
    return candidates.apply("Extract", ParDo.of(new ExtractFn(config.acceptPlainText(), config.htmlSignals())))
        .setCoder(OutcomeCoder.of());
  }

  static final class ExtractFn extends DoFn<Candidate, Outcome> {
    private final Counter extracted = Metrics.counter(ExtractText.class, "extracted");
    private final Counter rejected = Metrics.counter(ExtractText.class, "rejected");
    private final boolean acceptPlainText;
    private final boolean htmlSignals;
    private transient WebExtractor extractor;

    ExtractFn(boolean acceptPlainText, boolean htmlSignals) {
      this.acceptPlainText = acceptPlainText;
      this.htmlSignals = htmlSignals;
    }

    @Setup
    public void setup() {
      extractor = new WebExtractor(acceptPlainText, htmlSignals);
    }

    @ProcessElement
    public void process(@Element Candidate c, OutputReceiver<Outcome> out) {
      Outcome o = extractor.extract(c);
      (o instanceof Outcome.Kept ? extracted : rejected).inc();
      out.output(o);
    }
  }
}
