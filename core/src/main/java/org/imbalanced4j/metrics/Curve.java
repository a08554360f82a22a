package org.imbalanced4j.metrics;

/**
 * A curve as two coordinate arrays and the score thresholds that produce its points. Immutable;
 * accessors copy.
 */
public record Curve(double[] x, double[] y, double[] thresholds) {
  public Curve {
    x = x.clone();
    y = y.clone();
    thresholds = thresholds.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }
}
