package org.imbalanced4j.sampling;

/**
 * The family a sampler belongs to; it decides what a {@link SamplingStrategy} means, as
 * imbalanced-learn's {@code _sampling_type} does.
 */
public enum SamplerKind {
  /** Adds rows; a target is the number of rows to add. {@code auto} means "not majority". */
  OVER,
  /** Removes rows to reach a count; a target is the number of rows to keep. {@code auto} means "not minority". */
  UNDER,
  /**
   * Removes rows by a rule, not to a count; a target only says which classes may lose rows.
   * {@code auto} means "not minority"; counts and ratios are rejected.
   */
  CLEANING
}
