package org.imbalanced4j.model;

import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;

/**
 * Multinomial logistic regression with L2 penalty, fitted by full-batch gradient descent with
 * Adam steps on standardised features (categorical features one-hot): the fast classical
 * baseline. Optional per-class weights give scikit-learn's {@code class_weight} behaviour. The
 * objective is {@code sum_i w_yi (-log p_i,yi) / sum_i w_yi + ||W||^2 / (2 C n)}.
 */
public final class LogisticRegression implements Trainer {
  private final double c;
  private final int iterations;
  private final double[] classWeights;

  public LogisticRegression(double c, int iterations, double[] classWeights) {
    this.c = c;
    this.iterations = iterations;
    this.classWeights = classWeights == null ? null : classWeights.clone();
  }

  @Override
  public String describe() {
    return "logistic(C=" + c + (classWeights == null ? "" : ", class_weight") + ")";
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    Encoder enc = Encoder.fit(train);
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
    for (int i = 0; i < n; i++) {
      rowW[i] = classWeights == null ? 1 : classWeights[y[i]];
      wsum += rowW[i];
    }
    double lr = 0.1;
    double[] g = new double[w.length];
    double[] z = new double[k];
    for (int it = 1; it <= iterations; it++) {
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
      for (int j = 0; j < d * k; j++) {
        g[j] += w[j] / (c * n);
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
    double[] weights = w;
    return new Model() {
      @Override
      public double[][] predictProba(Dataset data) {
        float[] xs = enc.transform(data);
        double[][] out = new double[data.rows()][];
        for (int i = 0; i < data.rows(); i++) {
          double[] zi = new double[k];
          scores(weights, xs, i * d, d, k, zi);
          softmax(zi);
          out[i] = zi;
        }
        return out;
      }

      @Override
      public Provenance provenance() {
        return prov;
      }
    };
  }

  private static void scores(double[] w, float[] x, int off, int d, int k, double[] z) {
    for (int cl = 0; cl < k; cl++) {
      double s = w[d * k + cl];
      for (int j = 0; j < d; j++) {
        s += w[j * k + cl] * x[off + j];
      }
      z[cl] = s;
    }
  }

  private static void softmax(double[] z) {
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

  /** Standardisation and one-hot encoding fitted on training rows. */
  static final class Encoder {
    final double[] mean;
    final double[] sd;
    final int[] levels;
    final int width;

    private Encoder(double[] mean, double[] sd, int[] levels) {
      this.mean = mean;
      this.sd = sd;
      this.levels = levels;
      int wd = 0;
      for (int l : levels) {
        wd += l == 0 ? 1 : l;
      }
      this.width = wd;
    }

    static Encoder fit(Dataset t) {
      int d = t.features();
      double[] mean = new double[d];
      double[] sd = new double[d];
      int[] levels = new int[d];
      for (int j = 0; j < d; j++) {
        Feature f = t.schema().feature(j);
        if (f.isCategorical()) {
          levels[j] = f.levels().size();
          continue;
        }
        double s = 0;
        for (int i = 0; i < t.rows(); i++) {
          s += t.value(i, j);
        }
        mean[j] = s / t.rows();
        double v = 0;
        for (int i = 0; i < t.rows(); i++) {
          double q = t.value(i, j) - mean[j];
          v += q * q;
        }
        sd[j] = Math.sqrt(v / t.rows());
        if (sd[j] == 0) {
          sd[j] = 1;
        }
      }
      return new Encoder(mean, sd, levels);
    }

    int width() {
      return width;
    }

    float[] transform(Dataset data) {
      float[] out = new float[data.rows() * width];
      for (int i = 0; i < data.rows(); i++) {
        int at = i * width;
        for (int j = 0; j < levels.length; j++) {
          float v = data.value(i, j);
          if (levels[j] == 0) {
            out[at++] = (float) ((v - mean[j]) / sd[j]);
          } else {
            int code = (int) v;
            if (code >= 0 && code < levels[j]) {
              out[at + code] = 1f;
            }
            at += levels[j];
          }
        }
      }
      return out;
    }
  }
}
