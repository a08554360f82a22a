package org.imbalanced4j.model;

import org.imbalanced4j.data.Dataset;

/**
 * A fitted linear classifier: {@code p = softmax(W^T x + b)} on standardised features ({@link
 * LogisticRegression}'s model). Immutable; the weights are copied in and out.
 *
 * @param weights {@code (features + 1) x classes}, row-major: row j holds feature j's weight for
 *     each class, the last row the biases
 */
public record LinearModel(Standardizer standardizer, double[] weights, int classes, Provenance provenance)
    implements Model {
  public LinearModel {
    weights = weights.clone();
    if (weights.length != (standardizer.width() + 1) * classes) {
      throw new IllegalArgumentException(weights.length + " weights do not fit " + standardizer.width()
          + " inputs x " + classes + " classes");
    }
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The scores {@code W^T x + b} of every row (the logits). */
  public double[][] logits(Dataset data) {
    int d = standardizer.width();
    float[] xs = standardizer.transform(data);
    double[][] out = new double[data.rows()][classes];
    for (int i = 0; i < out.length; i++) {
      LogisticRegression.scores(weights, xs, i * d, d, classes, out[i]);
    }
    return out;
  }

  @Override
  public double[][] predictProba(Dataset data) {
    double[][] z = logits(data);
    for (double[] zi : z) {
      LogisticRegression.softmax(zi);
    }
    return z;
  }
}
