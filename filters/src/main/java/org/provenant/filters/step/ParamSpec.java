package org.provenant.filters.step;

import static java.util.Objects.requireNonNull;

/**
 * One parameter of a step: its name as written in the configuration, its type, its default and what
 * it means. {@code ./provenant steps} prints these.
 */
public record ParamSpec(String name, Type type, Object defaultValue, String description) {
  /** The value types a parameter can have. */
  public enum Type {
    INT,
    DOUBLE,
    BOOLEAN,
    STRING,
    STRING_LIST
  }

  public ParamSpec {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(description, "description");
  }
}
