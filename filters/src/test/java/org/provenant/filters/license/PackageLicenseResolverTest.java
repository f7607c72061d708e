package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;

class PackageLicenseResolverTest {
  private final PackageLicenseResolver resolver = PackageLicenseResolver.create();

  private PackageLicense resolve(Map<String, String> files) {
    return resolver.resolve(PackageFiles.of(files));
  }

  private static List<String> kinds(List<Evidence> ev) {
    return ev.stream().map(e -> e.kind() + "@" + e.location() + "=" + e.spdx()).toList();
  }

  @Test
  void mitLicenceFileAlone() {
    PackageLicense p = resolve(Map.of("LICENSE", Fixtures.resource("MIT.txt")));
    assertEquals(Optional.of("MIT"), p.spdx());
    assertFalse(p.conflict());
    assertEquals(List.of("license_file@LICENSE=MIT"), kinds(p.evidence()));
    assertEquals(1.0, p.evidence().get(0).confidence());
  }

  @Test
  void packageJsonMitButGplLicenceFileIsAConflict() {
    PackageLicense p = resolve(Map.of(
        "package.json", "{\"name\":\"x\",\"version\":\"1.0.0\",\"license\":\"MIT\"}",
        "LICENSE", Fixtures.spdxText("GPL-3.0-only")));
    assertTrue(p.conflict());
    assertEquals(Optional.of("MIT AND GPL-3.0-only"), p.spdx());
    assertEquals(List.of("package_json@package.json=MIT", "license_file@LICENSE=GPL-3.0-only"), kinds(p.evidence()));
    assertEquals(LicenseVerdict.CONFLICT, LicensePolicy.permissive().judge(p.license()).rejectReason().orElseThrow());
  }

  @Test
  void declaredDualLicenceAgreesWithBothLicenceFiles() {
    PackageLicense p = resolve(Map.of(
        "Cargo.toml", "[package]\nname = \"x\"\nlicense = \"MIT/Apache-2.0\"\n",
        "LICENSE-MIT", Fixtures.resource("MIT.txt"),
        "LICENSE-APACHE", Fixtures.spdxText("Apache-2.0")));
    assertEquals(Optional.of("MIT OR Apache-2.0"), p.spdx());
    assertFalse(p.conflict());
    assertTrue(LicensePolicy.permissive().judge(p.license()).kept());
  }

  @Test
  void pomTakesLicencesFromItsParentPomInThePackage() {
    String parent = "<project><modelVersion>4.0.0</modelVersion><licenses><license>"
        + "<name>The Apache Software License, Version 2.0</name>"
        + "<url>http://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses></project>";
    String child = "<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version>"
        + "<relativePath>../pom.xml</relativePath></parent><artifactId>c</artifactId></project>";
    PackageLicense p = resolve(Map.of("pom.xml", parent, "module/pom.xml", child));
    assertEquals(Optional.of("Apache-2.0"), p.spdx());
    License module = p.scopes().get("module");
    assertEquals("Apache-2.0", module.spdx());
    assertEquals("pom.xml", module.evidence().get(0).location());
    assertEquals("The Apache Software License, Version 2.0", module.evidence().get(0).value());
  }

  @Test
  void pomWithSeveralLicencesOffersAChoiceAndUrlsMapToo() {
    String pom = "<project><licenses>"
        + "<license><name>Eclipse Public License - v 1.0</name></license>"
        + "<license><name>whatever</name><url>https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html</url></license>"
        + "</licenses></project>";
    assertEquals(Optional.of("EPL-1.0 OR LGPL-2.1-only"), resolve(Map.of("pom.xml", pom)).spdx());
  }

  @Test
  void pyprojectAndSetupCfg() {
    assertEquals(Optional.of("MIT"), resolve(Map.of("pyproject.toml",
        "[project]\nname = \"x\"\nclassifiers = [\n  \"Programming Language :: Python\",\n"
            + "  \"License :: OSI Approved :: MIT License\",\n]\n")).spdx());
    assertEquals(Optional.of("Apache-2.0"), resolve(Map.of("pyproject.toml",
        "[project]\nlicense = {text = \"Apache License 2.0\"}\n")).spdx());
    assertEquals(Optional.of("BSD-3-Clause"), resolve(Map.of("pyproject.toml",
        "[project]\nlicense = \"BSD-3-Clause\"\n")).spdx());
    assertEquals(Optional.of("GPL-3.0-or-later"), resolve(Map.of("setup.cfg",
        "[metadata]\nname = x\nclassifiers =\n    License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)\n")).spdx());
  }

