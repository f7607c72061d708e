package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.provenant.filters.license.bench.LicenseAgreement;

/**
 * Agreement with licensee's and Google licensecheck's fixtures (shared corpora, read in place).
 * Floors are the rates measured when this was written: licensee 61/64, licensecheck 554/672.
 * Skipped when the shared corpora are not there.
 */
class LicenseAgreementTest {
  private static Path corpora() {
    Optional<Path> c = LicenseAgreement.findCorpora();
    Assumptions.assumeTrue(c.isPresent(), "shared/corpora/licenses not found: agreement not measured");
    return c.get();
  }

  @Test
  void licenseeAgreement() throws Exception {
    LicenseAgreement.Agreement a = LicenseAgreement.licensee(corpora());
    assertTrue(a.matched() >= 61, a + "\n" + String.join("\n", a.misses()));
    assertTrue(a.rate() >= 0.95, a.toString());
  }

  @Test
  void googleLicensecheckAgreement() throws Exception {
    LicenseAgreement.Agreement a = LicenseAgreement.googleLicensecheck(corpora());
    assertTrue(a.matched() >= 550, a + "\n" + String.join("\n", a.misses()));
  }
}
