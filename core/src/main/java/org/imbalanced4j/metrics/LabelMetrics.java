package org.imbalanced4j.metrics;

import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.numeric.PairwiseSum;

/**
 * Metrics of predicted labels, defined as scikit-learn 1.2 and imbalanced-learn 0.10 define them
 * (and computed in the same order of operations, so that they agree to the last bits). Labels are
 * class codes {@code 0..classes-1}; the per-class results cover the codes that occur in either
 * vector ({@code unique_labels}), ascending. {@code zeroDivision} is the value of a ratio whose
 * denominator is 0: 0 (scikit-learn's {@code "warn"} and {@code 0}) or 1.
 */
public final class LabelMetrics {
  private LabelMetrics() {}

  /**
   * Per-class precision {@code tp / (tp + fp)}, recall {@code tp / (tp + fn)}, F-beta {@code (1 +
   * b^2) p r / (b^2 p + r)} and support, over the labels present.
   */
  public record PerClass(int[] labels, double[] precision, double[] recall, double[] fscore,
      double[] specificity, long[] support, long[] predicted) {}

  /** {@code precision_recall_fscore_support(average=None)} plus specificity. */
  public static PerClass perClass(int[] yTrue, int[] yPred, int classes, double beta, double zeroDivision) {
    return perClass(ConfusionMatrix.of(yTrue, yPred, classes), beta, zeroDivision);
  }

  /** As {@link #perClass(int[], int[], int, double, double)}, from the confusion matrix. */
  public static PerClass perClass(ConfusionMatrix cm, double beta, double zeroDivision) {
    return perClass(cm, cm.labels(), beta, zeroDivision);
  }

  static PerClass perClass(ConfusionMatrix cm, int[] labels, double beta, double zeroDivision) {
    int m = labels.length;
    double[] tp = new double[m];
    double[] pred = new double[m];
    double[] tru = new double[m];
    long[] support = new long[m];
    long[] predicted = new long[m];
    double n = cm.total();
    for (int i = 0; i < m; i++) {
      tp[i] = cm.tp(labels[i]);
      pred[i] = predicted[i] = cm.predictedCount(labels[i]);
      tru[i] = support[i] = cm.trueCount(labels[i]);
    }
    double[] p = divide(tp, pred, zeroDivision);
    double[] r = divide(tp, tru, zeroDivision);
    double[] tn = new double[m];
    double[] negDen = new double[m];
    for (int i = 0; i < m; i++) {
      tn[i] = n - (pred[i] + tru[i] - tp[i]);
      negDen[i] = tn[i] + pred[i] - tp[i];
    }
    double[] spec = divide(tn, negDen, 0.0);
    return new PerClass(labels, p, r, fbeta(p, r, beta), spec, support, predicted);
  }

  /** {@code _prf_divide}: num / den, and {@code zeroDivision} where den is 0. */
  static double[] divide(double[] num, double[] den, double zeroDivision) {
    double[] out = new double[num.length];
    for (int i = 0; i < num.length; i++) {
      out[i] = den[i] == 0.0 ? zeroDivision : num[i] / den[i];
    }
    return out;
  }

