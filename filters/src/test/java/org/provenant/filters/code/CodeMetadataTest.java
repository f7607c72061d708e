package org.provenant.filters.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;

/** Package metadata parsing, language detection and the default licensing. */
class CodeMetadataTest {
  private static PackageMetadata meta(String archive, Map<String, String> files) {
    return PackageMetadata.of(PackageContents.of(archive, files));
  }

  @Test
  void readsEachManifestKind() {
    assertEquals(new PackageMetadata("left-pad", "1.3.0", "package/package.json"),
        meta("x.tgz", Map.of("package/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}",
            "package/test/package.json", "{\"name\":\"fixture\",\"version\":\"0\"}")));
    assertEquals(new PackageMetadata("com.google.guava:guava", "33.4.8-jre", "pom.xml"),
        meta("x.zip", Map.of("pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><parent><groupId>com.google.guava</groupId>"
            + "<artifactId>guava-parent</artifactId><version>33.4.8-jre</version></parent><artifactId>guava</artifactId></project>")));
    assertEquals(new PackageMetadata("serde", "1.0.219", "serde-1.0.219/Cargo.toml"),
        meta("x.tar.gz", Map.of("serde-1.0.219/Cargo.toml", "[workspace]\nname = \"no\"\n[package]\nname = \"serde\"\nversion = \"1.0.219\" # pinned\nedition = \"2021\"\n")));
    assertEquals(new PackageMetadata("requests", "2.32.3", "pyproject.toml"),
        meta("x.zip", Map.of("pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\n[project]\nname = \"requests\"\nversion = \"2.32.3\"\n")));
    assertEquals(new PackageMetadata("poet", "0.1.0", "pyproject.toml"),
        meta("x.zip", Map.of("pyproject.toml", "[tool.poetry]\nname = \"poet\"\nversion = \"0.1.0\"\n")));
    assertEquals(new PackageMetadata("legacy", "3.1", "legacy-3.1/setup.cfg"),
        meta("x.zip", Map.of("legacy-3.1/setup.cfg", "[metadata]\nname = legacy\nversion = 3.1\n[options]\nzip_safe = False\n")));
  }

  @Test
  void unresolvedValuesCountAsAbsentAndTheArchiveNameIsTheFallback() {
    assertEquals(new PackageMetadata("lodash", "4.17.21", "archive_name"),
        meta("lodash-4.17.21.tgz", Map.of("package.json", "{\"name\": 3}")));
    assertEquals(new PackageMetadata("ws", null, "Cargo.toml"),
        meta("ws.zip", Map.of("Cargo.toml", "[package]\nname = \"ws\"\nversion.workspace = true\n")));
    assertEquals(new PackageMetadata("guava", "33.4.8-jre", "archive_name"), PackageMetadata.fromArchiveName("guava-33.4.8-jre-sources.jar"));
    assertEquals(new PackageMetadata("my_pkg", "1.2.3", "archive_name"), PackageMetadata.fromArchiveName("my_pkg-1.2.3.tar.gz"));
    assertEquals(new PackageMetadata("serde", "1.0.219", "archive_name"), PackageMetadata.fromArchiveName("serde-1.0.219.tar.zst"));
    assertEquals(new PackageMetadata("repo-main", null, "archive_name"), PackageMetadata.fromArchiveName("repo-main.zip"));
  }

