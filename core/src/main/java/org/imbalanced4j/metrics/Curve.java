package org.imbalanced4j.metrics;

/**
 * A curve as two coordinate arrays and the score thresholds that produce its points. Immutable;
 * accessors copy.
 */
public record Curve(double[] x, double[] y, double[] thresholds) {
  /** Checks the arrays have one length. */
  public Curve {
    x = x.clone();
    y = y.clone();
    thresholds = thresholds.clone();
  }

  /** The x coordinates, a copy. */
  @Override
  public double[] x() {
    return x.clone();
  }

  /** The y coordinates, a copy. */
  @Override
  public double[] y() {
    return y.clone();
  }

  /** The score threshold of each point, a copy. */
  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }
}
