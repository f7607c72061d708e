package org.provenant.filters.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A package's name and version and the file they were read from. Looked for, in this order, in the
 * shallowest {@code package.json} (npm), {@code META-INF/maven/G/A/pom.properties} then {@code
 * pom.xml} (Maven: the name is {@code groupId:artifactId}, the parent's groupId when the project
 * has none), {@code Cargo.toml} ({@code [package]}), {@code pyproject.toml} ({@code [project]},
 * then {@code [tool.poetry]}), {@code setup.cfg} ({@code [metadata]}); failing all, parsed from the
 * archive name ({@code guava-33.4.8-jre-sources.jar} is {@code guava} {@code 33.4.8-jre}; a name
 * alone is then the artifactId, not Maven coordinates). Values with unresolved {@code ${...}}
 * properties or workspace inheritance count as absent. Nothing is executed and XML is parsed with
 * DTDs refused.
 *
 * @param from the path the values were read from, or {@code archive_name}
 */
public record PackageMetadata(String name, String version, String from) implements Serializable {
  public static final PackageMetadata NONE = new PackageMetadata(null, null, null);
  public static final String FROM_ARCHIVE_NAME = "archive_name";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ARCHIVE_EXT =
      Pattern.compile("(?i)(\\.tar\\.gz|\\.tar\\.zst|\\.tar|\\.tgz|\\.tzst|\\.zip|\\.jar)$");
  private static final Pattern CLASSIFIER = Pattern.compile("(?i)-(sources|javadoc|src|source)$");
  private static final Pattern NAME_VERSION = Pattern.compile("^(.+?)-(v?[0-9][A-Za-z0-9.+_-]*)$");

  /** The file names whose text this class reads. */
  static boolean isManifest(String path) {
    String name = CodePaths.fileName(path);
    return switch (name) {
      case "package.json", "pom.xml", "pom.properties", "Cargo.toml", "pyproject.toml", "setup.cfg" -> true;
      default -> false;
    };
  }

  /** The name and version of the package with {@code contents}. */
  public static PackageMetadata of(PackageContents contents) {
    for (var reader : java.util.List.<java.util.function.Function<PackageContents, Optional<PackageMetadata>>>of(
        PackageMetadata::npm, PackageMetadata::mavenProperties, PackageMetadata::mavenPom,
        PackageMetadata::cargo, PackageMetadata::pyproject, PackageMetadata::setupCfg)) {
      Optional<PackageMetadata> m = reader.apply(contents);
      if (m.isPresent()) {
        return m.get();
      }
    }
    return fromArchiveName(contents.archiveName());
  }

  /** Name and version from an archive's file name; version null when none is found. */
  public static PackageMetadata fromArchiveName(String archiveName) {
    if (archiveName == null || archiveName.isEmpty()) {
      return NONE;
    }
    String base = ARCHIVE_EXT.matcher(archiveName).replaceFirst("");
    base = CLASSIFIER.matcher(base).replaceFirst("");
    Matcher m = NAME_VERSION.matcher(base);
    if (m.matches()) {
      return new PackageMetadata(m.group(1), m.group(2), FROM_ARCHIVE_NAME);
    }
    return new PackageMetadata(base, null, FROM_ARCHIVE_NAME);
  }

  private static Optional<PackageMetadata> npm(PackageContents c) {
    return c.shallowest("package.json").flatMap(p -> {
      try {
        JsonNode n = JSON.readTree(c.files().get(p));
        return found(text(n, "name"), text(n, "version"), p);
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    });
  }

  private static Optional<PackageMetadata> mavenProperties(PackageContents c) {
    for (String p : c.files().keySet()) {
      if (p.startsWith("META-INF/maven/") && p.endsWith("/pom.properties")) {
        Properties props = new Properties();
        try {
          props.load(new StringReader(c.files().get(p)));
        } catch (IOException | IllegalArgumentException e) {
          continue;
        }
        String g = props.getProperty("groupId");
        String a = props.getProperty("artifactId");
        if (a != null) {
          return found(g == null ? a : g + ":" + a, props.getProperty("version"), p);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<PackageMetadata> mavenPom(PackageContents c) {
    String p = c.files().keySet().stream()
        .filter(x -> x.startsWith("META-INF/maven/") && x.endsWith("/pom.xml")).findFirst()
        .orElse(c.shallowest("pom.xml").orElse(null));
    if (p == null) {
      return Optional.empty();
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      Element project = b.parse(new InputSource(new StringReader(c.files().get(p)))).getDocumentElement();
      Element parent = child(project, "parent");
      String group = firstNonNull(childText(project, "groupId"), parent == null ? null : childText(parent, "groupId"));
      String artifact = childText(project, "artifactId");
      String version = firstNonNull(childText(project, "version"), parent == null ? null : childText(parent, "version"));
      if (artifact == null) {
        return Optional.empty();
      }
      return found(group == null ? artifact : group + ":" + artifact, version, p);
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Optional<PackageMetadata> cargo(PackageContents c) {
    return c.shallowest("Cargo.toml").flatMap(p -> tomlTable(c.files().get(p), "package", p));
  }

  private static Optional<PackageMetadata> pyproject(PackageContents c) {
    return c.shallowest("pyproject.toml").flatMap(p -> tomlTable(c.files().get(p), "project", p)
        .or(() -> tomlTable(c.files().get(p), "tool.poetry", p)));
  }

  private static Optional<PackageMetadata> setupCfg(PackageContents c) {
    return c.shallowest("setup.cfg").flatMap(p -> {
      var kv = section(c.files().get(p), "metadata", Pattern.compile("^\\s*([A-Za-z_.-]+)\\s*[=:]\\s*(.*?)\\s*$"));
      return found(kv.get("name"), kv.get("version"), p);
    });
  }

  private static Optional<PackageMetadata> tomlTable(String text, String table, String path) {
    var kv = section(text, table, Pattern.compile("^\\s*([A-Za-z_.-]+)\\s*=\\s*\"([^\"]*)\"\\s*(#.*)?$"));
    return found(kv.get("name"), kv.get("version"), path);
  }

  /** key/value lines of one {@code [section]} of a TOML or INI text, by a line pattern. */
  private static java.util.Map<String, String> section(String text, String name, Pattern line) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    boolean in = false;
    for (String l : text.split("\r?\n")) {
      String t = l.strip();
      if (t.startsWith("[")) {
        in = t.equals("[" + name + "]");
        continue;
      }
      if (in) {
        Matcher m = line.matcher(l);
        if (m.matches()) {
          out.putIfAbsent(m.group(1), m.group(2));
        }
      }
    }
    return out;
  }

  private static Optional<PackageMetadata> found(String name, String version, String from) {
    name = clean(name);
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new PackageMetadata(name, clean(version), from));
  }

  private static String clean(String v) {
    if (v == null || v.isBlank() || v.contains("${")) {
      return null;
    }
    return v.strip();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static Element child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el && (name.equals(el.getLocalName()) || name.equals(el.getTagName()))) {
        return el;
      }
    }
    return null;
  }

  private static String childText(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().strip();
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
