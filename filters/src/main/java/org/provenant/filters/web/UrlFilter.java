package org.provenant.filters.web;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.filters.step.StepFiles;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;

/**
 * Rejects pages by URL: a domain block-list ({@code blocked_domain}: the host or any subdomain of a
 * listed domain), a URL block-list ({@code blocked_url}: the same URL ignoring scheme, {@code www.},
 * default port, fragment and a trailing slash) and banned words in the URL ({@code
 * blocked_url_word}, case-insensitive substrings). Lists come from files (one rule per line, {@code
 * #} comments) and inline values; the detail names the matched rule and where it was written
 * ({@code domains.txt:12}). A document without a URL passes.
 */
public final class UrlFilter implements DocumentStep {
  private static final long serialVersionUID = 1L;
  public static final String STEP_ID = "url_filter@1";
  public static final String BLOCKED_DOMAIN = "blocked_domain";
  public static final String BLOCKED_URL = "blocked_url";
  public static final String BLOCKED_URL_WORD = "blocked_url_word";

  /** Rule text to where it was written. */
  private final ImmutableMap<String, String> domains;
  private final ImmutableMap<String, String> urls;
  private final ImmutableList<Map.Entry<String, String>> words;

  private UrlFilter(Map<String, String> domains, Map<String, String> urls, Map<String, String> words) {
    this.domains = ImmutableMap.copyOf(domains);
    this.urls = ImmutableMap.copyOf(urls);
    this.words = ImmutableList.copyOf(words.entrySet());
  }

  /** Builds the filter; a list file that cannot be read fails with its path. */
  public static UrlFilter of(
      List<String> domainFiles, List<String> domains, List<String> urlFiles, List<String> urls, List<String> words)
      throws IOException {
    Map<String, String> d = new LinkedHashMap<>();
    Map<String, String> u = new LinkedHashMap<>();
    Map<String, String> w = new LinkedHashMap<>();
    for (String f : domainFiles) {
      readRules(f, d, UrlFilter::normaliseDomain);
    }
    for (String s : domains) {
      d.putIfAbsent(normaliseDomain(s), "inline");
    }
    for (String f : urlFiles) {
      readRules(f, u, UrlFilter::normaliseUrl);
    }
    for (String s : urls) {
      u.putIfAbsent(normaliseUrl(s), "inline");
    }
    for (String s : words) {
      w.putIfAbsent(s.toLowerCase(Locale.ROOT), "inline");
    }
    return new UrlFilter(d, u, w);
  }

  private static void readRules(String f, Map<String, String> into, java.util.function.UnaryOperator<String> norm) throws IOException {
    List<String> lines;
    try (java.io.InputStream in = StepFiles.open(f)) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new IOException("cannot read block-list " + f + ": " + e.getMessage(), e);
    }
    String shortName = f.substring(f.lastIndexOf('/') + 1);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String rule = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (!rule.isEmpty()) {
        into.putIfAbsent(norm.apply(rule), shortName + ":" + (i + 1));
      }
    }
  }

  /** How many rules of each kind the filter holds. */
  public String describe() {
    return domains.size() + " domains, " + urls.size() + " urls, " + words.size() + " words";
  }

  @Override
  public String id() {
    return STEP_ID;
  }

  @Override
  public Outcome apply(Document document) {
    String url = document.source().url();
    if (url == null) {
      return Outcome.keep(document.withStep(new LineageEntry(STEP_ID, LineageEntry.OK, "no url")));
    }
    Optional<String> host = host(url);
    if (host.isPresent()) {
      String h = host.get();
      while (true) {
        String where = domains.get(h);
        if (where != null) {
          return Outcome.reject(document.reject(STEP_ID, BLOCKED_DOMAIN, "rule " + h + " (" + where + ")"));
        }
        int dot = h.indexOf('.');
        if (dot < 0) {
          break;
        }
        h = h.substring(dot + 1);
      }
    }
    String n = normaliseUrl(url);
    String where = urls.get(n);
    if (where != null) {
      return Outcome.reject(document.reject(STEP_ID, BLOCKED_URL, "rule " + n + " (" + where + ")"));
    }
    String lower = url.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> w : words) {
      if (lower.contains(w.getKey())) {
        return Outcome.reject(document.reject(STEP_ID, BLOCKED_URL_WORD, "rule " + w.getKey() + " (" + w.getValue() + ")"));
      }
    }
    return Outcome.keep(document.withStep(new LineageEntry(STEP_ID, LineageEntry.OK, "no rule matched")));
  }

  /** The lower-cased host of a URL without trailing dots, or empty when it has none. */
  public static Optional<String> host(String url) {
    try {
      String h = URI.create(url.strip().replace(" ", "%20")).getHost();
      return h == null ? Optional.empty() : Optional.of(trimDots(h.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String normaliseDomain(String rule) {
    String r = rule.strip().toLowerCase(Locale.ROOT);
    if (r.contains("://")) {
      r = host(r).orElse(r);
    }
    if (r.startsWith("*.")) {
      r = r.substring(2);
    }
    return trimDots(r);
  }

  /** Scheme, {@code www.}, default port, fragment and a trailing slash removed; host lower-cased. */
  public static String normaliseUrl(String url) {
    String u = url.strip();
    int hashAt = u.indexOf('#');
    if (hashAt >= 0) {
      u = u.substring(0, hashAt);
    }
    int scheme = u.indexOf("://");
    if (scheme >= 0) {
      u = u.substring(scheme + 3);
    }
    int slash = u.indexOf('/');
    String authority = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
    String rest = slash < 0 ? "" : u.substring(slash);
    if (authority.endsWith(":80") || authority.endsWith(":443")) {
      authority = authority.substring(0, authority.lastIndexOf(':'));
    }
    if (authority.startsWith("www.")) {
      authority = authority.substring(4);
    }
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    return authority + rest;
  }

  private static String trimDots(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && s.charAt(a) == '.') {
      a++;
    }
    while (b > a && s.charAt(b - 1) == '.') {
      b--;
    }
    return s.substring(a, b);
  }
}
