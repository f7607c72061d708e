package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.config.MavenRepositoryChoice;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.schemas.Document;
import org.provenant.schemas.manifest.MavenRepositoryEntry;
import org.provenant.schemas.manifest.RunManifest;

/**
 * A flat directory of sources jars (no pom beside them, as a plain download leaves them) curated
 * with {@code read.code.maven_repository} naming a repository the test writes: the jar's licence
 * comes from its pom's parent there, the evidence names that pom, and the manifest records the
 * repository in the configuration and in {@code maven_repository}.
 */
class MavenRepositoryRunTest {
  @TempDir static Path tmp;
  static Path repo;
  static Path out;

  static final String DEMO_JAVA = "package org.example;\n\n/** A demo. */\npublic class Demo {\n  int answer() {\n    return 42;\n  }\n}\n";

  @BeforeAll
  static void run() throws IOException {
    Path flat = tmp.resolve("flat");
    Files.createDirectories(flat);
    Files.write(flat.resolve("demo-1.2.3-sources.jar"), jar());
    repo = tmp.resolve("m2");
    write("org/example/demo/1.2.3/demo-1.2.3.pom", "<project><parent><groupId>org.example</groupId><artifactId>example-parent</artifactId>"
        + "<version>7</version></parent><artifactId>demo</artifactId><version>1.2.3</version></project>");
    write("org/example/example-parent/7/example-parent-7.pom", "<project><groupId>org.example</groupId><artifactId>example-parent</artifactId>"
        + "<version>7</version><licenses><license><name>The Apache Software License, Version 2.0</name></license></licenses></project>");
    out = tmp.resolve("out");
    CurationConfig config = CurationConfig.parse("{\"read\":{\"code\":{\"maven_repository\":" + new ObjectMapper().writeValueAsString(repo.toString())
        + "}},\"dedup\":{\"enabled\":false},\"output\":{\"shards\":1}}");
    new Curator(System.err).run(List.of(flat + "/*.jar"), out.toString(), config, false, List.of("--runner=DirectRunner"));
  }

  private static void write(String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void theJarIsLicensedByItsParentPomInTheRepositoryAndKept() throws IOException {
    List<Document> docs = CurationEndToEndTest.documents(out);
    Document demo = docs.stream().filter(d -> "org/example/Demo.java".equals(d.source().path())).findFirst().orElseThrow();
    assertEquals("Apache-2.0", demo.license().spdx());
    assertEquals("Apache-2.0", demo.license().packageSpdx());
    assertEquals(List.of("pom@maven-repository:org/example/example-parent/7/example-parent-7.pom=Apache-2.0"),
        demo.license().evidence().stream().map(e -> e.kind() + "@" + e.location() + "=" + e.spdx()).toList());
  }

  @Test
  void theManifestRecordsTheRepositoryAndVerifies() throws IOException {
    RunManifest m = new OutputDir(out.toString()).manifest().orElseThrow();
    assertEquals(new MavenRepositoryEntry(repo.toString(), MavenRepositoryEntry.CONFIG), m.mavenRepository());
    assertEquals(repo.toString(), m.config().at("/read/code/maven_repository").asText());
    JsonNode raw = new ObjectMapper().readTree(Files.readString(out.resolve("manifest.json")));
    assertEquals(MavenRepositoryEntry.CONFIG, raw.at("/maven_repository/chosen_by").asText());
    assertTrue(new OutputVerifier().verify(new OutputDir(out.toString())).ok());
  }

  @Test
  void withNoRepositoryNamedTheHomeRepositoryIsTheDefaultAndChangesTheConfigHash(@TempDir Path home) throws IOException {
    CurationConfig none = CurationConfig.DEFAULT;
    MavenRepositoryChoice absent = MavenRepositoryChoice.of(none, home);
    assertEquals(null, absent.entry());
    assertEquals(none.sha256(), absent.config().sha256());
    Files.createDirectories(home.resolve(".m2/repository"));
    MavenRepositoryChoice present = MavenRepositoryChoice.of(none, home);
    String m2 = home.resolve(".m2/repository").toAbsolutePath().toString();
    assertEquals(new MavenRepositoryEntry(m2, MavenRepositoryEntry.DEFAULT), present.entry());
    assertEquals(m2, present.config().read().code().mavenRepository());
    assertNotEquals(none.sha256(), present.config().sha256());
    assertEquals(present.config().sha256(), MavenRepositoryChoice.of(none, home).config().sha256(), "the same choice each time");
    CurationConfig off = CurationConfig.parse("{\"read\":{\"code\":{\"maven_repository\":\"none\"}}}");
    assertEquals(null, MavenRepositoryChoice.of(off, home).entry());
    assertEquals(java.util.Optional.empty(), MavenRepositoryChoice.of(off, home).config().read().code().repository());
    CurationConfig named = CurationConfig.parse("{\"read\":{\"code\":{\"maven_repository\":\"gs://bucket/m2\"}}}");
    assertEquals(new MavenRepositoryEntry("gs://bucket/m2", MavenRepositoryEntry.CONFIG), MavenRepositoryChoice.of(named, home).entry());
    IllegalArgumentException blank = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> CurationConfig.parse("{\"read\":{\"code\":{\"maven_repository\":\" \"}}}"));
    assertTrue(blank.getMessage().contains("read.code.maven_repository"), blank.getMessage());
  }

  private static byte[] jar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      zip.putArchiveEntry(new ZipArchiveEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\r\nCreated-By: Maven\r\n".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
      zip.putArchiveEntry(new ZipArchiveEntry("org/example/Demo.java"));
      zip.write(DEMO_JAVA.getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
