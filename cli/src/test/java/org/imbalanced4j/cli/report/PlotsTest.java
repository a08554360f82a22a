package org.imbalanced4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.imbalanced4j.metrics.Curve;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.junit.jupiter.api.Test;

class PlotsTest {
  @Test
  void decimatedCurvesStayWithinAPixelOfTheFullCurve() {
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
      assertThat(x.length).isGreaterThan(10_000);
      assertThat(keep.length).as("points kept of %s", x.length).isLessThan(1000);
      assertThat(keep).isSorted().startsWith(0).endsWith(x.length - 1);
      // every point of the full curve lies within 1.5 strips (a pixel or two) of the drawn line
      int k = 0;
      for (int i = 0; i < x.length; i++) {
        while (k + 1 < keep.length - 1 && keep[k + 1] <= i) {
          k++;
        }
        int a = keep[k];
        int b = keep[Math.min(k + 1, keep.length - 1)];
        assertThat(distance(x[i], y[i], x[a], y[a], x[b], y[b])).as("point %s", i)
            .isLessThanOrEqualTo(1.5 / Plots.COLUMNS + 1e-12);
      }
    }
  }

  private static double distance(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  }
}
