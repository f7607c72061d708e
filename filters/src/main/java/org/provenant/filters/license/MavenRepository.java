package org.provenant.filters.license;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * A Maven repository the user names ({@code read.code.maven_repository}: {@code ~/.m2/repository},
 * a mirror), in which the pom of a jar read alone (a flat directory of {@code -sources.jar} files)
 * is looked up, with its parents, because that is where a sources jar's licence is declared.
 *
 * <p>The jar's coordinates come, in this order, from its {@code META-INF/maven/G/A/pom.properties}
 * (the one whose artifact the archive is named after), else from its file name {@code
 * A-V[-classifier].jar} (the version starts at the first {@code -} followed by a digit) with the
 * group taken from the manifest ({@code Implementation-Vendor-Id}, {@code Bundle-SymbolicName},
 * {@code Automatic-Module-Name} and their dotted prefixes, longest first, each tried as {@code
 * G/A/V/A-V.pom}), else from the only {@code * /A/V/A-V.pom} in the repository; when several
 * groups hold that artifact and version, nothing is guessed. Then, while a pom declares no {@code
 * <licenses>}, its {@code <parent>} is read by coordinates, up to {@value
 * MavenRepositoryLayout#MAX_LEVELS} poms. The answer depends only on the jar and on the poms in
 * the repository (released poms do not change), so it is the same on every run and worker.
 *
 * <p>The poms are package-level files named {@value #PREFIX}{@code G/A/V/A-V.pom} (path inside the
 * repository), so evidence says exactly which pom of the repository declared the licence. Immutable.
 */
public final class MavenRepository {
  /** Prefix of the package-level paths of poms read from the repository. */
  public static final String PREFIX = "maven-repository:";
  private static final Pattern SAFE_GROUP = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
  private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9_.+-]*");
  private static final Pattern VERSION_START = Pattern.compile("-(?=\\d)");
  private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

  /** Where the repository's files are read from. Implementations must be thread-safe. */
  public interface Store {
    /** The text of the file at {@code path} (relative to the repository root), or empty. */
    Optional<String> read(String path);

    /** Paths of every {@code G/A/V/A-V.pom} for {@code artifactId} and {@code version}, sorted. */
    List<String> find(String artifactId, String version);
  }

  /** Maven coordinates. */
  public record Coordinates(String groupId, String artifactId, String version) {
    public Coordinates {
      requireNonNull(groupId);
      requireNonNull(artifactId);
      requireNonNull(version);
    }

    /** True when every part is safe as a path segment (no {@code ..}, no {@code /}). */
    boolean safe() {
      return SAFE_GROUP.matcher(groupId).matches() && SAFE_SEGMENT.matcher(artifactId).matches()
          && SAFE_SEGMENT.matcher(version).matches() && !version.equals("..") && !artifactId.equals("..");
    }

    /** {@code G/A/V/A-V.pom} with the group's dots as directories. */
    public String pomPath() {
      return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + ".pom";
    }
  }

  private final Store store;

  private MavenRepository(Store store) {
    this.store = store;
  }

  /** A repository read through {@code store}. */
  public static MavenRepository of(Store store) {
    return new MavenRepository(requireNonNull(store));
  }

  /** A repository in local directory {@code root}. */
  public static MavenRepository directory(Path root) {
    return of(new DirectoryStore(root));
  }

  /**
   * The poms that declare the licence of the archive {@code archiveName} whose package-level
   * files are {@code files}: the jar's own pom and its parents up to the first with {@code
   * <licenses>}, keyed {@value #PREFIX}{@code path}. Empty when the jar's pom is not in the
   * repository (or not found unambiguously).
   */
  public SortedMap<String, String> poms(String archiveName, Map<String, String> files) {
    SortedMap<String, String> out = new TreeMap<>();
    Optional<String> start = ownPom(archiveName, files);
    String path = start.orElse(null);
    for (int level = 0; level < MavenRepositoryLayout.MAX_LEVELS && path != null; level++) {
      Optional<String> text = store.read(path);
      if (text.isEmpty() || out.containsKey(PREFIX + path)) {
        break;
      }
      out.put(PREFIX + path, text.get());
      if (text.get().contains("<licenses>")) {
        break;
      }
      path = parentPath(text.get()).orElse(null);
    }
    return out;
  }

  /** Where the jar's own pom is in the repository, by the rules of the class comment. */
  Optional<String> ownPom(String archiveName, Map<String, String> files) {
    Optional<Coordinates> props = fromPomProperties(archiveName, files);
    if (props.isPresent() && props.get().safe() && store.read(props.get().pomPath()).isPresent()) {
      return Optional.of(props.get().pomPath());
    }
    Optional<String[]> av = artifactAndVersion(archiveName);
    if (av.isEmpty()) {
      return Optional.empty();
    }
    String a = av.get()[0];
    String v = av.get()[1];
    String manifestText = files.get(JarManifest.PATH);
    if (manifestText != null) {
      for (String g : groupCandidates(JarManifest.parse(manifestText))) {
        Coordinates c = new Coordinates(g, a, v);
        if (c.safe() && store.read(c.pomPath()).isPresent()) {
          return Optional.of(c.pomPath());
        }
      }
    }
    if (!SAFE_SEGMENT.matcher(a).matches() || !SAFE_SEGMENT.matcher(v).matches()) {
      return Optional.empty();
    }
    List<String> found = store.find(a, v);
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The coordinates of the {@code pom.properties} whose artifact names the archive. */
  static Optional<Coordinates> fromPomProperties(String archiveName, Map<String, String> files) {
    List<Coordinates> all = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Matcher m = POM_PROPERTIES.matcher(f.getKey());
      if (!m.matches()) {
        continue;
      }
      Properties p = new Properties();
      try {
        p.load(new java.io.StringReader(f.getValue()));
      } catch (IOException | IllegalArgumentException e) {
        continue;
      }
      String g = p.getProperty("groupId", m.group(1)).strip();
      String a = p.getProperty("artifactId", m.group(2)).strip();
      String v = p.getProperty("version", "").strip();
      if (!v.isEmpty()) {
        all.add(new Coordinates(g, a, v));
      }
    }
    for (Coordinates c : all) {
      if (archiveName.startsWith(c.artifactId() + "-" + c.version())) {
        return Optional.of(c);
      }
    }
    return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
  }

  /** {@code [A, V]} of {@code A-V.jar}, {@code A-V-sources.jar}; empty for other names. */
  static Optional<String[]> artifactAndVersion(String archiveName) {
    Optional<String> pom = MavenRepositoryLayout.siblingPomName(archiveName);
    if (pom.isEmpty()) {
      return Optional.empty();
    }
    String stem = pom.get().substring(0, pom.get().length() - ".pom".length());
    Matcher m = VERSION_START.matcher(stem);
    if (!m.find() || m.start() == 0) {
      return Optional.empty();
    }
    return Optional.of(new String[] {stem.substring(0, m.start()), stem.substring(m.end())});
  }

  /** Group ids the manifest suggests, longest first, without repeats. */
  static List<String> groupCandidates(JarManifest mf) {
    Set<String> out = new LinkedHashSet<>();
    for (String attr : List.of("Implementation-Vendor-Id", "Bundle-SymbolicName", "Automatic-Module-Name")) {
      Optional<String> v = attr.equals("Bundle-SymbolicName") ? mf.symbolicName() : mf.get(attr);
      if (v.isEmpty() || !SAFE_GROUP.matcher(v.get()).matches()) {
        continue;
      }
      String g = v.get();
      while (true) {
        out.add(g);
        int dot = g.lastIndexOf('.');
        if (dot <= 0) {
          break;
        }
        g = g.substring(0, dot);
      }
    }
    List<String> sorted = new ArrayList<>(out);
    sorted.sort((x, y) -> Integer.compare(y.split("\\.").length, x.split("\\.").length));
    return sorted;
  }

  /** Repository path of the parent of the pom {@code text}; empty when it has none. */
  static Optional<String> parentPath(String text) {
    org.w3c.dom.Document doc = PackageMetadata.parseXml(text);
    if (doc == null) {
      return Optional.empty();
    }
    Element parent = PackageMetadata.child(doc.getDocumentElement(), "parent");
    if (parent == null) {
      return Optional.empty();
    }
    String g = childText(parent, "groupId");
    String a = childText(parent, "artifactId");
    String v = childText(parent, "version");
    if (g == null || a == null || v == null) {
      return Optional.empty();
    }
    Coordinates c = new Coordinates(g, a, v);
    return c.safe() ? Optional.of(c.pomPath()) : Optional.empty();
  }

  /** Package-level path of the parent of the repository pom at {@code location}. */
  static Optional<String> parentLocation(String location, String text) {
    return parentPath(text).map(p -> PREFIX + p);
  }

  /** True for a package-level path that names a pom read from the repository. */
  public static boolean isRepositoryPath(String path) {
    return path.startsWith(PREFIX);
  }

  private static String childText(Element parent, String tag) {
    Element e = PackageMetadata.child(parent, tag);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().strip();
    return t.isEmpty() || t.contains("${") ? null : t;
  }

  /** A repository in a local directory; the artifact index is built on the first search. */
  static final class DirectoryStore implements Store {
    /** Longest pom read. */
    static final long MAX_POM_BYTES = 1 << 20;
    private final Path root;
    private volatile Map<String, List<String>> index;

    DirectoryStore(Path root) {
      this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<String> read(String path) {
      Path p = root.resolve(path).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p)) {
        return Optional.empty();
      }
      try {
        if (Files.size(p) > MAX_POM_BYTES) {
          return Optional.empty();
        }
        return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException | UncheckedIOException e) {
        return Optional.empty();
      }
    }

    @Override
    public List<String> find(String artifactId, String version) {
      return index().getOrDefault(artifactId + "/" + version, List.of());
    }

    private Map<String, List<String>> index() {
      Map<String, List<String>> i = index;
      if (i == null) {
        synchronized (this) {
          if (index == null) {
            index = build();
          }
          i = index;
        }
      }
      return i;
    }

    private Map<String, List<String>> build() {
      Map<String, List<String>> out = new ConcurrentHashMap<>();
      if (!Files.isDirectory(root)) {
        return out;
      }
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".pom")).forEach(p -> {
          Path rel = root.relativize(p);
          int n = rel.getNameCount();
          if (n < 4) {
            return;
          }
          String a = rel.getName(n - 3).toString();
          String v = rel.getName(n - 2).toString();
          if (rel.getFileName().toString().equals(a + "-" + v + ".pom")) {
            out.computeIfAbsent(a + "/" + v, k -> new ArrayList<>()).add(rel.toString().replace('\\', '/'));
          }
        });
      } catch (IOException | UncheckedIOException e) {
        return out;
      }
      out.replaceAll((k, v) -> v.stream().sorted().toList());
      return out;
    }
  }
}
