package org.provenant.schemas.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The content of {@code OUT/manifest.json}, written last: which tool and configuration produced
 * the output, what was read, what was written, and the accounting. Its JSON Schema is {@code
 * schemas/json/manifest.schema.json}. {@code derivation} is null (and absent from the JSON) for a
 * curated release, and says what was removed from which parent for a derived one.
 */
@JsonPropertyOrder({
  "format", "tool", "runner", "started_at", "finished_at", "config_sha256", "config", "curation",
  "warnings", "maven_repository", "inputs", "counts", "accounting_ok", "data_shards", "rejected_shards", "derivation"
})
public record RunManifest(
    @JsonProperty("format") String format,
    @JsonProperty("tool") ToolInfo tool,
    @JsonProperty("runner") String runner,
    @JsonProperty("started_at") String startedAt,
    @JsonProperty("finished_at") String finishedAt,
    @JsonProperty("config_sha256") String configSha256,
    @JsonProperty("config") JsonNode config,
    @JsonProperty("curation") String curation,
    @JsonProperty("warnings") List<String> warnings,
    @JsonProperty("maven_repository") MavenRepositoryEntry mavenRepository,
    @JsonProperty("inputs") List<InputFileEntry> inputs,
    @JsonProperty("counts") Counts counts,
    @JsonProperty("accounting_ok") boolean accountingOk,
    @JsonProperty("data_shards") List<ShardEntry> dataShards,
    @JsonProperty("rejected_shards") List<ShardEntry> rejectedShards,
    @JsonProperty("derivation") @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Derivation derivation) {

  /** Name and version of the tool and the git commit it was built from. */
  @JsonPropertyOrder({"name", "version", "git_commit"})
  public record ToolInfo(
      @JsonProperty("name") String name,
      @JsonProperty("version") String version,
      @JsonProperty("git_commit") String gitCommit)
      implements java.io.Serializable {}

  /** This manifest for a derived release: new counts, shards, times and tool, and its derivation. */
  public RunManifest derived(ToolInfo newTool, String started, String finished, Counts newCounts, List<ShardEntry> data,
      List<ShardEntry> rejected, Derivation how) {
    return new RunManifest(format, newTool, runner, started, finished, configSha256, config, curation, warnings, mavenRepository, inputs, newCounts,
        newCounts.balanced(), data, rejected, how);
  }

  public RunManifest {
    warnings = warnings == null ? List.of() : List.copyOf(warnings); // manifests written before warnings existed
  }
}
