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

  /** This, with each field it leaves null (creators: empty) taken from {@code other}. */
  public ReleaseInfo orElse(ReleaseInfo other) {
    return new ReleaseInfo(name != null ? name : other.name, description != null ? description : other.description,
        license != null ? license : other.license, !creators.isEmpty() ? creators : other.creators, url != null ? url : other.url,
        version != null ? version : other.version);
  }

  /** What an existing croissant.json says about the dataset. */
  public static ReleaseInfo fromCroissant(com.fasterxml.jackson.databind.JsonNode c) {
    List<String> creators = new java.util.ArrayList<>();
    c.path("creator").forEach(n -> {
      if (!Croissant.UNNAMED_CREATOR.equals(n.path("name").asText())) {
        creators.add(n.path("name").asText());
      }
    });
    return new ReleaseInfo(text(c, "name"), text(c, "description"), text(c, "license"), creators, text(c, "url"), text(c, "version"));
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode c, String key) {
    return c.hasNonNull(key) ? c.get(key).asText() : null;
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
