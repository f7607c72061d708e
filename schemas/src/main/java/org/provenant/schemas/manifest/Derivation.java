package org.provenant.schemas.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a release was derived from an earlier one ({@code provenant takedown}, kind {@code takedown};
 * or by its own curation, kind {@code curation}, with no parent): the parent release,
 * the sha256 of its {@code manifest.json} (which hashes every parent shard, so the chain is
 * checkable), its counts, the requests file and its sha256, and what was removed: kept documents
 * moved to {@code rejected/} with reason {@code takedown} ({@code removed}, by request and by how
 * they matched: {@code url}, {@code package}, {@code passage}, ..., {@code cluster}, {@code
 * near_duplicate}), and rejected duplicates of removed documents relabelled {@code takedown}
 * ({@code relabelled}). Counts only, never contents.
 */
@JsonPropertyOrder({
  "kind", "parent", "parent_manifest_sha256", "parent_counts", "requests", "requests_sha256", "requests_count",
  "near_duplicate_threshold", "removed", "removed_by_request", "removed_by_match", "relabelled"
})
public record Derivation(
    @JsonProperty("kind") String kind,
    @JsonProperty("parent") String parent,
    @JsonProperty("parent_manifest_sha256") String parentManifestSha256,
    @JsonProperty("parent_counts") Counts parentCounts,
    @JsonProperty("requests") String requests,
    @JsonProperty("requests_sha256") String requestsSha256,
    @JsonProperty("requests_count") int requestsCount,
    @JsonProperty("near_duplicate_threshold") double nearDuplicateThreshold,
    @JsonProperty("removed") long removed,
    @JsonProperty("removed_by_request") SortedMap<String, Long> removedByRequest,
    @JsonProperty("removed_by_match") SortedMap<String, Long> removedByMatch,
    @JsonProperty("relabelled") long relabelled)
    implements Serializable {
  /** The kind of a release derived by removal requests. */
  public static final String TAKEDOWN = "takedown";
  /**
   * The kind of a release whose curation applied removal requests ({@code curate --takedowns}):
   * no parent; {@code parent_counts} are the run's counts before the removals.
   */
  public static final String CURATION = "curation";

  public Derivation {
    removedByRequest = removedByRequest == null ? new TreeMap<>() : new TreeMap<>(removedByRequest);
    removedByMatch = removedByMatch == null ? new TreeMap<>() : new TreeMap<>(removedByMatch);
  }
}
