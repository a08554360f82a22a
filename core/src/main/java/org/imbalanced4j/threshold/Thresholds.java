package org.imbalanced4j.threshold;

import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.metrics.ScoreMetrics;

/**
 * Decision thresholds chosen on scores (predict positive when {@code score >= t}). The candidates
 * are the distinct scores and {@code +Infinity} (predict none); ties between candidates go to the
 * higher threshold. Every threshold in {@code (s_next, s_best]}, down to the next lower distinct
 * score, gives the same counts on these rows; the one returned is the middle of that interval, as
 * CART places a split between two adjacent values, so that a new row scored just below the
 * lowest chosen validation row is not decided by that row alone (with 3 rare validation rows the
 * edge sits on one of them). The lowest score, and {@code +Infinity}, are returned as they are.
 * Choose on validation data, never on the rows you report.
 *
 * <ul>
 *   <li>F-beta: {@code (1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP)};
 *   <li>Youden's J: {@code TPR - FPR} (Youden, "Index for rating diagnostic tests", Cancer 3(1),
 *       1950);
 *   <li>G-mean: {@code sqrt(TPR (1 - FPR))};
 *   <li>macro F1: the mean of the F1 of the positive class and of the negative class;
 *   <li>Matthews correlation: {@code (TP TN - FP FN) / sqrt((TP + FP)(TP + FN)(TN + FP)(TN + FN))}
 *       (0 when a factor is 0, as scikit-learn);
 *   <li>expected cost: {@code (c_fn FN + c_fp FP + c_tp TP + c_tn TN) / n} under a 2x2 cost
 *       matrix {@code cost[true][predicted]}, minimised.
 * </ul>
 *
 * <pre>{@code
 * ThresholdChoice t = Thresholds.maximizeFbeta(isPositive, scores, 1.0);
 * int[] predicted = Thresholds.apply(scores, t.threshold());
 * }</pre>
 */
public final class Thresholds {
  private Thresholds() {}

  /** A criterion of the counts at one threshold. */
  private interface Objective {
    double value(double tp, double fp, double p, double n);
  }

  /** The threshold that maximises the positive class's F-beta. */
  public static ThresholdChoice maximizeFbeta(boolean[] positive, double[] score, double beta) {
    double b2 = beta * beta;
    return best(positive, score, (tp, fp, p, n) -> {
      double den = (1 + b2) * tp + b2 * (p - tp) + fp;
      return den == 0 ? 0 : (1 + b2) * tp / den;
    }, true, beta == 1 ? "f1" : "f" + beta);
  }

  /** The threshold that maximises Youden's J, {@code TPR - FPR}. */
  public static ThresholdChoice maximizeYoudenJ(boolean[] positive, double[] score) {
    return best(positive, score, (tp, fp, p, n) -> rate(tp, p) - rate(fp, n), true, "youden_j");
  }

  /** The threshold that maximises the G-mean, {@code sqrt(TPR * TNR)}. */
  public static ThresholdChoice maximizeGmean(boolean[] positive, double[] score) {
    return best(positive, score, (tp, fp, p, n) -> Math.sqrt(rate(tp, p) * (1 - rate(fp, n))), true, "g_mean");
  }

  /** The threshold that maximises F1 averaged over both classes. */
  public static ThresholdChoice maximizeMacroF1(boolean[] positive, double[] score) {
    return best(positive, score, (tp, fp, p, n) -> {
      double fn = p - tp;
      double tn = n - fp;
      double f1p = 2 * tp + fp + fn == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
      double f1n = 2 * tn + fn + fp == 0 ? 0 : 2 * tn / (2 * tn + fn + fp);
      return (f1p + f1n) / 2;
    }, true, "f1_macro");
  }

  /** The threshold that maximises the Matthews correlation coefficient. */
  public static ThresholdChoice maximizeMcc(boolean[] positive, double[] score) {
    return best(positive, score, (tp, fp, p, n) -> {
      double fn = p - tp;
      double tn = n - fp;
      double den = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
      return den == 0 ? 0 : (tp * tn - fp * fn) / den;
    }, true, "matthews_corrcoef");
  }

  /** Minimises the expected cost; {@code cost[t][p]} for true class t, predicted p (0 negative, 1 positive). */
  public static ThresholdChoice minimizeCost(boolean[] positive, double[] score, double[][] cost) {
    if (cost.length != 2 || cost[0].length != 2 || cost[1].length != 2) {
      throw new InvalidOptionException("a binary cost matrix is 2x2: [[c_tn, c_fp], [c_fn, c_tp]]");
    }
    return best(positive, score, (tp, fp, p, n) -> {
      double fn = p - tp;
      double tn = n - fp;
      return (cost[0][0] * tn + cost[0][1] * fp + cost[1][0] * fn + cost[1][1] * tp) / (p + n);
    }, false, "expected_cost");
  }

  /** 1 where {@code score >= threshold}, else 0. */
  public static int[] apply(double[] score, double threshold) {
    int[] out = new int[score.length];
    for (int i = 0; i < score.length; i++) {
      out[i] = score[i] >= threshold ? 1 : 0;
    }
    return out;
  }

  /** Multi-class decision with per-class offsets: {@code argmax_c(proba[c] + offset[c])}, first on ties. */
  public static int[] applyOffsets(double[][] proba, double[] offsets) {
    int[] out = new int[proba.length];
    for (int i = 0; i < proba.length; i++) {
      int best = 0;
      for (int c = 1; c < proba[i].length; c++) {
        if (proba[i][c] + offsets[c] > proba[i][best] + offsets[best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  private static double rate(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  private static ThresholdChoice best(boolean[] positive, double[] score, Objective f,
      boolean maximize, String name) {
    ScoreMetrics.Counts c = ScoreMetrics.counts(positive, score);
    double p = 0;
    for (boolean b : positive) {
      p += b ? 1 : 0;
    }
    double n = positive.length - p;
    double[] t = c.thresholds();
    int bestI = -1;
    double bestV = f.value(0, 0, p, n);
    for (int i = 0; i < t.length; i++) {
      double v = f.value(c.tp()[i], c.fp()[i], p, n);
      if (maximize ? v > bestV : v < bestV) {
        bestV = v;
        bestI = i;
      }
    }
    return new ThresholdChoice(bestI < 0 ? Double.POSITIVE_INFINITY : middle(t, bestI), bestV, name);
  }

  /** The middle of {@code (t[i + 1], t[i]]} (thresholds descending), or {@code t[i]} at the lowest score. */
  private static double middle(double[] t, int i) {
    if (i + 1 >= t.length) {
      return t[i];
    }
    double m = t[i] / 2 + t[i + 1] / 2;
    return m > t[i + 1] && m <= t[i] ? m : t[i];
  }
}
