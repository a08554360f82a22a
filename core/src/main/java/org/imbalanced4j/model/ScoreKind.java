package org.imbalanced4j.model;

/** What a model's raw {@link Model#scores} are. */
public enum ScoreKind {
  /** Class probabilities: each row sums to 1. */
  PROBABILITY,
  /**
   * Logits {@code z}: the probabilities are {@code softmax(z)}, and {@code softmax(z / T)} after
   * temperature scaling; τ-normalisation and logit adjustment work on them.
   */
  LOGIT,
  /** Anomaly scores, one column per class; higher means more anomalous. */
  ANOMALY
}