  static double[] fbeta(double[] p, double[] r, double beta) {
    double b2 = beta * beta;
    double[] f = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      if (Double.isInfinite(beta)) {
        f[i] = r[i];
        continue;
      }
      double denom = b2 * p[i] + r[i];
      if (denom == 0.0) {
        denom = 1;
      }
      f[i] = (1 + b2) * p[i] * r[i] / denom;
    }
    return f;
  }

  /** Averaged precision, recall and F-beta: {@code {p, r, f}} as scikit-learn returns them. */
  public static double[] precisionRecallFscore(int[] yTrue, int[] yPred, int classes, double beta,
      Average average, int posLabel, double zeroDivision) {
    return precisionRecallFscore(ConfusionMatrix.of(yTrue, yPred, classes), beta, average, posLabel, zeroDivision);
  }

  /** As {@link #precisionRecallFscore(int[], int[], int, double, Average, int, double)}, from the matrix. */
  public static double[] precisionRecallFscore(ConfusionMatrix cm, double beta, Average average, int posLabel,
      double zeroDivision) {
    int[] labels = labelsFor(cm, average, posLabel);
    if (labels.length == 0) {
      return new double[] {0, 0, 0};
    }
    if (average == Average.MICRO) {
      double tp = 0;
      double pred = 0;
      double tru = 0;
      for (int l : labels) {
        tp += cm.tp(l);
        pred += cm.predictedCount(l);
        tru += cm.trueCount(l);
      }
      double[] p = divide(new double[] {tp}, new double[] {pred}, zeroDivision);
      double[] r = divide(new double[] {tp}, new double[] {tru}, zeroDivision);
      return new double[] {p[0], r[0], fbeta(p, r, beta)[0]};
    }
    PerClass pc = perClass(cm, labels, beta, zeroDivision);
    double[] w = null;
    if (average == Average.WEIGHTED) {
      w = new double[labels.length];
      double ws = 0;
      double ps = 0;
      for (int i = 0; i < labels.length; i++) {
        w[i] = pc.support()[i];
        ws += w[i];
        ps += pc.predicted()[i];
      }
      if (ws == 0) {
        return ps == 0 ? new double[] {zeroDivision, zeroDivision, zeroDivision}
            : new double[] {0.0, zeroDivision, 0.0};
      }
    }
    return new double[] {mean(pc.precision(), w), mean(pc.recall(), w), mean(pc.fscore(), w)};
  }

  /** Labels of an average: the positive class for binary, else all present. */
  static int[] labelsFor(ConfusionMatrix cm, Average average, int posLabel) {
    int[] present = cm.labels();
    if (average != Average.BINARY) {
      return present;
    }
    if (present.length > 2) {
      throw new InvalidOptionException("the target is multiclass (" + present.length
          + " classes) but average='binary'; choose micro, macro or weighted");
    }
    for (int l : present) {
      if (l == posLabel) {
        return new int[] {posLabel};
      }
    }
    if (present.length < 2) {
      return new int[0];
    }
    throw new InvalidOptionException("the positive label is not one of the labels present");
  }

  /** {@code np.average(a, weights=w)} (plain mean without weights), NumPy's summation order. */
  static double mean(double[] a, double[] w) {
    if (w == null) {
      return PairwiseSum.sum(a) / a.length;
    }
    double[] aw = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      aw[i] = a[i] * w[i];
    }
    return PairwiseSum.sum(aw) / PairwiseSum.sum(w);
  }

  /** Share of rows whose prediction is right. */
  public static double accuracy(int[] yTrue, int[] yPred) {
    Checks.sameLength(yTrue.length, yPred.length);
    double[] hit = new double[yTrue.length];
    for (int i = 0; i < hit.length; i++) {
      hit[i] = yTrue[i] == yPred[i] ? 1 : 0;
    }
    return PairwiseSum.sum(hit) / hit.length;
  }

  /** As {@link #accuracy(int[], int[])}, from the confusion matrix: its trace over its total. */
  public static double accuracy(ConfusionMatrix cm) {
    long hit = 0;
    for (int j = 0; j < cm.classes(); j++) {
      hit += cm.tp(j);
    }
    return (double) hit / cm.total();
  }

  /**
   * Mean recall over the classes present in {@code y_true}; adjusted: {@code (score - 1/k) / (1 -
   * 1/k)}, so that chance scores 0 (Brodersen et al., ICPR 2010).
   */
  public static double balancedAccuracy(int[] yTrue, int[] yPred, int classes, boolean adjusted) {
    return balancedAccuracy(ConfusionMatrix.of(yTrue, yPred, classes), adjusted);
  }

  /** As {@link #balancedAccuracy(int[], int[], int, boolean)}, from the confusion matrix. */
  public static double balancedAccuracy(ConfusionMatrix cm, boolean adjusted) {
    int[] labels = cm.labels();
    double[] recall = new double[labels.length];
    int n = 0;
    for (int l : labels) {
      long t = cm.trueCount(l);
      if (t > 0) {
        recall[n++] = (double) cm.tp(l) / t;
      }
    }
    double score = PairwiseSum.sum(recall, 0, n) / n;
    if (adjusted) {
      double chance = 1.0 / n;
      score -= chance;
      score /= 1 - chance;
    }
    return score;
  }

  /**
   * Matthews correlation coefficient, multi-class (Gorodkin 2004): {@code (c s - t.p) /
   * sqrt((s^2 - p.p)(s^2 - t.t))} with {@code c} correct rows, {@code s} rows, {@code t} and
   * {@code p} the true and predicted class counts; 0 when undefined.
   */
  public static double matthews(int[] yTrue, int[] yPred, int classes) {
    return matthews(ConfusionMatrix.of(yTrue, yPred, classes));
  }

  /** As {@link #matthews(int[], int[], int)}, from the confusion matrix. */
  public static double matthews(ConfusionMatrix cm) {
    int classes = cm.classes();
    double correct = 0;
    double s = 0;
    double tp = 0;
    double pp = 0;
    double tt = 0;
    for (int j = 0; j < classes; j++) {
      double t = cm.trueCount(j);
      double p = cm.predictedCount(j);
      correct += cm.tp(j);
      s += p;
      tp += t * p;
      pp += p * p;
      tt += t * t;
    }
    double covYtYp = correct * s - tp;
    double covYpYp = s * s - pp;
    double covYtYt = s * s - tt;
    if (covYpYp * covYtYt == 0) {
      return 0.0;
    }
    return covYtYp / Math.sqrt(covYtYt * covYpYp);
  }

  /** Cohen's kappa: {@code 1 - sum(w o) / sum(w e)} with {@code w} 0 on the diagonal, 1 off it. */
  public static double cohenKappa(int[] yTrue, int[] yPred, int classes) {
    return cohenKappa(ConfusionMatrix.of(yTrue, yPred, classes));
  }

  /** As {@link #cohenKappa(int[], int[], int)}, from the confusion matrix. */
  public static double cohenKappa(ConfusionMatrix cm) {
    int[] labels = cm.labels();
    ConfusionMatrix c = cm.restrict(labels);
    int m = labels.length;
    double[] sum0 = new double[m];
    double[] sum1 = new double[m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        sum0[b] += c.get(a, b);
        sum1[a] += c.get(a, b);
      }
    }
    double total = PairwiseSum.sum(sum0);
    double[] wo = new double[m * m];
    double[] we = new double[m * m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        int w = a == b ? 0 : 1;
        wo[a * m + b] = w * (double) c.get(a, b);
        we[a * m + b] = w * (sum0[a] * sum1[b] / total);
      }
    }
    return 1 - PairwiseSum.sum(wo) / PairwiseSum.sum(we);
  }

  /**
   * imbalanced-learn's {@code geometric_mean_score}. Multi-class (average null): the geometric
   * mean of the per-class recalls, a recall of 0 replaced by {@code correction}; otherwise
   * {@code sqrt(sensitivity * specificity)} with that average.
   */
  public static double geometricMean(int[] yTrue, int[] yPred, int classes, Average average,
      int posLabel, double correction) {
    return geometricMean(ConfusionMatrix.of(yTrue, yPred, classes), average, posLabel, correction);
  }

  /** As {@link #geometricMean(int[], int[], int, Average, int, double)}, from the confusion matrix. */
  public static double geometricMean(ConfusionMatrix cm, Average average, int posLabel, double correction) {
    if (average == null) {
      int[] labels = cm.labels();
      double[] logs = new double[labels.length];
      for (int i = 0; i < labels.length; i++) {
        long t = cm.trueCount(labels[i]);
        double r = t == 0 ? 0.0 : (double) cm.tp(labels[i]) / t;
        if (r == 0) {
          r = correction;
        }
        logs[i] = Math.log(r);
      }
      double g = Math.exp(PairwiseSum.sum(logs) / logs.length);
      return Double.isNaN(g) ? 0.0 : g;
    }
    double[] ss = sensitivitySpecificity(cm, average, posLabel);
    return Math.sqrt(ss[0] * ss[1]);
  }

  /** imbalanced-learn's {@code sensitivity_specificity_support} averaged: {@code {sen, spe}}. */
  static double[] sensitivitySpecificity(ConfusionMatrix cm, Average average, int posLabel) {
    int[] labels = labelsFor(cm, average, posLabel);
    if (labels.length == 0) {
      return new double[] {0, 0};
    }
    PerClass pc = perClass(cm, labels, 1, 0.0);
    if (average == Average.MICRO) {
      double tp = 0;
      double tru = 0;
      double tn = 0;
      double fp = 0;
      double n = cm.total();
      for (int i = 0; i < labels.length; i++) {
        double t = pc.support()[i];
        double p = pc.predicted()[i];
        double tpi = cm.tp(labels[i]);
        tp += tpi;
        tru += t;
        tn += n - (p + t - tpi);
        fp += p - tpi;
      }
      return new double[] {tru == 0 ? 0 : tp / tru, tn + fp == 0 ? 0 : tn / (tn + fp)};
    }
    double[] w = null;
    if (average == Average.WEIGHTED) {
      w = new double[labels.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = pc.support()[i];
      }
      if (PairwiseSum.sum(w) == 0) {
        return new double[] {0, 0};
      }
    }
    return new double[] {mean(pc.recall(), w), mean(pc.specificity(), w)};
  }

  /**
   * The "avg / total" row of imbalanced-learn's {@code classification_report_imbalanced}: each
   * column averaged with the classes' support as weights, keys {@code avg_pre, avg_rec, avg_spe,
   * avg_f1, avg_geo, avg_iba, total_support}.
   */
  public static java.util.Map<String, Double> reportAverages(PerClass pc, double alpha) {
    int m = pc.labels().length;
    double[] w = new double[m];
    double[] geo = new double[m];
    for (int i = 0; i < m; i++) {
      w[i] = pc.support()[i];
      geo[i] = Math.sqrt(pc.recall()[i] * pc.specificity()[i]);
    }
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    out.put("avg_pre", mean(pc.precision(), w));
    out.put("avg_rec", mean(pc.recall(), w));
    out.put("avg_spe", mean(pc.specificity(), w));
    out.put("avg_f1", mean(pc.fscore(), w));
    out.put("avg_geo", mean(geo, w));
    out.put("avg_iba", mean(indexBalancedAccuracy(pc, alpha), w));
    out.put("total_support", PairwiseSum.sum(w));
    return out;
  }

  /**
   * Index balanced accuracy of the squared geometric mean (García, Mollineda and Sánchez, IbPRIA
   * 2009): {@code (1 + alpha (sensitivity - specificity)) * sensitivity * specificity}, per class.
   */
  public static double[] indexBalancedAccuracy(PerClass pc, double alpha) {
    double[] out = new double[pc.labels().length];
    for (int i = 0; i < out.length; i++) {
      double sen = pc.recall()[i];
      double spe = pc.specificity()[i];
      out[i] = (1 + alpha * (sen - spe)) * (Math.sqrt(sen * spe) * Math.sqrt(sen * spe));
    }
    return out;
  }
}