  @Test
  void packageJsonLegacyForms() {
    assertEquals(Optional.of("MIT OR Apache-2.0"), resolve(Map.of("package.json",
        "{\"licenses\":[{\"type\":\"MIT\"},{\"type\":\"Apache-2.0\"}]}")).spdx());
    assertEquals(Optional.of("ISC"), resolve(Map.of("package.json", "{\"license\":{\"type\":\"ISC\"}}")).spdx());
    assertEquals(Optional.of("LicenseRef-provenant-proprietary"),
        resolve(Map.of("package.json", "{\"license\":\"UNLICENSED\"}")).spdx());
    assertEquals(Optional.empty(), resolve(Map.of("package.json", "{not json")).spdx());
  }

  @Test
  void readmeLicenceSection() {
    PackageLicense p = resolve(Map.of("README.md",
        "# Tool\n\nDoes things.\n\n## License\n\nThis project is released under the MIT License.\n\n## Credits\nApache 2 people\n"));
    assertEquals(Optional.of("MIT"), p.spdx());
    assertEquals("readme", p.evidence().get(0).kind());
  }

  @Test
  void licenceInASubdirectoryGovernsItsSubtree() {
    PackageLicense p = resolve(Map.of(
        "LICENSE", Fixtures.resource("MIT.txt"),
        "vendor/lib/LICENSE", Fixtures.resource("BSD-3-Clause.txt")));
    assertEquals("BSD-3-Clause", resolver.forFile("vendor/lib/a.c", "int x;", p).spdx());
    assertEquals("MIT", resolver.forFile("src/a.c", "int x;", p).spdx());
  }

  /** The shape of @nextcloud/files 3.x's {@code dist/vendor.LICENSE.txt}: bundled dependencies listed, no licence text. */
  private static final String VENDOR_LIST = "Included dependencies:\n\n@nextcloud/event-bus\nversion: 3.3.1\n"
      + "license: GPL-3.0-or-later\n\nsemver\nversion: 7.6.3\nlicense: ISC\n\nstrnum\nversion: 1.0.5\nlicense: MIT\n";

  @Test
  void aPartFileThatNamesNoLicenceLeavesItsDirectoryTheEnclosingLicence() {
    PackageLicense p = resolve(Map.of(
        "package/package.json", "{\"name\":\"x\",\"license\":\"AGPL-3.0-or-later\"}",
        "package/LICENSE", Fixtures.spdxText("AGPL-3.0-only"),
        "package/dist/vendor.LICENSE.txt", VENDOR_LIST));
    License bundle = resolver.forFile("package/dist/index.mjs", "export const x = 1;\n", p);
    assertEquals("AGPL-3.0-or-later", bundle.spdx());
    assertFalse(bundle.conflict());
    // the list stays visible as evidence
    assertTrue(kinds(bundle.evidence()).contains(
        "license_file@package/dist/vendor.LICENSE.txt=" + LicenseMatch.UNKNOWN_LICENSE_REF), kinds(bundle.evidence()).toString());
    assertEquals("AGPL-3.0-or-later", resolver.forFile("package/dist/sub/a.mjs", "export const y = 2;\n", p).spdx());
    // nothing encloses it: the list is all there is, and it says there are terms (unknown, as before)
    PackageLicense alone = resolve(Map.of("dist/vendor.LICENSE.txt", VENDOR_LIST));
    assertEquals(LicenseMatch.UNKNOWN_LICENSE_REF, resolver.forFile("dist/index.mjs", "export const x = 1;\n", alone).spdx());
    // a part file in a subdirectory that does name a licence still governs it (unchanged)
    PackageLicense named = resolve(Map.of(
        "package/package.json", "{\"name\":\"x\",\"license\":\"AGPL-3.0-or-later\"}",
        "package/dist/vendor.LICENSE.txt", Fixtures.resource("MIT.txt")));
    assertEquals("MIT", resolver.forFile("package/dist/index.mjs", "export const x = 1;\n", named).spdx());
  }

