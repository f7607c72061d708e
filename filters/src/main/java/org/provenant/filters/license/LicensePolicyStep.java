package org.provenant.filters.license;

import static java.util.Objects.requireNonNull;

import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;

/**
 * A {@link LicensePolicy} as a pipeline step: a document whose licence the policy does not allow
 * is rejected with {@code license_denied:<ID>}, {@code license_unknown} or {@code
 * license_conflict} and the policy's detail; a kept one gets a lineage entry saying why it passed.
 * Works on code files (licence from the package) and on web pages (Creative Commons licence read
 * from the HTML) alike.
 *
 * <p>{@link Scope#PACKAGE} (the default) also judges a code file's package: the file is kept only
 * if its own licence ({@code license.spdx}) and the licence its package declares ({@code
 * license.package_spdx}) both pass, so a file with a permissive header of its own inside a GPL
 * package is not kept. {@link Scope#FILE} judges the file's own licence alone. Web pages and text
 * have no package; the scope does not change how they are judged.
 */
public final class LicensePolicyStep implements DocumentStep {
  private static final long serialVersionUID = 2L;
  public static final String STEP_ID = "license_policy@2";

  /** Which licences of a code file the policy judges. */
  public enum Scope {
    /** The file's own licence and its package's declared licence. */
    PACKAGE("package"),
    /** The file's own licence only. */
    FILE("file");

    private final String code;

    Scope(String code) {
      this.code = code;
    }

    /** The value of the step's {@code scope} parameter. */
    public String code() {
      return code;
    }

    /** Parses a {@code scope} parameter value. */
    public static Scope fromCode(String code) {
      for (Scope s : values()) {
        if (s.code.equals(code)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown scope \"" + code + "\" (known: package, file)");
    }
  }

  private final LicensePolicy policy;
  private final Scope scope;

  public LicensePolicyStep(LicensePolicy policy, Scope scope) {
    this.policy = requireNonNull(policy, "policy");
    this.scope = requireNonNull(scope, "scope");
  }

  /** The step judging the file's licence and its package's ({@link Scope#PACKAGE}). */
  public LicensePolicyStep(LicensePolicy policy) {
    this(policy, Scope.PACKAGE);
  }

  @Override
  public String id() {
    return STEP_ID;
  }

  @Override
  public Outcome apply(Document document) {
    LicenseVerdict file = policy.judge(document.license());
    if (scope == Scope.FILE || document.kind() != Kind.CODE) {
      if (!file.kept()) {
        return Outcome.reject(document.reject(STEP_ID, file.rejectReason().get(), file.detail()));
      }
      return Outcome.keep(document.withStep(new LineageEntry(STEP_ID, LineageEntry.OK, file.detail())));
    }
    if (!file.kept()) {
      return Outcome.reject(document.reject(STEP_ID, file.rejectReason().get(), "file: " + file.detail()));
    }
    String declared = document.license().packageSpdx();
    LicenseVerdict pkg = declared == null
        ? policy.judgeExpression(null).withDetail("the package declares no licence")
        : policy.judgeExpression(declared);
    if (!pkg.kept()) {
      return Outcome.reject(document.reject(STEP_ID, pkg.rejectReason().get(),
          "package: " + pkg.detail() + "; file: " + file.detail()));
    }
    return Outcome.keep(document.withStep(new LineageEntry(STEP_ID, LineageEntry.OK,
        "file: " + file.detail() + "; package: " + pkg.detail())));
  }
}
