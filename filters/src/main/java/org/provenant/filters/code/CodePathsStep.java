package org.provenant.filters.code;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;

/**
 * Drops files by their path inside the package ({@code source.path}): {@code vendored_path} when a
 * directory of the path is a vendored or tool directory ({@code node_modules}, {@code vendor},
 * ...), {@code lock_file} for dependency lock files, {@code data_file} for data by extension (and
 * {@code .json} files over {@code max_json_chars}, and {@code .min.js}/{@code .map} build output).
 * Names compare case-insensitively. Documents without a path pass. Immutable.
 */
public final class CodePathsStep implements DocumentStep {
  private static final long serialVersionUID = 1L;
  public static final String ID = "code_paths@1";

  public static final String VENDORED_PATH = "vendored_path";
  public static final String LOCK_FILE = "lock_file";
  public static final String DATA_FILE = "data_file";

  public static final List<String> DEFAULT_VENDORED_DIRS = List.of(
      "node_modules", "vendor", "third_party", "thirdparty", "third-party", "bower_components", ".git", ".svn", ".hg",
      "__pycache__", ".venv", "site-packages", "jspm_packages");
  public static final List<String> DEFAULT_LOCK_FILES = List.of(
      "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "cargo.lock", "poetry.lock",
      "pipfile.lock", "uv.lock", "pdm.lock", "composer.lock", "gemfile.lock", "go.sum", "flake.lock", "podfile.lock",
      "gradle.lockfile", "packages.lock.json", "mix.lock", "pubspec.lock");
  public static final List<String> DEFAULT_DATA_EXTENSIONS = List.of(
      "csv", "tsv", "psv", "parquet", "jsonl", "ndjson", "npy", "npz", "pkl", "pickle", "h5", "hdf5", "arff", "dat",
      "sqlite", "db", "map", "log");
  public static final int DEFAULT_MAX_JSON_CHARS = 100_000;

  private final ImmutableSet<String> vendoredDirs;
  private final ImmutableSet<String> lockFiles;
  private final ImmutableSet<String> dataExtensions;
  private final int maxJsonChars;

  public CodePathsStep(List<String> vendoredDirs, List<String> lockFiles, List<String> dataExtensions, int maxJsonChars) {
    checkArgument(maxJsonChars >= 0, "max_json_chars is negative: %s", maxJsonChars);
    this.vendoredDirs = lower(vendoredDirs);
    this.lockFiles = lower(lockFiles);
    this.dataExtensions = ImmutableSet.copyOf(dataExtensions.stream()
        .map(e -> e.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")).toList());
    this.maxJsonChars = maxJsonChars;
  }

  public static CodePathsStep defaults() {
    return new CodePathsStep(DEFAULT_VENDORED_DIRS, DEFAULT_LOCK_FILES, DEFAULT_DATA_EXTENSIONS, DEFAULT_MAX_JSON_CHARS);
  }

  private static ImmutableSet<String> lower(List<String> xs) {
    return ImmutableSet.copyOf(xs.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Outcome apply(Document d) {
    String path = d.source().path();
    if (path == null) {
      return Outcome.keep(d.withStep(new LineageEntry(ID, LineageEntry.OK, "no path")));
    }
    String lower = path.toLowerCase(Locale.ROOT);
    String[] segs = lower.split("/");
    for (int i = 0; i < segs.length - 1; i++) {
      if (vendoredDirs.contains(segs[i])) {
        return Outcome.reject(d.reject(ID, VENDORED_PATH, "directory " + segs[i] + "/ in " + path));
      }
    }
    String name = segs[segs.length - 1];
    if (lockFiles.contains(name)) {
      return Outcome.reject(d.reject(ID, LOCK_FILE, name));
    }
    String ext = CodePaths.extension(lower);
    if (dataExtensions.contains(ext)) {
      return Outcome.reject(d.reject(ID, DATA_FILE, "extension ." + ext));
    }
    if (name.endsWith(".min.js") || name.endsWith(".js.map") || name.endsWith(".css.map")) {
      return Outcome.reject(d.reject(ID, DATA_FILE, "build output " + name));
    }
    if (ext.equals("json") && d.text().length() > maxJsonChars) {
      return Outcome.reject(d.reject(ID, DATA_FILE, ".json of " + d.text().length() + " chars > " + maxJsonChars));
    }
    return Outcome.keep(d.withStep(new LineageEntry(ID, LineageEntry.OK, path)));
  }

  Set<String> vendoredDirs() {
    return vendoredDirs;
  }
}
