package org.imbalanced4j.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.imbalanced4j.metrics.Average;
import org.imbalanced4j.metrics.LabelMetrics;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
  private final boolean[] pos = new boolean[400];
  private final double[] score = new double[400];
  private final int[] y = new int[400];

  ThresholdsTest() {
    Random r = new Random(3);
    for (int i = 0; i < pos.length; i++) {
      pos[i] = r.nextDouble() < 0.1;
      y[i] = pos[i] ? 1 : 0;
      score[i] = Math.round((r.nextGaussian() + (pos[i] ? 1.5 : 0)) * 10) / 10.0;
    }
  }

  /** The chosen threshold's F1 equals scikit-learn's f1 of the applied threshold, and no candidate beats it. */
  @Test
  void f1ThresholdIsTheBestCandidate() {
    ThresholdChoice t = Thresholds.maximizeFbeta(pos, score, 1.0);
    double f1 = LabelMetrics.precisionRecallFscore(y, Thresholds.apply(score, t.threshold()), 2, 1.0, Average.BINARY, 1, 0)[2];
    assertThat(t.value()).isCloseTo(f1, within(1e-12));
    for (double c : score) {
      double other = LabelMetrics.precisionRecallFscore(y, Thresholds.apply(score, c), 2, 1.0, Average.BINARY, 1, 0)[2];
      assertThat(other).isLessThanOrEqualTo(f1 + 1e-12);
    }
  }

  @Test
  void youdenAndGmeanAreTheBestCandidates() {
    ThresholdChoice j = Thresholds.maximizeYoudenJ(pos, score);
    ThresholdChoice g = Thresholds.maximizeGmean(pos, score);
    for (double c : score) {
      double[] r = rates(Thresholds.apply(score, c));
      assertThat(r[0] - r[1]).isLessThanOrEqualTo(j.value() + 1e-12);
      assertThat(Math.sqrt(r[0] * (1 - r[1]))).isLessThanOrEqualTo(g.value() + 1e-12);
    }
    double[] rj = rates(Thresholds.apply(score, j.threshold()));
    assertThat(rj[0] - rj[1]).isCloseTo(j.value(), within(1e-12));
  }

  @Test
  void expensiveMissesLowerTheThreshold() {
    double[][] cheapMiss = {{0, 1}, {1, 0}};
    double[][] dearMiss = {{0, 1}, {20, 0}};
    ThresholdChoice a = Thresholds.minimizeCost(pos, score, cheapMiss);
    ThresholdChoice b = Thresholds.minimizeCost(pos, score, dearMiss);
    assertThat(b.threshold()).isLessThan(a.threshold());
    assertThat(b.criterion()).isEqualTo("expected_cost");
  }

  /** Three rare rows at 0.9, 0.7 and 0.6, the highest majority score 0.2: the cut falls at 0.4, not on 0.6. */
  @Test
  void theThresholdIsTheMiddleOfTheBestInterval() {
    boolean[] p = {true, true, true, false, false, false, false};
    double[] s = {0.9, 0.7, 0.6, 0.2, 0.1, 0.05, 0.0};
    for (ThresholdChoice t : new ThresholdChoice[] {Thresholds.maximizeYoudenJ(p, s), Thresholds.maximizeFbeta(p, s, 1),
        Thresholds.maximizeMcc(p, s), Thresholds.maximizeMacroF1(p, s), Thresholds.maximizeGmean(p, s)}) {
      assertThat(t.threshold()).as(t.criterion()).isCloseTo(0.4, within(1e-15));
      assertThat(t.value()).as(t.criterion()).isCloseTo(1.0, within(1e-15));
    }
    // all rows positive is best: the lowest score itself; none positive is best: +Infinity
    assertThat(Thresholds.maximizeFbeta(new boolean[] {true, true}, new double[] {0.3, 0.1}, 1).threshold())
        .isEqualTo(0.1);
    assertThat(Thresholds.minimizeCost(p, s, new double[][] {{0, 1}, {0, 0}}).threshold())
        .isEqualTo(Double.POSITIVE_INFINITY);
    // adjacent doubles have no middle between them: the higher one
    double hi = Math.nextUp(0.5);
    assertThat(Thresholds.maximizeYoudenJ(new boolean[] {true, false}, new double[] {hi, 0.5}).threshold())
        .isEqualTo(hi);
  }

  @Test
  void offsetsShiftTheArgmax() {
    double[][] p = {{0.5, 0.3, 0.2}, {0.4, 0.35, 0.25}};
    assertThat(Thresholds.applyOffsets(p, new double[] {0, 0, 0})).containsExactly(0, 0);
    assertThat(Thresholds.applyOffsets(p, new double[] {0, 0.1, 0})).containsExactly(0, 1);
  }

  private double[] rates(int[] pred) {
    double tp = 0;
    double fp = 0;
    double p = 0;
    for (int i = 0; i < y.length; i++) {
      p += y[i];
      tp += y[i] == 1 && pred[i] == 1 ? 1 : 0;
      fp += y[i] == 0 && pred[i] == 1 ? 1 : 0;
    }
    return new double[] {tp / p, fp / (y.length - p)};
  }
}
