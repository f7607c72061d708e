package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.filters.read.Digests;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.InputFileEntry;
import org.provenant.schemas.manifest.RunManifest;

/**
 * One DirectRunner run over a code corpus: an npm pack, a Maven sources jar and a repository
 * directory, with the code_paths and code_quality steps. Every file ends kept or rejected with the
 * reason its content calls for, with package, version, path and hashes, and the accounting holds.
 */
class CodeCorpusTest {
  @TempDir static Path tmp;
  static Path out;
  static byte[] tgz;
  static byte[] jar;
  static Path repo;
  static Map<String, String> outcome = new TreeMap<>();
  static List<Document> docs;

  static final String INDEX_JS = "// SPDX-License-Identifier: MIT\nmodule.exports = function leftPad(s, n) {\n  return s.padStart(n);\n};\n";
  static final String DEMO_JAVA = "package org.example;\n\n/** A demo. */\npublic class Demo {\n  int answer() {\n    return 42;\n  }\n}\n";

  @BeforeAll
  static void run() throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in.resolve("repos"));
    tgz = tgz();
    Files.write(in.resolve("left-pad-1.3.0.tgz"), tgz);
    jar = jar();
    // a Maven repository: the sources jar, its pom beside it, the licence in the parent pom
    Path version = in.resolve("maven/org/example/demo/1.2.3");
    Files.createDirectories(version);
    Files.write(version.resolve("demo-1.2.3-sources.jar"), jar);
    Files.writeString(version.resolve("demo-1.2.3.pom"), "<project><parent><groupId>org.example</groupId>"
        + "<artifactId>example-parent</artifactId><version>7</version></parent><artifactId>demo</artifactId><version>1.2.3</version></project>");
    Path parent = in.resolve("maven/org/example/example-parent/7");
    Files.createDirectories(parent);
    Files.writeString(parent.resolve("example-parent-7.pom"), "<project><groupId>org.example</groupId><artifactId>example-parent</artifactId>"
        + "<version>7</version><licenses><license><name>MIT License</name></license></licenses></project>");
    repo = in.resolve("repos/myrepo");
    Files.createDirectories(repo.resolve("src"));
    Files.createDirectories(repo.resolve("vendor"));
    Files.writeString(repo.resolve("pyproject.toml"), "[project]\nname = \"myrepo\"\nversion = \"0.4.0\"\nlicense = \"Apache-2.0\"\n");
    Files.writeString(repo.resolve("src/app.py"), "import sys\n\n\ndef main():\n    print(sys.argv)\n");
    Files.writeString(repo.resolve("src/wide.py"), "x = '" + "ab ".repeat(400) + "'\n");
    Files.writeString(repo.resolve("vendor/six.py"), "# vendored copy\nPY3 = True\n");
    out = tmp.resolve("out");
    CurationConfig config = CurationConfig.parse(
        "{\"steps\":[{\"step\":\"code_paths\"},{\"step\":\"code_quality\"}],\"dedup\":{\"enabled\":false}}");
    new Curator(System.err).run(List.of(in + "/*.tgz", version + "/*.jar", in + "/repos/*"), out.toString(), config, false, List.of());
    docs = CurationEndToEndTest.documents(out);
    for (Document d : docs) {
      outcome.put(Digests.fileName(d.source().uri()) + ":" + d.source().path(), "kept");
    }
    for (Rejection r : CurationEndToEndTest.rejections(out)) {
      outcome.put(Digests.fileName(r.source().uri()) + ":" + r.source().path(), r.reason());
    }
  }

  @Test
  void everyFileHasTheOutcomeItsContentCallsFor() {
    Map<String, String> expected = new TreeMap<>();
    expected.put("left-pad-1.3.0.tgz:package/package.json", "kept");
    expected.put("left-pad-1.3.0.tgz:package/index.js", "kept");
    expected.put("left-pad-1.3.0.tgz:package/node_modules/dep/index.js", "vendored_path");
    expected.put("left-pad-1.3.0.tgz:package/package-lock.json", "lock_file");
    expected.put("left-pad-1.3.0.tgz:package/dist/left-pad.min.js", "data_file");
    expected.put("left-pad-1.3.0.tgz:package/generated.js", "auto_generated");
    expected.put("left-pad-1.3.0.tgz:package/link", "link");
    expected.put("left-pad-1.3.0.tgz:../escape.js", "unsafe_path");
    expected.put("demo-1.2.3-sources.jar:META-INF/maven/org.example/demo/pom.properties", "kept");
    expected.put("demo-1.2.3-sources.jar:org/example/Demo.java", "kept");
    expected.put("demo-1.2.3-sources.jar:data/table.csv", "data_file");
    expected.put("demo-1.2.3-sources.jar:native/lib.so", "binary_file");
    expected.put("myrepo:pyproject.toml", "kept");
    expected.put("myrepo:src/app.py", "kept");
    expected.put("myrepo:src/wide.py", "max_line_length");
    expected.put("myrepo:vendor/six.py", "vendored_path");
    assertEquals(expected, outcome);
  }

  @Test
  void keptFilesCarryPackageVersionHashesLanguageAndLicence() {
    String tgzSha = Hashing.sha256().hashBytes(tgz).toString();
    Document index = docs.stream().filter(d -> "package/index.js".equals(d.source().path())).findFirst().orElseThrow();
    assertEquals(Digests.id("code", tgzSha, "package/index.js"), index.id());
    assertEquals("code", index.kind().code());
    assertEquals(INDEX_JS, index.text());
    assertEquals("left-pad", index.source().packageName());
    assertEquals("1.3.0", index.source().version());
    assertEquals(tgzSha, index.source().archiveSha256());
    assertEquals(Hashing.sha256().hashString(INDEX_JS, StandardCharsets.UTF_8).toString(), index.source().sha256());
    assertEquals(1, index.source().offset());
    assertEquals("javascript", index.signals().codeLanguage());
    assertEquals("MIT", index.license().spdx());
    assertEquals(List.of("lines=5", "max_line_length=41.0", "mean_line_length=19.4"),
        index.signals().statistics().stream().filter(s -> s.step().equals("code_quality@1"))
            .filter(s -> !s.name().endsWith("fraction")).map(s -> s.name() + "=" + s.value()).map(x -> x.replace("lines=5.0", "lines=5")).toList());
    // the licence policy is on although the configuration lists only the two code steps
    assertEquals(List.of("read_code@1", "extract_text@1", "license_policy@2", "code_paths@1", "code_quality@1"),
        index.lineage().stream().map(e -> e.step()).toList());

    Document demo = docs.stream().filter(d -> "org/example/Demo.java".equals(d.source().path())).findFirst().orElseThrow();
    assertEquals("org.example:demo", demo.source().packageName());
    assertEquals("1.2.3", demo.source().version());
    assertEquals(Digests.id("code", Hashing.sha256().hashBytes(jar).toString(), "org/example/Demo.java"), demo.id());
    assertEquals("java", demo.signals().codeLanguage());
    assertEquals("MIT", demo.license().spdx());
    assertEquals(List.of("pom@../../../../../org/example/example-parent/7/example-parent-7.pom=MIT"),
        demo.license().evidence().stream().map(e -> e.kind() + "@" + e.location() + "=" + e.spdx()).toList());

    Document app = docs.stream().filter(d -> "src/app.py".equals(d.source().path())).findFirst().orElseThrow();
    assertEquals(repo.toString(), app.source().uri());
    assertEquals("myrepo", app.source().packageName());
    assertEquals("0.4.0", app.source().version());
    assertNull(app.source().archiveSha256());
    assertEquals("python", app.signals().codeLanguage());
  }

  @Test
  void theManifestAccountsForEveryFile() throws IOException {
    RunManifest m = new OutputDir(out.toString()).manifest().orElseThrow();
    assertTrue(m.accountingOk());
    assertEquals(outcome.size(), m.counts().candidates());
    assertEquals(6, m.counts().kept());
    assertEquals(List.of("code", "code", "code"), m.inputs().stream().map(InputFileEntry::format).toList());
    assertEquals(List.of(repo.toString()), m.inputs().stream().map(InputFileEntry::uri).filter(u -> u.endsWith("myrepo")).toList());
    assertTrue(m.inputs().stream().allMatch(i -> i.error() == null), m.inputs().toString());
    assertTrue(new OutputVerifier().verify(new OutputDir(out.toString())).ok());
  }

  private static byte[] tgz() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
      tarFile(tar, "package/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\",\"license\":\"MIT\"}\n");
      tarFile(tar, "package/index.js", INDEX_JS);
      tarFile(tar, "package/node_modules/dep/index.js", "module.exports = 2;\n");
      tarFile(tar, "package/package-lock.json", "{\"lockfileVersion\": 3}\n");
      tarFile(tar, "package/dist/left-pad.min.js", "module.exports=function(s,n){return s.padStart(n)};\n");
      tarFile(tar, "package/generated.js", "// @generated by protoc, do not edit\nexports.x = 1;\n");
      TarArchiveEntry link = new TarArchiveEntry("package/link", TarConstants.LF_SYMLINK);
      link.setLinkName("/etc/passwd");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      tarFile(tar, "../escape.js", "alert(1);\n");
      tar.finish();
    }
    return bytes.toByteArray();
  }

  static void tarFile(TarArchiveOutputStream tar, String name, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(b.length);
    tar.putArchiveEntry(e);
    tar.write(b);
    tar.closeArchiveEntry();
  }

  private static byte[] jar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      zipFile(zip, "META-INF/maven/org.example/demo/pom.properties", "groupId=org.example\nartifactId=demo\nversion=1.2.3\n".getBytes(StandardCharsets.UTF_8));
      zipFile(zip, "org/example/Demo.java", DEMO_JAVA.getBytes(StandardCharsets.UTF_8));
      zipFile(zip, "data/table.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
      zipFile(zip, "native/lib.so", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
    }
    return bytes.toByteArray();
  }

  private static void zipFile(ZipArchiveOutputStream zip, String name, byte[] b) throws IOException {
    zip.putArchiveEntry(new ZipArchiveEntry(name));
    zip.write(b);
    zip.closeArchiveEntry();
  }

  @SuppressWarnings("unused")
  private static void unused(OutputStream o) {}
}
