package org.provenant.filters.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.provenant.filters.code.CodeArchives.E;

import com.google.common.hash.Hashing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.Digests;
import org.provenant.filters.read.InputFormat;
import org.provenant.filters.read.ReadSummary;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.Kind;
import org.provenant.schemas.License;
import org.provenant.schemas.Rejection;

class CodePackageReaderTest {
  static final String INDEX_JS = "// SPDX-License-Identifier: Apache-2.0\nmodule.exports = 1;\n";
  static final String DEMO_JAVA = "package org.example;\n\nclass Demo {}\n";

  private static CodeArchives.Sink read(String name, byte[] archive, CodePackageReader reader, ReadSummary[] summary) throws IOException {
    CodeArchives.Sink sink = new CodeArchives.Sink();
    ReadSummary s = reader.readArchive("/in/" + name, opener(archive), sink).summary();
    if (summary != null) {
      summary[0] = s;
    }
    return sink;
  }

  static CodePackageReader.Opener opener(byte[] archive) {
    return new CodePackageReader.Opener() {
      @Override
      public java.io.InputStream open() {
        return new ByteArrayInputStream(archive);
      }

      @Override
      public java.nio.channels.SeekableByteChannel openSeekable() {
        return new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(archive);
      }
    };
  }

  private static CodeArchives.Sink read(String name, byte[] archive) throws IOException {
    return read(name, archive, new CodePackageReader(), null);
  }

  private static String sha(byte[] b) {
    return Hashing.sha256().hashBytes(b).toString();
  }

  @Test
  void npmPackReadsEveryFileWithPackageVersionLicenceAndLanguage() throws IOException {
    byte[] tgz = CodeArchives.tgz(
        E.file("package/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\",\"license\":\"MIT\"}"),
        E.file("package/index.js", INDEX_JS),
        E.file("package/lib/util.ts", "export const x = 1;\n"),
        E.file("package/bin/run", "#!/usr/bin/env node\nrequire('..');\n"));
    ReadSummary[] s = new ReadSummary[1];
    CodeArchives.Sink sink = read("left-pad-1.3.0.tgz", tgz, new CodePackageReader(), s);
    assertEquals(List.of("0 package/package.json kept", "1 package/index.js kept", "2 package/lib/util.ts kept", "3 package/bin/run kept"), sink.outcomes);
    String archiveSha = sha(tgz);
    Candidate index = sink.candidate("package/index.js");
    assertEquals(Digests.id("code", archiveSha, "package/index.js"), index.id());
    assertEquals(Kind.CODE, index.kind());
    assertEquals(INDEX_JS, index.text());
    assertEquals("/in/left-pad-1.3.0.tgz", index.source().uri());
    assertEquals(1, index.source().offset());
    assertEquals("left-pad", index.source().packageName());
    assertEquals("1.3.0", index.source().version());
    assertEquals("863a7cd68221bed6b92b29ea4f7b56a7c8c3b27bb02c003bf3e4ea32baad340a", index.source().sha256());
    assertEquals(archiveSha, index.source().archiveSha256());
    assertEquals("javascript", index.signals().codeLanguage());
    // the file's own SPDX line wins over package.json, and the disagreement is marked
    assertEquals(new License("Apache-2.0", List.of(
        new Evidence(SpdxHeaderLicensing.HEADER, "package/index.js", "Apache-2.0", "Apache-2.0", null),
        new Evidence(SpdxHeaderLicensing.PACKAGE_JSON, "package/package.json", "MIT", "MIT", null)), true, "MIT"), index.license());
    assertEquals("read_code@1", index.lineage().get(0).step());
    assertEquals("entry 1, 59 bytes, utf-8, package from package/package.json", index.lineage().get(0).detail());
    Candidate util = sink.candidate("package/lib/util.ts");
    assertEquals("MIT", util.license().spdx());
    assertFalse(util.license().conflict());
    assertEquals("typescript", util.signals().codeLanguage());
    assertEquals("javascript", sink.candidate("package/bin/run").signals().codeLanguage());
    assertEquals(InputFormat.CODE, s[0].format());
    assertEquals(4, s[0].recordsRead());
    assertEquals(4, s[0].candidates());
    assertNull(s[0].error());
  }

