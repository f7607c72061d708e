package org.provenant.filters.code;

import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The package-level files of one package (licence texts, NOTICE, README, {@code *.license}
 * sidecars, package manifests), by their path inside the package, as collected by the first pass
 * of {@link CodePackageReader}. Each text is cut at {@link #MAX_FILE_CHARS}. Immutable.
 *
 * @param archiveName the last name of the archive or directory, e.g. {@code lodash-4.17.21.tgz}
 */
public record PackageContents(String archiveName, SortedMap<String, String> files) implements Serializable {
  /** Longest text kept for one package-level file. */
  public static final int MAX_FILE_CHARS = 256 << 10;
  /** Most characters kept over all package-level files of a package. */
  public static final int MAX_TOTAL_CHARS = 8 << 20;

  public PackageContents {
    files = ImmutableSortedMap.copyOf(files);
  }

  public static PackageContents of(String archiveName, Map<String, String> files) {
    return new PackageContents(archiveName, ImmutableSortedMap.copyOf(files));
  }

  public Optional<String> text(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /**
   * The shallowest file whose last name is {@code name} (ties: the first path in sorted order), so
   * that {@code package/package.json} wins over {@code package/test/package.json}.
   */
  public Optional<String> shallowest(String name) {
    String best = null;
    int bestDepth = Integer.MAX_VALUE;
    for (String p : files.keySet()) {
      if (CodePaths.fileName(p).equals(name)) {
        int depth = CodePaths.depth(p);
        if (depth < bestDepth) {
          best = p;
          bestDepth = depth;
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
