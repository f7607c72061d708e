package org.provenant.filters.license;

import static java.util.Objects.requireNonNull;

import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;

/**
 * A {@link LicensePolicy} as a pipeline step: a document whose {@code license} the policy does not
 * allow is rejected with {@code license_denied:<ID>}, {@code license_unknown} or {@code
 * license_conflict} and the policy's detail; a kept one gets a lineage entry saying why it passed.
 * Works on code files (licence from the package) and on web pages (Creative Commons licence read
 * from the HTML) alike.
 */
public final class LicensePolicyStep implements DocumentStep {
  private static final long serialVersionUID = 1L;
  public static final String STEP_ID = "license_policy@1";

  private final LicensePolicy policy;

  public LicensePolicyStep(LicensePolicy policy) {
    this.policy = requireNonNull(policy, "policy");
  }

  @Override
  public String id() {
    return STEP_ID;
  }

  @Override
  public Outcome apply(Document document) {
    LicenseVerdict v = policy.judge(document.license());
    if (!v.kept()) {
      return Outcome.reject(document.reject(STEP_ID, v.rejectReason().get(), v.detail()));
    }
    return Outcome.keep(document.withStep(new LineageEntry(STEP_ID, LineageEntry.OK, v.detail())));
  }
}
