package org.provenant.filters.read;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** One HTTP header of a captured response, as recorded (name case preserved). */
public record Header(String name, String value) implements Serializable {
  public Header {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
  }
}
