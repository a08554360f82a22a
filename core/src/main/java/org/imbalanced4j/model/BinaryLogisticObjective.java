package org.imbalanced4j.model;

import org.imbalanced4j.numeric.RowBlocks;
import org.imbalanced4j.optim.SmoothObjective;

/**
 * scikit-learn's binary logistic objective ({@code HalfBinomialLoss} with an unpenalised
 * intercept): {@code f(v) = sum_i s_i [log(1 + e^{u_i}) - y_i u_i] + ||w||^2 / (2C)}, {@code u_i =
 * w.x_i + b}, {@code v = (w, b)}, {@code y_i in {0, 1}}, {@code s_i} the sample weights. Gradient
 * {@code sum_i s_i (p_i - y_i) (x_i, 1) + (w / C, 0)}; Hessian {@code sum_i s_i p_i (1 - p_i) (x_i,
 * 1)(x_i, 1)^T + diag(1/C, .., 1/C, 0)}, {@code p_i = sigmoid(u_i)}.
 */
final class BinaryLogisticObjective implements SmoothObjective {
  private final Design x;
  private final int d;
  private final int n;
  private final boolean[] positive;
  private final double[] weight;
  private final double inverseC;
  private final double[] u;
  private final double[] curvature;
  private double[] at;

  BinaryLogisticObjective(Design x, boolean[] positive, double[] weight, double c) {
    this.x = x;
    this.d = x.width;
    this.n = positive.length;
    this.positive = positive;
    this.weight = weight;
    this.inverseC = 1 / c;
    this.u = new double[n];
    this.curvature = new double[n];
  }

  @Override
  public int dimension() {
    return d + 1;
  }

  @Override
  public double value(double[] v) {
    at = v.clone();
    double[] loss = new double[1];
    RowBlocks.sum(n, (from, to, part) -> {
      double s = 0;
      for (int i = from; i < to; i++) {
        double z = dot(v, i);
        u[i] = z;
        // log(1 + e^z) - y z, without overflow
        double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        s += weight[i] * (softplus - (positive[i] ? z : 0));
      }
      part[0] += s;
    }, loss);
    double penalty = 0;
    for (int j = 0; j < d; j++) {
      penalty += v[j] * v[j];
    }
    return loss[0] + 0.5 * inverseC * penalty;
  }

  @Override
  public void gradient(double[] out) {
    RowBlocks.sum(n, (from, to, part) -> {
      for (int i = from; i < to; i++) {
        double p = sigmoid(u[i]);
        curvature[i] = weight[i] * p * (1 - p);
        addRow(part, i, weight[i] * (p - (positive[i] ? 1 : 0)));
      }
    }, out);
    for (int j = 0; j < d; j++) {
      out[j] += inverseC * at[j];
    }
  }

  @Override
  public void hessianTimes(double[] s, double[] out) {
    RowBlocks.sum(n, (from, to, part) -> {
      for (int i = from; i < to; i++) {
        addRow(part, i, curvature[i] * dot(s, i));
      }
    }, out);
    for (int j = 0; j < d; j++) {
      out[j] += inverseC * s[j];
    }
  }

  private double dot(double[] v, int i) {
    return v[d] + x.dot(v, 0, i);
  }

  private void addRow(double[] part, int i, double a) {
    x.addRow(part, 0, i, a);
    part[d] += a;
  }

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }
}
