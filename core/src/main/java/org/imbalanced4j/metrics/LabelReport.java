package org.imbalanced4j.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every metric of predicted classes that {@code imb evaluate} reports, from a confusion matrix
 * alone, so that data too large for memory (counted on Spark) and data in memory get the same
 * numbers from the same code: accuracy, balanced accuracy, Matthews' and Cohen's coefficients,
 * precision, recall, F1 and the geometric mean under each average (binary when there is a
 * positive class and at most two classes), the confusion matrix and imbalanced-learn's {@code
 * classification_report_imbalanced}.
 */
public final class LabelReport {
  private LabelReport() {}

  /**
   * The metrics by scikit-learn's and imbalanced-learn's names, in the order {@code imb evaluate}
   * prints them.
   *
   * @param pos the positive class code, or -1 for none
   * @param names the class names by code
   */
  public static Map<String, Object> of(ConfusionMatrix cm, int pos, List<String> names) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy_score", LabelMetrics.accuracy(cm));
    out.put("balanced_accuracy_score", LabelMetrics.balancedAccuracy(cm, false));
    out.put("matthews_corrcoef", LabelMetrics.matthews(cm));
    out.put("cohen_kappa_score", LabelMetrics.cohenKappa(cm));
    List<Average> avgs = new ArrayList<>(List.of(Average.MICRO, Average.MACRO, Average.WEIGHTED));
    if (pos >= 0 && cm.labels().length <= 2) {
      avgs.add(0, Average.BINARY);
    }
    Map<String, Double> prec = new LinkedHashMap<>();
    Map<String, Double> rec = new LinkedHashMap<>();
    Map<String, Double> f1 = new LinkedHashMap<>();
    Map<String, Double> gm = new LinkedHashMap<>();
    int p = Math.max(pos, 0);
    gm.put("multiclass", LabelMetrics.geometricMean(cm, null, p, 0.0));
    for (Average a : avgs) {
      double[] prf = LabelMetrics.precisionRecallFscore(cm, 1.0, a, p, 0.0);
      prec.put(a.key(), prf[0]);
      rec.put(a.key(), prf[1]);
      f1.put(a.key(), prf[2]);
      gm.put(a.key(), LabelMetrics.geometricMean(cm, a, p, 0.0));
    }
    out.put("precision_score", prec);
    out.put("recall_score", rec);
    out.put("f1_score", f1);
    out.put("geometric_mean_score", gm);
    out.put("confusion_matrix", cm.toArray());
    LabelMetrics.PerClass pc = LabelMetrics.perClass(cm, 1.0, 0.0);
    double[] iba = LabelMetrics.indexBalancedAccuracy(pc, 0.1);
    Map<String, Object> report = new LinkedHashMap<>();
    for (int i = 0; i < pc.labels().length; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("pre", pc.precision()[i]);
      r.put("rec", pc.recall()[i]);
      r.put("spe", pc.specificity()[i]);
      r.put("f1", pc.fscore()[i]);
      r.put("geo", Math.sqrt(pc.recall()[i] * pc.specificity()[i]));
      r.put("iba", iba[i]);
      r.put("sup", pc.support()[i]);
      report.put(names.get(pc.labels()[i]), r);
    }
    report.putAll(LabelMetrics.reportAverages(pc, 0.1));
    out.put("classification_report_imbalanced", report);
    return out;
  }
}
