package org.imbalanced4j.experiment;

import java.util.Map;

/**
 * The scores of one candidate on one test fold. Immutable.
 *
 * @param metrics metric name (scikit-learn's function names) to value
 */
public record FoldResult(String candidate, int repeat, int fold, Map<String, Double> metrics, double seconds) {
  public FoldResult {
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
  }
}
