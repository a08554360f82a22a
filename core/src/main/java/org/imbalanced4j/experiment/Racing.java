package org.imbalanced4j.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Racing: after each fold, the Friedman test on the candidates' ranks over the folds so far; when
 * it rejects equal performance (p below alpha), every candidate whose mean rank trails the best by
 * more than the Nemenyi critical difference {@code q_a sqrt(k (k + 1) / (6 N))} is dropped.
 *
 * <p>References: M. Friedman, "The use of ranks to avoid the assumption of normality implicit in
 * the analysis of variance", JASA 32(200), 1937; J. Demšar, "Statistical comparisons of
 * classifiers over multiple data sets", JMLR 7, 1-30, 2006; M. Birattari, T. Stützle, L. Paquete
 * and K. Varrentrapp, "A racing algorithm for configuring metaheuristics", GECCO 2002; the
 * balancing-method race of R's {@code unbalanced::ubRacing}.
 */
public final class Racing {
  /** Nemenyi q_0.05 / sqrt(2) for k = 2..20 candidates (Demšar 2006, Table 5, extended). */
  private static final double[] Q05 = {0, 0, 1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102,
      3.164, 3.219, 3.268, 3.313, 3.354, 3.391, 3.426, 3.458, 3.489, 3.517, 3.544};

  private Racing() {}

  /** Mean rank of each candidate (1 = best, ties share ranks) over the rows of {@code scores[fold][candidate]}. */
  public static double[] meanRanks(double[][] scores) {
    int k = scores[0].length;
    double[] r = new double[k];
    for (double[] row : scores) {
      for (int a = 0; a < k; a++) {
        double better = 0;
        double equal = 0;
        for (int b = 0; b < k; b++) {
          if (row[b] > row[a]) {
            better++;
          } else if (row[b] == row[a]) {
            equal++;
          }
        }
        r[a] += better + (equal + 1) / 2.0;
      }
    }
    for (int a = 0; a < k; a++) {
      r[a] /= scores.length;
    }
    return r;
  }

  /** p-value of the Friedman chi-square statistic with k - 1 degrees of freedom. */
  public static double friedmanP(double[][] scores) {
    int n = scores.length;
    int k = scores[0].length;
    double[] r = meanRanks(scores);
    double sum = 0;
    for (double v : r) {
      sum += v * v;
    }
    double chi2 = 12.0 * n / (k * (k + 1.0)) * (sum - k * (k + 1.0) * (k + 1.0) / 4.0);
    return 1 - regularizedGammaP((k - 1) / 2.0, Math.max(0, chi2) / 2.0);
  }

  /**
   * The candidates (indices into the columns) that survive: all when the Friedman test does not
   * reject, otherwise those within the critical difference of the best mean rank.
   */
  public static List<Integer> survivors(double[][] scores, double alpha) {
    int k = scores[0].length;
    List<Integer> keep = new ArrayList<>();
    if (k < 2 || scores.length < 2 || friedmanP(scores) >= alpha) {
      for (int a = 0; a < k; a++) {
        keep.add(a);
      }
      return keep;
    }
    double[] r = meanRanks(scores);
    double best = Double.POSITIVE_INFINITY;
    for (double v : r) {
      best = Math.min(best, v);
    }
    double cd = criticalDifference(k, scores.length);
    for (int a = 0; a < k; a++) {
      if (r[a] - best <= cd) {
        keep.add(a);
      }
    }
    return keep;
  }

  /**
   * The Nemenyi critical difference of mean ranks at alpha = 0.05 for k candidates over n folds:
   * {@code q_0.05 sqrt(k (k + 1) / (6 n))} (q of 20 candidates for more).
   */
  public static double criticalDifference(int k, int n) {
    return Q05[Math.max(2, Math.min(k, Q05.length - 1))] * Math.sqrt(k * (k + 1.0) / (6.0 * n));
  }

  /** Regularized lower incomplete gamma P(a, x) (series, or continued fraction for large x). */
  static double regularizedGammaP(double a, double x) {
    if (x <= 0) {
      return 0;
    }
    double lg = logGamma(a);
    if (x < a + 1) {
      double sum = 1 / a;
      double del = sum;
      for (int n = 1; n < 500; n++) {
        del *= x / (a + n);
        sum += del;
        if (Math.abs(del) < Math.abs(sum) * 1e-15) {
          break;
        }
      }
      return sum * Math.exp(-x + a * Math.log(x) - lg);
    }
    double b = x + 1 - a;
    double c = 1 / 1e-300;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 500; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < 1e-300) {
        d = 1e-300;
      }
      c = b + an / c;
      if (Math.abs(c) < 1e-300) {
        c = 1e-300;
      }
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) {
        break;
      }
    }
    return 1 - Math.exp(-x + a * Math.log(x) - lg) * h;
  }

  /** Lanczos approximation of log Gamma. */
  static double logGamma(double x) {
    double[] c = {76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155,
        0.1208650973866179e-2, -0.5395239384953e-5};
    double y = x;
    double tmp = x + 5.5;
    tmp -= (x + 0.5) * Math.log(tmp);
    double ser = 1.000000000190015;
    for (double v : c) {
      ser += v / ++y;
    }
    return -tmp + Math.log(2.5066282746310005 * ser / x);
  }
}
