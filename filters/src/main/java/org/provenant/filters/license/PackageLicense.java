package org.provenant.filters.license;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Optional;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;

/**
 * What {@link PackageLicenseResolver} found for one package: the licence of each directory that
 * has its own licence files or manifests (the root, {@code ""}, is the package licence), with the
 * evidence and a conflict flag, plus the per-file statements ({@code .license} sidecars and
 * REUSE.toml annotations) that {@link PackageLicenseResolver#forFile} needs. Immutable.
 */
public final class PackageLicense {
  private final ImmutableSortedMap<String, License> scopes;
  private final ImmutableSortedMap<String, String> sidecars;
  private final ImmutableList<ReuseToml> reuse;

  PackageLicense(
      ImmutableSortedMap<String, License> scopes,
      ImmutableSortedMap<String, String> sidecars,
      ImmutableList<ReuseToml> reuse) {
    this.scopes = requireNonNull(scopes);
    this.sidecars = requireNonNull(sidecars);
    this.reuse = requireNonNull(reuse);
  }

  /** The package-level licence: the root directory's, or {@link License#UNKNOWN} if none. */
  public License license() {
    return scopes.getOrDefault("", License.UNKNOWN);
  }

  /**
   * What the package declares at its top level: the root directory's licence, else that of the one
   * top-level directory every licence statement sits in (npm's {@code package/}, a repository
   * archive's {@code repo-main/}); {@link License#UNKNOWN} when neither says anything. Licence files
   * deeper down (a bundled {@code third_party/x/LICENSE}) are facts about their subtree, not this.
   */
  public License declared() {
    License root = scopes.get("");
    if (root != null) {
      return root;
    }
    String top = null;
    for (String dir : scopes.keySet()) {
      String first = dir.indexOf('/') < 0 ? dir : dir.substring(0, dir.indexOf('/'));
      if (top != null && !top.equals(first)) {
        return License.UNKNOWN;
      }
      top = first;
    }
    return top == null ? License.UNKNOWN : scopes.getOrDefault(top, License.UNKNOWN);
  }

  /** The package-level SPDX expression; empty when no licence was found. */
  public Optional<String> spdx() {
    return Optional.ofNullable(license().spdx());
  }

  /** All evidence of the package-level licence. */
  public List<Evidence> evidence() {
    return license().evidence();
  }

  /** True when the package-level statements disagree (package.json MIT, LICENSE GPL-3.0). */
  public boolean conflict() {
    return license().conflict();
  }

  /** The licence of every directory with its own licence statements, by directory ("" = root). */
  public ImmutableSortedMap<String, License> scopes() {
    return scopes;
  }

  /** The licence of the nearest directory at or above {@code dir} that has one. */
  License scopeFor(String dir) {
    String d = dir;
    while (true) {
      License l = scopes.get(d);
      if (l != null) {
        return l;
      }
      if (d.isEmpty()) {
        return License.UNKNOWN;
      }
      d = PackageFiles.dir(d);
    }
  }

  /** Text of the {@code .license} sidecar of {@code path}, if the package has one. */
  Optional<String> sidecar(String path) {
    return Optional.ofNullable(sidecars.get(path + ".license"));
  }

  ImmutableList<ReuseToml> reuse() {
    return reuse;
  }

  @Override
  public String toString() {
    return "PackageLicense" + scopes;
  }
}