  @Test
  void aNoticeAloneInASubdirectoryLeavesItTheEnclosingLicence() {
    PackageLicense p = resolve(Map.of(
        "package/package.json", "{\"name\":\"x\",\"license\":\"MIT\"}",
        "package/lib/NOTICE", "This product includes software developed by the Example Foundation and others.\n"));
    License inLib = resolver.forFile("package/lib/a.js", "var a;", p);
    assertEquals("MIT", inLib.spdx());
    assertEquals(List.of("license_file@package/lib/NOTICE=LicenseRef-provenant-unknown", "package_json@package/package.json=MIT"),
        kinds(inLib.evidence()));
  }

  @Test
  void aNoticeInASubdirectoryOfAPackageThatDeclaresNothingGivesNoLicence() {
    PackageLicense p = resolve(Map.of(
        "package/package.json", "{\"name\":\"x\"}",
        "package/lib/NOTICE", "This product includes software developed by the Example Foundation and others.\n"));
    assertNull(resolver.forFile("package/lib/a.js", "var a;", p).spdx());
  }

  @Test
  void thePackageDeclarationTravelsWithEveryFileAndASubtreeLicenceIsAFileLevelFact() {
    PackageLicense p = resolve(Map.of(
        "package/package.json", "{\"name\":\"x\",\"license\":\"GPL-3.0-only\"}",
        "package/third_party/lib/LICENSE", Fixtures.resource("MIT.txt")));
    // npm's package/ wrapper: the one top-level directory every statement sits in
    assertEquals("GPL-3.0-only", p.declared().spdx());
    License bundled = resolver.forFile("package/third_party/lib/a.js", "var a;", p);
    assertEquals("MIT", bundled.spdx());
    assertEquals("GPL-3.0-only", bundled.packageSpdx());
    assertEquals(List.of("license_file@package/third_party/lib/LICENSE=MIT", "package_json@package/package.json=GPL-3.0-only"),
        kinds(bundled.evidence()));
    License own = resolver.forFile("package/index.js", "// SPDX-License-Identifier: MIT\n", p);
    assertEquals("MIT", own.spdx());
    assertEquals("GPL-3.0-only", own.packageSpdx());
    // statements in two top-level directories and none at the root: the package declares nothing
    PackageLicense two = resolve(Map.of("a/LICENSE", Fixtures.resource("MIT.txt"), "b/LICENSE", Fixtures.resource("BSD-3-Clause.txt")));
    assertEquals(License.UNKNOWN, two.declared());
    assertEquals(null, resolver.forFile("a/x.c", "int x;", two).packageSpdx());
    assertEquals("MIT", resolver.forFile("a/x.c", "int x;", two).spdx());
  }

  @Test
  void fileHeaderComesFirstAndPackageEvidenceIsListedToo() {
    PackageLicense p = resolve(Map.of("LICENSE", Fixtures.spdxText("Apache-2.0")));
    License l = resolver.forFile("src/A.java", "// SPDX-License-Identifier: BSD-3-Clause\nclass A {}\n", p);
    assertEquals("BSD-3-Clause", l.spdx());
    assertFalse(l.conflict());
    assertEquals(List.of("spdx_header@src/A.java:1=BSD-3-Clause", "license_file@LICENSE=Apache-2.0"), kinds(l.evidence()));
  }

  @Test
  void dualLicenceHeaderKeepsTheChoice() {
    License l = resolver.forFile("a.rs", "// SPDX-License-Identifier: MIT OR Apache-2.0\n", resolve(Map.of()));
    assertEquals("MIT OR Apache-2.0", l.spdx());
    assertTrue(LicensePolicy.permissive().judge(l).kept());
  }

