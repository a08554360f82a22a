package org.imbalanced4j.metrics;

import java.util.Arrays;
import org.imbalanced4j.DataException;
import org.imbalanced4j.numeric.PairwiseSum;

/**
 * Metrics of scores for a binary problem, as scikit-learn 1.2 defines them: ROC curve and its
 * area (with partial AUC and McClish's correction), precision-recall curve, average precision
 * (the step-wise area, scikit-learn's definition) and, named apart since people confuse them, the
 * trapezoidal area under the precision-recall curve; log loss and Brier score.
 *
 * <p>{@code positive[i]} says whether row i belongs to the positive class.
 */
public final class ScoreMetrics {
  private ScoreMetrics() {}

  /**
   * {@code _binary_clf_curve}: false and true positives at each distinct threshold, descending.
   * The scores of each class are sorted apart (primitive sorts on all cores) and merged from the
   * top; rows with equal scores fall under one threshold, so their order never matters.
   */
  static double[][] clfCurve(boolean[] positive, double[] score) {
    Checks.sameLength(positive.length, score.length);
    Checks.finite(score);
    int n = score.length;
    if (n == 0) {
      throw new DataException("no scores to evaluate");
    }
    int np = 0;
    for (boolean b : positive) {
      np += b ? 1 : 0;
    }
    double[] ps = new double[np];
    double[] ns = new double[n - np];
    int a = 0;
    int b = 0;
    for (int i = 0; i < n; i++) {
      if (positive[i]) {
        ps[a++] = score[i];
      } else {
        ns[b++] = score[i];
      }
    }
    Arrays.parallelSort(ps);
    Arrays.parallelSort(ns);
    double[] fps = new double[n];
    double[] tps = new double[n];
    double[] thr = new double[n];
    int m = 0;
    int i = ps.length - 1;
    int j = ns.length - 1;
    double tp = 0;
    double fp = 0;
    while (i >= 0 || j >= 0) {
      double t = Math.max(i >= 0 ? ps[i] : Double.NEGATIVE_INFINITY, j >= 0 ? ns[j] : Double.NEGATIVE_INFINITY);
      while (i >= 0 && ps[i] == t) {
        tp++;
        i--;
      }
      while (j >= 0 && ns[j] == t) {
        fp++;
        j--;
      }
      tps[m] = tp;
      fps[m] = fp;
      thr[m] = t;
      m++;
    }
    return new double[][] {Arrays.copyOf(fps, m), Arrays.copyOf(tps, m), Arrays.copyOf(thr, m)};
  }

  /**
   * True and false positives when predicting positive for {@code score >= thresholds[i]}, at
   * every distinct score, highest first.
   */
  public record Counts(double[] thresholds, double[] tp, double[] fp) {}

  /** True and false positives at every distinct score, as scikit-learn's {@code _binary_clf_curve}. */
  public static Counts counts(boolean[] positive, double[] score) {
    double[][] c = clfCurve(positive, score);
    return new Counts(c[2], c[1], c[0]);
  }

  /** {@code roc_curve(drop_intermediate=True)}: x = false positive rate, y = true positive rate. */
  public static Curve roc(boolean[] positive, double[] score) {
    double[][] c = clfCurve(positive, score);
    double[] fps = c[0];
    double[] tps = c[1];
    double[] thr = c[2];
    if (fps.length > 2) {
      int[] keep = new int[fps.length];
      int m = 0;
      for (int i = 0; i < fps.length; i++) {
        boolean corner = i == 0 || i == fps.length - 1
            || (fps[i + 1] - 2 * fps[i] + fps[i - 1]) != 0 || (tps[i + 1] - 2 * tps[i] + tps[i - 1]) != 0;
        if (corner) {
          keep[m++] = i;
        }
      }
      double[] f = new double[m];
      double[] t = new double[m];
      double[] h = new double[m];
      for (int i = 0; i < m; i++) {
        f[i] = fps[keep[i]];
        t[i] = tps[keep[i]];
        h[i] = thr[keep[i]];
      }
      fps = f;
      tps = t;
      thr = h;
    }
    int m = fps.length + 1;
    double[] fpr = new double[m];
    double[] tpr = new double[m];
    double[] th = new double[m];
    th[0] = thr[0] + 1;
    double fn = fps[fps.length - 1];
    double tn = tps[tps.length - 1];
    for (int i = 1; i < m; i++) {
      fpr[i] = fn <= 0 ? Double.NaN : fps[i - 1] / fn;
      tpr[i] = tn <= 0 ? Double.NaN : tps[i - 1] / tn;
      th[i] = thr[i - 1];
    }
    fpr[0] = fn <= 0 ? Double.NaN : 0;
    tpr[0] = tn <= 0 ? Double.NaN : 0;
    return new Curve(fpr, tpr, th);
  }

  /** Area under the ROC curve ({@code roc_auc_score}); an error when y_true has one class. */
  public static double rocAuc(boolean[] positive, double[] score) {
    requireBothClasses(positive);
    Curve c = roc(positive, score);
    return trapezoid(c.x(), c.y());
  }

