package org.provenant.schemas;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One statement of a licence found in the input: what kind of statement, where it was, what it
 * says, and the SPDX id it was read as with how sure the match is. A document's licence is decided
 * from a list of these, so a reader can check the decision.
 *
 * @param spdx SPDX id or expression the statement was read as; null when it names no known licence
 * @param confidence 0..1; null when not measured
 */
public record Evidence(String kind, String location, String value, String spdx, Double confidence)
    implements Serializable {
  public Evidence {
    requireNonNull(kind, "kind");
    requireNonNull(location, "location");
    requireNonNull(value, "value");
  }

  /** A statement that was not (yet) read as an SPDX id. */
  public Evidence(String kind, String location, String value) {
    this(kind, location, value, null, null);
  }
}
