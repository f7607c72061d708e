package org.provenant.pipelines.release;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.provenant.schemas.manifest.InputFileEntry;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * The dataset card ({@code OUT/README.md}): what the dataset is, its counts and funnel, rejections
 * by reason, licences and languages, how to load it, and which columns carry provenance.
 */
public final class DatasetCard {
  private DatasetCard() {}

  /** A description made from the counts, used when the run names none. */
  public static String generatedDescription(DatasetStats s) {
    RunManifest m = s.manifest();
    return String.format("%,d documents (%s) curated by %s %s from %d input file(s); every document records the file and byte offset it came from, "
            + "its licence evidence, its duplicate cluster and every step it passed. %,d rejected candidates are kept beside it with their reasons.",
        m.counts().kept(), inline(s.kinds()), m.tool().name(), m.tool().version(), m.inputs().size(), m.counts().rejected());
  }

  /** One line per step that ran, in order: its parameters from the configuration and what it rejected. */
  public static List<String> protocol(DatasetStats s) {
    JsonNode config = s.manifest().config();
    List<String> lines = new ArrayList<>();
    long before = s.manifest().counts().candidates();
    for (DatasetStats.FunnelStage st : s.funnel()) {
      StringBuilder b = new StringBuilder(st.step());
      String params = params(config, st.step());
      if (params != null) {
        b.append(" ").append(params);
      }
      b.append(String.format(": %,d in, %,d rejected", before, st.rejected()));
      SortedMap<String, Long> reasons = s.rejectedByStepAndReason().get(st.step());
      if (reasons != null && !reasons.isEmpty()) {
        b.append(" (").append(inline(reasons)).append(")");
      }
      b.append(String.format(", %,d remain", st.remaining()));
      lines.add(b.toString());
      before = st.remaining();
    }
    return lines;
  }

  /**
   * The configured parameters of a step ("name@version"), as compact JSON, or null when the
   * configuration does not list it; a step that runs with other parameters on another kind (the
   * licence policy on pages and on code) gives each set with its kinds: {@code code: {...}; text,
   * web: {...}}.
   */
  static String params(JsonNode config, String step) {
    String name = step.contains("@") ? step.substring(0, step.indexOf('@')) : step;
    java.util.Map<String, java.util.List<String>> kindsByParams = new java.util.LinkedHashMap<>();
    config.path("effective_steps").fields().forEachRemaining(kind -> {
      for (JsonNode st : kind.getValue()) {
        if (st.path("step").asText().equals(name)) {
          java.util.List<String> kinds = kindsByParams.computeIfAbsent(st.path("params").toString(), x -> new ArrayList<>());
          if (!kinds.contains(kind.getKey())) {
            kinds.add(kind.getKey());
          }
        }
      }
    });
    if (kindsByParams.size() == 1) {
      return kindsByParams.keySet().iterator().next();
    }
    if (kindsByParams.size() > 1) {
      return kindsByParams.entrySet().stream().map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
          .collect(Collectors.joining("; "));
    }
    if (name.startsWith("dedup") && config.has("dedup")) {
      return config.get("dedup").toString();
    }
    return null;
  }

  /** Per kind of document in the output's configuration, the names of the steps it went through: {@code web: optout, license_policy, ...}. */
  public static List<String> stepsByKind(RunManifest m) {
    List<String> lines = new ArrayList<>();
    m.config().path("effective_steps").fields().forEachRemaining(kind -> {
      List<String> names = new ArrayList<>();
      kind.getValue().forEach(st -> names.add(st.path("step").asText()));
      lines.add(kind.getKey() + ": " + (names.isEmpty() ? "no steps" : String.join(", ", names)));
    });
    return lines;
  }

