package org.provenant.filters.license;

import org.provenant.filters.code.PackageContents;
import org.provenant.filters.code.PackageLicensing;
import org.provenant.schemas.License;

/**
 * The code reader's licensing with full licence-text matching: package-level files (licence
 * files, manifests, REUSE, READMEs, sidecars) are resolved once per package by {@link
 * PackageLicenseResolver} against the SPDX licence list, and each file gets its own header or
 * sidecar or REUSE entry, else the nearest package-level licence. The resolver (and the SPDX list
 * behind it) is built on first use in each JVM, not serialised.
 */
public final class SpdxPackageLicensing implements PackageLicensing {
  private static final long serialVersionUID = 1L;

  private transient PackageLicenseResolver resolver;
  private transient PackageContents lastPackage;
  private transient PackageLicense lastResolved;

  @Override
  public boolean isPackageLevel(String path) {
    return PackageFiles.isPackageLevel(path);
  }

  @Override
  public synchronized License licenseFor(PackageContents pkg, String path, String text) {
    if (resolver == null) {
      resolver = PackageLicenseResolver.create();
    }
    if (pkg != lastPackage) {
      lastResolved = resolver.resolve(PackageFiles.of(pkg.files()));
      lastPackage = pkg;
    }
    return resolver.forFile(path, text, lastResolved);
  }
}