  @Test
  void gplHeaderPlusIsOrLater() {
    License l = resolver.forFile("a.c", "/* SPDX-License-Identifier: GPL-2.0+ */\n", resolve(Map.of()));
    assertEquals("GPL-2.0-or-later", l.spdx());
    assertEquals(Optional.of("license_denied:GPL-2.0-or-later"), LicensePolicy.permissive().judge(l).rejectReason());
  }

  @Test
  void sidecarReplacesTheHeaderAndDisagreementIsAConflict() {
    PackageLicense p = resolve(Map.of(
        "LICENSE", Fixtures.resource("MIT.txt"),
        "img/logo.png.license", "SPDX-FileCopyrightText: 2024 Jane\nSPDX-License-Identifier: CC-BY-4.0\n",
        "src/a.c.license", "SPDX-License-Identifier: GPL-3.0-only\n"));
    License logo = resolver.forFile("img/logo.png", "\u0089PNG\r\n", p);
    assertEquals("CC-BY-4.0", logo.spdx());
    assertFalse(logo.conflict());
    assertEquals("reuse_sidecar@img/logo.png.license:2=CC-BY-4.0", kinds(logo.evidence()).get(0));
    License a = resolver.forFile("src/a.c", "// SPDX-License-Identifier: MIT\n", p);
    assertEquals("GPL-3.0-only", a.spdx());
    assertTrue(a.conflict());
  }

  @Test
  void reuseTomlAnnotations() {
    String toml = "version = 1\n\n[[annotations]]\npath = [\"docs/**\", \"*.md\"]\n"
        + "SPDX-FileCopyrightText = \"2024 Jane\"\nSPDX-License-Identifier = \"CC-BY-SA-4.0\"\n\n"
        + "[[annotations]]\npath = \"src/generated/**\"\nprecedence = \"override\"\nSPDX-License-Identifier = \"CC0-1.0\"\n";
    PackageLicense p = resolve(Map.of("REUSE.toml", toml, "LICENSE", Fixtures.resource("MIT.txt")));
    assertEquals("CC-BY-SA-4.0", resolver.forFile("docs/guide/intro.txt", "hello", p).spdx());
    assertEquals("CC-BY-SA-4.0", resolver.forFile("README.md", "hello", p).spdx());
    assertEquals("MIT", resolver.forFile("sub/README.md", "hello", p).spdx());
    License gen = resolver.forFile("src/generated/x.java", "// SPDX-License-Identifier: GPL-3.0-only\n", p);
    assertEquals("CC0-1.0", gen.spdx());
    assertEquals("reuse_toml@REUSE.toml=CC0-1.0", kinds(gen.evidence()).get(1));
    // closest: the file's own header wins over the annotation
    assertEquals("Apache-2.0", resolver.forFile("docs/a.py", "# SPDX-License-Identifier: Apache-2.0\n", p).spdx());
  }

  @Test
  void licensesDirectoryNamesTheLicences() {
    PackageLicense p = resolve(Map.of("LICENSES/MIT.txt", Fixtures.resource("MIT.txt"),
        "LICENSES/CC0-1.0.txt", Fixtures.spdxText("CC0-1.0")));
    assertEquals(Optional.of("CC0-1.0 AND MIT"), p.spdx());
  }

  private static final String APACHE_HEADER = """
      /*
       * Copyright (C) 2012 The Guava Authors
       *
       * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except
       * in compliance with the License. You may obtain a copy of the License at
       *
       * http://www.apache.org/licenses/LICENSE-2.0
       *
       * Unless required by applicable law or agreed to in writing, software distributed under the License
       * is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express
       * or implied. See the License for the specific language governing permissions and limitations under
       * the License.
       */

      package com.google.common.io;

      public abstract class ByteSink {}
      """;

  @Test
  void jarMetaInfLicenceAndMavenPomSpeakForTheWholeJar() {
    PackageLicense p = resolve(Map.of("META-INF/LICENSE", Fixtures.resource("MIT.txt"),
        "META-INF/maven/org.example/lib/pom.xml",
        "<project><licenses><license><name>MIT License</name></license></licenses></project>"));
    assertEquals(Optional.of("MIT"), p.spdx());
    assertEquals("MIT", resolver.forFile("org/example/Lib.java", "package org.example;\nclass Lib {}\n", p).spdx());
    // outside a jar's META-INF a LICENSE still governs only its own subtree
    PackageLicense q = resolve(Map.of("LICENSE", Fixtures.resource("MIT.txt"), "vendor/LICENSE", Fixtures.resource("MIT.txt")));
    assertEquals(List.of("", "vendor"), List.copyOf(q.scopes().keySet()));
  }

