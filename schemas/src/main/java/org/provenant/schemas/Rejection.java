package org.provenant.schemas;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/**
 * A candidate that was not kept: its identity and provenance, the step that rejected it and a
 * stable reason code, and what the steps measured before ({@code signals}, null when rejected
 * while reading). Written to {@code OUT/rejected/*.parquet}; every candidate ends as either a
 * {@link Document} in the data shards or one of these.
 */
public record Rejection(
    String id,
    Kind kind,
    Source source,
    License license,
    String step,
    String reason,
    String detail,
    String duplicateOf,
    Double similarity,
    Signals signals,
    List<LineageEntry> lineage)
    implements Serializable {

  public Rejection {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(source, "source");
    requireNonNull(step, "step");
    requireNonNull(reason, "reason");
    lineage = ImmutableList.copyOf(lineage);
  }

  /**
   * A candidate rejected by the step that read it: licence unknown, and a lineage of that one
   * step.
   */
  public static Rejection atRead(String id, Kind kind, Source source, String step, String reason, String detail) {
    return new Rejection(
        id, kind, source, null, step, reason, detail, null, null, null,
        List.of(new LineageEntry(step, LineageEntry.REJECTED, reason + ": " + detail)));
  }

  /** This rejection marked as a duplicate of the kept document {@code keptId}. */
  public Rejection asDuplicateOf(String keptId, double similarityValue) {
    return new Rejection(
        id, kind, source, license, step, reason, detail, keptId, similarityValue, signals, lineage);
  }
}
