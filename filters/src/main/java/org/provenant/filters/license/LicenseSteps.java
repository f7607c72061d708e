package org.provenant.filters.license;

import static org.provenant.filters.step.ParamSpec.Type.BOOLEAN;
import static org.provenant.filters.step.ParamSpec.Type.STRING;
import static org.provenant.filters.step.ParamSpec.Type.STRING_LIST;

import java.util.List;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.ParamSpec;
import org.provenant.filters.step.StepFactory;
import org.provenant.filters.step.StepParams;

/** Catalogue entry of the {@code license_policy} step. */
public final class LicenseSteps {
  private LicenseSteps() {}

  public static List<StepFactory> all() {
    return List.of(new PolicyFactory());
  }

  private static final class PolicyFactory implements StepFactory {
    @Override
    public String name() {
      return "license_policy";
    }

    @Override
    public java.util.Set<org.provenant.schemas.Kind> kinds() {
      return ALL;
    }

    @Override
    public String description() {
      return "keeps documents whose licence the policy allows (presets permissive: Blue Oak rated permissive and"
          + " public domain, for code; open_web: CC BY, CC BY-SA, CC0, public domain, for web pages); drops "
          + LicenseVerdict.DENIED_PREFIX + "<ID>, " + LicenseVerdict.UNKNOWN + ", " + LicenseVerdict.CONFLICT;
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(
          new ParamSpec("preset", STRING, LicensePolicy.PERMISSIVE, "permissive or open_web"),
          new ParamSpec("allow", STRING_LIST, List.of(), "SPDX ids (a trailing * is a prefix) to allow instead of the preset's list; empty = the preset's"),
          new ParamSpec("deny", STRING_LIST, List.of(), "SPDX ids (a trailing * is a prefix) to deny as well; denied wins"),
          new ParamSpec("keep_unknown", BOOLEAN, false, "keep documents with no known licence instead of rejecting them (license_unknown)"),
          new ParamSpec("reject_conflicts", BOOLEAN, true, "reject documents whose licence statements disagree (license_conflict)"),
          new ParamSpec("scope", STRING, LicensePolicyStep.Scope.PACKAGE.code(),
              "code files: package = the file's own licence and its package's declared licence must both pass; file = the file's own only"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      LicensePolicy policy;
      try {
        policy = LicensePolicy.named(p.getString("preset"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("step license_policy, parameter preset: " + e.getMessage());
      }
      if (!p.getStringList("allow").isEmpty()) {
        policy = policy.withAllowed(p.getStringList("allow"));
      }
      if (!p.getStringList("deny").isEmpty()) {
        java.util.Set<String> denied = new java.util.LinkedHashSet<>(policy.denied());
        denied.addAll(p.getStringList("deny"));
        policy = policy.withDenied(denied);
      }
      if (p.getBoolean("keep_unknown")) {
        policy = policy.withUnknown(LicensePolicy.UnknownHandling.KEEP);
      }
      policy = policy.withRejectConflicts(p.getBoolean("reject_conflicts"));
      LicensePolicyStep.Scope scope;
      try {
        scope = LicensePolicyStep.Scope.fromCode(p.getString("scope"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("step license_policy, parameter scope: " + e.getMessage());
      }
      return new LicensePolicyStep(policy, scope);
    }

    @Override
    public String toString() {
      return "StepFactory[license_policy]";
    }
  }
}
