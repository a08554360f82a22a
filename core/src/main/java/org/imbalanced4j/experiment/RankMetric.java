package org.imbalanced4j.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.threshold.Thresholds;

/**
 * The metric that ranks the strategies of a comparison (racing, ranking and the winner follow
 * it), and the threshold a {@code tuned} strategy chooses for it on its validation rows: the
 * threshold that maximises the same metric (for balanced accuracy, whose binary form is {@code
 * (1 + J) / 2}, Youden's J; for average precision, which no threshold changes, F1 of the rare
 * class).
 */
public enum RankMetric {
  /** Balanced accuracy, the mean of per-class recall. */
  BALANCED_ACCURACY("balanced_accuracy_score"),
  /** Average precision of the rare class. */
  AVERAGE_PRECISION("average_precision_score"),
  /** Macro-averaged F1. */
  F1("f1_score_macro"),
  /** The geometric mean of per-class recall. */
  G_MEAN("geometric_mean_score"),
  /** Matthews correlation coefficient. */
  MATTHEWS_CORRCOEF("matthews_corrcoef"),
  /** Mean cost per row under a cost matrix {@code cost[true][predicted]}; lower is better. */
  EXPECTED_COST("expected_cost");

  private final String metricKey;

  RankMetric(String metricKey) {
    this.metricKey = metricKey;
  }

  /** The names {@code --rank-by} takes. */
  public static final List<String> NAMES = Arrays.stream(values()).map(RankMetric::option).toList();

  /** The metric of an option value such as {@code balanced_accuracy}; an unknown one lists the valid ones. */
  public static RankMetric parse(String s) {
    for (RankMetric m : values()) {
      if (m.option().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw InvalidOptionException.unknown("--rank-by", s, NAMES);
  }

  /** The name as {@code --rank-by} takes it. */
  public String option() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The key of the fold metric, as {@code imb evaluate --json} keys it. */
  public String metricKey() {
    return metricKey;
  }

  /** Whether a higher value ranks first (all but the expected cost). */
  public boolean higherIsBetter() {
    return this != EXPECTED_COST;
  }

  /**
   * How a tuned strategy chooses its threshold for this metric; {@code cost} (K x K, rows the true
   * class, in class-code order) for {@link #EXPECTED_COST}.
   */
  public Candidate.Tuner tuner(double[][] cost) {
    return switch (this) {
      case BALANCED_ACCURACY -> (pos, score, rare) -> Thresholds.maximizeYoudenJ(pos, score);
      case AVERAGE_PRECISION -> Candidate.Tuner.F1;
      case F1 -> (pos, score, rare) -> Thresholds.maximizeMacroF1(pos, score);
      case G_MEAN -> (pos, score, rare) -> Thresholds.maximizeGmean(pos, score);
      case MATTHEWS_CORRCOEF -> (pos, score, rare) -> Thresholds.maximizeMcc(pos, score);
      case EXPECTED_COST -> (pos, score, rare) -> {
        int other = 1 - rare; // two classes: the negative is the other one
        double[][] oriented = {{cost[other][other], cost[other][rare]}, {cost[rare][other], cost[rare][rare]}};
        return Thresholds.minimizeCost(pos, score, oriented);
      };
    };
  }

  /** {@code sum_ij cost[i][j] count[i][j] / n} of labels and predictions. */
  public static double expectedCost(int[] y, int[] pred, double[][] cost) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += cost[y[i]][pred[i]];
    }
    return s / y.length;
  }
}