  @Test
  void sourcesJarTakesMavenCoordinatesFromPomProperties() throws IOException {
    byte[] jar = CodeArchives.zip(
        E.file("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"),
        E.file("META-INF/maven/org.example/demo/pom.properties", "groupId=org.example\nartifactId=demo\nversion=1.2.3\n"),
        E.file("org/example/Demo.java", DEMO_JAVA));
    CodeArchives.Sink sink = read("demo-9.9-sources.jar", jar);
    Candidate demo = sink.candidate("org/example/Demo.java");
    assertEquals("org.example:demo", demo.source().packageName());
    assertEquals("1.2.3", demo.source().version());
    assertEquals(2, demo.source().offset());
    assertEquals("121bdfa28061d3790f3e7e2052ef5be8769853617c98478ab311e753fa1ace3d", demo.source().sha256());
    assertEquals(Digests.id("code", sha(jar), "org/example/Demo.java"), demo.id());
    assertEquals("java", demo.signals().codeLanguage());
    assertEquals(License.UNKNOWN, demo.license());
  }

  @Test
  void pomBesideASourcesJarGivesTheLicenceAndIsNotADocument() throws IOException {
    byte[] jar = CodeArchives.zip(
        E.file("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"),
        E.file("org/example/Demo.java", DEMO_JAVA));
    String pom = "<project><groupId>org.example</groupId><artifactId>demo</artifactId><version>1.2.3</version>"
        + "<licenses><license><name>The MIT License</name></license></licenses></project>";
    CodeArchives.Sink sink = new CodeArchives.Sink();
    new CodePackageReader(CodeReadLimits.DEFAULTS, new org.provenant.filters.license.SpdxPackageLicensing())
        .readArchive("/in/demo-1.2.3-sources.jar", opener(jar), java.util.Map.of("../demo-1.2.3.pom", pom, "not-beside.pom", pom), sink);
    assertEquals(List.of("0 META-INF/MANIFEST.MF kept", "1 org/example/Demo.java kept"), sink.outcomes);
    License l = sink.candidate("org/example/Demo.java").license();
    assertEquals("MIT", l.spdx());
    assertEquals(List.of("pom@../demo-1.2.3.pom=MIT"), l.evidence().stream().map(e -> e.kind() + "@" + e.location() + "=" + e.spdx()).toList());
  }

  @Test
  void aJarWhoseOnlyLicenceStatementIsBundleLicenseIsLicensedByIt() throws IOException {
    byte[] jar = CodeArchives.zip(
        E.file("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nBundle-License: Apache-2.0\r\n"),
        E.file("org/example/Demo.java", DEMO_JAVA));
    CodeArchives.Sink sink = read("demo-1.0-sources.jar", jar, new CodePackageReader(CodeReadLimits.DEFAULTS,
        new org.provenant.filters.license.SpdxPackageLicensing()), null);
    License l = sink.candidate("org/example/Demo.java").license();
    assertEquals("Apache-2.0", l.spdx());
    assertEquals("Apache-2.0", l.packageSpdx());
    assertEquals(List.of("jar_manifest@META-INF/MANIFEST.MF=Apache-2.0"), l.evidence().stream().map(e -> e.kind() + "@" + e.location() + "=" + e.spdx()).toList());
  }

  @Test
  void filesOutsideTheArchiveAreAskedForWithItsPackageFilesAndOnlyRepositoryPomsCount() throws IOException {
    byte[] jar = CodeArchives.zip(
        E.file("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"),
        E.file("META-INF/maven/org.example/demo/pom.properties", "groupId=org.example\nartifactId=demo\nversion=1.2.3\n"),
        E.file("org/example/Demo.java", DEMO_JAVA));
    String pom = "<project><groupId>org.example</groupId><artifactId>demo</artifactId><version>1.2.3</version>"
        + "<licenses><license><name>BSD-2-Clause</name></license></licenses></project>";
    List<String> asked = new java.util.ArrayList<>();
    CodeArchives.Sink sink = new CodeArchives.Sink();
    new CodePackageReader(CodeReadLimits.DEFAULTS, new org.provenant.filters.license.SpdxPackageLicensing())
        .readArchive("/in/demo.jar", opener(jar), (name, files) -> {
          asked.add(name + " " + files.keySet());
          return java.util.Map.of("maven-repository:org/example/demo/1.2.3/demo-1.2.3.pom", pom, "elsewhere/pom.xml", pom.replace("BSD-2-Clause", "GPL-3.0-only"));
        }, sink);
    assertEquals(List.of("demo.jar [META-INF/MANIFEST.MF, META-INF/maven/org.example/demo/pom.properties]"), asked);
    assertEquals(List.of("0 META-INF/MANIFEST.MF kept", "1 META-INF/maven/org.example/demo/pom.properties kept", "2 org/example/Demo.java kept"), sink.outcomes);
    License l = sink.candidate("org/example/Demo.java").license();
    assertEquals("BSD-2-Clause", l.spdx());
    assertEquals(List.of("pom@maven-repository:org/example/demo/1.2.3/demo-1.2.3.pom=BSD-2-Clause"),
        l.evidence().stream().map(e -> e.kind() + "@" + e.location() + "=" + e.spdx()).toList());
  }

