package org.imbalanced4j.model;

import org.imbalanced4j.data.Dataset;

/** A fitted classifier: class probabilities for rows with the training data's features. */
public interface Model {
  /** {@code proba[i][c]}: row i's probability of class c (class codes of the training schema). */
  double[][] predictProba(Dataset data);

  /** Where the model comes from: trainer, parameters, seed, data. */
  Provenance provenance();

  /**
   * What the fit reports that a user should know, one line each: a solver that stopped at its
   * iteration cap before converging (scikit-learn's {@code ConvergenceWarning}), a network still
   * improving at its epoch cap. Empty when all went well.
   */
  default java.util.List<String> warnings() {
    return java.util.List.of();
  }
}