  @Test
  void aPomWithADoctypeIsNotParsed() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<project><groupId>&x;</groupId><artifactId>a</artifactId></project>";
    assertEquals(new PackageMetadata("evil", "1", "archive_name"), meta("evil-1.jar", Map.of("pom.xml", xxe)));
  }

  @Test
  void detectsLanguageByNameExtensionAndShebang() {
    assertEquals(Optional.of("java"), CodeLanguages.detect("src/A.java", ""));
    assertEquals(Optional.of("cpp"), CodeLanguages.detect("a/b.hpp", ""));
    assertEquals(Optional.of("typescript"), CodeLanguages.detect("x.tsx", ""));
    assertEquals(Optional.of("makefile"), CodeLanguages.detect("sub/Makefile", ""));
    assertEquals(Optional.of("dockerfile"), CodeLanguages.detect("Dockerfile.dev", ""));
    assertEquals(Optional.of("cmake"), CodeLanguages.detect("CMakeLists.txt", ""));
    assertEquals(Optional.of("python"), CodeLanguages.detect("bin/tool", "#!/usr/bin/env python3\nprint(1)\n"));
    assertEquals(Optional.of("python"), CodeLanguages.detect("bin/tool", "#!/usr/bin/python3.12 -u\n"));
    assertEquals(Optional.of("shell"), CodeLanguages.detect("configure", "#!/bin/sh\n"));
    assertEquals(Optional.of("javascript"), CodeLanguages.detect("cli", "#!/usr/bin/env -S node --no-warnings\n"));
    assertEquals(Optional.empty(), CodeLanguages.detect("LICENSE", "MIT License\n"));
    assertEquals(Optional.empty(), CodeLanguages.detect("bin/x", "#!/usr/bin/env\n"));
  }

  @Test
  void defaultLicensingReadsSpdxLinesSidecarsAndPackageJson() {
    SpdxHeaderLicensing l = new SpdxHeaderLicensing();
    assertTrue(l.isPackageLevel("package/LICENSE"));
    assertTrue(l.isPackageLevel("LICENSE-MIT.txt"));
    assertTrue(l.isPackageLevel("COPYING"));
    assertTrue(l.isPackageLevel("repo-main/README.md"));
    assertTrue(l.isPackageLevel("LICENSES/Apache-2.0.txt"));
    assertTrue(l.isPackageLevel("src/deep/logo.png.license"));
    assertTrue(l.isPackageLevel("META-INF/maven/g/a/pom.xml"));
    assertFalse(l.isPackageLevel("src/main/LICENSE"));
    assertFalse(l.isPackageLevel("src/index.js"));

    PackageContents pkg = PackageContents.of("p.tgz", Map.of(
        "package/package.json", "{\"license\":\"(MIT OR Apache-2.0)\"}",
        "package/img/logo.svg.license", "SPDX-FileCopyrightText: 2024 A\nSPDX-License-Identifier: CC-BY-4.0\n"));
    assertEquals(new License("GPL-2.0-or-later", List.of(
            new Evidence("spdx_header", "package/a.c", "GPL-2.0-or-later", "GPL-2.0-or-later", null),
            new Evidence("package_json", "package/package.json", "(MIT OR Apache-2.0)", "(MIT OR Apache-2.0)", null)), true, "(MIT OR Apache-2.0)"),
        l.licenseFor(pkg, "package/a.c", "/* SPDX-License-Identifier: GPL-2.0-or-later */\nint x;\n"));
    assertEquals("CC-BY-4.0", l.licenseFor(pkg, "package/img/logo.svg", "<svg/>").spdx());
    assertEquals("reuse_sidecar", l.licenseFor(pkg, "package/img/logo.svg", "<svg/>").evidence().get(0).kind());
    assertEquals(new License("(MIT OR Apache-2.0)", List.of(
            new Evidence("package_json", "package/package.json", "(MIT OR Apache-2.0)", "(MIT OR Apache-2.0)", null)), false,
            "(MIT OR Apache-2.0)"),
        l.licenseFor(pkg, "package/b.js", "x();\n"));
    PackageContents seeFile = PackageContents.of("p.tgz", Map.of("package.json", "{\"license\":\"SEE LICENSE IN LICENSE.txt\"}"));
    License see = l.licenseFor(seeFile, "a.js", "");
    assertEquals(null, see.spdx());
    assertEquals("SEE LICENSE IN LICENSE.txt", see.evidence().get(0).value());
    assertEquals(License.UNKNOWN, l.licenseFor(PackageContents.of("x", Map.of()), "a.js", "// SPDX-License-Identifier:\n"));
  }
}
