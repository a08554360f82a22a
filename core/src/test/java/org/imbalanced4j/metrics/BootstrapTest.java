package org.imbalanced4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  @Test
  void intervalContainsTheEstimateIsSeededAndNarrowsWithMoreRows() {
    Random r = new Random(1);
    int n = 2000;
    int[] y = new int[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < 0.1 ? 1 : 0;
      s[i] = r.nextGaussian() + y[i];
    }
    Bootstrap.Metric auc = rows -> {
      boolean[] p = new boolean[rows.length];
      double[] v = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        p[i] = y[rows[i]] == 1;
        v[i] = s[rows[i]];
      }
      return ScoreMetrics.rocAuc(p, v);
    };
    Bootstrap.Interval a = Bootstrap.interval(y, auc, 200, 0.95, 7);
    Bootstrap.Interval b = Bootstrap.interval(y, auc, 200, 0.95, 7);
    assertThat(a).isEqualTo(b);
    assertThat(a.low()).isLessThan(a.estimate()).isGreaterThan(0.6);
    assertThat(a.high()).isGreaterThan(a.estimate()).isLessThan(0.9);
    int[] small = java.util.Arrays.copyOf(y, 300);
    Bootstrap.Interval c = Bootstrap.interval(small, rows -> auc.of(rows), 200, 0.95, 7);
    assertThat(c.high() - c.low()).isGreaterThan(a.high() - a.low());
  }

  @Test
  void percentileIsNumpys() {
    double[] v = {1, 2, 3, 4, 10};
    assertThat(org.imbalanced4j.numeric.Percentile.of(v, 50)).isEqualTo(3.0);
    assertThat(org.imbalanced4j.numeric.Percentile.of(v, 90)).isEqualTo(7.6, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(org.imbalanced4j.numeric.Percentile.of(v, 2.5)).isEqualTo(1.1, org.assertj.core.data.Offset.offset(1e-12));
  }
}
