package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationMetricTest {
  private static int[] labels(int... perClass) {
    return IntStream.range(0, perClass.length).flatMap(c -> IntStream.generate(() -> c).limit(perClass[c])).toArray();
  }

  @Test
  void autoStopsOnBalancedAccuracyOnlyWhenEveryClassHasRowsToMeasureItsRecall() {
    int enough = ValidationMetric.AUTO_MIN_ROWS;
    assertThat(ValidationMetric.AUTO.resolve(labels(1000, enough), 2)).isEqualTo(ValidationMetric.BALANCED_ACCURACY);
    assertThat(ValidationMetric.AUTO.resolve(labels(1000, enough - 1), 2))
        .isEqualTo(ValidationMetric.BALANCED_LOG_LOSS);
    assertThat(ValidationMetric.AUTO.resolve(labels(1000, 500, 0), 3)).isEqualTo(ValidationMetric.BALANCED_LOG_LOSS);
    assertThat(ValidationMetric.AUTO.resolve(new int[0], 2)).isEqualTo(ValidationMetric.BALANCED_LOG_LOSS);
    assertThat(ValidationMetric.PR_AUC.resolve(labels(3, 3), 2)).isEqualTo(ValidationMetric.PR_AUC);
    assertThat(ValidationMetric.parse("auto")).isEqualTo(ValidationMetric.AUTO);
    assertThatThrownBy(() -> ValidationMetric.AUTO.of(labels(1, 1), new double[][] {{1, 0}, {0, 1}}, 2))
        .isInstanceOf(IllegalStateException.class);
  }
}
