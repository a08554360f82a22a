package org.imbalanced4j.model;

import org.imbalanced4j.numeric.RowBlocks;
import org.imbalanced4j.optim.SmoothObjective;

/**
 * scikit-learn's multinomial logistic objective ({@code HalfMultinomialLoss}, unpenalised
 * intercepts): {@code f(W, b) = sum_i s_i [logsumexp(z_i) - z_{i,y_i}] + ||W||^2 / (2C)}, {@code
 * z_i = W^T x_i + b}. With {@code p_i = softmax(z_i)}: gradient {@code sum_i s_i (x_i, 1) (p_i -
 * e_{y_i})^T + (W / C, 0)}; the Hessian maps a direction {@code V} to {@code sum_i (x_i, 1) t_i^T +
 * (V_W / C, 0)}, {@code t_i = s_i p_i * (u_i - p_i.u_i)}, {@code u_i = V^T (x_i, 1)}.
 *
 * <p>Variables are class-major: class c's weights at {@code c (d+1) .. c (d+1) + d - 1}, its
 * intercept at {@code c (d+1) + d}.
 */
final class MultinomialLogisticObjective implements SmoothObjective {
  private final Design x;
  private final int d;
  private final int k;
  private final int n;
  private final int[] y;
  private final double[] weight;
  private final double inverseC;
  private final double[] proba;
  private final double[] hessianProba;
  private double[] at;

  /** @param y class of each row, {@code 0 .. k-1} */
  MultinomialLogisticObjective(Design x, int k, int[] y, double[] weight, double c) {
    this.x = x;
    this.d = x.width;
    this.k = k;
    this.n = y.length;
    this.y = y;
    this.weight = weight;
    this.inverseC = 1 / c;
    this.proba = new double[n * k];
    this.hessianProba = new double[n * k];
  }

  @Override
  public int dimension() {
    return (d + 1) * k;
  }

  @Override
  public double value(double[] w) {
    at = w.clone();
    double[] loss = new double[1];
    RowBlocks.sum(n, (from, to, part) -> {
      double[] z = new double[k];
      double s = 0;
      for (int i = from; i < to; i++) {
        scores(w, i, z);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
          max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          double e = Math.exp(z[c] - max);
          proba[i * k + c] = e;
          sum += e;
        }
        for (int c = 0; c < k; c++) {
          proba[i * k + c] /= sum;
        }
        s += weight[i] * (max + Math.log(sum) - z[y[i]]);
      }
      part[0] += s;
    }, loss);
    return loss[0] + 0.5 * inverseC * penalty(w, w);
  }

  @Override
  public void gradient(double[] out) {
    System.arraycopy(proba, 0, hessianProba, 0, proba.length);
    RowBlocks.sum(n, (from, to, part) -> {
      double[] t = new double[k];
      for (int i = from; i < to; i++) {
        for (int c = 0; c < k; c++) {
          t[c] = weight[i] * (proba[i * k + c] - (y[i] == c ? 1 : 0));
        }
        addRow(part, i, t);
      }
    }, out);
    addPenalty(at, out);
  }

  @Override
  public void hessianTimes(double[] v, double[] out) {
    RowBlocks.sum(n, (from, to, part) -> {
      double[] u = new double[k];
      for (int i = from; i < to; i++) {
        scores(v, i, u);
        double pu = 0;
        for (int c = 0; c < k; c++) {
          pu += hessianProba[i * k + c] * u[c];
        }
        for (int c = 0; c < k; c++) {
          u[c] = weight[i] * hessianProba[i * k + c] * (u[c] - pu);
        }
        addRow(part, i, u);
      }
    }, out);
    addPenalty(v, out);
  }

  private void scores(double[] w, int i, double[] z) {
    for (int c = 0; c < k; c++) {
      int base = c * (d + 1);
      z[c] = w[base + d] + x.dot(w, base, i);
    }
  }

  private void addRow(double[] part, int i, double[] t) {
    for (int c = 0; c < k; c++) {
      int base = c * (d + 1);
      x.addRow(part, base, i, t[c]);
      part[base + d] += t[c];
    }
  }

  private double penalty(double[] a, double[] b) {
    double s = 0;
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        s += a[c * (d + 1) + j] * b[c * (d + 1) + j];
      }
    }
    return s;
  }

  private void addPenalty(double[] v, double[] out) {
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        out[c * (d + 1) + j] += inverseC * v[c * (d + 1) + j];
      }
    }
  }
}
