package org.provenant.filters.step;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parameters given to one step in the configuration, checked against the step's {@link
 * ParamSpec}s: unknown names and values of the wrong type are errors that name the step and the
 * parameter; missing ones take their defaults, so {@link #effective()} is the full set that ran.
 */
public final class StepParams implements Serializable {
  private final String step;
  private final ImmutableSortedMap<String, Object> values;

  private StepParams(String step, SortedMap<String, Object> values) {
    this.step = step;
    this.values = ImmutableSortedMap.copyOf(values);
  }

  /** Resolves {@code given} (from JSON: numbers, booleans, strings, lists of strings) against {@code specs}. */
  public static StepParams resolve(String step, List<ParamSpec> specs, Map<String, ?> given) {
    SortedMap<String, Object> out = new TreeMap<>();
    Map<String, ?> in = given == null ? Map.of() : given;
    for (String key : in.keySet()) {
      if (specs.stream().noneMatch(s -> s.name().equals(key))) {
        throw new IllegalArgumentException("step " + step + " has no parameter \"" + key + "\"; its parameters: "
            + specs.stream().map(ParamSpec::name).toList());
      }
    }
    for (ParamSpec spec : specs) {
      Object v = in.containsKey(spec.name()) ? in.get(spec.name()) : spec.defaultValue();
      out.put(spec.name(), coerce(step, spec, v));
    }
    return new StepParams(step, out);
  }

  private static Object coerce(String step, ParamSpec spec, Object v) {
    String where = "step " + step + ", parameter " + spec.name() + ": ";
    if (v == null) {
      if (spec.type() == ParamSpec.Type.STRING) {
        return "";
      }
      throw new IllegalArgumentException(where + "a value is required");
    }
    switch (spec.type()) {
      case INT:
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
            && n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE) {
          return n.intValue();
        }
        throw new IllegalArgumentException(where + "expected an integer, got " + v);
      case DOUBLE:
        if (v instanceof Number n) {
          return n.doubleValue();
        }
        throw new IllegalArgumentException(where + "expected a number, got " + v);
      case BOOLEAN:
        if (v instanceof Boolean b) {
          return b;
        }
        throw new IllegalArgumentException(where + "expected true or false, got " + v);
      case STRING:
        return v.toString();
      case STRING_LIST:
        if (v instanceof List<?> l) {
          List<String> s = new ArrayList<>();
          l.forEach(x -> s.add(String.valueOf(x)));
          return ImmutableList.copyOf(s);
        }
        if (v instanceof String str) {
          return str.isBlank() ? ImmutableList.of() : ImmutableList.copyOf(str.split("\\s*,\\s*"));
        }
        throw new IllegalArgumentException(where + "expected a list of strings, got " + v);
      default:
        throw new IllegalStateException();
    }
  }

  public int getInt(String name) {
    return (Integer) get(name);
  }

  public double getDouble(String name) {
    return (Double) get(name);
  }

  public boolean getBoolean(String name) {
    return (Boolean) get(name);
  }

  public String getString(String name) {
    return (String) get(name);
  }

  @SuppressWarnings("unchecked")
  public List<String> getStringList(String name) {
    return (List<String>) get(name);
  }

  private Object get(String name) {
    Object v = values.get(name);
    if (v == null && !values.containsKey(name)) {
      throw new IllegalArgumentException("step " + step + " has no parameter " + name);
    }
    return v;
  }

  /** Every parameter with the value in force, defaults included, sorted by name. */
  public SortedMap<String, Object> effective() {
    return values;
  }
}
