package org.provenant.filters.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;

/**
 * The minimal licensing: a file's own {@code SPDX-License-Identifier:} line (in its first {@link
 * #HEADER_LINES} lines, or in its REUSE sidecar {@code PATH.license}), else the {@code license}
 * field of the package's shallowest {@code package.json}. When both are found and differ the
 * file's line wins and the licence is marked as a conflict. Licence texts are not matched; that is
 * the job of a full {@link PackageLicensing}.
 *
 * <p>Package-level files: {@code LICENSE}, {@code LICENCE}, {@code COPYING}, {@code NOTICE},
 * {@code README} with any extension or suffix ({@code LICENSE-MIT}) in the root or one directory
 * below it (npm's {@code package/}, GitHub's {@code repo-main/}), {@code LICENSES/*}, {@code
 * *.license} sidecars anywhere, the package manifests of {@link PackageMetadata}, {@code
 * REUSE.toml}, and {@code META-INF/maven/**}.
 */
public final class SpdxHeaderLicensing implements PackageLicensing {
  private static final long serialVersionUID = 1L;
  public static final int HEADER_LINES = 30;
  public static final String HEADER = "spdx_header";
  public static final String SIDECAR = "reuse_sidecar";
  public static final String PACKAGE_JSON = "package_json";

  private static final Pattern SPDX_LINE = Pattern.compile("SPDX-License-Identifier:\\s*([^\\r\\n]*?)\\s*(\\*/|-->|\\*\\)|#\\})?\\s*$");
  private static final Pattern EXPRESSION = Pattern.compile("[A-Za-z0-9.+:\\-() ]+");
  private static final Pattern LICENSE_NAME = Pattern.compile("(?i)^(licen[cs]e|copying|notice|readme)([.\\-_].*)?$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean isPackageLevel(String path) {
    String name = CodePaths.fileName(path);
    int depth = CodePaths.depth(path);
    if (path.startsWith("META-INF/maven/")) {
      return true;
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(".license")) {
      return true;
    }
    if (depth <= 1 && (LICENSE_NAME.matcher(name).matches() || PackageMetadata.isManifest(path) || name.equals("REUSE.toml"))) {
      return true;
    }
    if (depth <= 2 && path.matches("(?:[^/]+/)?LICENSES/[^/]+")) {
      return true;
    }
    return false;
  }

  @Override
  public License licenseFor(PackageContents pkg, String path, String text) {
    List<Evidence> evidence = new ArrayList<>();
    Optional<String> own = header(text);
    String ownKind = HEADER;
    String ownLocation = path;
    if (own.isEmpty()) {
      Optional<String> sidecar = pkg.text(path + ".license").flatMap(SpdxHeaderLicensing::header);
      if (sidecar.isPresent()) {
        own = sidecar;
        ownKind = SIDECAR;
        ownLocation = path + ".license";
      }
    }
    if (own.isPresent()) {
      evidence.add(new Evidence(ownKind, ownLocation, own.get(), spdxOrNull(own.get()), null));
    }
    Optional<String> pkgJsonPath = pkg.shallowest("package.json");
    String declared = pkgJsonPath.flatMap(p -> packageJsonLicense(pkg.files().get(p))).orElse(null);
    if (declared != null) {
      evidence.add(new Evidence(PACKAGE_JSON, pkgJsonPath.get(), declared, spdxOrNull(declared), null));
    }
    if (evidence.isEmpty()) {
      return License.UNKNOWN;
    }
    String fileSpdx = own.map(SpdxHeaderLicensing::spdxOrNull).orElse(null);
    String pkgSpdx = declared == null ? null : spdxOrNull(declared);
    String spdx = fileSpdx != null ? fileSpdx : pkgSpdx;
    boolean conflict = fileSpdx != null && pkgSpdx != null && !fileSpdx.equals(pkgSpdx);
    return new License(spdx, evidence, conflict, pkgSpdx);
  }

  /** The value of the first {@code SPDX-License-Identifier:} line in the first lines of {@code text}. */
  static Optional<String> header(String text) {
    int start = 0;
    for (int line = 0; line < HEADER_LINES && start < text.length(); line++) {
      int nl = text.indexOf('\n', start);
      String l = nl < 0 ? text.substring(start) : text.substring(start, nl);
      int at = l.indexOf("SPDX-License-Identifier:");
      if (at >= 0) {
        Matcher m = SPDX_LINE.matcher(l.substring(at));
        if (m.find() && !m.group(1).isBlank()) {
          return Optional.of(m.group(1).strip());
        }
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return Optional.empty();
  }

  private static Optional<String> packageJsonLicense(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      JsonNode l = n == null ? null : n.get("license");
      if (l != null && l.isTextual()) {
        return Optional.of(l.asText().strip());
      }
      if (l != null && l.isObject() && l.path("type").isTextual()) {
        return Optional.of(l.get("type").asText().strip()); // legacy {"type": "MIT", "url": ...}
      }
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The value if it looks like an SPDX expression (not "SEE LICENSE IN ...", not UNLICENSED). */
  private static String spdxOrNull(String value) {
    if (!EXPRESSION.matcher(value).matches() || value.equals("UNLICENSED") || value.toUpperCase(Locale.ROOT).startsWith("SEE ")) {
      return null;
    }
    return value;
  }
}
