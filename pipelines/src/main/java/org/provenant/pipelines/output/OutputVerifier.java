package org.provenant.pipelines.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.provenant.pipelines.io.ShardFiles;
import org.provenant.pipelines.release.CroissantCheck;
import org.provenant.schemas.manifest.ManifestJson;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * Checks an output directory against its manifests: every listed shard exists with the recorded
 * size, sha256 and row count, its per-shard manifest agrees, no unlisted shard lies beside them,
 * rejected rows by reason match, the accounting holds (candidates = kept + rejected), and
 * croissant.json lists every shard with the sha256 and size it has and the schema's columns.
 */
public final class OutputVerifier {
  /** What verification found; {@code problems} empty means the output is complete and intact. */
  public record Report(List<String> problems, String summary) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Report verify(OutputDir dir) throws IOException {
    List<String> problems = new ArrayList<>();
    Optional<RunManifest> maybe;
    try {
      maybe = dir.manifest();
    } catch (RuntimeException e) {
      return new Report(List.of("manifest.json is not a valid manifest: " + e.getMessage()), "");
    }
    if (maybe.isEmpty()) {
      return new Report(
          List.of("incomplete output: " + dir.root() + " has no manifest.json (the run did not finish, or this is not a Provenant output)"), "");
    }
    RunManifest m = maybe.get();
    Map<String, String[]> actual = new HashMap<>();
    checkShards(dir, "data", m.dataShards(), false, problems, actual);
    checkShards(dir, "rejected", m.rejectedShards(), true, problems, actual);
    actual.put("manifest.json", OutputDir.sha256AndSize(dir.resolve("manifest.json")));
    CroissantCheck.check(dir, m, actual, problems);
    long kept = m.dataShards().stream().mapToLong(ShardEntry::rows).sum();
    long rejected = m.rejectedShards().stream().mapToLong(ShardEntry::rows).sum();
    if (kept != m.counts().kept()) {
      problems.add("counts.kept is " + m.counts().kept() + " but the data shards hold " + kept + " rows");
    }
    if (rejected != m.counts().rejected()) {
      problems.add("counts.rejected is " + m.counts().rejected() + " but the rejected shards hold " + rejected + " rows");
    }
    long candidates = m.inputs().stream().mapToLong(i -> i.candidates()).sum();
    if (candidates != m.counts().candidates()) {
      problems.add("counts.candidates is " + m.counts().candidates() + " but the inputs list " + candidates);
    }
    if (!m.counts().balanced()) {
      problems.add("accounting does not hold: candidates " + m.counts().candidates() + " != kept " + m.counts().kept() + " + rejected " + m.counts().rejected()
          + " (or rejected_by_reason does not add up)");
    }
    if (m.accountingOk() != m.counts().balanced()) {
      problems.add("accounting_ok says " + m.accountingOk() + " but the counts say " + m.counts().balanced());
    }
    String chain = m.derivation() == null ? "" : checkDerivation(dir, m, problems);
    String summary = chain + String.format(
        "%d data shards (%d rows), %d rejected shards (%d rows); candidates %d = kept %d + rejected %d",
        m.dataShards().size(), kept, m.rejectedShards().size(), rejected, m.counts().candidates(), m.counts().kept(), m.counts().rejected());
    return new Report(problems, summary);
  }

  private void checkShards(OutputDir dir, String sub, List<ShardEntry> listed, boolean rejected, List<String> problems, Map<String, String[]> actual)
      throws IOException {
    Set<String> listedPaths = new HashSet<>();
    for (ShardEntry e : listed) {
      listedPaths.add(e.path());
      List<MatchResult.Metadata> found = dir.list(e.path());
      if (found.isEmpty()) {
        problems.add(e.path() + ": listed in the manifest but missing");
        continue;
      }
      MatchResult.Metadata f = found.get(0);
      String[] hs = OutputDir.sha256AndSize(f.resourceId());
      actual.put(e.path(), hs);
      if (Long.parseLong(hs[1]) != e.bytes()) {
        problems.add(e.path() + ": size is " + hs[1] + " bytes, manifest says " + e.bytes());
      }
      if (!hs[0].equals(e.sha256())) {
        problems.add(e.path() + ": sha256 is " + hs[0] + ", manifest says " + e.sha256());
      }
      long rows;
      try {
        rows = OutputDir.rowCount(f);
      } catch (IOException | RuntimeException ex) {
        problems.add(e.path() + ": not a readable Parquet file: " + ex.getMessage());
        continue;
      }
      if (rows != e.rows()) {
        problems.add(e.path() + ": holds " + rows + " rows, manifest says " + e.rows());
      }
      if (rejected) {
        SortedMap<String, Long> byReason = new TreeMap<>();
        OutputDir.forEachRow(f, r -> byReason.merge(r.get("reason").toString(), 1L, Long::sum));
        if (!byReason.equals(e.rowsByReason())) {
          problems.add(e.path() + ": rows by reason are " + byReason + ", manifest says " + e.rowsByReason());
        }
      }
      String shardName = e.path().substring(e.path().lastIndexOf('/') + 1);
      Optional<byte[]> own = OutputDir.readIfExists(dir.resolve(sub + "/" + ShardFiles.manifestName(shardName)));
      if (own.isEmpty()) {
        problems.add(e.path() + ": per-shard manifest " + ShardFiles.manifestName(shardName) + " is missing");
      } else if (!ManifestJson.read(own.get(), ShardEntry.class).equals(e)) {
        problems.add(e.path() + ": per-shard manifest disagrees with manifest.json");
      }
    }
    for (MatchResult.Metadata f : dir.list(sub + "/*.parquet")) {
      String rel = sub + "/" + f.resourceId().getFilename();
      if (!listedPaths.contains(rel)) {
        problems.add(rel + ": shard not listed in the manifest");
      }
    }
  }

