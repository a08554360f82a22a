package org.imbalanced4j.model;

import org.imbalanced4j.data.Dataset;

/** A fitted classifier: class probabilities for rows with the training data's features. */
public interface Model {
  /** {@code proba[i][c]}: row i's probability of class c (class codes of the training schema). */
  double[][] predictProba(Dataset data);

  /** Where the model comes from: trainer, parameters, seed, data. */
  Provenance provenance();
}
