package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LicenseTextMatcherTest {
  private final LicenseTextMatcher matcher = LicenseTextMatcher.shared();

  @Test
  void mitWithRealCopyrightIsAnExactTemplateMatch() {
    assertEquals(List.of(new LicenseMatch("MIT", 1.0, LicenseMatch.SPDX_COMPARE)),
        matcher.match(Fixtures.resource("MIT.txt")));
  }

  @Test
  void bsd3ClauseIsAnExactTemplateMatch() {
    assertEquals(List.of(new LicenseMatch("BSD-3-Clause", 1.0, LicenseMatch.SPDX_COMPARE)),
        matcher.match(Fixtures.resource("BSD-3-Clause.txt")));
  }

  @Test
  void apacheStandardText() {
    assertEquals(List.of(new LicenseMatch("Apache-2.0", 1.0, LicenseMatch.SPDX_COMPARE)),
        matcher.match(Fixtures.spdxText("Apache-2.0")));
  }

  @Test
  void markdownWrappedMitStillMatches() {
    String md = "# The MIT License\n\n" + Fixtures.resource("MIT.txt").replace("THE SOFTWARE IS", "**THE SOFTWARE IS");
    List<LicenseMatch> m = matcher.match(md);
    assertEquals(1, m.size());
    assertEquals("MIT", m.get(0).spdx());
  }

  @Test
  void twoLicencesInOneFile() {
    String both = Fixtures.resource("MIT.txt") + "\n\n---------------------------------------------\n\n"
        + Fixtures.resource("BSD-3-Clause.txt");
    List<LicenseMatch> m = matcher.match(both);
    assertEquals(List.of("BSD-3-Clause", "MIT"), m.stream().map(LicenseMatch::spdx).sorted().toList());
    assertTrue(m.stream().allMatch(x -> x.method().equals(LicenseMatch.SPDX_WITHIN)), m.toString());
  }

  @Test
  void licenceWordingThatMatchesNothingIsAnUnknownRef() {
    assertEquals(List.of(new LicenseMatch("LicenseRef-provenant-unknown", 0.3, LicenseMatch.LICENSE_WORDS)),
        matcher.match(Fixtures.resource("almost-licence.txt")));
  }

  @Test
  void garbageAndEmptyGiveNoMatchAndNoException() {
    byte[] b = new byte[20_000];
    new Random(42).nextBytes(b);
    String binary = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertEquals(List.of(), matcher.match(binary));
    assertEquals(List.of(), matcher.match(""));
    assertEquals(List.of(), matcher.match(null));
    assertEquals(List.of(), matcher.match("license license license"));
  }

  @Test
  void hugeNonLicenceSourceIsRejectedByThePreFilter() {
    String code = "public int f(int x) { return x * 2 + y; } // compute\n".repeat(200_000);
    assertTrue(LicenseTextMatcher.hasNoLicenseCue(code));
    assertEquals(List.of(), matcher.match(code));
  }

  @Test
  void sourceFileWithACopyrightLineIsNotALicence() {
    String code = "// Copyright 2020 Example\npackage x;\n" + "class A { void f() {} }\n".repeat(5000);
    assertEquals(List.of(), matcher.match(code));
  }
}
