package org.provenant.filters.read;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/** Stable ids for records that carry none of their own. */
public final class Digests {
  private Digests() {}

  /** 32 hex characters (128 bits) of SHA-256 over the parts joined by NUL. */
  public static String id(String... parts) {
    return Hashing.sha256().hashString(String.join("\0", parts), StandardCharsets.UTF_8).toString().substring(0, 32);
  }

  /** The last path segment of a uri or path: stable when the same file is read from elsewhere. */
  public static String fileName(String uri) {
    int slash = uri.lastIndexOf('/');
    return slash < 0 ? uri : uri.substring(slash + 1);
  }
}
