package org.provenant.filters.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX licence list bundled in {@code org.spdx:java-spdx-library} (list 3.28.0), read straight
 * from the jar's {@code resources/stdlicenses/*.json} so it never goes online: ids with their
 * canonical case, names, deprecation, reference URLs, and (on demand) texts and templates.
 *
 * <p>One shared instance ({@link #get()}), loaded on first use; immutable and thread-safe.
 */
public final class SpdxLicenseList {
  static {
    // Belt and braces: if anything touches the SPDX library's own store, keep it offline.
    System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
  }

  private static final String ROOT = "/resources/stdlicenses/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One listed licence or exception. */
  public record Entry(
      String id, String name, boolean deprecated, boolean osiApproved, ImmutableList<String> seeAlso) {}

  /** Text, template and standard header of one licence (from its detail JSON). */
  public record Details(String id, String text, String template, String headerTemplate) {}

  private static final class Holder {
    static final SpdxLicenseList INSTANCE = load();
  }

  private final String version;
  private final ImmutableMap<String, Entry> licenses;
  private final ImmutableMap<String, Entry> exceptions;
  private final ImmutableMap<String, String> licenseByLower;
  private final ImmutableMap<String, String> exceptionByLower;

  private SpdxLicenseList(
      String version, ImmutableMap<String, Entry> licenses, ImmutableMap<String, Entry> exceptions) {
    this.version = version;
    this.licenses = licenses;
    this.exceptions = exceptions;
    this.licenseByLower = lowerIndex(licenses);
    this.exceptionByLower = lowerIndex(exceptions);
  }

  /** The shared list, loaded on first call (about 0.2 s). */
  public static SpdxLicenseList get() {
    return Holder.INSTANCE;
  }

  /** The licence list version, e.g. {@code 3.28.0}. */
  public String version() {
    return version;
  }

  /** Every listed licence by canonical id, deprecated ones included, in list order. */
  public ImmutableMap<String, Entry> licenses() {
    return licenses;
  }

  /** Every listed exception by canonical id. */
  public ImmutableMap<String, Entry> exceptions() {
    return exceptions;
  }

  /** The canonical spelling of a listed licence id, matched case-insensitively. */
  public Optional<String> licenseId(String anyCase) {
    return Optional.ofNullable(licenseByLower.get(anyCase.toLowerCase(Locale.ROOT)));
  }

  /** The canonical spelling of a listed exception id, matched case-insensitively. */
  public Optional<String> exceptionId(String anyCase) {
    return Optional.ofNullable(exceptionByLower.get(anyCase.toLowerCase(Locale.ROOT)));
  }

  /** True for a listed licence id that SPDX marks deprecated ({@code GPL-2.0}, {@code GPL-2.0+}). */
  public boolean isDeprecated(String id) {
    Entry e = licenses.get(id);
    return e != null && e.deprecated();
  }

  /** Text, template and header of a listed licence, read from the jar; empty if not listed. */
  public Optional<Details> details(String id) {
    if (!licenses.containsKey(id)) {
      return Optional.empty();
    }
    JsonNode n = readJson(id + ".json");
    return Optional.of(
        new Details(
            id,
            n.path("licenseText").asText(""),
            n.path("standardLicenseTemplate").asText(""),
            n.path("standardLicenseHeaderTemplate").asText("")));
  }

  /** The text of a listed exception, read from the jar; empty if not listed. */
  public Optional<String> exceptionText(String id) {
    if (!exceptions.containsKey(id)) {
      return Optional.empty();
    }
    return Optional.of(readJson(id + ".json").path("licenseExceptionText").asText(""));
  }

  private static SpdxLicenseList load() {
    JsonNode toc = readJson("licenses.json");
    Map<String, Entry> lic = new LinkedHashMap<>();
    for (JsonNode n : toc.path("licenses")) {
      Entry e = entry(n, "licenseId");
      lic.put(e.id(), e);
    }
    Map<String, Entry> exc = new LinkedHashMap<>();
    for (JsonNode n : readJson("exceptions.json").path("exceptions")) {
      Entry e = entry(n, "licenseExceptionId");
      exc.put(e.id(), e);
    }
    return new SpdxLicenseList(
        toc.path("licenseListVersion").asText("?"), ImmutableMap.copyOf(lic), ImmutableMap.copyOf(exc));
  }

  private static Entry entry(JsonNode n, String idField) {
    ImmutableList.Builder<String> urls = ImmutableList.builder();
    n.path("seeAlso").forEach(u -> urls.add(u.asText()));
    return new Entry(
        n.path(idField).asText(),
        n.path("name").asText(""),
        n.path("isDeprecatedLicenseId").asBoolean(false),
        n.path("isOsiApproved").asBoolean(false),
        urls.build());
  }

  private static ImmutableMap<String, String> lowerIndex(Map<String, Entry> entries) {
    Map<String, String> m = new LinkedHashMap<>();
    entries.keySet().forEach(id -> m.putIfAbsent(id.toLowerCase(Locale.ROOT), id));
    return ImmutableMap.copyOf(m);
  }

  private static JsonNode readJson(String file) {
    try (InputStream in = SpdxLicenseList.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "SPDX licence data " + ROOT + file + " not on the classpath (org.spdx:java-spdx-library)");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading SPDX licence data " + file, e);
    }
  }
}
