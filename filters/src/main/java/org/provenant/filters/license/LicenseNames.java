package org.provenant.filters.license;

import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads free-form licence statements of package metadata as SPDX: an SPDX expression as is, a
 * licence name ("The Apache Software License, Version 2.0", an SPDX list name, a Trove classifier
 * tail) or a licence URL ({@code https://www.apache.org/licenses/LICENSE-2.0.txt}, SPDX {@code
 * seeAlso} URLs). Aliases live in {@code license-aliases.tsv} beside this class. Immutable.
 */
public final class LicenseNames {
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9.+]+");
  private static final Pattern STOP = StablePattern.compile("\\b(the|version|v|vers|ver)\\b");
  private static final Pattern VERSION_V = StablePattern.compile("\\bv(\\d)");
  private static final Pattern DOT_END = Pattern.compile("(?<=\\D)\\.|\\.(?=\\D)|\\.$");

  private static final class Holder {
    static final LicenseNames INSTANCE = load();
  }

  private final ImmutableMap<String, String> byName;
  private final ImmutableMap<String, String> byUrl;

  private LicenseNames(ImmutableMap<String, String> byName, ImmutableMap<String, String> byUrl) {
    this.byName = byName;
    this.byUrl = byUrl;
  }

  /** The shared instance: aliases plus every SPDX list name and seeAlso URL. */
  public static LicenseNames get() {
    return Holder.INSTANCE;
  }

  /**
   * The SPDX expression for {@code statement}: a valid SPDX expression, a known URL, or a known
   * name, tried in that order; empty when none applies.
   */
  public Optional<String> toSpdx(String statement) {
    if (statement == null || statement.isBlank() || statement.length() > 500) {
      return Optional.empty();
    }
    String s = statement.strip();
    if (looksLikeUrl(s)) {
      return fromUrl(s);
    }
    SpdxExpression e = SpdxExpression.parse(s);
    if (e.isValid()) {
      return e.normalized();
    }
    return fromName(s);
  }

  /** The SPDX id for a licence URL; empty if unknown. */
  public Optional<String> fromUrl(String url) {
    return Optional.ofNullable(byUrl.get(normalizeUrl(url)));
  }

  /** The SPDX expression for a licence name; empty if unknown. */
  public Optional<String> fromName(String name) {
    String key = normalizeName(name);
    String hit = byName.get(key);
    if (hit == null && key.startsWith("license ")) {
      hit = byName.get(key.substring(8));
    }
    if (hit == null && key.endsWith(" license")) {
      hit = byName.get(key.substring(0, key.length() - 8));
    }
    return Optional.ofNullable(hit);
  }

  static boolean looksLikeUrl(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://") || l.startsWith("www.");
  }

  static String normalizeUrl(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    u = u.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
    int q = u.indexOf('?');
    if (q >= 0) {
      u = u.substring(0, q);
    }
    int h = u.indexOf('#');
    if (h >= 0) {
      u = u.substring(0, h);
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.replaceFirst("\\.(html?|txt|php|md)$", "");
  }

  static String normalizeName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("licence", "license").replace("licenses", "license");
    n = n.replace(",", " ").replace("(", " ").replace(")", " ").replace("-", " ").replace("_", " ");
    n = VERSION_V.matcher(n).replaceAll("$1");
    n = DOT_END.matcher(n).replaceAll(" ");
    n = NON_WORD.matcher(n).replaceAll(" ");
    n = STOP.matcher(n).replaceAll(" ");
    return n.replaceAll("\\s+", " ").strip();
  }

  private static LicenseNames load() {
    Map<String, String> names = new HashMap<>();
    Map<String, String> urls = new HashMap<>();
    SpdxLicenseList list = SpdxLicenseList.get();
    for (SpdxLicenseList.Entry e : list.licenses().values()) {
      if (e.deprecated()) {
        continue;
      }
      names.putIfAbsent(normalizeName(e.name()), e.id());
      names.putIfAbsent(normalizeName(e.id()), e.id());
      for (String u : e.seeAlso()) {
        urls.putIfAbsent(normalizeUrl(u), e.id());
      }
    }
    // Aliases win over list names and URLs.
    try (InputStream in = LicenseNames.class.getResourceAsStream("license-aliases.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 2) {
          throw new IllegalStateException("license-aliases.tsv: bad line: " + line);
        }
        if (f[0].contains("/")) {
          urls.put(normalizeUrl(f[0]), f[1]);
        } else {
          names.put(normalizeName(f[0]), f[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LicenseNames(ImmutableMap.copyOf(names), ImmutableMap.copyOf(urls));
  }
}
