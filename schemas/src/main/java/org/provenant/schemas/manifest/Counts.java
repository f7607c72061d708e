package org.provenant.schemas.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.SortedMap;
import java.util.TreeMap;

/** The run's accounting: every candidate is either kept or rejected. */
@JsonPropertyOrder({"records_read", "candidates", "kept", "rejected", "rejected_by_reason"})
public record Counts(
    @JsonProperty("records_read") long recordsRead,
    @JsonProperty("candidates") long candidates,
    @JsonProperty("kept") long kept,
    @JsonProperty("rejected") long rejected,
    @JsonProperty("rejected_by_reason") SortedMap<String, Long> rejectedByReason) {
  public Counts {
    rejectedByReason = rejectedByReason == null ? new TreeMap<>() : new TreeMap<>(rejectedByReason);
  }

  /** True when candidates = kept + rejected and the reasons add up to the rejected count. */
  public boolean balanced() {
    long byReason = rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    return candidates == kept + rejected && byReason == rejected;
  }
}
