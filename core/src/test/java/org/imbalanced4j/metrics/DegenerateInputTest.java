package org.imbalanced4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.imbalanced4j.DataException;
import org.junit.jupiter.api.Test;

/** Degenerate input gets scikit-learn's answer or a clear error, never a silent NaN. */
class DegenerateInputTest {
  @Test
  void rocAucWithOneClassIsAnError() {
    assertThatThrownBy(() -> ScoreMetrics.rocAuc(new boolean[] {true, true}, new double[] {0.1, 0.2}))
        .isInstanceOf(DataException.class).hasMessageContaining("only one class");
  }

  @Test
  void lengthMismatchIsAnError() {
    assertThatThrownBy(() -> ScoreMetrics.rocAuc(new boolean[] {true, false}, new double[] {0.1}))
        .isInstanceOf(DataException.class).hasMessageContaining("2 values").hasMessageContaining("have 1");
    assertThatThrownBy(() -> LabelMetrics.accuracy(new int[] {0, 1}, new int[] {0}))
        .isInstanceOf(DataException.class);
  }

  @Test
  void nanScoresAreAnError() {
    assertThatThrownBy(() -> ScoreMetrics.averagePrecision(new boolean[] {true, false}, new double[] {Double.NaN, 0.3}))
        .isInstanceOf(DataException.class).hasMessageContaining("score 0 is NaN");
  }

  @Test
  void probabilitiesThatDoNotSumToOneAreAnError() {
    double[][] p = {{0.5, 0.6, 0.0}, {0.2, 0.3, 0.5}, {0.1, 0.1, 0.8}};
    assertThatThrownBy(() -> ProbabilityMetrics.rocAucOvr(new int[] {0, 1, 2}, p, Average.MACRO))
        .isInstanceOf(DataException.class).hasMessageContaining("row 0").hasMessageContaining("not 1");
  }

  @Test
  void averagePrecisionWithoutPositivesIsScikitLearnsValue() {
    // scikit-learn: recall is 1 at every threshold, so AP = -sum(diff(recall) * precision[:-1]) = 0
    assertThat(ScoreMetrics.averagePrecision(new boolean[] {false, false}, new double[] {0.2, 0.9})).isZero();
  }

  @Test
  void mccOfAConstantPredictionIsZero() {
    assertThat(LabelMetrics.matthews(new int[] {0, 1, 1}, new int[] {1, 1, 1}, 2)).isZero();
  }
}