  @Test
  void archiveWithoutManifestTakesNameAndVersionFromItsFileName() throws IOException {
    CodeArchives.Sink sink = read("guava-33.4.8-jre-sources.jar", CodeArchives.zip(E.file("com/google/X.java", "class X {}\n")));
    assertEquals("guava", sink.candidates.get(0).source().packageName());
    assertEquals("33.4.8-jre", sink.candidates.get(0).source().version());
  }

  @Test
  void tarAndTarZstReadTheSame() throws IOException {
    E[] entries = {E.file("crate-0.1.0/Cargo.toml", "[package]\nname = \"crate\"\nversion = \"0.1.0\"\n"), E.file("crate-0.1.0/src/lib.rs", "pub fn f() {}\n")};
    for (byte[] archive : List.of(CodeArchives.tar(entries), CodeArchives.tarZst(entries))) {
      String name = archive[0] == 0x28 ? "crate-0.1.0.tar.zst" : "crate-0.1.0.tar";
      CodeArchives.Sink sink = read(name, archive);
      assertEquals(List.of("0 crate-0.1.0/Cargo.toml kept", "1 crate-0.1.0/src/lib.rs kept"), sink.outcomes, name);
      Candidate lib = sink.candidate("crate-0.1.0/src/lib.rs");
      assertEquals("crate", lib.source().packageName());
      assertEquals("0.1.0", lib.source().version());
      assertEquals("rust", lib.signals().codeLanguage());
      assertEquals(Digests.id("code", sha(archive), "crate-0.1.0/src/lib.rs"), lib.id());
    }
  }

  @Test
  void hostileZipEntriesAreRejectedAndTheRestIsRead() throws IOException {
    byte[] latin1 = "// caf\u00e9 cr\u00e8me\nint x;\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] broken = {'a', '=', (byte) 0x93, 'b', '\n'}; // windows-1252 quote: neither UTF-8 nor Latin-1 text
    byte[] binary = {'E', 'L', 'F', 0, 1, 2};
    byte[] nested = CodeArchives.zip(E.file("inner.txt", "x"));
    byte[] zip = concatZip(
        E.file("../evil.sh", "rm -rf /\n"),
        E.file("/etc/passwd", "root:x:0:0\n"),
        E.symlink("link-to-secret", "/etc/shadow"),
        E.bytes("lib/nested.jar", nested),
        E.bytes("assets/renamed.txt", nested),
        E.bytes("bin/tool", binary),
        E.bytes("src/latin1.c", latin1),
        E.bytes("src/broken.c", broken),
        E.file("src/ok.py", "print('ok')\n"),
        E.file("src/ok.py", "print('again')\n"));
    ReadSummary[] s = new ReadSummary[1];
    CodeArchives.Sink sink = read("hostile.zip", zip, new CodePackageReader(), s);
    assertEquals(List.of(
        "0 ../evil.sh unsafe_path",
        "1 /etc/passwd unsafe_path",
        "2 link-to-secret link",
        "3 lib/nested.jar nested_archive",
        "4 assets/renamed.txt nested_archive",
        "5 bin/tool binary_file",
        "6 src/latin1.c kept",
        "7 src/broken.c decode_error",
        "8 src/ok.py kept",
        "9 src/ok.py duplicate_path"), sink.outcomes);
    assertEquals("path escapes the package root through ..: ../evil.sh", sink.rejections.get(0).detail());
    assertEquals("absolute path: /etc/passwd", sink.rejections.get(1).detail());
    assertEquals("symbolic link to /etc/shadow is not followed", sink.rejection("link").detail());
    assertEquals("nested archives are not opened (.jar)", sink.rejections.get(3).detail());
    assertEquals("nested archives are not opened (zip content)", sink.rejections.get(4).detail());
    assertEquals("NUL byte at offset 3", sink.rejection("binary_file").detail());
    assertEquals("invalid UTF-8 at byte 2; not ISO-8859-1 text either (control byte 0x93 at offset 2)", sink.rejection("decode_error").detail());
    Candidate l1 = sink.candidate("src/latin1.c");
    assertEquals("// caf\u00e9 cr\u00e8me\nint x;\n", l1.text());
    assertTrue(l1.lineage().get(0).detail().contains("iso-8859-1 (not utf-8: invalid UTF-8 at byte 6)"), l1.lineage().get(0).detail());
    Rejection dup = sink.rejection("duplicate_path");
    assertEquals(Digests.id("code", sha(zip), "src/ok.py", "#9"), dup.id());
    assertEquals(Kind.CODE, dup.kind());
    assertEquals("read_code@1", dup.step());
    assertEquals(10, s[0].candidates());
    assertNull(s[0].error());
    // ids are unique over the archive's rows
    assertEquals(10, sink.outcomes.size());
    assertEquals(10, java.util.stream.Stream.concat(sink.candidates.stream().map(Candidate::id), sink.rejections.stream().map(Rejection::id)).distinct().count());
  }

