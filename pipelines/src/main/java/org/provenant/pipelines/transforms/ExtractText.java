package org.provenant.pipelines.transforms;

import org.provenant.pipelines.coders.AvroRowCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.provenant.pipelines.coders.Encoded;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.provenant.filters.extract.WebExtractor;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.step.Outcome;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.schemas.Rejection;

/** Turns candidates into documents with text (HTML main content, or given text), or rejections. */
public final class ExtractText extends PTransform<PCollection<Candidate>, PCollectionTuple> {
  /** Documents with text, encoded by {@link AvroRowCoder#documents()} ({@link Encoded#decode} makes them documents). */
  public static final TupleTag<byte[]> ENCODED_DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<Rejection> REJECTED = new TupleTag<>() {};

  private final CurationConfig.Extract config;

  private ExtractText(CurationConfig.Extract config) {
    this.config = config;
  }

  public static ExtractText with(CurationConfig.Extract config) {
    return new ExtractText(config);
  }

  @Override
  public PCollectionTuple expand(PCollection<Candidate> candidates) {
    // documents leave the two-output ParDo as bytes (Encoded)
    PCollectionTuple out =
        candidates.apply("Extract", ParDo.of(new ExtractFn(config.acceptPlainText(), config.htmlSignals())).withOutputTags(ENCODED_DOCUMENTS, TupleTagList.of(REJECTED)));
    out.get(ENCODED_DOCUMENTS).setCoder(ByteArrayCoder.of());
    out.get(REJECTED).setCoder(AvroRowCoder.rejections());
    return out;
  }

  static final class ExtractFn extends DoFn<Candidate, byte[]> {
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
    public void process(@Element Candidate c, MultiOutputReceiver out) {
      Outcome o = extractor.extract(c);
      if (o instanceof Outcome.Kept k) {
        extracted.inc();
        out.get(ENCODED_DOCUMENTS).output(Encoded.bytes(AvroRowCoder.documents(), k.document()));
      } else {
        rejected.inc();
        out.get(REJECTED).output(((Outcome.Rejected) o).rejection());
      }
    }
  }
}
