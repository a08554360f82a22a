package org.imbalanced4j.learn;

/** What a learner can take or do, declared in the catalogue so commands and grids can check it. */
public enum Capability {
  /** Learns from tables of numeric and categorical features. */
  TABLE,
  /** Learns from images. */
  IMAGES,
  /** Uses validation rows (early stopping); an experiment holds them out before resampling. */
  VALIDATION_ROWS,
  /** Honours the data's sample weights: weight w counts as w copies of the row. */
  SAMPLE_WEIGHTS,
  /** Learns one class (the normal one) and scores how far rows are from it. */
  ONE_CLASS
}
