package org.provenant.pipelines.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.provenant.pipelines.io.ShardFiles;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.manifest.RunManifest;

/**
 * Writes {@code croissant.json} and the dataset card {@code README.md} beside a finished output's
 * manifest.json, each through a temporary file and a rename.
 */
public final class ReleaseFiles {
  public static final String CROISSANT = "croissant.json";
  public static final String CARD = "README.md";

  private ReleaseFiles() {}

  /** Writes both files for {@code dir}, whose manifest.json is already in place. */
  public static void write(OutputDir dir, ReleaseInfo release) throws IOException {
    byte[] manifestBytes = OutputDir.readIfExists(dir.resolve("manifest.json"))
        .orElseThrow(() -> new IOException("no manifest.json in " + dir.root()));
    RunManifest m = dir.manifest().orElseThrow();
    DatasetStats stats = DatasetStats.gather(dir, m);
    String defaultName = defaultName(dir);
    String sha = com.google.common.hash.Hashing.sha256().hashBytes(manifestBytes).toString();
    byte[] croissant = Croissant.toBytes(Croissant.build(stats, release, defaultName, sha, manifestBytes.length, location(dir)));
    var root = FileSystems.matchNewResource(dir.root(), true);
    ShardFiles.writeAtomically(root, CROISSANT, croissant);
    ShardFiles.writeAtomically(root, CARD, DatasetCard.render(stats, release, defaultName).getBytes(StandardCharsets.UTF_8));
  }

  /** The output directory as a URL: {@code file:///...} for a local path, the URI as given otherwise ({@code gs://...}). */
  static String location(OutputDir dir) {
    String root = dir.root();
    if (root.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      return root.endsWith("/") ? root : root + "/";
    }
    return java.nio.file.Path.of(root).toAbsolutePath().normalize().toUri().toString();
  }

  /** The name croissant.json gives the dataset, or the output directory's name when there is none. */
  public static String datasetName(OutputDir dir) throws IOException {
    var bytes = OutputDir.readIfExists(dir.resolve(CROISSANT));
    if (bytes.isPresent()) {
      String name = Croissant.read(bytes.get()).path("name").asText("");
      if (!name.isBlank()) {
        return name;
      }
    }
    return defaultName(dir);
  }

  /** The output directory's last path segment. */
  static String defaultName(OutputDir dir) {
    String r = dir.root().replaceAll("/+$", "");
    return r.substring(r.lastIndexOf('/') + 1);
  }
}
