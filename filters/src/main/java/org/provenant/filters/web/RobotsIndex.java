package org.provenant.filters.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.ReadSink;
import org.provenant.filters.read.WarcFileReader;
import org.provenant.filters.step.StepFiles;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Signals.OptOutSignal;

/**
 * The robots.txt files of a crawl, by site (scheme, host and port, as RFC 9309 scopes them), read
 * from the crawl's robots.txt WARC files (Common Crawl publishes them per segment). A page's AI
 * opt-outs are the rules of its own site's file; a site with no capture, or whose capture was not
 * a 200, has none. When a site was captured more than once the latest capture wins (the first
 * read on a tie).
 */
public final class RobotsIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, RobotsTxt> bySite;

  private RobotsIndex(Map<String, RobotsTxt> bySite) {
    this.bySite = bySite;
  }

  /** An index of robots.txt texts given by their URLs (for tests and small setups). */
  public static RobotsIndex of(Map<String, String> robotsTxtByUrl) {
    Map<String, RobotsTxt> m = new HashMap<>();
    robotsTxtByUrl.forEach((url, text) -> site(url).ifPresent(s -> m.put(s, RobotsTxt.parse(text))));
    return new RobotsIndex(m);
  }

  /** Reads every {@code /robots.txt} response with status 200 from the WARC files, in order. */
  public static RobotsIndex load(List<String> warcFiles) throws IOException {
    Map<String, RobotsTxt> bySite = new HashMap<>();
    Map<String, String> dates = new HashMap<>();
    for (String file : warcFiles) {
      try (InputStream in = new BufferedInputStream(StepFiles.open(file), 1 << 16)) {
        new WarcFileReader(RobotsTxt.MAX_BYTES * 4L).read(file, in, new ReadSink() {
          @Override
          public void candidate(Candidate c) {
            String url = c.source().url();
            Integer status = c.source().httpStatus();
            if (url == null || c.body() == null || (status != null && status != 200)) {
              return;
            }
            Optional<String> site = site(url);
            if (site.isEmpty() || !URI.create(url.replace(" ", "%20")).getPath().equals("/robots.txt")) {
              return;
            }
            String date = c.source().date() == null ? "" : c.source().date();
            String seen = dates.get(site.get());
            if (seen == null || date.compareTo(seen) > 0) {
              dates.put(site.get(), date);
              int n = Math.min(c.body().length, RobotsTxt.MAX_BYTES);
              bySite.put(site.get(), RobotsTxt.parse(new String(c.body(), 0, n, StandardCharsets.UTF_8)));
            }
          }

          @Override
          public void rejected(Rejection r) {
            // A robots.txt capture that does not parse states nothing.
          }
        });
      } catch (IllegalArgumentException e) {
        throw new IOException("robots.txt WARC " + file + ": " + e.getMessage(), e);
      }
    }
    return new RobotsIndex(bySite);
  }

  /** How many sites have a robots.txt. */
  public int size() {
    return bySite.size();
  }

  /** The AI agents the page's site forbids it to, as {@code robots_txt} signals. */
  public List<OptOutSignal> reservationsFor(String pageUrl, boolean includeWildcard) {
    Optional<String> site = site(pageUrl);
    if (site.isEmpty()) {
      return List.of();
    }
    RobotsTxt robots = bySite.get(site.get());
    if (robots == null) {
      return List.of();
    }
    return robots.aiReservations(pathAndQuery(pageUrl), includeWildcard);
  }

  /** {@code scheme://host:port}, lower case, default port filled in; empty for a URL that is not http(s). */
  static Optional<String> site(String url) {
    try {
      URI u = URI.create(url.strip().replace(" ", "%20"));
      String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
      if (u.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        return Optional.empty();
      }
      int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
      return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String pathAndQuery(String url) {
    try {
      URI u = URI.create(url.strip().replace(" ", "%20"));
      String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }
}
