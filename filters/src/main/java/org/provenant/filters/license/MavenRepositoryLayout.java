package org.provenant.filters.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * The poms that sit beside a jar in a Maven repository layout ({@code G/A/V/A-V-sources.jar} next
 * to {@code G/A/V/A-V.pom}, its parent at {@code PG/PA/PV/PA-PV.pom} under the same root), which
 * a sources jar usually lacks: its licences are declared there, often only in a parent.
 *
 * <p>Such files are package-level files whose path starts with {@code ../}: relative to the
 * directory that holds the archive, so {@code ../commons-text-1.12.0.pom} is the jar's own pom and
 * {@code ../../../../../../org/apache/commons/commons-parent/69/commons-parent-69.pom} its parent,
 * a path a person can follow from the archive's location. They speak for the whole archive.
 */
public final class MavenRepositoryLayout {
  /** Prefix of the paths of files beside the archive. */
  public static final String BESIDE = "../";
  /** Longest parent chain followed (Maven's own poms go about four deep). */
  static final int MAX_LEVELS = 5;

  private MavenRepositoryLayout() {}

  /** True for a package-level path that names a file beside the archive. */
  public static boolean isBeside(String path) {
    return path.startsWith(BESIDE);
  }

  /** {@code A-V.pom} for {@code A-V.jar}, {@code A-V-sources.jar} and {@code A-V-javadoc.jar}. */
  public static Optional<String> siblingPomName(String archiveName) {
    if (!archiveName.endsWith(".jar")) {
      return Optional.empty();
    }
    String stem = archiveName.substring(0, archiveName.length() - ".jar".length());
    for (String classifier : List.of("-sources", "-javadoc")) {
      if (stem.endsWith(classifier)) {
        stem = stem.substring(0, stem.length() - classifier.length());
        break;
      }
    }
    return stem.isEmpty() ? Optional.empty() : Optional.of(stem + ".pom");
  }

  /**
   * Reads the jar's sibling pom and, while a pom declares no {@code <licenses>}, its parents in
   * repository layout, up to {@value #MAX_LEVELS} poms. {@code read} takes a path relative to the
   * archive's directory and gives the file's text, or empty when there is none. Keys are
   * package-level paths (starting with {@code ../}), in the order read.
   */
  public static SortedMap<String, String> poms(String archiveName, Function<String, Optional<String>> read) {
    SortedMap<String, String> out = new TreeMap<>();
    Optional<String> sibling = siblingPomName(archiveName);
    if (sibling.isEmpty()) {
      return out;
    }
    String location = BESIDE + sibling.get();
    for (int level = 0; level < MAX_LEVELS && location != null; level++) {
      Optional<String> text = read.apply(location.substring(BESIDE.length()));
      if (text.isEmpty()) {
        break;
      }
      out.put(location, text.get());
      if (text.get().contains("<licenses>")) {
        break;
      }
      location = parentLocation(location, text.get()).orElse(null);
    }
    return out;
  }

  /**
   * Where the parent of the pom at {@code location} (a path beside the archive) sits in repository
   * layout: up from the pom's {@code G/A/V/} directory to the repository root, then down to the
   * parent's. Empty when the pom has no parent, is not named {@code A-V.pom} by its own
   * coordinates (so it is not in repository layout), or cannot be parsed.
   */
  public static Optional<String> parentLocation(String location, String pomText) {
    org.w3c.dom.Document doc = PackageMetadata.parseXml(pomText);
    if (doc == null) {
      return Optional.empty();
    }
    Element project = doc.getDocumentElement();
    Element parent = PackageMetadata.child(project, "parent");
    if (parent == null) {
      return Optional.empty();
    }
    String pg = text(parent, "groupId");
    String pa = text(parent, "artifactId");
    String pv = text(parent, "version");
    String g = Optional.ofNullable(text(project, "groupId")).orElse(pg);
    String a = text(project, "artifactId");
    String v = Optional.ofNullable(text(project, "version")).orElse(pv);
    if (pg == null || pa == null || pv == null || g == null || a == null || v == null
        || !PackageFiles.name(location).equals(a + "-" + v + ".pom")
        || !safeSegment(pa) || !safeSegment(pv) || !pg.matches("[A-Za-z0-9_.-]+") || !g.matches("[A-Za-z0-9_.-]+")) {
      return Optional.empty();
    }
    int up = g.split("\\.").length + 2; // G's directories, A, V
    StringBuilder rel = new StringBuilder(PackageFiles.dir(location));
    for (int i = 0; i < up; i++) {
      rel.append("/..");
    }
    rel.append('/').append(pg.replace('.', '/')).append('/').append(pa).append('/').append(pv).append('/')
        .append(pa).append('-').append(pv).append(".pom");
    return Optional.of(normalize(rel.toString()));
  }

  /** Removes {@code dir/..} pairs, keeping the leading {@code ..} segments. */
  static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
        parts.remove(parts.size() - 1);
      } else {
        parts.add(s);
      }
    }
    return String.join("/", parts);
  }

  private static boolean safeSegment(String s) {
    return s.matches("[A-Za-z0-9_.+-]+") && !s.equals(".") && !s.equals("..");
  }

  private static String text(Element parent, String tag) {
    Element e = PackageMetadata.child(parent, tag);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().strip();
    return t.isEmpty() || t.contains("${") ? null : t;
  }
}
