package org.imbalanced4j.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;

/**
 * The parameters given to a catalogued sampler or learner, by their documented names ({@code
 * k_neighbors}, {@code class_weight}, ...), as text, as a grid file or a command line gives them.
 * Construction rejects names the owner does not have; reading a parameter converts it with an
 * error naming the owner and the parameter. One validation path for every catalogue.
 */
public class Params {
  private final String owner;
  private final Map<String, String> values;
  private final List<String> valid;

  /**
   * @param owner the sampler's or learner's name, for messages
   * @param values the given parameters (names case-insensitive)
   * @param valid the owner's parameter names
   */
  public Params(String owner, Map<String, String> values, List<String> valid) {
    this.owner = owner;
    this.values = new LinkedHashMap<>();
    values.forEach((k, v) -> this.values.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
    this.valid = List.copyOf(valid);
    List<String> lower = valid.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    for (String k : this.values.keySet()) {
      if (!lower.contains(k)) {
        throw new InvalidOptionException(owner + " has no parameter '" + k + "'; its parameters: "
            + (valid.isEmpty() ? "none" : String.join(", ", valid)));
      }
    }
  }

  /** The sampler's or learner's name. */
  public String owner() {
    return owner;
  }

  /** Whether the parameter was given. */
  public boolean has(String name) {
    return values.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** The parameter as given, or {@code def} when not given. */
  public String text(String name, String def) {
    return values.getOrDefault(name.toLowerCase(Locale.ROOT), def);
  }

  /** The parameter as an integer, or {@code def} when not given. */
  public int integer(String name, int def) {
    String v = text(name, null);
    if (v == null) {
      return def;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "a whole number");
    }
  }

  /** A whole number of at least 1. */
  public int positive(String name, int def) {
    int i = integer(name, def);
    if (i < 1) {
      throw bad(name, text(name, ""), "a positive whole number");
    }
    return i;
  }

  /** A comma-separated list of positive whole numbers, such as layer widths {@code 128,64}. */
  public int[] positives(String name, int[] def) {
    String v = text(name, null);
    if (v == null) {
      return def.clone();
    }
    String[] parts = v.split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Integer.parseInt(parts[i].strip());
      } catch (NumberFormatException e) {
        out[i] = 0;
      }
      if (out[i] < 1) {
        throw bad(name, v, "positive whole numbers separated by commas");
      }
    }
    return out;
  }

  /** The parameter as a finite number, or {@code def} when not given. */
  public double real(String name, double def) {
    String v = text(name, null);
    if (v == null) {
      return def;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "a number");
    }
  }

  /** A number in {@code [min, max]}; {@code min = Double.MIN_VALUE} reads "above 0". */
  public double real(String name, double def, double min, double max) {
    double x = real(name, def);
    if (!(x >= min && x <= max)) {
      throw bad(name, text(name, ""), min == Double.MIN_VALUE ? "a number above 0 and at most " + plain(max)
          : "a number from " + plain(min) + " to " + plain(max));
    }
    return x;
  }

  /** A bound as a person writes it: 10, not 10.0; 1e+07 stays as Java prints it. */
  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e7 ? Long.toString((long) v) : Double.toString(v);
  }

  /** The parameter as {@code true} or {@code false}, or {@code def} when not given. */
  public boolean bool(String name, boolean def) {
    String v = text(name, null);
    if (v == null) {
      return def;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw bad(name, v, "true or false");
    };
  }

  /** One of {@code choices} (case-insensitive), returned as the choice is spelt. */
  public String choice(String name, String def, List<String> choices) {
    String v = text(name, def);
    for (String c : choices) {
      if (c.equalsIgnoreCase(v)) {
        return c;
      }
    }
    throw bad(name, v, "one of " + String.join(", ", choices));
  }

  /** The given parameters, names in lower case, in the order given. */
  public Map<String, String> given() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** The error for value {@code v} of parameter {@code name}, which should be {@code what}. */
  protected final InvalidOptionException bad(String name, String v, String what) {
    return new InvalidOptionException(owner + ": " + name + " must be " + what + ", got '" + v + "'");
  }

  /** {@code name(k=v, ...)}, or the bare name without parameters: how grids and reports label an entry. */
  public static String label(String name, Map<String, String> params) {
    if (params.isEmpty()) {
      return name;
    }
    List<String> kv = new java.util.ArrayList<>();
    params.forEach((k, v) -> kv.add(k + "=" + v));
    return name + "(" + String.join(", ", kv) + ")";
  }

  /** Valid parameter names. */
  public List<String> names() {
    return valid;
  }
}
