package org.provenant.pipelines.release;

import java.io.Serializable;
import java.util.List;

/**
 * How the released dataset names itself: name, description, licence, creators, home page and
 * version. Null fields fall back to defaults when the card is written.
 */
public record ReleaseInfo(String name, String description, String license, List<String> creators, String url, String version)
    implements Serializable {
  /** Licence stated when the run names none: each document keeps its own, listed per row. */
  public static final String DEFAULT_LICENSE = "other";
  public static final String DEFAULT_VERSION = "1.0.0";

  public ReleaseInfo {
    creators = creators == null ? List.of() : List.copyOf(creators);
  }

  public static final ReleaseInfo NONE = new ReleaseInfo(null, null, null, null, null, null);

  public static ReleaseInfo from(ReleaseOptions o) {
    return new ReleaseInfo(o.getReleaseName(), o.getReleaseDescription(), o.getReleaseLicense(), o.getReleaseCreators(), o.getReleaseUrl(),
        o.getReleaseVersion());
  }

  /** The name, or {@code fallback} (usually the output directory's name) when none was given. */
  public String nameOr(String fallback) {
    return name == null || name.isBlank() ? fallback : name;
  }

  public String licenseOrDefault() {
    return license == null || license.isBlank() ? DEFAULT_LICENSE : license;
  }

  public String versionOrDefault() {
    return version == null || version.isBlank() ? DEFAULT_VERSION : version;
  }

  /** The description, or one generated from the counts when none was given. */
  public String descriptionOr(String generated) {
    return description == null || description.isBlank() ? generated : description;
  }
}
