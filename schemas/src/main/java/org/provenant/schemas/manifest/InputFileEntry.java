package org.provenant.schemas.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One input file as read: uri, size and sha256 of its bytes, the format it was read as, how many
 * records of each type it held, how many became candidates, and the first read error if the file
 * could not be read to its end.
 */
@JsonPropertyOrder({"uri", "format", "bytes", "sha256", "records_read", "records_by_type", "candidates", "error"})
public record InputFileEntry(
    @JsonProperty("uri") String uri,
    @JsonProperty("format") String format,
    @JsonProperty("bytes") long bytes,
    @JsonProperty("sha256") String sha256,
    @JsonProperty("records_read") long recordsRead,
    @JsonProperty("records_by_type") SortedMap<String, Long> recordsByType,
    @JsonProperty("candidates") long candidates,
    @JsonProperty("error") String error)
    implements java.io.Serializable {
  public InputFileEntry {
    recordsByType = recordsByType == null ? new TreeMap<>() : new TreeMap<>(recordsByType);
  }
}
