package org.imbalanced4j.learn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.model.io.ModelFormat;

/**
 * One learner of the {@link LearnerCatalog}: its name as grids and {@code imb train --model} give
 * it, what it is, its documented parameters with defaults, what it can do, how its trainer is made,
 * and the format that reads its models back (null when it makes models of a kind another entry
 * reads).
 */
public record Learner(String name, String description, List<Param> params, Set<Capability> capabilities,
    Factory factory, ModelFormat format) {
  /** Copies the parameters and capabilities. */
  public Learner {
    params = List.copyOf(params);
    capabilities = Set.copyOf(capabilities);
  }

  /** Makes a trainer from checked parameters; invalid values throw with the parameter's name. */
  @FunctionalInterface
  public interface Factory {
    /** A trainer from checked parameters. */
    Trainer create(Params p);
  }

  /** The parameters' names, in catalogue order. */
  public List<String> paramNames() {
    return params.stream().map(Param::name).toList();
  }

  /** Whether the learner has the capability. */
  public boolean can(Capability c) {
    return capabilities.contains(c);
  }

  /** A trainer from parameters as text; unknown names and bad values throw one clear line. */
  public Trainer create(Map<String, String> params) {
    try {
      return factory.create(new Params(name, params, paramNames()));
    } catch (InvalidOptionException e) {
      throw e.getMessage().startsWith(name) ? e : new InvalidOptionException(name + ": " + e.getMessage());
    }
  }
}
