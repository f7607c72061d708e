package org.provenant.pipelines.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.provenant.filters.step.Outcome;

/**
 * Deterministic encoding of an {@link Outcome}: one byte, 0 for a kept document and 1 for a
 * rejection, then the row as {@link AvroRowCoder} encodes it. Where extraction hands its outcomes
 * to the steps inside one fused Flink stage they pass by reference and this coder is not used; a
 * runner that materialises them (the DirectRunner checks every element) encodes them with it.
 */
public final class OutcomeCoder extends AtomicCoder<Outcome> {
  private static final OutcomeCoder INSTANCE = new OutcomeCoder();
  private static final int KEPT = 0;
  private static final int REJECTED = 1;

  public static OutcomeCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Outcome outcome, OutputStream out) throws IOException {
    if (outcome instanceof Outcome.Kept k) {
      out.write(KEPT);
      AvroRowCoder.documents().encode(k.document(), out);
    } else if (outcome instanceof Outcome.Rejected r) {
      out.write(REJECTED);
      AvroRowCoder.rejections().encode(r.rejection(), out);
    } else {
      throw new CoderException("cannot encode a null outcome");
    }
  }

  @Override
  public Outcome decode(InputStream in) throws IOException {
    int tag = in.read();
    return switch (tag) {
      case KEPT -> Outcome.keep(AvroRowCoder.documents().decode(in));
      case REJECTED -> Outcome.reject(AvroRowCoder.rejections().decode(in));
      case -1 -> throw new CoderException("truncated outcome: no tag");
      default -> throw new CoderException("bad outcome tag " + tag);
    };
  }

  @Override
  public void verifyDeterministic() {}
}
