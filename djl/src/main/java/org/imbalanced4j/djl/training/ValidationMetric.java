package org.imbalanced4j.djl.training;

import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.metrics.Average;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.metrics.ScoreMetrics;

/**
 * The minority-aware metric that early stopping and checkpoint selection follow. Higher is better
 * except for {@link #BALANCED_LOG_LOSS} ({@link #better}).
 */
public enum ValidationMetric {
  /**
   * The default, chosen from the validation rows when training starts ({@link #resolve}): {@link
   * #BALANCED_ACCURACY}, the metric {@code imb compare} ranks by, when every class has at least
   * {@link #AUTO_MIN_ROWS} validation rows to measure its recall with; otherwise {@link
   * #BALANCED_LOG_LOSS}, which does not jump when one of a rare class's few rows flips. Measured
   * with {@code scripts/bench/learners_reference.sh} (BENCHMARKS.md): on lending_club (66
   * validation rows of the rare class) a plain cross-entropy network's lowest balanced log loss
   * comes after a few epochs, when it still calls every row the majority (balanced accuracy 0.504
   * against 0.517 when stopped on balanced accuracy); on a 7-class table with 2 to 10 validation
   * rows of its rarest classes, stopping on balanced accuracy picks lucky epochs (0.792 against 0.82).
   */
  AUTO,
  /**
   * Class-balanced log loss, lower is better: {@code (1/K) sum_c mean_{i in c} -log p_{i,c}} over
   * the K classes present (probabilities clipped at 1e-15). A smooth counterpart of balanced
   * accuracy: each class counts the same however few its rows, and unlike a metric of argmax
   * decisions it does not jump when one of two validation rows of a rare class flips. Kept epochs
   * scored better on held-out rows than by balanced accuracy, PR-AUC or the plain log loss
   * (satimage, pima, glass and a 7-class table, cross-entropy, 2 to 4 seeds each).
   */
  BALANCED_LOG_LOSS,
  /** Macro-averaged F1 of the argmax predictions. */
  MACRO_F1,
  /** Mean recall over classes. */
  BALANCED_ACCURACY,
  /**
   * Average precision, one class against the rest: of the smaller class for two classes; the mean
   * over the classes present for more (a class of two validation rows alone is too noisy a guide).
   */
  PR_AUC,
  /** Geometric mean of the per-class recalls. */
  G_MEAN;

  /** The validation rows each class needs for {@link #AUTO} to stop on balanced accuracy. */
  public static final int AUTO_MIN_ROWS = 50;

  /** This metric, or for {@link #AUTO} the one it chooses for validation labels {@code y} of {@code classes}. */
  public ValidationMetric resolve(int[] y, int classes) {
    if (this != AUTO) {
      return this;
    }
    int[] count = new int[classes];
    for (int v : y) {
      count[v]++;
    }
    for (int c : count) {
      if (c < AUTO_MIN_ROWS) {
        return BALANCED_LOG_LOSS;
      }
    }
    return BALANCED_ACCURACY;
  }

  /** The metric of an option value; an unknown one lists the valid ones. */
  public static ValidationMetric parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw InvalidOptionException.unknown("metric", s,
          java.util.List.of("auto", "balanced_log_loss", "macro_f1", "balanced_accuracy", "pr_auc", "g_mean"));
    }
  }

  /** Whether {@code value} is better than {@code best}. */
  public boolean better(double value, double best) {
    return this == BALANCED_LOG_LOSS ? value < best : value > best;
  }

  /** The metric of probabilities {@code proba[i][c]} against labels. */
  public double of(int[] y, double[][] proba, int classes) {
    if (this == AUTO) {
      throw new IllegalStateException("auto: resolve the metric for the validation rows first");
    }
    if (this == BALANCED_LOG_LOSS) {
      double[] loss = new double[classes];
      int[] count = new int[classes];
      for (int i = 0; i < y.length; i++) {
        loss[y[i]] -= Math.log(Math.max(1e-15, proba[i][y[i]]));
        count[y[i]]++;
      }
      double sum = 0;
      int present = 0;
      for (int c = 0; c < classes; c++) {
        if (count[c] > 0) {
          sum += loss[c] / count[c];
          present++;
        }
      }
      return sum / Math.max(1, present);
    }
    int[] pred = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (proba[i][c] > proba[i][best]) {
          best = c;
        }
      }
      pred[i] = best;
    }
    return switch (this) {
      case MACRO_F1 -> LabelMetrics.precisionRecallFscore(y, pred, classes, 1.0, Average.MACRO, 0, 0)[2];
      case BALANCED_ACCURACY -> LabelMetrics.balancedAccuracy(y, pred, classes, false);
      case G_MEAN -> LabelMetrics.geometricMean(y, pred, classes, null, 0, 0.0);
      case BALANCED_LOG_LOSS, AUTO -> throw new IllegalStateException("computed above");
      case PR_AUC -> {
        int[] count = new int[classes];
        for (int v : y) {
          count[v]++;
        }
        int rare = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
          present += count[c] > 0 ? 1 : 0;
          if (count[c] > 0 && (count[rare] == 0 || count[c] < count[rare])) {
            rare = c;
          }
        }
        if (present <= 2) {
          org.imbalanced4j.metrics.OneVsRest r = org.imbalanced4j.metrics.OneVsRest.of(y, proba, rare);
          yield ScoreMetrics.averagePrecision(r.positive(), r.score());
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          if (count[c] > 0) {
            org.imbalanced4j.metrics.OneVsRest r = org.imbalanced4j.metrics.OneVsRest.of(y, proba, c);
            sum += ScoreMetrics.averagePrecision(r.positive(), r.score());
          }
        }
        yield sum / present;
      }
    };
  }

  /** The metric's name, as {@code --metric} takes it. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