  @Test
  void licenceStatedInTheLeadingCommentDecidesTheFile() {
    License l = resolver.forFile("com/google/common/io/ByteSink.java", APACHE_HEADER, resolve(Map.of()));
    assertEquals("Apache-2.0", l.spdx());
    assertEquals(List.of("file_header@com/google/common/io/ByteSink.java=Apache-2.0"), kinds(l.evidence()));
    // the same header with another year and holder: the same text after copyright lines go
    License again = resolver.forFile("B.java", APACHE_HEADER.replace("2012 The Guava Authors", "2024 Someone Else"), resolve(Map.of()));
    assertEquals(l.evidence().get(0).confidence(), again.evidence().get(0).confidence());
    // a file's own statement comes before the package's, which stays listed as evidence
    PackageLicense mit = resolve(Map.of("LICENSE", Fixtures.resource("MIT.txt")));
    License own = resolver.forFile("A.java", APACHE_HEADER, mit);
    assertEquals("Apache-2.0", own.spdx());
    assertEquals(List.of("file_header@A.java=Apache-2.0", "license_file@LICENSE=MIT"), kinds(own.evidence()));
    // an SPDX tag wins over prose; copyright alone says nothing
    assertEquals("MIT", resolver.forFile("C.java", "// SPDX-License-Identifier: MIT\n" + APACHE_HEADER, mit).spdx());
    assertEquals("MIT", resolver.forFile("D.java", "/* Copyright 2020 X. All rights reserved. */\nclass D {}\n", mit).spdx());
    assertEquals(License.UNKNOWN, resolver.forFile("E.c", "/* see the licence file */\nint x;\n", resolve(Map.of())));
  }

  @Test
  void headerCommentReadsTheBlockAndStopsAtCode() {
    assertEquals("Licensed under X.\nSecond line.", HeaderComment.of("#!/usr/bin/env python\n# Copyright 2020 A\n# Licensed under X.\n# Second line.\nimport os\n# not header\n"));
    assertEquals("one\ntwo", HeaderComment.of("/* one\n * two */\nint x; /* three */\n"));
    assertEquals("doc", HeaderComment.of("<?xml version=\"1.0\"?>\n<!-- doc -->\n<a/>\n"));
    assertEquals("", HeaderComment.of("int x;\n// late comment\n"));
    assertEquals("", HeaderComment.of(null));
  }

  @Test
  void nothingKnownGivesNoLicenceNotAnException() {
    PackageLicense p = resolve(Map.of("README.md", "# x\n\nNo licence section.\n", "pom.xml", "<project><licenses>"));
    assertNull(p.license().spdx());
    assertEquals(License.UNKNOWN, resolver.forFile("a.c", "int x;", resolve(Map.of())));
    assertEquals(Optional.of(LicenseVerdict.UNKNOWN), LicensePolicy.permissive().judge(p.license()).rejectReason());
  }

  @Test
  void packageLevelPredicate() {
    for (String yes : List.of("LICENSE", "LICENSE.md", "COPYING", "LICENCE.txt", "licence-MIT", "sub/LICENSE-APACHE",
        "a/b/NOTICE", "LICENSES/MIT.txt", "package.json", "pom.xml", "a/b/c/pom.xml", "Cargo.toml", "pyproject.toml",
        "setup.cfg", "REUSE.toml", "README.md", "docs/README.rst", "deep/down/in/x.c.license", "UNLICENSE")) {
      assertTrue(PackageFiles.isPackageLevel(yes), yes);
    }
    for (String no : List.of("src/Main.java", "a/b/c/LICENSE", "a/b/c/package.json", "licenses.c", "license.py",
        "", "docs/")) {
      assertFalse(PackageFiles.isPackageLevel(no), no);
    }
  }
}
