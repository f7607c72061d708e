package org.provenant.filters.takedown;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provenant.filters.decontam.NormalizedTokens;
import org.provenant.filters.web.UrlFilter;
import org.provenant.schemas.Document;

/**
 * Decides which removal request, if any, names a document directly (by its URL, URL prefix,
 * domain, package, id or a passage of its text); the first matching request in file order wins.
 * Near duplicates and cluster members of a matched document are the caller's business (they need
 * the other documents). Plain Java, built once from the requests; safe to share between threads.
 */
public final class TakedownMatcher {
  /** A request that names a document, and what in the document it matched. */
  public record Match(TakedownRequest request, String how) {}

  private final ImmutableList<TakedownRequest> requests;
  private final Map<String, Integer> byUrl = new HashMap<>();
  private final Map<String, Integer> byId = new HashMap<>();
  private final Map<String, Integer> byDomain = new HashMap<>();
  private final List<Integer> prefixes = new ArrayList<>();
  private final List<String> prefixValues = new ArrayList<>();
  private final Map<String, List<Integer>> byPackage = new HashMap<>();
  /** Passage requests by the hash of their first token; each with its token hashes. */
  private final Map<Long, List<Integer>> passagesByFirstToken = new HashMap<>();
  private final Map<Integer, long[]> passageTokens = new HashMap<>();

  private TakedownMatcher(List<TakedownRequest> requests) {
    this.requests = ImmutableList.copyOf(requests);
    for (int i = 0; i < requests.size(); i++) {
      TakedownRequest r = requests.get(i);
      switch (r.selector()) {
        case URL -> byUrl.putIfAbsent(UrlFilter.normaliseUrl(r.value()), i);
        case URL_PREFIX -> {
          prefixes.add(i);
          prefixValues.add(normalisePrefix(r.value()));
        }
        case DOMAIN -> byDomain.putIfAbsent(domain(r.value()), i);
        case PACKAGE -> byPackage.computeIfAbsent(r.value(), k -> new ArrayList<>()).add(i);
        case DOCUMENT_ID -> byId.putIfAbsent(r.value(), i);
        case PASSAGE -> {
          NormalizedTokens t = NormalizedTokens.of(r.value());
          if (t.size() == 0) {
            throw new IllegalArgumentException("request " + r.requestId() + ": the passage has no words");
          }
          long[] hashes = new long[t.size()];
          for (int k = 0; k < hashes.length; k++) {
            hashes[k] = t.hash(k);
          }
          passageTokens.put(i, hashes);
          passagesByFirstToken.computeIfAbsent(hashes[0], k -> new ArrayList<>()).add(i);
        }
        default -> throw new IllegalStateException(r.selector().toString());
      }
    }
  }

  public static TakedownMatcher of(List<TakedownRequest> requests) {
    return new TakedownMatcher(requests);
  }

  public List<TakedownRequest> requests() {
    return requests;
  }

  /** The earliest request (in file order) that names {@code d}, with what matched. */
  public Optional<Match> match(Document d) {
    int best = Integer.MAX_VALUE;
    String how = null;
    Integer i = byId.get(d.id());
    if (i != null) {
      best = i;
      how = "document_id";
    }
    String url = d.source().url();
    if (url != null) {
      String n = UrlFilter.normaliseUrl(url);
      i = byUrl.get(n);
      if (i != null && i < best) {
        best = i;
        how = "url";
      }
      for (int k = 0; k < prefixes.size() && prefixes.get(k) < best; k++) {
        if (n.startsWith(prefixValues.get(k))) {
          best = prefixes.get(k);
          how = "url_prefix";
        }
      }
      Optional<String> host = UrlFilter.host(url);
      if (host.isPresent()) {
        String h = host.get();
        while (true) {
          i = byDomain.get(h);
          if (i != null && i < best) {
            best = i;
            how = "domain";
          }
          int dot = h.indexOf('.');
          if (dot < 0) {
            break;
          }
          h = h.substring(dot + 1);
        }
      }
    }
    String pkg = d.source().packageName();
    if (pkg != null) {
      for (int k : byPackage.getOrDefault(pkg, List.of())) {
        TakedownRequest r = requests.get(k);
        if (k < best && (r.version() == null || r.version().equals(d.source().version()))) {
          best = k;
          how = "package";
        }
      }
    }
    if (!passageTokens.isEmpty()) {
      int p = passage(d.text(), best);
      if (p >= 0) {
        best = p;
        how = "passage";
      }
    }
    return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(new Match(requests.get(best), how));
  }

  /** The earliest passage request below {@code below} whose words the text contains in a row, else -1. */
  private int passage(String text, int below) {
    NormalizedTokens t = NormalizedTokens.of(text);
    int found = -1;
    for (int p = 0; p < t.size(); p++) {
      List<Integer> cands = passagesByFirstToken.get(t.hash(p));
      if (cands == null) {
        continue;
      }
      for (int k : cands) {
        if (k >= below || (found >= 0 && k >= found)) {
          continue;
        }
        long[] want = passageTokens.get(k);
        if (p + want.length > t.size()) {
          continue;
        }
        boolean all = true;
        for (int j = 1; j < want.length && all; j++) {
          all = t.hash(p + j) == want[j];
        }
        if (all) {
          found = k;
        }
      }
    }
    return found;
  }

  /** A URL prefix normalised as URLs are, keeping a trailing slash it was given. */
  static String normalisePrefix(String prefix) {
    String n = UrlFilter.normaliseUrl(prefix);
    return prefix.strip().endsWith("/") && !n.endsWith("/") ? n + "/" : n;
  }

  static String domain(String value) {
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (v.contains("://")) {
      v = UrlFilter.host(v).orElse(v);
    }
    if (v.startsWith("*.")) {
      v = v.substring(2);
    }
    if (v.startsWith("www.")) {
      v = v.substring(4);
    }
    return v.replaceAll("^\\.+|\\.+$", "");
  }
}