  @Test
  void latin1FallbackCanBeTurnedOff() throws IOException {
    byte[] zip = CodeArchives.zip(E.bytes("a.c", "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
    CodePackageReader strict = new CodePackageReader(new CodeReadLimits(1 << 20, 1L << 30, 100, 100_000, false), new SpdxHeaderLicensing());
    CodeArchives.Sink sink = read("a.zip", zip, strict, null);
    assertEquals("invalid UTF-8 at byte 3", sink.rejection("decode_error").detail());
  }

  @Test
  void aZipBombEntryIsRejectedAndTheNextEntryStillRead() throws IOException {
    // 200 MB of zeros, deflated as it is written: the test never holds more than a few hundred KB
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
      z.putArchiveEntry(new ZipArchiveEntry("zeros.txt"));
      byte[] block = new byte[1 << 16];
      for (int i = 0; i < 200 * 16; i++) {
        z.write(block);
      }
      z.closeArchiveEntry();
      z.putArchiveEntry(new ZipArchiveEntry("after.py"));
      z.write("x = 1\n".getBytes(StandardCharsets.UTF_8));
      z.closeArchiveEntry();
    }
    byte[] zip = out.toByteArray();
    assertTrue(zip.length < 1 << 20, "compressed size " + zip.length);
    CodeArchives.Sink sink = read("bomb.zip", zip);
    assertEquals(List.of("0 zeros.txt decompression_bomb", "1 after.py kept"), sink.outcomes);
    String detail = sink.rejections.get(0).detail();
    assertTrue(detail.startsWith("entry declares 209715200 bytes from "), detail);
    assertTrue(detail.endsWith(" compressed bytes, over the ratio 100; it is not read"), detail);
  }

  @Test
  void aTgzPastTheArchiveCapStopsWithOneRow() throws IOException {
    byte[] big = new byte[300_000];
    new java.util.Random(7).nextBytes(big);
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + (big[i] & 15)); // incompressible-ish text, ratio ~2
    }
    byte[] tgz = CodeArchives.tgz(E.bytes("p/a.txt", big), E.bytes("p/b.txt", big), E.bytes("p/c.txt", big));
    CodePackageReader small = new CodePackageReader(new CodeReadLimits(1 << 20, 500_000, 100, 100_000, true), new SpdxHeaderLicensing());
    ReadSummary[] s = new ReadSummary[1];
    CodeArchives.Sink sink = read("p.tgz", tgz, small, s);
    assertEquals(List.of("0 p/a.txt kept", "1 null decompression_bomb"), sink.outcomes);
    assertEquals("the archive decompresses to more than 500000 bytes (read.code.max_archive_bytes); the rest is not read", sink.rejections.get(0).detail());
    assertEquals(2, s[0].candidates());
    assertTrue(s[0].error().startsWith("decompression_bomb: "));
  }

  @Test
  void tarLinksDevicesAndFifosAreRejected() throws IOException {
    byte[] tar = CodeArchives.tar(
        E.file("pkg/a.sh", "#!/bin/sh\necho hi\n"),
        E.symlink("pkg/up", "../../etc"),
        E.special("pkg/hard", TarConstants.LF_LINK, "pkg/a.sh"),
        E.special("pkg/fifo", TarConstants.LF_FIFO, null),
        E.special("pkg/tty", TarConstants.LF_CHR, null),
        E.special("pkg/disk", TarConstants.LF_BLK, null),
        E.special("pkg/../../x", TarConstants.LF_NORMAL, null));
    CodeArchives.Sink sink = read("pkg.tar", tar);
    assertEquals(List.of(
        "0 pkg/a.sh kept", "1 pkg/up link", "2 pkg/hard link", "3 pkg/fifo special_file",
        "4 pkg/tty special_file", "5 pkg/disk special_file", "6 pkg/../../x unsafe_path"), sink.outcomes);
    assertEquals("shell", sink.candidate("pkg/a.sh").signals().codeLanguage());
    assertEquals("hard link to pkg/a.sh is not followed", sink.rejections.get(1).detail());
    assertEquals("fifo", sink.rejections.get(2).detail());
    assertEquals("character device", sink.rejections.get(3).detail());
  }

  @Test
  void aTruncatedTgzKeepsTheFilesBeforeTheDamageAndEndsWithOneRow() throws IOException {
    byte[] noise = new byte[40_000];
    new java.util.Random(3).nextBytes(noise);
    String text = java.util.Base64.getEncoder().encodeToString(noise); // hard to compress
    byte[] tgz = CodeArchives.tgz(E.file("package/a.js", "let a = 1;\n"), E.file("package/b.txt", text), E.file("package/c.txt", text));
    byte[] cut = Arrays.copyOf(tgz, tgz.length * 2 / 3);
    ReadSummary[] s = new ReadSummary[1];
    CodeArchives.Sink sink = read("cut-1.0.0.tgz", cut, new CodePackageReader(), s);
    assertEquals(List.of("0 package/a.js kept", "1 package/b.txt kept", "2 null corrupt_archive"), sink.outcomes);
    Rejection r = sink.rejection("corrupt_archive");
    assertTrue(r.detail().startsWith("archive is damaged at entry 2 (package/c.txt): "), r.detail());
    assertTrue(r.detail().endsWith("; 2 files read before it are kept"), r.detail());
    assertEquals(Digests.id("code", sha(cut), "#corrupt_archive"), r.id());
    assertEquals(sha(cut), r.source().archiveSha256());
    assertEquals(3, s[0].candidates());
    assertTrue(s[0].error().startsWith("corrupt_archive: archive is damaged"));
  }

  @Test
  void aCutJarKeepsTheFilesItsLocalHeadersGive() throws IOException {
    byte[] jar = CodeArchives.zip(E.file("a/A.java", "class A {}\n"), E.file("a/B.java", "class B {}\n"), E.file("a/C.java", "class C {}\n"));
    // cut inside the third entry: no central directory, two whole local entries
    int third = indexOf(jar, "a/C.java".getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(jar, third + 12);
    ReadSummary[] s = new ReadSummary[1];
    CodeArchives.Sink sink = read("cut-1.0-sources.jar", cut, new CodePackageReader(), s);
    assertEquals(List.of("0 a/A.java kept", "1 a/B.java kept", "2 null corrupt_archive"), sink.outcomes);
    assertTrue(sink.rejections.get(0).detail().contains("archive is damaged at entry 2 (a/C.java): "), sink.rejections.get(0).detail());
    // cut exactly before the central directory: every entry is there, the directory is not
    int cd = indexOf(jar, new byte[] {'P', 'K', 1, 2});
    CodeArchives.Sink noCd = read("nocd.jar", Arrays.copyOf(jar, cd), new CodePackageReader(), s);
    assertEquals(List.of("0 a/A.java kept", "1 a/B.java kept", "2 a/C.java kept", "3 null corrupt_archive"), noCd.outcomes);
    assertTrue(noCd.rejections.get(0).detail().startsWith("zip has no readable central directory ("), noCd.rejections.get(0).detail());
    assertTrue(s[0].error().startsWith("corrupt_archive: zip has no readable central directory"));
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  @Test
  void aTgzBombEntryIsCaughtByItsRatio() throws IOException {
    // 200 MB of zeros in one tar entry, gzipped as it is written
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream gz = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out);
        org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(gz)) {
      org.apache.commons.compress.archivers.tar.TarArchiveEntry e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("package/zeros.js");
      e.setSize(200L << 20);
      tar.putArchiveEntry(e);
      byte[] block = new byte[1 << 16];
      for (int i = 0; i < 200 * 16; i++) {
        tar.write(block);
      }
      tar.closeArchiveEntry();
      org.apache.commons.compress.archivers.tar.TarArchiveEntry next = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("package/next.js");
      next.setSize(6);
      tar.putArchiveEntry(next);
      tar.write("x = 1\n".getBytes(StandardCharsets.UTF_8));
      tar.closeArchiveEntry();
    }
    CodeArchives.Sink sink = read("bomb-1.0.0.tgz", out.toByteArray());
    assertEquals(List.of("0 package/zeros.js decompression_bomb", "1 package/next.js kept"), sink.outcomes);
    assertTrue(sink.rejections.get(0).detail().startsWith("entry expands 1048576 bytes from "), sink.rejections.get(0).detail());
  }

  @Test
  void aZipEntryOfAnUnknownCompressionMethodIsRejectedAlone() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
      for (String name : List.of("odd.txt", "fine.txt")) {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setMethod(ZipArchiveEntry.STORED);
        byte[] b = "hello\n".getBytes(StandardCharsets.UTF_8);
        e.setSize(b.length);
        e.setCrc(Hashing.crc32().hashBytes(b).padToLong());
        z.putArchiveEntry(e);
        z.write(b);
        z.closeArchiveEntry();
      }
    }
    byte[] zip = out.toByteArray();
    // set odd.txt's method to 99 (AES, which commons-compress cannot read) in its local and central headers
    zip[indexOf(zip, new byte[] {'P', 'K', 3, 4}) + 8] = 99;
    zip[indexOf(zip, new byte[] {'P', 'K', 1, 2}) + 10] = 99;
    CodeArchives.Sink sink = read("odd.zip", zip);
    assertEquals(List.of("0 odd.txt unsupported_entry", "1 fine.txt kept"), sink.outcomes);
    assertEquals("compression method 99 is not supported", sink.rejections.get(0).detail());
  }

  @Test
  void notAnArchiveAtAllIsOneCorruptRow() throws IOException {
    CodeArchives.Sink sink = read("x.tgz", "not gzip".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("0 null corrupt_archive"), sink.outcomes);
  }

  @Test
  void tooLargeFileIsRejected() throws IOException {
    byte[] zip = CodeArchives.zip(E.file("big.txt", "a".repeat(2000)), E.file("small.txt", "ok\n"));
    CodePackageReader reader = new CodePackageReader(new CodeReadLimits(1000, 1L << 30, 100, 100_000, true), new SpdxHeaderLicensing());
    assertEquals(List.of("0 big.txt file_too_large", "1 small.txt kept"), read("z.zip", zip, reader, null).outcomes);
  }

  @Test
  void directoryIsOnePackageAndItsLinksAreNotFollowed(@TempDir Path tmp) throws IOException {
    Path repo = tmp.resolve("myrepo");
    Files.createDirectories(repo.resolve("src/pkg"));
    Files.writeString(repo.resolve("pyproject.toml"), "[project]\nname = \"mypkg\"\nversion = \"2.0.1\"\n");
    Files.writeString(repo.resolve("src/pkg/__init__.py"), "# SPDX-License-Identifier: BSD-3-Clause\nVALUE = 1\n");
    Files.writeString(repo.resolve("LICENSE"), "BSD 3-Clause License\n");
    Files.createSymbolicLink(repo.resolve("escape"), Path.of("/etc"));
    CodeArchives.Sink sink = new CodeArchives.Sink();
    CodePackageReader.PackageRead d = new CodePackageReader().readDirectory(repo.toString(), repo, sink);
    assertEquals(List.of("0 LICENSE kept", "1 escape link", "2 pyproject.toml kept", "5 src/pkg/__init__.py kept"), sink.outcomes);
    Candidate init = sink.candidate("src/pkg/__init__.py");
    String fileSha = sha("# SPDX-License-Identifier: BSD-3-Clause\nVALUE = 1\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(Digests.id("code-dir", "myrepo", "src/pkg/__init__.py", fileSha), init.id());
    assertEquals("mypkg", init.source().packageName());
    assertEquals("2.0.1", init.source().version());
    assertNull(init.source().archiveSha256());
    assertEquals("BSD-3-Clause", init.license().spdx());
    assertEquals("python", init.signals().codeLanguage());
    assertEquals(4, d.summary().candidates());
    assertEquals(("BSD 3-Clause License\n" + "[project]\nname = \"mypkg\"\nversion = \"2.0.1\"\n"
        + "# SPDX-License-Identifier: BSD-3-Clause\nVALUE = 1\n").length(), d.bytes());
  }

  /** A zip whose entries may repeat a name (ZipArchiveOutputStream allows it). */
  private static byte[] concatZip(E... entries) throws IOException {
    return CodeArchives.zip(entries);
  }

  @SuppressWarnings("unused")
  private static void unused(OutputStream o) {}
}
