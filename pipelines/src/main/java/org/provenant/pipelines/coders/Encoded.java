package org.provenant.pipelines.coders;

import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;

/**
 * Large elements carried as their encoded bytes across the outputs of a multi-output {@code
 * ParDo}.
 *
 * <p>Flink's batch translation runs a multi-output {@code ParDo} as one operator whose union output
 * goes to one pruning operator per output; each of them is a separate consumer, so every element of
 * every output is encoded and decoded once per output (a document read by a {@code ParDo} with
 * outputs for documents, rejections and file entries was decoded three times). A profile of 100k
 * documents had a fifth of its CPU samples in the document coder. Emitting the large output as
 * bytes makes those copies plain array copies; {@link #decode} turns the one output that is used
 * back into objects, once.
 */
public final class Encoded {
  private Encoded() {}

  /** The bytes of {@code value} under {@code coder}. */
  public static <T> byte[] bytes(Coder<T> coder, T value) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** The value {@code bytes} encode under {@code coder}. */
  public static <T> T value(Coder<T> coder, byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot decode bytes encoded by " + coder, e);
    }
  }

  /** Decodes each element with {@code coder}; the result has {@code coder}. */
  public static <T> PTransform<PCollection<byte[]>, PCollection<T>> decode(Coder<T> coder) {
    return new PTransform<>() {
      @Override
      public PCollection<T> expand(PCollection<byte[]> in) {
        return in.apply(ParDo.of(new DecodeFn<>(coder))).setCoder(coder);
      }
    };
  }

  /** Encodes each element with {@code coder}. */
  public static <T> PTransform<PCollection<T>, PCollection<byte[]>> encode(Coder<T> coder) {
    return new PTransform<>() {
      @Override
      public PCollection<byte[]> expand(PCollection<T> in) {
        return in.apply(ParDo.of(new EncodeFn<>(coder))).setCoder(ByteArrayCoder.of());
      }
    };
  }

  static final class EncodeFn<T> extends DoFn<T, byte[]> {
    private final Coder<T> coder;

    EncodeFn(Coder<T> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element T value, OutputReceiver<byte[]> out) {
      out.output(bytes(coder, value));
    }
  }

  static final class DecodeFn<T> extends DoFn<byte[], T> {
    private final Coder<T> coder;

    DecodeFn(Coder<T> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element byte[] bytes, OutputReceiver<T> out) {
      out.output(value(coder, bytes));
    }
  }
}
