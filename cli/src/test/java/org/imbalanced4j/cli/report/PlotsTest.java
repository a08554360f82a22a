package org.imbalanced4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.imbalanced4j.metrics.Curve;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.junit.jupiter.api.Test;

class PlotsTest {
  @Test
  void decimatedCurvesKeepEveryStripsExtremesInOrder() {
    Random r = new Random(3);
    int n = 200_000;
    boolean[] pos = new boolean[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      pos[i] = r.nextDouble() < 0.05;
      s[i] = r.nextGaussian() + (pos[i] ? 1 : 0);
    }
    for (Curve c : new Curve[] {ScoreMetrics.roc(pos, s), ScoreMetrics.precisionRecall(pos, s)}) {
      double[] x = c.x();
      double[] y = c.y();
      int[] keep = Plots.decimate(x, y, Plots.COLUMNS);
      assertThat(x.length).isGreaterThan(4 * Plots.COLUMNS);
      assertThat(keep.length).isLessThanOrEqualTo(4 * Plots.COLUMNS * 2).isLessThan(x.length / 10);
      assertThat(keep).isSorted().startsWith(0).endsWith(x.length - 1);
      // in every strip of the plot, the kept points span the same heights as all the points
      Set<Integer> kept = IntStream.of(keep).boxed().collect(Collectors.toSet());
      double[] lo = new double[Plots.COLUMNS];
      double[] hi = new double[Plots.COLUMNS];
      double[] klo = new double[Plots.COLUMNS];
      double[] khi = new double[Plots.COLUMNS];
      java.util.Arrays.fill(lo, 2);
      java.util.Arrays.fill(klo, 2);
      java.util.Arrays.fill(hi, -1);
      java.util.Arrays.fill(khi, -1);
      for (int i = 0; i < x.length; i++) {
        int b = (int) Math.min(Plots.COLUMNS - 1, Math.floor(x[i] * Plots.COLUMNS));
        lo[b] = Math.min(lo[b], y[i]);
        hi[b] = Math.max(hi[b], y[i]);
        if (kept.contains(i)) {
          klo[b] = Math.min(klo[b], y[i]);
          khi[b] = Math.max(khi[b], y[i]);
        }
      }
      assertThat(klo).containsExactly(lo);
      assertThat(khi).containsExactly(hi);
    }
  }
}
