package org.imbalanced4j.model;

import org.imbalanced4j.data.Dataset;

/**
 * Fits a {@link Model} on training rows; validation rows (never test rows) may be used for early
 * stopping or calibration. Trainers are configurations: fitting twice with the same data gives the
 * same model. Trainer and Model are different types, as in Tribuo.
 */
public interface Trainer {
  /** A short name with the parameters, for reports: {@code logistic(C=1.0)}. */
  String describe();

  Model fit(Dataset train, Dataset validation, long seed);

  /**
   * Whether {@link #fit} uses validation rows (early stopping). An experiment then holds them out
   * of the training rows before any resampling, so they are real rows that no synthetic row was
   * made from.
   */
  default boolean usesValidation() {
    return false;
  }

  /**
   * After {@link #fit} stopped early on validation rows: a model trained the same way on {@code
   * rows}, the training and validation rows together, for as long as the early-stopped fit
   * trained (Goodfellow, Bengio and Courville, "Deep Learning", 2016, algorithm 7.2). By default
   * the fitted model itself.
   */
  default Model retrain(Model earlyStopped, Dataset rows, long seed) {
    return earlyStopped;
  }
}
