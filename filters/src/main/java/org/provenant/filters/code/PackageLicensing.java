package org.provenant.filters.code;

import java.io.Serializable;
import org.provenant.schemas.License;

/**
 * Decides the licence of each file of a package. The reader asks {@link #isPackageLevel} of every
 * path in its first pass and hands the texts of those files to {@link #licenseFor} as {@link
 * PackageContents}; the second pass asks {@link #licenseFor} once per file. Implementations must be
 * immutable and thread-safe; {@link SpdxHeaderLicensing} is the default, a full licence-text
 * matcher plugs in here.
 */
public interface PackageLicensing extends Serializable {
  /** Whether the file at {@code path} (inside the package) says something about the whole package. */
  boolean isPackageLevel(String path);

  /** The licence of the file at {@code path}, whose text is {@code text}, in package {@code pkg}. */
  License licenseFor(PackageContents pkg, String path, String text);
}