  /**
   * A derived release: its counts are the parent's minus the removed documents, its reasons add up
   * ({@code takedown} rows = the parent's + removed + relabelled), and when the parent is where the
   * manifest says, its manifest.json has the recorded sha256 and counts. Returns a summary prefix.
   */
  private static String checkDerivation(OutputDir dir, RunManifest m, List<String> problems) throws IOException {
    org.provenant.schemas.manifest.Derivation d = m.derivation();
    org.provenant.schemas.manifest.Counts p = d.parentCounts();
    if (m.counts().kept() != p.kept() - d.removed()) {
      problems.add("derivation: kept is " + m.counts().kept() + " but the parent kept " + p.kept() + " and " + d.removed() + " were removed");
    }
    if (m.counts().rejected() != p.rejected() + d.removed()) {
      problems.add("derivation: rejected is " + m.counts().rejected() + " but the parent rejected " + p.rejected() + " and " + d.removed()
          + " were removed");
    }
    if (m.counts().candidates() != p.candidates()) {
      problems.add("derivation: candidates is " + m.counts().candidates() + " but the parent had " + p.candidates());
    }
    long takedowns = m.counts().rejectedByReason().getOrDefault("takedown", 0L);
    long expected = p.rejectedByReason().getOrDefault("takedown", 0L) + d.removed() + d.relabelled();
    if (takedowns != expected) {
      problems.add("derivation: " + takedowns + " takedown rows, expected " + expected + " (the parent's, the removed and the relabelled)");
    }
    long byRequest = d.removedByRequest().values().stream().mapToLong(Long::longValue).sum();
    long byMatch = d.removedByMatch().values().stream().mapToLong(Long::longValue).sum();
    if (byRequest != d.removed() || byMatch != d.removed()) {
      problems.add("derivation: removed is " + d.removed() + " but by request it adds up to " + byRequest + " and by match to " + byMatch);
    }
    if (d.parent() == null) {
      return "takedown requests " + d.requests() + " (sha256 " + d.requestsSha256() + ") applied during curation, " + d.removed() + " removed; ";
    }
    OutputDir parent = new OutputDir(d.parent());
    Optional<byte[]> parentManifest;
    try {
      parentManifest = OutputDir.readIfExists(parent.resolve("manifest.json"));
    } catch (IOException | RuntimeException e) {
      parentManifest = Optional.empty();
    }
    if (parentManifest.isEmpty()) {
      return "derived by takedown from " + d.parent() + " (not found here: its manifest sha256 " + d.parentManifestSha256()
          + " is recorded, not checked); ";
    }
    String sha = com.google.common.hash.Hashing.sha256().hashBytes(parentManifest.get()).toString();
    if (!sha.equals(d.parentManifestSha256())) {
      problems.add("derivation: the parent's manifest.json at " + d.parent() + " has sha256 " + sha + ", the manifest records "
          + d.parentManifestSha256());
    } else if (!ManifestJson.read(parentManifest.get(), RunManifest.class).counts().equals(p)) {
      problems.add("derivation: the parent's counts differ from the recorded parent_counts");
    }
    return "derived by takedown from " + d.parent() + " (manifest sha256 " + d.parentManifestSha256()
        + (sha.equals(d.parentManifestSha256()) ? ", checked" : ", MISMATCH") + "), " + d.removed() + " removed; ";
  }
}
