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
    // the file opens with the whole MIT licence, which leads; the BSD licence is found within
    assertEquals(List.of(new LicenseMatch("MIT", 1.0, LicenseMatch.SPDX_COMPARE),
        new LicenseMatch("BSD-3-Clause", 0.95, LicenseMatch.SPDX_WITHIN)), m);
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

  /**
   * A licence file that is one licence followed by notices of bundled code (as Lucene's
   * META-INF/LICENSE.txt): the opening licence leads, the notices' licences follow.
   */
  @Test
  void openingLicenceOfALongerFileLeads() {
    String apache = SpdxLicenseList.get().details("Apache-2.0").orElseThrow().text();
    String text = apache + "\n\nSome code in src/util/Unicode.java was derived from code under this licence:\n\n"
        + Fixtures.resource("MIT.txt") + "\n\nSome other code came from a project with this notice:\n\n"
        + Fixtures.resource("BSD-3-Clause.txt") + "\n\nThe compression code is under this licence:\n\n"
        + SpdxLicenseList.get().details("Zlib").orElseThrow().text() + "\n\nThe test data is under this licence:\n\n"
        + SpdxLicenseList.get().details("ISC").orElseThrow().text();
    List<LicenseMatch> found = matcher.match(text);
    assertEquals(new LicenseMatch("Apache-2.0", 1.0, LicenseMatch.SPDX_COMPARE), found.get(0));
    assertEquals(true, found.stream().anyMatch(m -> m.spdx().equals("MIT")), found.toString());
    // where the ending is found: the end of the line of the licence's last six words
    String full = LicenseWords.fullTemplateText(LicenseTextMatcher.ownText("Apache-2.0",
        SpdxLicenseList.get().details("Apache-2.0").orElseThrow().template())).strip();
    int end = LicenseTextMatcher.licenceEnd(text, full);
    assertEquals(true, text.substring(0, end).endsWith("limitations under the License."), text.substring(end - 60, end));
    assertEquals(-1, LicenseTextMatcher.licenceEnd("too short", full));
  }

  /**
   * Terms stated in prose before a quoted third-party licence (AspectJ: EPL-2.0 by reference, then
   * ASM's BSD text) are not the quoted licence alone: an unknown component keeps such a file out
   * of a permissive-only release.
   */
  @Test
  void proseTermsBeforeAQuotedLicenceAddAnUnknownComponent() {
    String prose = "This product is made available under the terms of the Eclipse Public License, which"
        + " accompanies this distribution and is available on the project's web site. Contributors"
        + " retain copyright in their contributions; the program is provided without warranty of any"
        + " kind, and the recipient is responsible for determining whether the program may be used,"
        + " copied, modified or redistributed in the recipient's jurisdiction. Commercial distributors"
        + " who include the program in a product offering must defend and indemnify every contributor"
        + " against losses, damages and costs arising from claims, lawsuits and other legal actions"
        + " brought by a third party. Portions of this product include software developed by others,"
        + " whose licence follows.\n\n";
    List<LicenseMatch> m = matcher.match(prose + Fixtures.resource("BSD-3-Clause.txt"));
    assertEquals(List.of(new LicenseMatch("BSD-3-Clause", 0.95, LicenseMatch.SPDX_WITHIN),
        new LicenseMatch("LicenseRef-provenant-unknown", 0.3, LicenseMatch.LICENSE_WORDS)), m);
  }
}
