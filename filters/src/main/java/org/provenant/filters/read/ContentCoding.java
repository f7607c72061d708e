package org.provenant.filters.read;

import java.util.Locale;
import java.util.Optional;

/**
 * A coding that an HTTP body can carry and that Provenant undoes: the content codings of RFC 9110
 * section 8.4.1 (and the HTTP Content Coding Registry's {@code br} and {@code zstd}), which may
 * also appear as transfer codings before {@code chunked} (RFC 9112 section 7). {@code chunked}
 * itself is framing, handled by {@link HttpBodies#dechunk}, and is not one of these.
 */
public enum ContentCoding {
  /** No transformation ({@code identity}). */
  IDENTITY("identity"),
  /** RFC 1952 gzip; {@code x-gzip} is its registered alias. */
  GZIP("gzip"),
  /**
   * RFC 1950 zlib stream, as RFC 9110 defines {@code deflate}; many servers send raw RFC 1951
   * deflate instead, and both are read.
   */
  DEFLATE("deflate"),
  /** RFC 7932 Brotli. */
  BROTLI("br"),
  /** RFC 8878 Zstandard. */
  ZSTD("zstd");

  private final String token;

  ContentCoding(String token) {
    this.token = token;
  }

  /** The registered token, e.g. {@code gzip}. */
  public String token() {
    return token;
  }

  /**
   * The coding a token names (case-insensitive; {@code x-gzip} is gzip), or empty for a coding
   * that is not supported, such as {@code compress}.
   */
  public static Optional<ContentCoding> forToken(String token) {
    String t = token.strip().toLowerCase(Locale.ROOT);
    if (t.equals("x-gzip")) {
      return Optional.of(GZIP);
    }
    for (ContentCoding c : values()) {
      if (c.token.equals(t)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
