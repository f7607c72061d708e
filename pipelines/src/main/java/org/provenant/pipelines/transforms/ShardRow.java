package org.provenant.pipelines.transforms;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/**
 * One row on its way into a Parquet shard: the shard it goes to ({@code murmur3_32(id) mod n}),
 * the key it is sorted by inside the shard, the rejection reason it is counted under in the
 * shard's manifest (none for kept documents), and the row itself as Avro binary, encoded once
 * where the row was made. Encoded by {@link org.provenant.pipelines.coders.ShardRowCoder}.
 */
public final class ShardRow {
  private final int shard;
  private final String sortKey;
  private final String reason;
  private final byte[] avro;

  private ShardRow(int shard, String sortKey, String reason, byte[] avro) {
    if (shard < 0) {
      throw new IllegalArgumentException("shard is negative: " + shard);
    }
    this.shard = shard;
    this.sortKey = requireNonNull(sortKey, "sortKey");
    this.reason = requireNonNull(reason, "reason");
    this.avro = requireNonNull(avro, "avro");
  }

  /** A kept document's row. */
  public static ShardRow kept(int shard, String sortKey, byte[] avro) {
    return new ShardRow(shard, sortKey, "", avro);
  }

  /** A rejected candidate's row, counted under {@code reason}. */
  public static ShardRow rejected(int shard, String sortKey, String reason, byte[] avro) {
    if (reason.isEmpty()) {
      throw new IllegalArgumentException("a rejected row needs a reason");
    }
    return new ShardRow(shard, sortKey, reason, avro);
  }

  /** The row that makes shard {@code shard} exist when no data goes to it: it is not written. */
  static ShardRow marker(int shard) {
    return new ShardRow(shard, "", "", new byte[0]);
  }

  /** As the coder reads it back: {@code reason} empty for a kept row or a marker. */
  public static ShardRow decoded(int shard, String sortKey, String reason, byte[] avro) {
    return new ShardRow(shard, sortKey, reason, avro);
  }

  public int shard() {
    return shard;
  }

  public String sortKey() {
    return sortKey;
  }

  /** The rejection reason; empty for a kept document. */
  public Optional<String> reason() {
    return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
  }

  /** The reason as encoded: empty for a kept document. */
  public String reasonCode() {
    return reason;
  }

  /** The row's Avro binary (not copied: do not change it). */
  public byte[] avro() {
    return avro;
  }

  /** True for the empty-shard marker, which is not written. */
  boolean isMarker() {
    return sortKey.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardRow r && r.shard == shard && r.sortKey.equals(sortKey) && r.reason.equals(reason)
        && Arrays.equals(r.avro, avro);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * shard + sortKey.hashCode()) + reason.hashCode()) + Arrays.hashCode(avro);
  }

  @Override
  public String toString() {
    return "ShardRow[" + shard + ", " + sortKey.replace('\u0000', '|') + ", " + reason + ", " + avro.length + " bytes]";
  }
}
