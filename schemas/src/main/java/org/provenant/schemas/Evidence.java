package org.provenant.schemas;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One statement of a licence found in the input: what kind of statement, where it was, and what it
 * says. A document's licence is decided from a list of these, so a reader can check the decision.
 */
public record Evidence(String kind, String location, String value) implements Serializable {
  public Evidence {
    requireNonNull(kind, "kind");
    requireNonNull(location, "location");
    requireNonNull(value, "value");
  }
}
