package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;

/** The sources of a jar's licence besides its files: its manifest and a named Maven repository. */
class JarLicenceSourcesTest {
  private final PackageLicenseResolver resolver = PackageLicenseResolver.create();

  private static String pom(String parent, String gav, String licenses) {
    return "<project><modelVersion>4.0.0</modelVersion>" + parent + gav + licenses + "</project>";
  }

  private static String gav(String g, String a, String v) {
    return (g == null ? "" : "<groupId>" + g + "</groupId>") + "<artifactId>" + a + "</artifactId><version>" + v + "</version>";
  }

  private static String parent(String g, String a, String v) {
    return "<parent>" + gav(g, a, v) + "</parent>";
  }

  private static List<String> evidence(License l) {
    return l.evidence().stream().map(e -> e.kind() + "@" + e.location() + "=" + e.spdx()).toList();
  }

  // ---- META-INF/MANIFEST.MF -------------------------------------------------------------------

  @Test
  void aJarWithOnlyBundleLicenseDeclaresIt() {
    String mf = "Manifest-Version: 1.0\r\nBundle-SymbolicName: org.example.demo;singleton:=true\r\n"
        + "Bundle-License: https://www.apache.org/licenses/LICENSE-2.0.t\r\n xt\r\n\r\nName: org/example/\r\nBundle-License: MIT\r\n";
    PackageLicense pkg = resolver.resolve(PackageFiles.of(Map.of("META-INF/MANIFEST.MF", mf)));
    assertEquals("Apache-2.0", pkg.license().spdx());
    assertEquals(List.of("jar_manifest@META-INF/MANIFEST.MF=Apache-2.0"), evidence(pkg.license()));
    assertEquals("Bundle-License: https://www.apache.org/licenses/LICENSE-2.0.txt", pkg.license().evidence().get(0).value());
    assertEquals("Apache-2.0", resolver.forFile("org/example/Demo.java", "class Demo {}", pkg).spdx());
  }

  @Test
  void bundleLicenseForms() {
    assertEquals(List.of("EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0"), spdx(
        "Bundle-License: EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0\n"));
    assertEquals(List.of("Apache-2.0"), spdx("Bundle-License: Apache License, Version 2.0\n"));
    assertEquals(List.of("Apache-2.0 OR MIT"), spdx(
        "Bundle-License: \"Apache License 2.0\";link=\"https://www.apache.org/licenses/LICENSE-2.0\", MIT;description=x\n"));
    assertEquals(List.of("BSD-3-Clause"), spdx("Bundle-License: Our licence;link=https://opensource.org/licenses/BSD-3-Clause\n"));
    List<Evidence> unknown = JarManifest.parse("Bundle-License: The Frobnicator Licence\n").licenseEvidence("M");
    assertEquals(1, unknown.size());
    assertEquals(null, unknown.get(0).spdx());
    assertEquals(List.of(), JarManifest.parse("Bundle-License: <<EXTERNAL>>\n").licenseEvidence("M"));
    assertEquals(List.of(), JarManifest.parse("Manifest-Version: 1.0\n").licenseEvidence("M"));
    assertEquals(List.of(), JarManifest.parse("not a manifest at all \u0000\n: \n").licenseEvidence("M"));
  }

  private static List<String> spdx(String manifest) {
    return JarManifest.parse(manifest).licenseEvidence("M").stream().map(Evidence::spdx).toList();
  }

  @Test
  void manifestAndPomThatDisagreeAreAConflict() {
    String mf = "Manifest-Version: 1.0\nBundle-License: MIT\n";
    String pom = pom("", gav("org.example", "demo", "1"), "<licenses><license><name>GPL-3.0-only</name></license></licenses>");
    PackageLicense pkg = resolver.resolve(PackageFiles.of(Map.of("META-INF/MANIFEST.MF", mf, "../demo-1.pom", pom)));
    assertTrue(pkg.conflict());
    assertEquals("GPL-3.0-only AND MIT", pkg.license().spdx());
  }

  // ---- a named Maven repository ---------------------------------------------------------------

