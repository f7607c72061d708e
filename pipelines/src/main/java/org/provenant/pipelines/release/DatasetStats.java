package org.provenant.pipelines.release;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.manifest.RunManifest;

/**
 * What a finished output holds, summarised for a dataset card, Croissant's RAI fields and the HTML
 * report: the funnel through the steps, rejections by step and reason, languages, licences,
 * duplicate cluster sizes, domains and packages. Read from the manifest and a few projected columns
 * (never the text).
 */
public record DatasetStats(
    RunManifest manifest,
    List<FunnelStage> funnel,
    SortedMap<String, SortedMap<String, Long>> rejectedByStepAndReason,
    SortedMap<String, Long> kinds,
    SortedMap<String, Long> languages,
    SortedMap<String, Long> licences,
    long licenceConflicts,
    SortedMap<Integer, Long> clusterSizes,
    SortedMap<String, Long> domains,
    SortedMap<String, Long> packages,
    long optOutReserved,
    long piiEmails,
    long piiIpAddresses) {

  /** Documents left after a step: {@code remaining} = the previous stage's minus {@code rejected}. */
  public record FunnelStage(String step, long rejected, long remaining) {}

  /** Columns of kept documents the statistics read. */
  static final Projection DATA = Projection.of(ProvenantSchemas.DOCUMENT,
      "kind", "source.url", "source.package", "license.spdx", "license.conflict", "dedup.cluster_size",
      "signals.language", "signals.code_language", "signals.optout", "signals.pii", "lineage.step");

  /** Columns of rejected records the statistics read. */
  static final Projection REJECTED = Projection.of(ProvenantSchemas.REJECTED, "step", "reason", "lineage.step");

  /** Reads the statistics of {@code dir}, whose manifest is {@code manifest}. */
  public static DatasetStats gather(OutputDir dir, RunManifest manifest) throws IOException {
    StepOrder order = new StepOrder();
    SortedMap<String, SortedMap<String, Long>> byStep = new TreeMap<>();
    for (MatchResult.Metadata f : dir.list("rejected/*.parquet")) {
      REJECTED.forEachRow(f, r -> {
        String step = r.get("step").toString();
        byStep.computeIfAbsent(step, k -> new TreeMap<>()).merge(r.get("reason").toString(), 1L, Long::sum);
        order.add(lineageSteps(r));
        order.add(List.of(step));
      });
    }
    SortedMap<String, Long> kinds = new TreeMap<>();
    SortedMap<String, Long> languages = new TreeMap<>();
    SortedMap<String, Long> licences = new TreeMap<>();
    SortedMap<Integer, Long> clusters = new TreeMap<>();
    SortedMap<String, Long> domains = new TreeMap<>();
    SortedMap<String, Long> packages = new TreeMap<>();
    long[] tallies = new long[4]; // conflicts, opt-out reserved, emails, ips
    for (MatchResult.Metadata f : dir.list("data/*.parquet")) {
      DATA.forEachRow(f, r -> {
        order.add(lineageSteps(r));
        kinds.merge(r.get("kind").toString(), 1L, Long::sum);
        String lang = Projection.string(r, "signals.code_language");
        if (lang == null) {
          lang = Projection.string(r, "signals.language");
        }
        languages.merge(lang == null ? "unknown" : lang, 1L, Long::sum);
        String spdx = Projection.string(r, "license.spdx");
        licences.merge(spdx == null ? "unknown" : spdx, 1L, Long::sum);
        if (Boolean.TRUE.equals(Projection.get(r, "license.conflict"))) {
          tallies[0]++;
        }
        Object size = Projection.get(r, "dedup.cluster_size");
        if (size != null) {
          clusters.merge((Integer) size, 1L, Long::sum);
        }
        String host = host(Projection.string(r, "source.url"));
        if (host != null) {
          domains.merge(host, 1L, Long::sum);
        }
        String pkg = Projection.string(r, "source.package");
        if (pkg != null) {
          packages.merge(pkg, 1L, Long::sum);
        }
        Object optout = Projection.get(r, "signals.optout");
        if (optout instanceof List<?> l && l.stream().anyMatch(o -> Boolean.TRUE.equals(((GenericRecord) o).get("reserved")))) {
          tallies[1]++;
        }
        Object pii = Projection.get(r, "signals.pii");
        if (pii instanceof GenericRecord p) {
          tallies[2] += (Integer) p.get("emails");
          tallies[3] += (Integer) p.get("ip_addresses");
        }
      });
    }
    List<FunnelStage> funnel = new ArrayList<>();
    long remaining = manifest.counts().candidates();
    for (String step : order.steps()) {
      long rejected = byStep.getOrDefault(step, Collections.emptySortedMap()).values().stream().mapToLong(Long::longValue).sum();
      remaining -= rejected;
      funnel.add(new FunnelStage(step, rejected, remaining));
    }
    return new DatasetStats(manifest, List.copyOf(funnel), byStep, kinds, languages, licences, tallies[0], clusters, domains, packages,
        tallies[1], tallies[2], tallies[3]);
  }

  /** Rejections by reason summed over steps, as the manifest has them. */
  public SortedMap<String, Long> rejectedByReason() {
    return manifest.counts().rejectedByReason();
  }

  /** The {@code n} largest entries of {@code counts}, largest first, ties by key. */
  public static <K extends Comparable<K>> List<Map.Entry<K, Long>> top(Map<K, Long> counts, int n) {
    List<Map.Entry<K, Long>> all = new ArrayList<>(counts.entrySet());
    all.sort(Map.Entry.<K, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return all.subList(0, Math.min(n, all.size()));
  }

  private static List<String> lineageSteps(GenericRecord r) {
    List<String> steps = new ArrayList<>();
    Object lineage = r.get("lineage");
    if (lineage instanceof List<?> l) {
      for (Object e : l) {
        steps.add(((GenericRecord) e).get("step").toString());
      }
    }
    return steps;
  }

  static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = URI.create(url.strip()).getHost();
      return h == null ? null : h.toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Merges step sequences into one order: a step first seen after another is placed right after it. */
  static final class StepOrder {
    private final List<String> steps = new ArrayList<>();

    void add(List<String> sequence) {
      int at = -1;
      for (String s : sequence) {
        int i = steps.indexOf(s);
        if (i < 0) {
          steps.add(at + 1, s);
          i = at + 1;
        }
        at = i;
      }
    }

    List<String> steps() {
      return List.copyOf(steps);
    }
  }

  static <K> SortedMap<K, Long> copy(Map<K, Long> m) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(m));
  }

  static Map<String, Long> ordered(List<Map.Entry<String, Long>> entries) {
    Map<String, Long> m = new LinkedHashMap<>();
    entries.forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }
}
