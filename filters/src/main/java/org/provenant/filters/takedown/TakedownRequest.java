package org.provenant.filters.takedown;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One removal request: its id and date as the requester's record has them, and what it asks to
 * remove. {@code version} is set only for a package request that names one ({@code name/version});
 * otherwise null.
 */
public record TakedownRequest(String requestId, String date, Selector selector, String value, String version)
    implements Serializable {
  /** What a request names. The JSON key of each is its {@link #key()}. */
  public enum Selector {
    /** One page: the same URL ignoring scheme, {@code www.}, default port, fragment and a trailing slash. */
    URL("url"),
    /** Every page whose normalised URL starts with the normalised prefix. */
    URL_PREFIX("url_prefix"),
    /** Every page of a host and its subdomains. */
    DOMAIN("domain"),
    /** Every file of a package ({@code source.package}), of one version when given. */
    PACKAGE("package"),
    /** One document by its id. */
    DOCUMENT_ID("document_id"),
    /** Every document containing the passage (lower-cased words, punctuation and spacing ignored). */
    PASSAGE("passage");

    private final String key;

    Selector(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public TakedownRequest {
    requireNonNull(requestId, "requestId");
    requireNonNull(selector, "selector");
    requireNonNull(value, "value");
  }

  /** {@code url https://x.example/a}, {@code package left-pad/1.3.0}: what the request names, for details. */
  public String describe() {
    String what = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return selector.key() + " " + what.replace("\n", " ") + (version == null ? "" : "/" + version);
  }
}