  /**
   * Standardised partial AUC up to {@code maxFpr} with McClish's correction: {@code 0.5 (1 +
   * (A - a_min) / (a_max - a_min))}, {@code a_min = maxFpr^2 / 2}, {@code a_max = maxFpr}.
   */
  public static double rocAuc(boolean[] positive, double[] score, double maxFpr) {
    if (maxFpr == 1) {
      return rocAuc(positive, score);
    }
    if (!(maxFpr > 0 && maxFpr <= 1)) {
      throw new org.imbalanced4j.InvalidOptionException("max_fpr must be in (0, 1], got " + maxFpr);
    }
    requireBothClasses(positive);
    Curve c = roc(positive, score);
    double[] fpr = c.x();
    double[] tpr = c.y();
    int stop = 0;
    while (stop < fpr.length && fpr[stop] <= maxFpr) {
      stop++;
    }
    double x0 = fpr[stop - 1];
    double x1 = fpr[stop];
    double y0 = tpr[stop - 1];
    double y1 = tpr[stop];
    double slope = (y1 - y0) / (x1 - x0);
    double yi = slope * (maxFpr - x0) + y0;
    double[] x = Arrays.copyOf(fpr, stop + 1);
    double[] y = Arrays.copyOf(tpr, stop + 1);
    x[stop] = maxFpr;
    y[stop] = yi;
    double partial = trapezoid(x, y);
    double minArea = 0.5 * maxFpr * maxFpr;
    return 0.5 * (1 + (partial - minArea) / (maxFpr - minArea));
  }

  /**
   * {@code precision_recall_curve}: x = recall, y = precision, from high threshold to low, ending
   * at (recall 0, precision 1).
   */
  public static Curve precisionRecall(boolean[] positive, double[] score) {
    double[][] c = clfCurve(positive, score);
    double[] fps = c[0];
    double[] tps = c[1];
    int m = fps.length;
    double[] precision = new double[m + 1];
    double[] recall = new double[m + 1];
    double[] th = new double[m];
    double last = tps[m - 1];
    for (int i = 0; i < m; i++) {
      int r = m - 1 - i;
      double ps = tps[r] + fps[r];
      precision[i] = ps != 0 ? tps[r] / ps : 0;
      recall[i] = last == 0 ? 1 : tps[r] / last;
      th[i] = c[2][r];
    }
    precision[m] = 1;
    recall[m] = 0;
    return new Curve(recall, precision, th);
  }

  /** Average precision {@code sum_n (R_n - R_{n-1}) P_n} ({@code average_precision_score}). */
  public static double averagePrecision(boolean[] positive, double[] score) {
    Curve c = precisionRecall(positive, score);
    double[] r = c.x();
    double[] p = c.y();
    double[] terms = new double[r.length - 1];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = (r[i + 1] - r[i]) * p[i];
    }
    return -PairwiseSum.sum(terms);
  }

  /** Trapezoidal area under the precision-recall curve ({@code auc(recall, precision)}). */
  public static double prAucTrapezoid(boolean[] positive, double[] score) {
    Curve c = precisionRecall(positive, score);
    return trapezoid(c.x(), c.y());
  }

  /** {@code auc(x, y)}: trapezoidal area; x must be monotonic. */
  public static double trapezoid(double[] x, double[] y) {
    if (x.length < 2) {
      throw new DataException("at least 2 points are needed to compute an area under a curve, got " + x.length);
    }
    boolean anyNeg = false;
    boolean allNonPos = true;
    for (int i = 1; i < x.length; i++) {
      double dx = x[i] - x[i - 1];
      anyNeg |= dx < 0;
      allNonPos &= dx <= 0;
    }
    double direction = 1;
    if (anyNeg) {
      if (!allNonPos) {
        throw new DataException("x is neither increasing nor decreasing");
      }
      direction = -1;
    }
    double[] t = new double[x.length - 1];
    for (int i = 0; i < t.length; i++) {
      t[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
    }
    return direction * PairwiseSum.sum(t);
  }

  /** Mean squared difference between the probability of the positive class and the outcome. */
  public static double brier(boolean[] positive, double[] probability) {
    Checks.sameLength(positive.length, probability.length);
    double[] t = new double[positive.length];
    for (int i = 0; i < t.length; i++) {
      if (probability[i] < 0 || probability[i] > 1 || Double.isNaN(probability[i])) {
        throw new DataException("probability " + i + " is " + probability[i] + "; it must be in [0, 1]");
      }
      double d = (positive[i] ? 1 : 0) - probability[i];
      t[i] = d * d;
    }
    return PairwiseSum.sum(t) / t.length;
  }

  /**
   * Reliability curve ({@code calibration_curve(strategy="uniform")}): probabilities cut into
   * {@code bins} equal-width bins; for each non-empty bin, x = mean predicted probability, y =
   * share of positives. Thresholds hold the bins' upper edges.
   */
  public static Curve calibration(boolean[] positive, double[] probability, int bins) {
    Checks.sameLength(positive.length, probability.length);
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = (double) i / bins;
    }
    double[] sumP = new double[bins];
    double[] sumT = new double[bins];
    double[] count = new double[bins];
    for (int i = 0; i < probability.length; i++) {
      double p = probability[i];
      if (!(p >= 0 && p <= 1)) {
        throw new DataException("probability " + i + " is " + p + "; it must be in [0, 1]");
      }
      int b = 0; // np.searchsorted(edges[1:-1], p, side="left")
      while (b < bins - 1 && edges[b + 1] < p) {
        b++;
      }
      sumP[b] += p;
      sumT[b] += positive[i] ? 1 : 0;
      count[b]++;
    }
    int m = 0;
    for (double c : count) {
      m += c > 0 ? 1 : 0;
    }
    double[] x = new double[m];
    double[] y = new double[m];
    double[] e = new double[m];
    int at = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        x[at] = sumP[b] / count[b];
        y[at] = sumT[b] / count[b];
        e[at++] = edges[b + 1];
      }
    }
    return new Curve(x, y, e);
  }

  private static void requireBothClasses(boolean[] positive) {
    boolean pos = false;
    boolean neg = false;
    for (boolean p : positive) {
      pos |= p;
      neg |= !p;
    }
    if (!pos || !neg) {
      throw new DataException("only one class is present in y_true; ROC AUC is not defined then");
    }
  }
}
