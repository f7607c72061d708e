package org.provenant.filters.license;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a {@link LicensePolicy} decided about one licence: keep, or reject with a stable reason
 * code ({@code license_denied:<ID>}, {@code license_unknown}, {@code license_conflict}) and a
 * human-readable detail.
 */
public record LicenseVerdict(Optional<String> rejectReason, String detail) {
  /** Prefix of the reason for a licence the policy does not allow; the SPDX id follows. */
  public static final String DENIED_PREFIX = "license_denied:";
  /** No licence, or one the policy cannot judge, and the policy rejects unknowns. */
  public static final String UNKNOWN = "license_unknown";
  /** The statements that apply disagree. */
  public static final String CONFLICT = "license_conflict";

  public LicenseVerdict {
    requireNonNull(rejectReason, "rejectReason");
    requireNonNull(detail, "detail");
  }

  static LicenseVerdict keep(String detail) {
    return new LicenseVerdict(Optional.empty(), detail);
  }

  static LicenseVerdict reject(String reason, String detail) {
    checkArgument(!reason.isEmpty(), "reason is empty");
    return new LicenseVerdict(Optional.of(reason), detail);
  }

  /**
   * This verdict with {@code why} in place of the policy's "no licence found" (a kept one keeps its
   * note that unknowns are kept); other verdicts are returned as they are.
   */
  LicenseVerdict withDetail(String why) {
    return new LicenseVerdict(rejectReason, detail.replace("no licence found", why));
  }

  /** True when the document is kept. */
  public boolean kept() {
    return rejectReason.isEmpty();
  }
}
