package org.imbalanced4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.metrics.Average;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.threshold.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * A tuned threshold maximises the ranking metric: against a brute-force search over every
 * threshold, scored by the same functions that score the folds, with the rare class coded 0 or 1.
 */
class RankMetricTest {
  @Test
  void eachTunerFindsTheThresholdThatMaximisesItsMetric() {
    Random r = new Random(5);
    for (int rare : new int[] {0, 1}) {
      int n = 300;
      int[] y = new int[n];
      double[] score = new double[n];
      boolean[] pos = new boolean[n];
      for (int i = 0; i < n; i++) {
        pos[i] = r.nextDouble() < 0.15;
        y[i] = pos[i] ? rare : 1 - rare;
        score[i] = Math.round((pos[i] ? 0.6 : 0.35) * 100 + r.nextGaussian() * 15) / 100.0; // ties too
      }
      double[][] cost = new double[2][2];
      cost[1 - rare][rare] = 1; // false positive
      cost[rare][1 - rare] = 7; // false negative
      check(RankMetric.BALANCED_ACCURACY, y, pos, score, rare, cost, p -> LabelMetrics.balancedAccuracy(y, p, 2, false));
      check(RankMetric.F1, y, pos, score, rare, cost,
          p -> LabelMetrics.precisionRecallFscore(y, p, 2, 1, Average.MACRO, 0, 0)[2]);
      check(RankMetric.G_MEAN, y, pos, score, rare, cost, p -> LabelMetrics.geometricMean(y, p, 2, null, 0, 0.0));
      check(RankMetric.MATTHEWS_CORRCOEF, y, pos, score, rare, cost, p -> LabelMetrics.matthews(y, p, 2));
      check(RankMetric.EXPECTED_COST, y, pos, score, rare, cost, p -> -RankMetric.expectedCost(y, p, cost));
    }
  }

  private static void check(RankMetric m, int[] y, boolean[] pos, double[] score, int rare, double[][] cost,
      ToDoubleFunction<int[]> metric) {
    double chosen = m.tuner(cost).choose(pos, score, rare).threshold();
    double best = Double.NEGATIVE_INFINITY;
    for (double t : score) {
      best = Math.max(best, metric.applyAsDouble(decide(score, t, rare)));
    }
    assertThat(metric.applyAsDouble(decide(score, chosen, rare))).as(m.option() + ", rare " + rare)
        .isCloseTo(best, within(1e-12));
  }

  private static int[] decide(double[] score, double t, int rare) {
    int[] hit = Thresholds.apply(score, t);
    int[] p = new int[hit.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = hit[i] == 1 ? rare : 1 - rare;
    }
    return p;
  }

  @Test
  void namesAreCheckedAndCostIsLowerIsBetter() {
    assertThat(RankMetric.parse("matthews_corrcoef")).isEqualTo(RankMetric.MATTHEWS_CORRCOEF);
    assertThat(RankMetric.EXPECTED_COST.higherIsBetter()).isFalse();
    assertThat(RankMetric.expectedCost(new int[] {0, 1, 1}, new int[] {1, 1, 0}, new double[][] {{0, 2}, {5, 0}}))
        .isCloseTo(7.0 / 3, within(1e-15));
    assertThatThrownBy(() -> RankMetric.parse("auc")).isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("balanced_accuracy, average_precision, f1, g_mean, matthews_corrcoef, expected_cost");
  }
}
