package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provenant.schemas.License;

class LicensePolicyTest {
  private final LicensePolicy policy = LicensePolicy.permissive();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MIT|",
        "Apache-2.0|",
        "BSD-3-Clause|",
        "Apache-2.0+|",
        "MIT OR GPL-3.0-only|",
        "GPL-3.0-only OR (MIT AND ISC)|",
        "MIT AND GPL-3.0-only|license_denied:GPL-3.0-only",
        "GPL-2.0-or-later|license_denied:GPL-2.0-or-later",
        "GPL-2.0-only WITH Classpath-exception-2.0|license_denied:GPL-2.0-only",
        "Apache-2.0 WITH LLVM-exception|",
        "LGPL-2.1-only OR MPL-2.0|license_denied:LGPL-2.1-only",
        "AGPL-3.0-only|license_denied:AGPL-3.0-only",
        "EPL-2.0|license_denied:EPL-2.0",
        "CDDL-1.0|license_denied:CDDL-1.0",
        "CC-BY-SA-4.0|license_denied:CC-BY-SA-4.0",
        "CC0-1.0|",
        "Unlicense|",
        "LicenseRef-provenant-unknown|license_unknown",
        "MIT AND LicenseRef-provenant-unknown|license_unknown",
        "GPL-3.0-only AND LicenseRef-provenant-unknown|license_denied:GPL-3.0-only",
        "not an expression|license_unknown",
      })
  void defaultPolicy(String expr, String reason) {
    assertEquals(Optional.ofNullable(reason), policy.judgeExpression(expr).rejectReason());
  }

  @Test
  void noLicenceIsUnknownUnlessKept() {
    assertEquals(Optional.of("license_unknown"), policy.judge(License.UNKNOWN).rejectReason());
    assertEquals("no licence found", policy.judge(License.UNKNOWN).detail());
    LicenseVerdict kept = policy.withUnknown(LicensePolicy.UnknownHandling.KEEP).judge(License.UNKNOWN);
    assertTrue(kept.kept());
    assertTrue(policy.withUnknown(LicensePolicy.UnknownHandling.KEEP).judgeExpression("MIT AND LicenseRef-provenant-unknown").kept());
  }

  @Test
  void conflictIsRejectedFirst() {
    License l = new License("MIT", List.of(), true);
    LicenseVerdict v = policy.judge(l);
    assertEquals(Optional.of("license_conflict"), v.rejectReason());
    assertTrue(policy.withRejectConflicts(false).judge(l).kept());
  }

  @Test
  void detailNamesTheDeniedIds() {
    assertEquals("GPL-3.0-only, MPL-2.0 not allowed by permissive in GPL-3.0-only OR MPL-2.0",
        policy.judgeExpression("GPL-3.0-only OR MPL-2.0").detail());
  }

  @Test
  void customAllowAndDenyLists() {
    LicensePolicy p = policy.withAllowed(List.of("MIT", "MPL-2.0")).withDenied(List.of("MIT"));
    assertEquals(Optional.of("license_denied:MIT"), p.judgeExpression("MIT").rejectReason());
    assertTrue(p.judgeExpression("MPL-2.0").kept());
    assertEquals(Optional.of("license_denied:Apache-2.0"), p.judgeExpression("Apache-2.0").rejectReason());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CC-BY-4.0|",
        "CC-BY-SA-3.0|",
        "CC-BY-2.5-AU|",
        "CC0-1.0|",
        "LicenseRef-PDM|",
        "CC-BY-NC-4.0|license_denied:CC-BY-NC-4.0",
        "CC-BY-ND-4.0|license_denied:CC-BY-ND-4.0",
        "CC-BY-NC-SA-4.0|license_denied:CC-BY-NC-SA-4.0",
        "MIT|license_denied:MIT",
        "LicenseRef-provenant-unknown|license_unknown",
      })
  void openWebPreset(String expr, String reason) {
    assertEquals(Optional.ofNullable(reason), LicensePolicy.openWeb().judgeExpression(expr).rejectReason());
    assertEquals(LicensePolicy.OPEN_WEB, LicensePolicy.named("open_web").name());
  }
}