  /** {@code a 3, b 1}, in the map's order. */
  public static String inline(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    return counts.entrySet().stream().map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(", "));
  }

  /** The whole card. */
  public static String render(DatasetStats s, ReleaseInfo release, String defaultName) {
    RunManifest m = s.manifest();
    String name = release.nameOr(defaultName);
    StringBuilder b = new StringBuilder();
    b.append("---\n");
    b.append("pretty_name: ").append(yaml(name)).append('\n');
    b.append("license: ").append(yaml(release.licenseOrDefault().toLowerCase(java.util.Locale.ROOT))).append('\n');
    b.append("configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data/*.parquet\n");
    b.append("---\n\n");
    b.append("# ").append(name).append("\n\n");
    b.append(release.descriptionOr(generatedDescription(s))).append("\n\n");
    b.append("| | |\n|---|---|\n");
    row(b, "version", release.versionOrDefault());
    row(b, "licence of the dataset", release.licenseOrDefault() + " (each document keeps its own licence in `license.spdx`)");
    if (!release.creators().isEmpty()) {
      row(b, "creators", String.join(", ", release.creators()));
    }
    if (release.url() != null) {
      row(b, "home page", release.url());
    }
    row(b, "made by", m.tool().name() + " " + m.tool().version() + (m.tool().gitCommit() == null ? "" : " (commit " + m.tool().gitCommit() + ")") + ", runner " + m.runner());
    row(b, "run", m.startedAt() + " to " + m.finishedAt());
    row(b, "configuration sha256", "`" + m.configSha256() + "` (configuration in manifest.json)");
    row(b, "machine-readable description", "croissant.json (Croissant 1.1)");
    b.append('\n');

    b.append("## Curation\n\n");
    for (String w : m.warnings()) {
      b.append("> **Warning:** ").append(w).append("\n\n");
    }
    if (m.curation() != null) {
      b.append("Steps decided by: ").append(m.curation()).append(". Each kind of document went through its own steps, in order ")
          .append("(parameters in `manifest.json` under `config.effective_steps`):\n\n");
    }
    for (String line : stepsByKind(m)) {
      b.append("- ").append(line).append('\n');
    }
    b.append('\n');
    if (m.derivation() != null) {
      b.append("## Removals\n\n");
      for (String line : removals(m)) {
        b.append("- ").append(line).append('\n');
      }
      b.append('\n');
    }
    b.append("## Counts\n\n");
    b.append(String.format("%,d records read, %,d candidate documents, **%,d kept**, %,d rejected. Accounting %s.%n%n",
        m.counts().recordsRead(), m.counts().candidates(), m.counts().kept(), m.counts().rejected(),
        m.accountingOk() ? "holds: candidates = kept + rejected" : "DOES NOT HOLD"));
    b.append("## Funnel\n\n| step | rejected | remaining |\n|---|---:|---:|\n");
    b.append(String.format("| candidates | | %,d |%n", m.counts().candidates()));
    for (DatasetStats.FunnelStage st : s.funnel()) {
      b.append(String.format("| %s | %,d | %,d |%n", st.step(), st.rejected(), st.remaining()));
    }
    b.append(String.format("| **kept** | | **%,d** |%n%n", m.counts().kept()));
    b.append("## Rejections by reason\n\n");
    table(b, "reason", s.rejectedByReason());
    b.append("## Licences of kept documents\n\n");
    table(b, "licence (SPDX)", sortedByCount(s.licences()));
    if (s.licenceConflicts() > 0) {
      b.append(String.format("%,d documents have conflicting licence statements (`license.conflict`).%n%n", s.licenceConflicts()));
    }
    b.append("## Languages\n\n");
    table(b, "language", sortedByCount(s.languages()));
    if (!s.clusterSizes().isEmpty()) {
      b.append("## Duplicate clusters\n\nEach kept document stands for a cluster of exact or near duplicates; the others are in `rejected/` with `duplicate_of`.\n\n");
      b.append("| cluster size | documents |\n|---:|---:|\n");
      s.clusterSizes().forEach((k, v) -> b.append(String.format("| %d | %,d |%n", k, v)));
      b.append('\n');
    }
    b.append("## Files\n\n| file | rows | bytes | sha256 |\n|---|---:|---:|---|\n");
    for (ShardEntry e : concat(m.dataShards(), m.rejectedShards())) {
      b.append(String.format("| %s | %,d | %,d | `%s` |%n", e.path(), e.rows(), e.bytes(), e.sha256()));
    }
    b.append("\nInputs:\n\n| input | format | bytes | sha256 | candidates |\n|---|---|---:|---|---:|\n");
    for (InputFileEntry in : m.inputs()) {
      b.append(String.format("| %s | %s | %,d | `%s` | %,d |%n", in.uri(), in.format(), in.bytes(), in.sha256(), in.candidates()));
    }
    b.append("\n## How to load\n\n");
    b.append("DuckDB:\n\n```sql\nSELECT id, source.url, license.spdx, text FROM read_parquet('data/*.parquet') LIMIT 5;\n```\n\n");
    b.append("pyarrow:\n\n```python\nimport pyarrow.dataset as ds\ntable = ds.dataset('data', format='parquet').to_table(columns=['id', 'text', 'source'])\n```\n\n");
    b.append("Hugging Face datasets:\n\n```python\nfrom datasets import load_dataset\nds = load_dataset('parquet', data_files={'train': 'data/*.parquet'})['train']\n```\n\n");
    b.append("`provenant export DIR --format arrow|jsonl --out EXPORT` writes Arrow IPC or Dolma-style JSONL; ");
    b.append("`provenant verify DIR` recomputes every sha256 against manifest.json and croissant.json.\n\n");
    b.append("## Provenance columns\n\n");
    b.append("| column | meaning |\n|---|---|\n");
    row(b, "`id`", "stable id: the same input gives the same id on every run");
    row(b, "`source.uri`, `source.offset`", "input file and byte offset (row number for Parquet inputs) of the record");
    row(b, "`source.record_id`, `source.url`, `source.date`, `source.payload_digest`", "WARC record id, URL, capture date and payload digest");
    row(b, "`license.spdx`, `license.evidence[]`, `license.conflict`", "licence, each statement it was read from, and whether they disagree");
    row(b, "`dedup.cluster_id`, `dedup.cluster_size`", "duplicate cluster this document stands for");
    row(b, "`signals`", "language and score, quality statistics, opt-out statements, PII replacement counts");
    row(b, "`lineage[]`", "every step the document passed, in order, with its outcome");
    row(b, "`rejected/`: `step`, `reason`, `detail`, `duplicate_of`, `similarity`", "why a candidate was not kept");
    b.append("\n`provenant inspect DIR --id ID` shows one record's provenance; `provenant trace DIR \"passage\"` finds the documents that contain a passage.\n");
    return b.toString();
  }

  private static List<ShardEntry> concat(List<ShardEntry> a, List<ShardEntry> b) {
    List<ShardEntry> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static Map<String, Long> sortedByCount(Map<String, Long> m) {
    return DatasetStats.ordered(DatasetStats.top(m, Integer.MAX_VALUE));
  }

  private static void table(StringBuilder b, String header, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      b.append("None.\n\n");
      return;
    }
    b.append("| ").append(header).append(" | documents |\n|---|---:|\n");
    counts.forEach((k, v) -> b.append(String.format("| %s | %,d |%n", k, v)));
    b.append('\n');
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n");
  }

  private static String yaml(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * What a derived release removed from its parent and why, as counts (never contents): the
   * parent and its manifest hash, the requests file and its hash, and the removals by request and
   * by how they matched. Empty for a curated release.
   */
  static List<String> removals(RunManifest m) {
    var d = m.derivation();
    if (d == null) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>();
    if (d.parent() == null) {
      out.add(String.format("%,d removal request(s) in `%s` (sha256 `%s`) applied during curation", d.requestsCount(), d.requests(),
          d.requestsSha256()));
    } else {
      out.add(String.format("derived from `%s` (manifest.json sha256 `%s`) by %,d removal request(s) in `%s` (sha256 `%s`)",
          d.parent(), d.parentManifestSha256(), d.requestsCount(), d.requests(), d.requestsSha256()));
    }
    out.add(String.format("%,d kept document(s) of the %s removed (now rejected rows with reason `takedown` and the request id),"
        + " of %,d; %,d rejected duplicate(s) of removed documents relabelled `takedown`", d.removed(), d.parent() == null ? "run" : "parent", d.parentCounts().kept(), d.relabelled()));
    out.add("removed by how they matched: " + (d.removedByMatch().isEmpty() ? "none" : inline(d.removedByMatch()))
        + String.format(" (near duplicates: Jaccard >= %s with a matched document; cluster: in its dedup cluster)", d.nearDuplicateThreshold()));
    out.add("removed by request: " + (d.removedByRequest().isEmpty() ? "none" : inline(d.removedByRequest())));
    return out;
  }
}
