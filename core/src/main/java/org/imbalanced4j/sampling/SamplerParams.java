package org.imbalanced4j.sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;

/**
 * The parameters given to a catalogued sampler, by imbalanced-learn's names ({@code k_neighbors},
 * {@code kind_sel}, ...), as text. Reading a parameter converts it with an error naming the
 * parameter; {@link #checkAllUsed} rejects names the sampler does not have.
 */
public final class SamplerParams {
  private final String sampler;
  private final Map<String, String> values;
  private final List<String> valid;

  SamplerParams(String sampler, Map<String, String> values, List<String> valid) {
    this.sampler = sampler;
    this.values = new LinkedHashMap<>();
    values.forEach((k, v) -> this.values.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
    this.valid = valid;
    List<String> lower = valid.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    for (String k : this.values.keySet()) {
      if (!lower.contains(k)) {
        throw new InvalidOptionException(sampler + " has no parameter '" + k + "'; its parameters: "
            + (valid.isEmpty() ? "none" : String.join(", ", valid)));
      }
    }
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String text(String name, String def) {
    return values.getOrDefault(name, def);
  }

  public int integer(String name, int def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "a whole number");
    }
  }

  public double real(String name, double def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "a number");
    }
  }

  public boolean bool(String name, boolean def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw bad(name, v, "true or false");
    };
  }

  public SamplingStrategy strategy() {
    String v = values.get("sampling_strategy");
    return v == null ? SamplingStrategy.auto() : SamplingStrategy.parse(v);
  }

  private InvalidOptionException bad(String name, String v, String what) {
    return new InvalidOptionException(sampler + ": " + name + " must be " + what + ", got '" + v + "'");
  }

  /** Valid parameter names. */
  public List<String> names() {
    return valid;
  }
}