  /** A repository with hamcrest's pom (no licences) whose parent declares BSD-3-Clause. */
  private static Path repository(Path root) throws IOException {
    write(root, "org/hamcrest/hamcrest/2.2/hamcrest-2.2.pom",
        pom(parent("org.hamcrest", "hamcrest-parent", "2.2"), gav(null, "hamcrest", "2.2"), ""));
    write(root, "org/hamcrest/hamcrest-parent/2.2/hamcrest-parent-2.2.pom", pom("", gav("org.hamcrest", "hamcrest-parent", "2.2"),
        "<licenses><license><name>BSD License 3</name><url>http://opensource.org/licenses/BSD-3-Clause</url></license></licenses>"));
    return root;
  }

  private static void write(Path root, String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void aFlatSourcesJarIsResolvedThroughTheRepositoryByItsFileName(@TempDir Path tmp) throws IOException {
    MavenRepository repo = MavenRepository.directory(repository(tmp));
    SortedMap<String, String> poms = repo.poms("hamcrest-2.2-sources.jar", Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
    assertEquals(List.of("maven-repository:org/hamcrest/hamcrest-parent/2.2/hamcrest-parent-2.2.pom",
        "maven-repository:org/hamcrest/hamcrest/2.2/hamcrest-2.2.pom"), List.copyOf(poms.keySet()));
    Map<String, String> files = new TreeMap<>(poms);
    files.put("org/hamcrest/Matcher.java", "package org.hamcrest;");
    PackageLicense pkg = resolver.resolve(PackageFiles.of(files));
    assertEquals("BSD-3-Clause", pkg.license().spdx());
    assertEquals(List.of("pom@maven-repository:org/hamcrest/hamcrest-parent/2.2/hamcrest-parent-2.2.pom=BSD-3-Clause"),
        evidence(pkg.license()));
  }

  @Test
  void coordinatesComeFromPomPropertiesThenTheManifestThenTheOnlyMatchingPom(@TempDir Path tmp) throws IOException {
    repository(tmp);
    // the same artifact and version under a second group: the file name alone is ambiguous
    write(tmp, "org/other/hamcrest/2.2/hamcrest-2.2.pom", pom("", gav("org.other", "hamcrest", "2.2"),
        "<licenses><license><name>MIT</name></license></licenses>"));
    MavenRepository repo = MavenRepository.directory(tmp);
    assertEquals(Map.of(), repo.poms("hamcrest-2.2-sources.jar", Map.of()));
    assertEquals(List.of("maven-repository:org/other/hamcrest/2.2/hamcrest-2.2.pom"), List.copyOf(repo.poms("hamcrest-2.2-sources.jar",
        Map.of("META-INF/maven/org.other/hamcrest/pom.properties", "groupId=org.other\nartifactId=hamcrest\nversion=2.2\n")).keySet()));
    assertEquals(2, repo.poms("renamed.jar",
        Map.of("META-INF/maven/org.hamcrest/hamcrest/pom.properties", "groupId=org.hamcrest\nartifactId=hamcrest\nversion=2.2\n")).size());
    // the manifest's symbolic name gives the group (its dotted prefixes are tried, longest first)
    assertEquals(List.of("maven-repository:org/hamcrest/hamcrest-parent/2.2/hamcrest-parent-2.2.pom",
        "maven-repository:org/hamcrest/hamcrest/2.2/hamcrest-2.2.pom"), List.copyOf(repo.poms("hamcrest-2.2-sources.jar",
        Map.of("META-INF/MANIFEST.MF", "Bundle-SymbolicName: org.hamcrest.core\n")).keySet()));
    // not in the repository, not a jar, hostile coordinates: nothing
    assertEquals(Map.of(), repo.poms("junit-4.13.2-sources.jar", Map.of()));
    assertEquals(Map.of(), repo.poms("hamcrest-2.2.tgz", Map.of()));
    assertEquals(Map.of(), repo.poms("x.jar",
        Map.of("META-INF/maven/a/b/pom.properties", "groupId=..\nartifactId=..\nversion=../../etc\n")));
  }

  @Test
  void aParentChainThatLoopsOrRunsPastFiveLevelsStops(@TempDir Path tmp) throws IOException {
    write(tmp, "g/a/1/a-1.pom", pom(parent("g", "a", "1"), gav("g", "a", "1"), ""));
    assertEquals(1, MavenRepository.directory(tmp).poms("a-1-sources.jar", Map.of()).size());
    for (int i = 0; i < 8; i++) {
      write(tmp, "g/c" + i + "/1/c" + i + "-1.pom", pom(parent("g", "c" + (i + 1), "1"), gav("g", "c" + i, "1"), ""));
    }
    assertEquals(5, MavenRepository.directory(tmp).poms("c0-1-sources.jar", Map.of()).size());
  }

  @Test
  void artifactAndVersionOfFileNames() {
    assertEquals(List.of("protobuf-java", "3.25.3"), List.of(MavenRepository.artifactAndVersion("protobuf-java-3.25.3-sources.jar").orElseThrow()));
    assertEquals(List.of("guava", "33.2.1-jre"), List.of(MavenRepository.artifactAndVersion("guava-33.2.1-jre-sources.jar").orElseThrow()));
    assertEquals(List.of("javafx-base", "21"), List.of(MavenRepository.artifactAndVersion("javafx-base-21.jar").orElseThrow()));
    assertEquals(Optional.empty(), MavenRepository.artifactAndVersion("noversion-sources.jar").map(List::of));
    assertEquals(Optional.empty(), MavenRepository.artifactAndVersion("1.0.jar").map(List::of));
  }

  // ---- exceptions and later versions in licence texts -----------------------------------------

  @Test
  void everyRecognisedExceptionIsFoundInItsOwnSpdxText() {
    for (LicenseExceptions.Entry e : LicenseExceptions.entries()) {
      String text = SpdxLicenseList.get().exceptionText(e.id()).orElseThrow();
      assertEquals(List.of(e.id()), LicenseExceptions.inText(text).stream().map(LicenseExceptions.Entry::id).toList(), e.id());
    }
    assertEquals(List.of(), LicenseExceptions.inText(Fixtures.spdxText("GPL-2.0-only")));
    assertEquals(List.of(), LicenseExceptions.inText(Fixtures.spdxText("Apache-2.0")));
  }

  @Test
  void aGplTextWithTheClasspathExceptionReadsAsGplWithTheException() {
    String text = Fixtures.spdxText("GPL-2.0-only") + "\n\nCLASSPATH EXCEPTION\n\n"
        + SpdxLicenseList.get().exceptionText("Classpath-exception-2.0").orElseThrow();
    PackageLicense pkg = resolver.resolve(PackageFiles.of(Map.of("LICENSE", text)));
    assertEquals("GPL-2.0-only WITH Classpath-exception-2.0", pkg.license().spdx());
    // the exception in a file of its own applies to the directory's GPL
    PackageLicense apart = resolver.resolve(PackageFiles.of(Map.of("LICENSE", Fixtures.spdxText("GPL-2.0-only"),
        "LICENSE-CLASSPATH-EXCEPTION", SpdxLicenseList.get().exceptionText("Classpath-exception-2.0").orElseThrow())));
    assertEquals("GPL-2.0-only WITH Classpath-exception-2.0", apart.license().spdx());
    // a pom that says plain GPL-2.0 gets the exception its licence file states
    String pom = pom("", gav("javax.servlet", "javax.servlet-api", "4.0.1"), "<licenses><license><name>GPL-2.0-only</name></license></licenses>");
    PackageLicense declared = resolver.resolve(PackageFiles.of(Map.of("pom.xml", pom, "LICENSE", text)));
    assertEquals("GPL-2.0-only WITH Classpath-exception-2.0", declared.license().spdx());
    assertFalse(declared.conflict());
  }

  @Test
  void anyLaterVersionWordingOutsideTheAppendixMakesItOrLater() {
    String gpl3 = Fixtures.spdxText("GPL-3.0-only");
    assertTrue(gpl3.contains("any later version"), "the text's appendix holds the sample notice");
    assertEquals("GPL-3.0-only", resolver.resolve(PackageFiles.of(Map.of("COPYING", gpl3))).license().spdx());
    String notice = "This program is free software: you can redistribute it and/or modify it under the terms of the GNU General"
        + " Public License as published by the Free Software Foundation, either version 3 of the License, or\n"
        + " * (at your option) any later version.\n\n";
    assertEquals("GPL-3.0-or-later", resolver.resolve(PackageFiles.of(Map.of("COPYING", notice + gpl3))).license().spdx());
    assertEquals("LGPL-2.1-only", resolver.resolve(PackageFiles.of(Map.of("COPYING", Fixtures.spdxText("LGPL-2.1-only")))).license().spdx());
    assertFalse(LaterVersionWording.offersLater(Fixtures.spdxText("GPL-2.0-only")));
    assertFalse(LaterVersionWording.offersLater(Fixtures.spdxText("AGPL-3.0-only")));
    assertTrue(LaterVersionWording.offersLater("Licensed under the LGPL, version 2.1 or later."));
    assertEquals("MIT", LaterVersionWording.apply("MIT", notice));
  }

  // ---- poms ------------------------------------------------------------------------------------

  @Test
  void aDualLicencePomIsAnOrAndTheUrlGivesAVersionTheNameLacks() {
    String pom = pom("", gav("com.github.javaparser", "javaparser-core", "3.26.1"), "<licenses>"
        + "<license><name>GNU Lesser General Public License</name><url>http://www.gnu.org/licenses/lgpl-3.0.html</url></license>"
        + "<license><name>Apache License, Version 2.0</name><url>http://www.apache.org/licenses/LICENSE-2.0.txt</url></license>"
        + "</licenses>");
    PackageLicense pkg = resolver.resolve(PackageFiles.of(Map.of("META-INF/maven/com.github.javaparser/javaparser-core/pom.xml", pom)));
    assertEquals("LGPL-3.0-or-later OR Apache-2.0", pkg.license().spdx());
    String servlet = pom("", gav("javax.servlet", "javax.servlet-api", "4.0.1"), "<licenses>"
        + "<license><name>CDDL + GPLv2 with classpath exception</name><url>https://oss.oracle.com/licenses/CDDL+GPL-1.1</url></license>"
        + "</licenses>");
    assertEquals("CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
        resolver.resolve(PackageFiles.of(Map.of("pom.xml", servlet))).license().spdx());
    // a URL without a version number does not give one: the name's mapping stands
    String jfree = pom("", gav("org.jfree", "jfreechart", "1.5.4"), "<licenses><license><name>GNU Lesser General Public Licence</name>"
        + "<url>http://www.gnu.org/licenses/lgpl.txt</url></license></licenses>");
    assertEquals("LGPL-2.1-or-later", resolver.resolve(PackageFiles.of(Map.of("pom.xml", jfree))).license().spdx());
    String annotation = pom("", gav("javax.annotation", "javax.annotation-api", "1.3.2"), "<licenses><license>"
        + "<name>CDDL + GPLv2 with classpath exception</name><url>https://github.com/javaee/javax.annotation/blob/master/LICENSE</url>"
        + "</license></licenses>");
    assertEquals("CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
        resolver.resolve(PackageFiles.of(Map.of("pom.xml", annotation))).license().spdx());
    String gplCpe = pom("", gav("g", "a", "1"), "<licenses><license><name>GNU General Public License, version 2, with the Classpath Exception</name></license></licenses>");
    assertEquals("GPL-2.0-only WITH Classpath-exception-2.0", resolver.resolve(PackageFiles.of(Map.of("pom.xml", gplCpe))).license().spdx());
    String mysql = pom("", gav("com.mysql", "mysql-connector-j", "8.4.0"), "<licenses><license><name>The GNU General Public License, v2 with Universal FOSS Exception, v1.0</name></license></licenses>");
    assertEquals("GPL-2.0-only WITH Universal-FOSS-exception-1.0", resolver.resolve(PackageFiles.of(Map.of("pom.xml", mysql))).license().spdx());
  }

  // ---- .reuse/dep5 ----------------------------------------------------------------------------

  @Test
  void dep5ParagraphsLicenceTheFilesTheyMatchTheLastOneWinning() {
    String dep5 = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: demo\n\n"
        + "Files: *\nCopyright: 2024 Someone\nLicense: GPL-2+\n\n"
        + "Files: src/vendor/*\n docs/*.md\nCopyright: 2020 Else\nLicense: Expat or Apache-2.0\n\n"
        + "Files: src/vendor/odd?.c\nLicense: GPL-2+ with Bison exception\n\n"
        + "Files: unknown/*\nLicense: GPL-2+ with OpenSSL exception\n\n"
        + "License: Expat\n Permission is hereby granted...\n";
    PackageLicense pkg = resolver.resolve(PackageFiles.of(Map.of(".reuse/dep5", dep5)));
    assertEquals("GPL-2.0-or-later", resolver.forFile("main.c", "int main;", pkg).spdx());
    License vendored = resolver.forFile("src/vendor/lib/x.c", "int x;", pkg);
    assertEquals("MIT OR Apache-2.0", vendored.spdx());
    assertEquals(List.of("reuse_dep5@.reuse/dep5=MIT OR Apache-2.0"), evidence(vendored));
    assertEquals("MIT OR Apache-2.0", resolver.forFile("docs/a.md", "# a", pkg).spdx());
    assertEquals("GPL-2.0-or-later", resolver.forFile("docs/sub/a.txt", "a", pkg).spdx());
    assertEquals("GPL-2.0-or-later WITH Bison-exception-2.2", resolver.forFile("src/vendor/odd1.c", "int y;", pkg).spdx());
    // an exception we do not know is not a licence we can state
    assertEquals(null, resolver.forFile("unknown/z.c", "int z;", pkg).spdx());
    // a file's own SPDX header still decides for it (closest)
    assertEquals("MIT", resolver.forFile("main2.c", "// SPDX-License-Identifier: MIT\nint m;", pkg).spdx());
    // npm's package/ directory: the dep5 is collected and its globs are relative to package/
    assertTrue(PackageFiles.isPackageLevel("package/.reuse/dep5"));
    assertFalse(PackageFiles.isPackageLevel("a/b/c/.reuse/dep5"));
    PackageLicense npm = resolver.resolve(PackageFiles.of(Map.of("package/.reuse/dep5", "Files: lib/*\nLicense: Expat\n")));
    assertEquals("MIT", resolver.forFile("package/lib/x.js", "x", npm).spdx());
    assertEquals(null, resolver.forFile("package/y.js", "y", npm).spdx());
    // a malformed dep5 gives nothing
    PackageLicense bad = resolver.resolve(PackageFiles.of(Map.of(".reuse/dep5", "\u0000garbage\n\n:::\n")));
    assertEquals(null, resolver.forFile("main.c", "int main;", bad).spdx());
  }

  @Test
  void debianShortNames() {
    assertEquals("GPL-3.0-only", ReuseToml.debianLicense("GPL-3").normalized().orElseThrow());
    assertEquals("LGPL-2.1-or-later", ReuseToml.debianLicense("LGPL-2.1+").normalized().orElseThrow());
    assertEquals("BSD-3-Clause AND MIT", ReuseToml.debianLicense("BSD-3-clause and Expat").normalized().orElseThrow());
    assertFalse(ReuseToml.debianLicense("public-domain").isValid());
  }

  // ---- where the package declares it ----------------------------------------------------------

  @Test
  void aBundledCcByFileDoesNotChangeTheNpmPackageAnswer() {
    String pj = "{\"name\":\"atob\",\"version\":\"2.1.2\",\"license\":\"(MIT OR Apache-2.0)\"}";
    Map<String, String> files = Map.of(
        "package/package.json", pj,
        "package/LICENSE", Fixtures.spdxText("MIT"),
        "package/LICENSE.DOCS", Fixtures.spdxText("CC-BY-3.0"),
        "package/vendor/icons/LICENSE", Fixtures.spdxText("CC-BY-3.0"));
    PackageLicense pkg = resolver.resolve(PackageFiles.of(files));
    assertEquals("MIT OR Apache-2.0", pkg.declared().spdx());
    assertFalse(pkg.declared().conflict());
    assertTrue(evidence(pkg.declared()).contains("license_file@package/LICENSE.DOCS=CC-BY-3.0"), evidence(pkg.declared()).toString());
    License icon = resolver.forFile("package/vendor/icons/a.svg", "<svg/>", pkg);
    assertEquals("CC-BY-3.0", icon.spdx());
    assertEquals("MIT OR Apache-2.0", icon.packageSpdx());
    // without a declaration a part-named file counts with the others (the stricter reading)
    assertEquals("CC-BY-3.0", resolver.resolve(PackageFiles.of(Map.of("LICENSE.DOCS", Fixtures.spdxText("CC-BY-3.0")))).license().spdx());
    assertEquals("MIT AND CC-BY-3.0", resolver.resolve(PackageFiles.of(Map.of("LICENSE", Fixtures.spdxText("MIT"),
        "LICENSE.DOCS", Fixtures.spdxText("CC-BY-3.0")))).license().spdx());
    // an ordinary second licence file still disagrees with the declaration
    PackageLicense gpl = resolver.resolve(PackageFiles.of(Map.of("package/package.json", pj, "package/COPYING", Fixtures.spdxText("GPL-3.0-only"))));
    assertTrue(gpl.declared().conflict());
  }

  @Test
  void partLicenceNames() {
    for (String own : List.of("LICENSE", "LICENSE.txt", "COPYING.LESSER", "LICENSE-MIT", "LICENSE-APACHE-2.0", "LICENCE.md",
        "license-2.0.txt", "UNLICENSE", "COPYING.LIB", "LICENSE_1_0.txt", "mit-license.txt", "LICENSE-EDL-1.0.txt",
        "LICENSE.BSD-3-Clause", "LICENSE-Zlib.md")) {
      assertFalse(PackageLicenseResolver.isPartLicense(own), own);
    }
    for (String part : List.of("LICENSE.DOCS", "LICENSE-ASM.txt", "THIRD-PARTY-LICENSE", "LICENSE_bundled", "ThirdPartyNotices-license.txt")) {
      assertTrue(PackageLicenseResolver.isPartLicense(part), part);
    }
  }

  @Test
  void aLicenceFileWithAThirdPartySectionIsItsOwnLicenceAndTheSectionIsEvidence() {
    // ICU's LICENSE: Unicode's licence, then the licences of what ICU bundles
    String icu = Fixtures.spdxText("Unicode-3.0") + "\n\nSPDX-License-Identifier: Unicode-3.0\n\n"
        + "----------------------------------------------------------------------\n\nThird-Party Software Licenses\n\n"
        + "This section contains third-party software notices.\n\n" + Fixtures.spdxText("BSD-3-Clause");
    PackageLicense pkg = resolver.resolve(PackageFiles.of(Map.of("LICENSE", icu)));
    assertEquals("Unicode-3.0", pkg.license().spdx());
    assertTrue(evidence(pkg.license()).contains("license_file@LICENSE=BSD-3-Clause"), evidence(pkg.license()).toString());
    assertEquals("Unicode-DFS-2016", resolver.resolve(PackageFiles.of(Map.of("LICENSE", Fixtures.spdxText("Unicode-DFS-2016")))).license().spdx());
    // a heading at the very top is no cut: the whole text is the licence
    assertEquals(-1, PackageLicenseResolver.thirdPartyCut("Third-Party Notices\n\n" + Fixtures.spdxText("MIT")));
    assertEquals(-1, PackageLicenseResolver.thirdPartyCut(Fixtures.spdxText("Apache-2.0")));
  }
}
