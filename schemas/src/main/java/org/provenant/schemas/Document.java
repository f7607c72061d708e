package org.provenant.schemas;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/**
 * A candidate that has text: what every curation step sees and what is written to
 * {@code OUT/data/*.parquet} when it is kept. Immutable; steps return modified copies.
 */
public record Document(
    String id,
    String text,
    Kind kind,
    Source source,
    License license,
    DedupInfo dedup,
    Signals signals,
    List<LineageEntry> lineage)
    implements Serializable {

  public Document {
    requireNonNull(id, "id");
    requireNonNull(text, "text");
    requireNonNull(kind, "kind");
    requireNonNull(source, "source");
    requireNonNull(license, "license");
    requireNonNull(dedup, "dedup");
    requireNonNull(signals, "signals");
    lineage = ImmutableList.copyOf(lineage);
  }

  /** A new document with only its identity, text and source; licence and dedup unknown. */
  public static Document of(String id, String text, Kind kind, Source source, List<LineageEntry> lineage) {
    return new Document(id, text, kind, source, License.UNKNOWN, DedupInfo.NONE, Signals.EMPTY, lineage);
  }

  /** This document with {@code entry} appended to its lineage. */
  public Document withStep(LineageEntry entry) {
    return new Document(
        id, text, kind, source, license, dedup, signals,
        ImmutableList.<LineageEntry>builder().addAll(lineage).add(entry).build());
  }

  public Document withText(String newText) {
    return new Document(id, newText, kind, source, license, dedup, signals, lineage);
  }

  public Document withLicense(License newLicense) {
    return new Document(id, text, kind, source, newLicense, dedup, signals, lineage);
  }

  public Document withDedup(DedupInfo newDedup) {
    return new Document(id, text, kind, source, license, newDedup, signals, lineage);
  }

  public Document withSignals(Signals newSignals) {
    return new Document(id, text, kind, source, license, dedup, newSignals, lineage);
  }

  /** The rejection of this document by {@code step} for {@code reason}, keeping its provenance. */
  public Rejection reject(String step, String reason, String detail) {
    return new Rejection(
        id, kind, source, license, step, reason, detail, null, null, signals,
        ImmutableList.<LineageEntry>builder()
            .addAll(lineage)
            .add(new LineageEntry(step, LineageEntry.REJECTED, reason + (detail == null ? "" : ": " + detail)))
            .build());
  }
}
