package org.provenant.filters.license;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One licence found in a text by {@link LicenseTextMatcher}.
 *
 * @param spdx an SPDX licence id, or {@code LicenseRef-provenant-unknown} for licence wording that
 *     matches no listed licence
 * @param confidence 0..1: 1 for a match of the whole SPDX template, the word-set Dice coefficient
 *     for a {@link #DICE} match, low for an unknown licence
 * @param method how it was found: {@link #SPDX_COMPARE}, {@link #SPDX_WITHIN}, {@link #DICE} or
 *     {@link #LICENSE_WORDS}
 */
public record LicenseMatch(String spdx, double confidence, String method) {
  /** The whole text matches the SPDX template (LicenseCompareHelper.isTextMatchingTemplate). */
  public static final String SPDX_COMPARE = "spdx_compare";
  /** The SPDX template matches a part of a longer text (several licences in one file). */
  public static final String SPDX_WITHIN = "spdx_within";
  /** Normalised word sets agree closely (Dice coefficient), but the template does not match. */
  public static final String DICE = "dice";
  /** Licence wording (permission, warranty, copyright) that matches no listed licence. */
  public static final String LICENSE_WORDS = "license_words";

  /** Id for licence text that matches no SPDX-listed licence. */
  public static final String UNKNOWN_LICENSE_REF = "LicenseRef-provenant-unknown";

  public LicenseMatch {
    requireNonNull(spdx, "spdx");
    requireNonNull(method, "method");
    checkArgument(confidence >= 0 && confidence <= 1, "confidence outside 0..1: %s", confidence);
  }

  /** True for an SPDX-listed id (not a {@code LicenseRef-}). */
  public boolean isListed() {
    return !spdx.startsWith("LicenseRef-");
  }
}
