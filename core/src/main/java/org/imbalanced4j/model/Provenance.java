package org.imbalanced4j.model;

import java.util.Map;

/**
 * What produced a model: the trainer's description, its parameters, the seed, and a note on the
 * data (such as the fold). Immutable.
 */
public record Provenance(String trainer, Map<String, Object> parameters, long seed, String data) {
  /** Copies the parameters. */
  public Provenance {
    parameters = Map.copyOf(parameters);
  }
}
