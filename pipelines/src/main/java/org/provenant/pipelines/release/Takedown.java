package org.provenant.pipelines.release;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.provenant.dedup.DedupSettings;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.lsh.BandKey;
import org.provenant.dedup.lsh.LshBanding;
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.filters.takedown.TakedownMatcher;
import org.provenant.filters.takedown.TakedownRequest;
import org.provenant.filters.takedown.TakedownStep;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.io.ShardFiles;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.pipelines.transforms.WriteShards;
import org.provenant.schemas.AvroRows;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.Counts;
import org.provenant.schemas.manifest.Derivation;
import org.provenant.schemas.manifest.ManifestJson;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * Derives a release from a finished one minus what removal requests name: every kept document a
 * request names ({@link TakedownMatcher}), every kept document in the dedup cluster of one
 * (same {@code dedup.cluster_id}, or the document the cluster is named after; and the kept document
 * of a duplicate in {@code rejected/} that a request names by URL, id or package), and every kept
 * document whose shingle set has Jaccard at least the threshold (0.8) with one, found through the
 * parent's MinHash settings and LSH bands and verified exactly (one hop: near duplicates of near
 * duplicates are not followed). Removed documents become rejected rows with reason {@code
 * takedown}, the request id in the detail, and for cluster members and near duplicates the
 * matched document in {@code duplicate_of} and the similarity. Rejected rows that are exact or near
 * duplicates of a removed document are relabelled {@code takedown} the same way.
 *
 * <p>The new release has the parent's shard layout: a document stays in the shard it was in
 * ({@code murmur3_32(id) mod shards}), rows keep their order, and shards with nothing to change
 * are copied byte for byte, so the result is as deterministic as curation. Its manifest is the
 * parent's with new counts and shards and a {@link Derivation} naming the parent's manifest hash
 * and the requests file's hash. Runs in one process, one shard in memory at a time, after
 * checking that the parent verifies.
 */
public final class Takedown {
  /** What a removal did to a document: which request, how it matched, and what it resembles. */
  record Removal(TakedownRequest request, String how, String duplicateOf, Double similarity) {}

  private final double threshold;

  private Takedown(double threshold) {
    this.threshold = threshold;
  }

