package org.imbalanced4j.model;

/**
 * Temperature scaling: the single {@code T > 0} that minimises the validation log loss of {@code
 * softmax(z / T)}, found by golden-section search on {@code log T} in [-4, 4]. It changes the
 * confidence, never the argmax.
 *
 * <p>Reference: C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger, "On calibration of modern neural
 * networks", ICML 2017.
 */
public final class Calibration {
  private Calibration() {}

  /** The temperature {@code T} minimising the log loss of {@code softmax(z / T)} on the rows (Guo et al. 2017). */
  public static double fitTemperature(double[][] logits, int[] y) {
    double lo = -4;
    double hi = 4;
    double g = (Math.sqrt(5) - 1) / 2;
    double a = hi - g * (hi - lo);
    double b = lo + g * (hi - lo);
    double fa = nll(logits, y, Math.exp(a));
    double fb = nll(logits, y, Math.exp(b));
    for (int i = 0; i < 80; i++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - g * (hi - lo);
        fa = nll(logits, y, Math.exp(a));
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + g * (hi - lo);
        fb = nll(logits, y, Math.exp(b));
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  /** Mean negative log-likelihood of {@code softmax(z / t)}. */
  static double nll(double[][] z, int[] y, double t) {
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z[i]) {
        max = Math.max(max, v / t);
      }
      double sum = 0;
      for (double v : z[i]) {
        sum += Math.exp(v / t - max);
      }
      s += -(z[i][y[i]] / t - max - Math.log(sum));
    }
    return s / z.length;
  }

  /** {@code softmax(z / t)} row by row. */
  public static double[][] softmax(double[][] z, double t) {
    double[][] out = new double[z.length][];
    for (int i = 0; i < z.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z[i]) {
        max = Math.max(max, v / t);
      }
      double sum = 0;
      double[] r = new double[z[i].length];
      for (int c = 0; c < r.length; c++) {
        r[c] = Math.exp(z[i][c] / t - max);
        sum += r[c];
      }
      for (int c = 0; c < r.length; c++) {
        r[c] /= sum;
      }
      out[i] = r;
    }
    return out;
  }
}
