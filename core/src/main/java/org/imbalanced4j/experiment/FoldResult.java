package org.imbalanced4j.experiment;

import java.util.List;
import java.util.Map;

/**
 * The scores of one candidate on one test fold. Immutable (the arrays are not copied; do not
 * change them).
 *
 * @param metrics metric name (scikit-learn's function names) to value
 * @param proba class probabilities of the test rows, row-major ({@code rows x classes}), in the
 *     split's test order
 * @param predicted the decided class of each test row
 * @param warnings what the fit reported ({@link org.imbalanced4j.model.Model#warnings()}), such as
 *     a solver that stopped at its iteration cap
 */
public record FoldResult(String candidate, int repeat, int fold, Map<String, Double> metrics, double seconds,
    float[] proba, int[] predicted, List<String> warnings) {
  /** Copies the collections. */
  public FoldResult {
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    warnings = List.copyOf(warnings);
  }
}
