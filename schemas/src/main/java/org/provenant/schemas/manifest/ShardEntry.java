package org.provenant.schemas.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One Parquet shard as written: its path relative to the output directory, row count, size and
 * sha256, and (for rejected shards) its rows by reason. Also the content of the per-shard manifest
 * beside each shard.
 */
@JsonPropertyOrder({"path", "rows", "bytes", "sha256", "rows_by_reason"})
public record ShardEntry(
    @JsonProperty("path") String path,
    @JsonProperty("rows") long rows,
    @JsonProperty("bytes") long bytes,
    @JsonProperty("sha256") String sha256,
    @JsonProperty("rows_by_reason") SortedMap<String, Long> rowsByReason)
    implements java.io.Serializable {
  public ShardEntry {
    rowsByReason = rowsByReason == null ? new TreeMap<>() : new TreeMap<>(rowsByReason);
  }
}
