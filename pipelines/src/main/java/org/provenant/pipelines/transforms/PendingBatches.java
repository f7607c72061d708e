package org.provenant.pipelines.transforms;

import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.apache.beam.sdk.values.KV;

/**
 * Items a {@code DoFn} holds by group (an int key of a later {@code GroupByKey}) before they go out
 * as one batch per group: a batch goes out when it holds {@code maxBatch} items, every batch when
 * {@code maxHeld} items are held, and the rest at the end of the bundle. A runner that sorts its
 * shuffles pays per record, so fewer, larger records cost less; a sent batch is never touched
 * again (the DirectRunner checks that outputs do not change).
 *
 * @param <B> the batch type
 */
final class PendingBatches<B> {
  private final Object[] batches;
  private final Supplier<B> create;
  private final ToIntFunction<B> size;
  private final int maxBatch;
  private final int maxHeld;
  private int held;

  PendingBatches(int groups, Supplier<B> create, ToIntFunction<B> size, int maxBatch, int maxHeld) {
    this.batches = new Object[groups];
    this.create = create;
    this.size = size;
    this.maxBatch = maxBatch;
    this.maxHeld = maxHeld;
  }

  /** The open batch of group {@code g}, to add one item to; then call {@link #added}. */
  @SuppressWarnings("unchecked")
  B batch(int g) {
    if (batches[g] == null) {
      batches[g] = create.get();
    }
    return (B) batches[g];
  }

  /** Counts the item just added to group {@code g}'s batch and sends what has to go. */
  @SuppressWarnings("unchecked")
  void added(int g, Consumer<KV<Integer, B>> send) {
    held++;
    B b = (B) batches[g];
    if (size.applyAsInt(b) >= maxBatch) {
      send.accept(KV.of(g, b));
      held -= size.applyAsInt(b);
      batches[g] = null;
    }
    if (held >= maxHeld) {
      sendAll(send);
    }
  }

  /** Sends every open batch, in group order. */
  @SuppressWarnings("unchecked")
  void sendAll(Consumer<KV<Integer, B>> send) {
    for (int g = 0; g < batches.length; g++) {
      if (batches[g] != null) {
        send.accept(KV.of(g, (B) batches[g]));
        batches[g] = null;
      }
    }
    held = 0;
  }
}