  /** A takedown removing near duplicates at Jaccard {@code threshold} or more (0.8 by default). */
  public static Takedown withThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--similarity must be in (0, 1]: " + threshold);
    }
    return new Takedown(threshold);
  }

  /** Writes the derived release into {@code outputDir} (prepared, empty) and returns its manifest. */
  public RunManifest run(String parentDir, String requestsFile, byte[] requestsBytes, String outputDir, RunManifest.ToolInfo tool,
      ReleaseInfo release) throws IOException {
    return apply(parentDir, requestsFile, requestsBytes, outputDir, tool, release, false);
  }

  /**
   * Applies the requests to a release curate has just written, in place ({@code curate
   * --takedowns}): the same removals, written over the changed shards, and a manifest whose
   * derivation has kind {@code curation}, no parent, and the counts before the removals.
   */
  public RunManifest applyDuringCuration(String outputDir, String requestsFile, byte[] requestsBytes, ReleaseInfo release)
      throws IOException {
    RunManifest before = new OutputDir(outputDir).manifest().orElseThrow();
    return apply(outputDir, requestsFile, requestsBytes, outputDir, before.tool(), release, true);
  }

  private RunManifest apply(String parentDir, String requestsFile, byte[] requestsBytes, String outputDir, RunManifest.ToolInfo tool,
      ReleaseInfo release, boolean inPlace) throws IOException {
    String started = Instant.now().toString();
    OutputDir parent = new OutputDir(parentDir);
    OutputVerifier.Report check = new OutputVerifier().verify(parent);
    if (!check.ok()) {
      throw new IllegalArgumentException("the parent release does not verify: " + String.join("; ", check.problems()));
    }
    RunManifest pm = parent.manifest().orElseThrow();
    if (inPlace) {
      started = pm.startedAt();
    }
    byte[] parentManifest = OutputDir.readIfExists(parent.resolve("manifest.json")).orElseThrow();
    List<TakedownRequest> requests = org.provenant.filters.takedown.TakedownRequests.parse(requestsBytes, requestsFile);
    TakedownMatcher matcher = TakedownMatcher.of(requests);

    // pass 1: the documents requests name, and every cluster's members
    Map<String, Removal> removed = new TreeMap<>(); // by sort key: iterated in a fixed order
    Map<String, String> idOfKey = new HashMap<>();
    Map<String, List<String>> clusterMembers = new HashMap<>(); // cluster id -> sort keys
    Map<String, Document> matched = new TreeMap<>(); // sort key -> document, the direct matches
    for (ShardEntry e : pm.dataShards()) {
      forEachDocument(parent, e, d -> {
        String key = WriteShards.documentSortKey(d);
        String cluster = d.dedup().clusterId() == null ? d.id() : d.dedup().clusterId();
        clusterMembers.computeIfAbsent(cluster, k -> new ArrayList<>()).add(key);
        idOfKey.put(key, d.id());
        Optional<TakedownMatcher.Match> m = matcher.match(d);
        if (m.isPresent()) {
          removed.put(key, new Removal(m.get().request(), m.get().how(), null, null));
          matched.put(key, d);
        }
      });
    }
    // a request may name a duplicate dedup already removed: the document kept for it goes, as its cluster
    Map<String, Removal> viaRejected = new TreeMap<>(); // kept id -> removal
    for (ShardEntry e : pm.rejectedShards()) {
      forEachRow(parent, e, rec -> {
        Rejection x = AvroRows.rejectionFrom(rec);
        if (x.duplicateOf() == null || !isDuplicateReason(x.reason())) {
          return;
        }
        Optional<TakedownMatcher.Match> m = matcher.match(Document.of(x.id(), "", x.kind(), x.source(), List.of()));
        m.ifPresent(match -> viaRejected.merge(x.duplicateOf(), new Removal(match.request(), "cluster", x.id(), null),
            (a, b) -> requests.indexOf(a.request()) <= requests.indexOf(b.request()) ? a : b));
      });
    }
    if (!viaRejected.isEmpty()) {
      for (ShardEntry e : pm.dataShards()) {
        forEachDocument(parent, e, d -> {
          Removal r = viaRejected.get(d.id());
          String key = WriteShards.documentSortKey(d);
          if (r != null && !removed.containsKey(key)) {
            removed.put(key, r);
            matched.put(key, d);
          }
        });
      }
    }
    for (Map.Entry<String, Document> m : matched.entrySet()) {
      Document d = m.getValue();
      Removal why = removed.get(m.getKey());
      String cluster = d.dedup().clusterId() == null ? d.id() : d.dedup().clusterId();
      Set<String> tied = new java.util.TreeSet<>(clusterMembers.getOrDefault(cluster, List.of()));
      tied.addAll(clusterMembers.getOrDefault(d.id(), List.of()));
      for (String k : tied) {
        if (!removed.containsKey(k)) {
          removed.put(k, new Removal(why.request(), "cluster", d.id(), null));
        }
      }
    }

    // pass 2: near duplicates of the directly matched documents
    if (!matched.isEmpty()) {
      nearDuplicates(parent, pm, matched, removed);
    }

    // pass 3: write the derived shards
    Set<String> removedIds = new HashSet<>();
    removed.keySet().forEach(k -> removedIds.add(idOfKey.get(k)));
    Map<String, Removal> removedById = new HashMap<>();
    removed.forEach((k, r) -> removedById.putIfAbsent(idOfKey.get(k), r));
    ResourceId out = FileSystems.matchNewResource(outputDir, true);
    int rejectedShards = pm.rejectedShards().size();
    Map<Integer, List<Rejection>> newRejections = new TreeMap<>();
    List<ShardEntry> data = new ArrayList<>();
    for (ShardEntry e : pm.dataShards()) {
      List<GenericRecord> keep = new ArrayList<>();
      int[] dropped = {0};
      forEachDocument(parent, e, d -> {
        String key = WriteShards.documentSortKey(d);
        Removal r = removed.get(key);
        if (r == null) {
          keep.add(AvroRows.toRecord(d));
          return;
        }
        dropped[0]++;
        newRejections.computeIfAbsent(WriteShards.shardOf(d.id(), rejectedShards), k -> new ArrayList<>()).add(rejection(d, r));
      });
      data.add(dropped[0] == 0 ? (inPlace ? e : copy(parent, e, out)) : write(out, e, ProvenantSchemas.DOCUMENT, keep, new TreeMap<>()));
    }
    long[] relabelled = {0};
    List<ShardEntry> rejected = new ArrayList<>();
    for (int i = 0; i < pm.rejectedShards().size(); i++) {
      ShardEntry e = pm.rejectedShards().get(i);
      String name = e.path().substring(e.path().lastIndexOf('/') + 1);
      if (!name.equals(ShardFiles.shardName(i, rejectedShards))) {
        throw new IllegalArgumentException("the parent's rejected shards are not the layout curate writes: " + e.path());
      }
      List<Rejection> rows = new ArrayList<>(newRejections.getOrDefault(i, List.of()));
      int added = rows.size();
      long before = relabelled[0];
      forEachRow(parent, e, rec -> {
        Rejection x = AvroRows.rejectionFrom(rec);
        Removal of = x.duplicateOf() == null || !isDuplicateReason(x.reason()) ? null : removedById.get(x.duplicateOf());
        if (of != null) {
          relabelled[0]++;
          rows.add(relabel(x, of));
        } else {
          rows.add(x);
        }
      });
      if (added == 0 && relabelled[0] == before) {
        rejected.add(inPlace ? e : copy(parent, e, out));
        continue;
      }
      rows.sort(Comparator.comparing(WriteShards::rejectionSortKey));
      SortedMap<String, Long> byReason = new TreeMap<>();
      List<GenericRecord> records = new ArrayList<>(rows.size());
      for (Rejection x : rows) {
        byReason.merge(x.reason(), 1L, Long::sum);
        records.add(AvroRows.toRecord(x));
      }
      rejected.add(write(out, e, ProvenantSchemas.REJECTED, records, byReason));
    }

    SortedMap<String, Long> byRequest = new TreeMap<>();
    SortedMap<String, Long> byMatch = new TreeMap<>();
    removed.values().forEach(r -> {
      byRequest.merge(r.request().requestId(), 1L, Long::sum);
      byMatch.merge(r.how(), 1L, Long::sum);
    });
    Derivation how = new Derivation(inPlace ? Derivation.CURATION : Derivation.TAKEDOWN, inPlace ? null : parentDir,
        inPlace ? null : Hashing.sha256().hashBytes(parentManifest).toString(), pm.counts(), requestsFile,
        Hashing.sha256().hashBytes(requestsBytes).toString(), requests.size(), threshold, removed.size(), byRequest, byMatch,
        relabelled[0]);
    long kept = data.stream().mapToLong(ShardEntry::rows).sum();
    long rejectedRows = rejected.stream().mapToLong(ShardEntry::rows).sum();
    SortedMap<String, Long> byReason = new TreeMap<>();
    rejected.forEach(s -> s.rowsByReason().forEach((k, v) -> byReason.merge(k, v, Long::sum)));
    Counts counts = new Counts(pm.counts().recordsRead(), pm.counts().candidates(), kept, rejectedRows, byReason);
    RunManifest m = pm.derived(tool, started, Instant.now().toString(), counts, data, rejected, how);
    ShardFiles.writeAtomically(out, "manifest.json", ManifestJson.toBytes(m));
    ReleaseFiles.write(new OutputDir(outputDir), release);
    return m;
  }

  private void nearDuplicates(OutputDir parent, RunManifest pm, Map<String, Document> matched, Map<String, Removal> removed)
      throws IOException {
    DedupSettings settings = dedupSettings(pm);
    LshBanding banding = settings.banding();
    List<Document> sources = new ArrayList<>(matched.values());
    List<ShingleSet> sets = new ArrayList<>();
    Map<BandKey, List<Integer>> bands = new HashMap<>();
    try (MinHashSigner signer = settings.signature().newSigner()) {
      for (int i = 0; i < sources.size(); i++) {
        Document d = sources.get(i);
        MinHashSigner.Signed s = signer.signWithShingles(analysed(d.kind()), d.text());
        sets.add(s.shingles());
        if (s.shingles().isEmpty()) {
          continue;
        }
        for (BandKey k : banding.bandKeys(s.signature())) {
          bands.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
      }
      for (ShardEntry e : pm.dataShards()) {
        forEachDocument(parent, e, d -> {
          String key = WriteShards.documentSortKey(d);
          if (removed.containsKey(key)) {
            return;
          }
          MinHashSigner.Signed s = signer.signWithShingles(analysed(d.kind()), d.text());
          if (s.shingles().isEmpty()) {
            return;
          }
          Set<Integer> candidates = new java.util.TreeSet<>();
          for (BandKey k : banding.bandKeys(s.signature())) {
            candidates.addAll(bands.getOrDefault(k, List.of()));
          }
          int best = -1;
          double bestJ = -1;
          for (int c : candidates) {
            if (analysed(sources.get(c).kind()) != analysed(d.kind())) {
              continue;
            }
            double j = s.shingles().jaccard(sets.get(c));
            if (j >= threshold && j > bestJ) { // candidates ascend by sort key: ties keep the first
              best = c;
              bestJ = j;
            }
          }
          if (best >= 0) {
            Removal of = removed.get(WriteShards.documentSortKey(sources.get(best)));
            removed.put(key, new Removal(of.request(), "near_duplicate", sources.get(best).id(), Math.round(bestJ * 1e6) / 1e6));
          }
        });
      }
    }
  }

  /** Code is shingled as code, every other kind as text, as dedup does. */
  private static Kind analysed(Kind k) {
    return k == Kind.CODE ? Kind.CODE : Kind.TEXT;
  }

  /** The parent's dedup settings (shingle size, MinHash scheme, bands), or the defaults. */
  static DedupSettings dedupSettings(RunManifest pm) {
    try {
      return CurationConfig.parse(ManifestJson.mapper().writeValueAsString(pm.config())).dedup().settings();
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      return CurationConfig.DEFAULT.dedup().settings();
    }
  }

  private static boolean isDuplicateReason(String reason) {
    return reason.equals("exact_duplicate") || reason.equals("near_duplicate");
  }

  static Rejection rejection(Document d, Removal r) {
    String why = switch (r.how()) {
      case "cluster" -> "in the dedup cluster of " + r.duplicateOf() + ", which the request names";
      case "near_duplicate" -> "near duplicate (Jaccard " + r.similarity() + ") of " + r.duplicateOf() + ", which the request names";
      default -> r.request().describe();
    };
    Rejection x = d.reject(TakedownStep.STEP_ID, TakedownStep.TAKEDOWN, TakedownStep.detail(r.request(), why));
    return r.duplicateOf() == null ? x : x.asDuplicateOf(r.duplicateOf(), r.similarity() == null ? 1.0 : r.similarity());
  }

  static Rejection relabel(Rejection x, Removal of) {
    String detail = TakedownStep.detail(of.request(), x.reason() + " of " + x.duplicateOf() + ", which was removed");
    List<LineageEntry> lineage = new ArrayList<>(x.lineage());
    lineage.add(new LineageEntry(TakedownStep.STEP_ID, LineageEntry.REJECTED, TakedownStep.TAKEDOWN + ": " + detail));
    return new Rejection(x.id(), x.kind(), x.source(), x.license(), TakedownStep.STEP_ID, TakedownStep.TAKEDOWN, detail, x.duplicateOf(),
        x.similarity(), x.signals(), lineage);
  }

  private static ShardEntry write(ResourceId out, ShardEntry parentEntry, org.apache.avro.Schema schema, List<GenericRecord> rows,
      SortedMap<String, Long> byReason) throws IOException {
    String sub = parentEntry.path().substring(0, parentEntry.path().lastIndexOf('/'));
    String name = parentEntry.path().substring(parentEntry.path().lastIndexOf('/') + 1);
    ResourceId dir = out.resolve(sub, StandardResolveOptions.RESOLVE_DIRECTORY);
    return ShardFiles.write(dir, sub, name, schema, rows, byReason);
  }

  /** The parent's shard and its per-shard manifest, copied unchanged. */
  private static ShardEntry copy(OutputDir parent, ShardEntry e, ResourceId out) throws IOException {
    String sub = e.path().substring(0, e.path().lastIndexOf('/'));
    String name = e.path().substring(e.path().lastIndexOf('/') + 1);
    ResourceId dir = out.resolve(sub, StandardResolveOptions.RESOLVE_DIRECTORY);
    FileSystems.copy(List.of(parent.resolve(e.path())), List.of(dir.resolve(name, StandardResolveOptions.RESOLVE_FILE)));
    ShardFiles.writeAtomically(dir, ShardFiles.manifestName(name), ManifestJson.toBytes(e));
    return e;
  }

  interface DocumentAction {
    void accept(Document d);
  }

  private static void forEachDocument(OutputDir dir, ShardEntry e, DocumentAction action) throws IOException {
    forEachRow(dir, e, rec -> action.accept(AvroRows.documentFrom(rec)));
  }

  private static void forEachRow(OutputDir dir, ShardEntry e, java.util.function.Consumer<GenericRecord> action) throws IOException {
    List<MatchResult.Metadata> files = dir.list(e.path());
    if (files.isEmpty()) {
      throw new IOException(e.path() + " is missing");
    }
    OutputDir.forEachRow(files.get(0), action);
  }
}
