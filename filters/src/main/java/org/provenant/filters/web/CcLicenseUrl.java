package org.provenant.filters.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Creative Commons licence or public-domain URL (or a short name such as {@code CC BY-SA
 * 4.0}) as an SPDX id: {@code creativecommons.org/licenses/by-sa/4.0/} is {@code CC-BY-SA-4.0},
 * {@code .../by/3.0/de/} the German port {@code CC-BY-3.0-DE}, {@code publicdomain/zero/1.0/} is
 * {@code CC0-1.0} and {@code publicdomain/mark/1.0/} is {@code CC-PDM-1.0}. Ports the SPDX list has
 * no id for become {@code LicenseRef-CC-BY-SA-2.5-ES}; a licence URL without a version becomes
 * {@code LicenseRef-CC-BY-unversioned}, so the licence family is never lost.
 */
public final class CcLicenseUrl {
  private static final Pattern LICENSE_URL = Pattern.compile(
      "^(?:https?:)?//(?:www\\.)?creativecommons\\.org/licenses/"
          + "(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd|by-nd-nc)"
          + "(?:/(\\d\\.\\d))?(?:/([a-z]{2}(?:-[a-z]{2})?|igo|scotland))?(?:/.*)?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PUBLIC_DOMAIN_URL = Pattern.compile(
      "^(?:https?:)?//(?:www\\.)?creativecommons\\.org/publicdomain/(zero|mark)(?:/(\\d\\.\\d))?(?:/.*)?$",
      Pattern.CASE_INSENSITIVE);
  /** Short names as pages write them: "CC BY-SA 4.0", "CC-BY-NC 3.0", "CC0 1.0", "CC0". */
  private static final Pattern SHORT_NAME = Pattern.compile(
      "(?<![A-Za-z0-9])CC[ -]?(BY(?:[ -](?:SA|ND|NC))*|0)(?:[ -](?:v(?:ersion)?[ .]?)?(\\d\\.\\d))?(?![A-Za-z0-9])",
      Pattern.CASE_INSENSITIVE);

  /** Ported licences the SPDX licence list (3.28) has ids for, as {@code TYPE-VERSION-PORT}. */
  private static final Set<String> SPDX_PORTS = Set.of(
      "BY-2.5-AU", "BY-3.0-AT", "BY-3.0-AU", "BY-3.0-DE", "BY-3.0-IGO", "BY-3.0-NL", "BY-3.0-US",
      "BY-NC-3.0-DE", "BY-NC-ND-3.0-DE", "BY-NC-ND-3.0-IGO", "BY-NC-SA-2.0-DE", "BY-NC-SA-2.0-FR",
      "BY-NC-SA-2.0-UK", "BY-NC-SA-3.0-DE", "BY-NC-SA-3.0-IGO", "BY-ND-3.0-DE", "BY-SA-2.0-UK",
      "BY-SA-2.1-JP", "BY-SA-3.0-AT", "BY-SA-3.0-DE", "BY-SA-3.0-IGO");
  private static final Set<String> VERSIONS = Set.of("1.0", "2.0", "2.1", "2.5", "3.0", "4.0");

  private CcLicenseUrl() {}

  /** The SPDX id (or {@code LicenseRef-}) a Creative Commons URL names; empty for any other URL. */
  public static Optional<String> spdxOf(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String u = url.trim();
    int cut = indexOfAny(u, '?', '#');
    if (cut >= 0) {
      u = u.substring(0, cut);
    }
    Matcher m = LICENSE_URL.matcher(u);
    if (m.matches()) {
      String type = m.group(1).toUpperCase(Locale.ROOT).replace("BY-ND-NC", "BY-NC-ND");
      String version = m.group(2);
      String port = m.group(3);
      return Optional.of(licenseId(type, version, port == null ? null : port.toUpperCase(Locale.ROOT)));
    }
    Matcher p = PUBLIC_DOMAIN_URL.matcher(u);
    if (p.matches()) {
      boolean zero = p.group(1).equalsIgnoreCase("zero");
      String version = p.group(2) == null ? "1.0" : p.group(2);
      if (!version.equals("1.0")) {
        return Optional.of("LicenseRef-CC-" + (zero ? "0" : "PDM") + "-" + version);
      }
      return Optional.of(zero ? "CC0-1.0" : "CC-PDM-1.0");
    }
    return Optional.empty();
  }

  /** The SPDX id of the first Creative Commons short name in {@code text}, such as "CC BY-SA 4.0". */
  public static Optional<String> spdxOfName(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SHORT_NAME.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String type = m.group(1).toUpperCase(Locale.ROOT).replace(' ', '-');
    String version = m.group(2);
    if (type.equals("0")) {
      return Optional.of("CC0-1.0");
    }
    return Optional.of(licenseId(type, version, null));
  }

  private static String licenseId(String type, String version, String port) {
    if (version == null || !VERSIONS.contains(version)) {
      return "LicenseRef-CC-" + type + (version == null ? "-unversioned" : "-" + version);
    }
    if (port == null) {
      return "CC-" + type + "-" + version;
    }
    String key = type + "-" + version + "-" + port;
    return SPDX_PORTS.contains(key) ? "CC-" + key : "LicenseRef-CC-" + key;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
