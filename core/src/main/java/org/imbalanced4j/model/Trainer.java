package org.imbalanced4j.model;

import org.imbalanced4j.data.Dataset;

/**
 * Fits a {@link Model} on training rows; validation rows (never test rows) may be used for early
 * stopping or calibration. Trainers are configurations: fitting twice with the same data and seed
 * gives the same model. Trainer and Model are different types, as in Tribuo. The learners of the
 * catalogue ({@link org.imbalanced4j.learn.LearnerCatalog}) make trainers from parameters.
 */
public interface Trainer {
  /** A short name with the parameters, for reports: {@code logistic(C=1.0)}. */
  String describe();

  /**
   * Fits a model. Row weights held by {@code train} ({@link Dataset#hasWeights()}) count as that
   * many copies of the row for trainers whose learner declares {@code SAMPLE_WEIGHTS}.
   */
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
   * Whether several fits of this trainer may run at once on different threads, as the members of a
   * bagged ensemble do; false for trainers that write checkpoints or hold an engine's threads.
   */
  default boolean concurrentFits() {
    return true;
  }

  /** This trainer reporting to {@code monitor} during its fits; itself when it has nothing to report. */
  default Trainer withMonitor(FitMonitor monitor) {
    return this;
  }

  /**
   * This trainer with each fit stopped after about {@code seconds} (a trainer that learns in epochs
   * stops when another epoch would pass it, and keeps its best epoch so far); trainers that
   * fit in one go ignore it.
   */
  default Trainer withTimeLimit(double seconds) {
    return this;
  }
}
