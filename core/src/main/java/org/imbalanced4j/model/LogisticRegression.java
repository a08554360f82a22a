package org.imbalanced4j.model;

import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.weights.ClassWeights;

/**
 * Multinomial logistic regression with L2 penalty, fitted by full-batch gradient descent with
 * Adam steps (cosine-decayed from 0.1 to 0.001 over the iterations) on standardised features (categorical features one-hot): the fast classical
 * baseline. A class-weight scheme ({@link ClassWeights#of}: {@code balanced} is scikit-learn's
 * {@code class_weight='balanced'}) is computed from the rows each fit is given, so after a
 * resampler it sees the resampled counts, as in an imbalanced-learn pipeline. The objective is
 * {@code sum_i w_yi (-log p_i,yi) / sum_i w_yi + ||W||^2 / (2 C n)}; for two classes the
 * penalty is doubled, so that the optimum is scikit-learn's binary (sigmoid) logistic regression
 * with the same {@code C} (its columns are {@code +-v/2} of the sigmoid's {@code v}).
 */
public final class LogisticRegression implements Trainer {
  private final double c;
  private final int iterations;
  private final String classWeight;

  /** @param classWeight a {@link ClassWeights#of} scheme, or null (none) */
  public LogisticRegression(double c, int iterations, String classWeight) {
    this.c = c;
    this.iterations = iterations;
    this.classWeight = classWeight == null || classWeight.equalsIgnoreCase("none") ? null : classWeight;
    if (this.classWeight != null) {
      ClassWeights.of(this.classWeight, new long[] {1, 1}, 0.999); // an unknown scheme fails now
    }
  }

  @Override
  public String describe() {
    return "logistic(C=" + c + (classWeight == null ? "" : ", class_weight=" + classWeight) + ")";
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    Standardizer enc = Standardizer.fit(train);
    int n = train.rows();
    int d = enc.width();
    int k = train.classCount();
    float[] x = enc.transform(train);
    int[] y = train.labels();
    double[] w = new double[(d + 1) * k]; // row j: feature j (d: bias), column c
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    double[] rowW = new double[n];
    double wsum = 0;
    double[] classWeights = classWeight == null ? null : ClassWeights.of(classWeight, train.classCounts().counts(), 0.999);
    for (int i = 0; i < n; i++) {
      rowW[i] = classWeights == null ? 1 : classWeights[y[i]];
      wsum += rowW[i];
    }
    double[] g = new double[w.length];
    double[] z = new double[k];
    // two classes: scikit-learn fits one sigmoid weight vector v; the softmax's two columns end at
    // +-v/2, whose squared norms sum to ||v||^2 / 2, so the penalty doubles to be the same
    double penalty = k == 2 ? 2 : 1;
    for (int it = 1; it <= iterations; it++) {
      // Adam with a cosine-decayed step (0.1 to 0.001): large steps first, then it settles
      double lr = 0.001 + 0.5 * (0.1 - 0.001) * (1 + Math.cos(Math.PI * (it - 1) / iterations));
      if (k == 2) {
        binaryGradient(w, x, y, rowW, wsum, n, d, g);
      } else {
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < n; i++) {
          scores(w, x, i * d, d, k, z);
          softmax(z);
          for (int cl = 0; cl < k; cl++) {
            double err = (z[cl] - (y[i] == cl ? 1 : 0)) * rowW[i] / wsum;
            for (int j = 0; j < d; j++) {
              g[j * k + cl] += err * x[i * d + j];
            }
            g[d * k + cl] += err;
          }
        }
      }
      for (int j = 0; j < d * k; j++) {
        g[j] += penalty * w[j] / (c * n);
      }
      for (int j = 0; j < w.length; j++) {
        m[j] = 0.9 * m[j] + 0.1 * g[j];
        v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
        double mh = m[j] / (1 - Math.pow(0.9, it));
        double vh = v[j] / (1 - Math.pow(0.999, it));
        w[j] -= lr * mh / (Math.sqrt(vh) + 1e-8);
      }
    }
    Provenance prov = new Provenance(describe(), Map.of("C", c, "iterations", iterations), seed,
        train.rows() + " rows");
    return new LinearModel(enc, w, k, prov);
  }

  /**
   * The data term's gradient for two classes, from the logit difference alone: {@code p_1 =
   * sigmoid(z_1 - z_0)}, and class 0's gradient is minus class 1's (its error is {@code p_0 - y_0 =
   * -(p_1 - y_1)}). The same gradient as the softmax loop, with half the work.
   */
  private static void binaryGradient(double[] w, float[] x, int[] y, double[] rowW, double wsum, int n, int d,
      double[] g) {
    double[] dw = new double[d];
    for (int j = 0; j < d; j++) {
      dw[j] = w[j * 2 + 1] - w[j * 2];
    }
    double db = w[d * 2 + 1] - w[d * 2];
    double[] g1 = new double[d];
    double gb = 0;
    for (int i = 0; i < n; i++) {
      int off = i * d;
      double u = db;
      for (int j = 0; j < d; j++) {
        u += dw[j] * x[off + j];
      }
      double p1 = u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
      double err = (p1 - (y[i] == 1 ? 1 : 0)) * rowW[i] / wsum;
      for (int j = 0; j < d; j++) {
        g1[j] += err * x[off + j];
      }
      gb += err;
    }
    for (int j = 0; j < d; j++) {
      g[j * 2] = -g1[j];
      g[j * 2 + 1] = g1[j];
    }
    g[d * 2] = -gb;
    g[d * 2 + 1] = gb;
  }

  static void scores(double[] w, float[] x, int off, int d, int k, double[] z) {
    for (int cl = 0; cl < k; cl++) {
      double s = w[d * k + cl];
      for (int j = 0; j < d; j++) {
        s += w[j * k + cl] * x[off + j];
      }
      z[cl] = s;
    }
  }

  static void softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = Math.exp(z[i] - max);
      s += z[i];
    }
    for (int i = 0; i < z.length; i++) {
      z[i] /= s;
    }
  }
}
