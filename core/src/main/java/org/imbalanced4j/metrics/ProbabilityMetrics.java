package org.imbalanced4j.metrics;

import java.util.Arrays;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.numeric.PairwiseSum;

/**
 * Metrics of class probabilities for several classes, as scikit-learn 1.2 defines them:
 * one-vs-rest and one-vs-one ROC AUC (Hand and Till, "A simple generalisation of the area under
 * the ROC curve for multiple class classification problems", Machine Learning 45, 171-186, 2001)
 * with macro or prevalence-weighted averages, and log loss.
 *
 * <p>{@code proba[i][c]} is row i's probability of class c, one column per class in {@code
 * y_true}, in code order; {@code y} holds the codes {@code 0..k-1}.
 */
public final class ProbabilityMetrics {
  private ProbabilityMetrics() {}

  /** One-vs-rest ROC AUC averaged {@code macro} or {@code weighted} (by class support). */
  public static double rocAucOvr(int[] y, double[][] proba, Average average) {
    int k = check(y, proba);
    double[] auc = new double[k];
    double[] w = new double[k];
    for (int c = 0; c < k; c++) {
      boolean[] pos = new boolean[y.length];
      double[] s = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        pos[i] = y[i] == c;
        s[i] = proba[i][c];
        w[c] += pos[i] ? 1 : 0;
      }
      auc[c] = ScoreMetrics.rocAuc(pos, s);
    }
    return LabelMetrics.mean(auc, weights(average, w));
  }

  /**
   * One-vs-one ROC AUC: for each pair of classes, the mean of the two AUCs on the pair's rows;
   * averaged {@code macro} or {@code weighted} by the pair's share of the rows.
   */
  public static double rocAucOvo(int[] y, double[][] proba, Average average) {
    int k = check(y, proba);
    int pairs = k * (k - 1) / 2;
    double[] score = new double[pairs];
    double[] prevalence = new double[pairs];
    int ix = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        int m = 0;
        for (int v : y) {
          m += v == a || v == b ? 1 : 0;
        }
        boolean[] aTrue = new boolean[m];
        boolean[] bTrue = new boolean[m];
        double[] sa = new double[m];
        double[] sb = new double[m];
        int at = 0;
        for (int i = 0; i < y.length; i++) {
          if (y[i] == a || y[i] == b) {
            aTrue[at] = y[i] == a;
            bTrue[at] = y[i] == b;
            sa[at] = proba[i][a];
            sb[at] = proba[i][b];
            at++;
          }
        }
        score[ix] = (ScoreMetrics.rocAuc(aTrue, sa) + ScoreMetrics.rocAuc(bTrue, sb)) / 2;
        prevalence[ix] = (double) m / y.length;
        ix++;
      }
    }
    return LabelMetrics.mean(score, weights(average, prevalence));
  }

  /**
   * Log loss {@code -mean(log p_i)}, {@code p_i} the probability of row i's class after clipping
   * to {@code [eps, 1 - eps]} (eps = 2^-52) and renormalising the row.
   */
  public static double logLoss(int[] y, double[][] proba) {
    Checks.sameLength(y.length, proba.length);
    double eps = Math.ulp(1.0);
    double[] loss = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      double[] row = proba[i];
      double[] clipped = new double[row.length];
      for (int c = 0; c < row.length; c++) {
        if (!Double.isFinite(row[c])) {
          throw new DataException("probability of row " + i + " is " + row[c]);
        }
        clipped[c] = Math.min(Math.max(row[c], eps), 1 - eps);
      }
      double sum = PairwiseSum.sum(clipped);
      loss[i] = -Math.log(clipped[y[i]] / sum);
    }
    return PairwiseSum.sum(loss) / loss.length;
  }

  private static double[] weights(Average average, double[] w) {
    return switch (average) {
      case MACRO -> null;
      case WEIGHTED -> w;
      default -> throw new InvalidOptionException("multi-class ROC AUC averages are macro and weighted, got "
          + average.key());
    };
  }

  /** The number of classes, after checking shape and that rows are probabilities. */
  private static int check(int[] y, double[][] proba) {
    Checks.sameLength(y.length, proba.length);
    int k = proba.length == 0 ? 0 : proba[0].length;
    int present = (int) Arrays.stream(y).distinct().count();
    if (present != k) {
      throw new DataException("y_true has " + present + " classes but there are " + k
          + " probability columns; give one column per class");
    }
    for (int i = 0; i < proba.length; i++) {
      if (proba[i].length != k) {
        throw new DataException("row " + i + " has " + proba[i].length + " probabilities, expected " + k);
      }
      double s = 0;
      for (double v : proba[i]) {
        if (!Double.isFinite(v)) {
          throw new DataException("probability of row " + i + " is " + v + "; probabilities must be finite");
        }
        s += v;
      }
      if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s))) {
        throw new DataException("the probabilities of row " + i + " sum to " + s
            + ", not 1; multi-class ROC AUC needs probabilities");
      }
    }
    return k;
  }
}
