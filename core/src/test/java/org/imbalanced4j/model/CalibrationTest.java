package org.imbalanced4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  /** Labels drawn from softmax(z); the model reports 3z: the fitted temperature is about 3. */
  @Test
  void recoversTheTemperatureOfOverconfidentLogits() {
    Random r = new Random(1);
    int n = 20000;
    double[][] reported = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double[] z = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double[] p = Calibration.softmax(new double[][] {z}, 1.0)[0];
      double u = r.nextDouble();
      y[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
      for (int c = 0; c < 3; c++) {
        reported[i][c] = 3 * z[c];
      }
    }
    double t = Calibration.fitTemperature(reported, y);
    assertThat(t).isCloseTo(3.0, within(0.15));
    assertThat(Calibration.nll(reported, y, t)).isLessThan(Calibration.nll(reported, y, 1.0));
  }

  /**
   * 24 rows right by a margin of 2, one wrong by 0.001: the log loss alone is lowest near T = 0.17
   * (it pays 0.001 / T for the wrong row and almost nothing for the others); the prior on log T
   * keeps a temperature that does not make the next wrong row certain.
   */
  @Test
  void oneNearMissOnFewRowsDoesNotDriveTheTemperatureToZero() {
    int n = 25;
    double[][] z = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n - 1; i++) {
      y[i] = i % 2;
      z[i] = y[i] == 0 ? new double[] {1, -1} : new double[] {-1, 1};
    }
    z[n - 1] = new double[] {0.0005, -0.0005};
    y[n - 1] = 1;
    double plain = argminNll(z, y);
    assertThat(plain).isLessThan(0.2);
    double t = Calibration.fitTemperature(z, y);
    assertThat(t).isGreaterThan(0.35).isGreaterThan(2 * plain).isLessThan(1.0);
    // a separated set gets a finite temperature below 1 instead of the search's edge
    double[][] sep = java.util.Arrays.copyOf(z, n - 1);
    double ts = Calibration.fitTemperature(sep, java.util.Arrays.copyOf(y, n - 1));
    assertThat(ts).isGreaterThan(Math.exp(-4) * 2).isLessThan(1.0);
  }

  /** The temperature of the least mean log loss on a fine grid of log T. */
  private static double argminNll(double[][] z, int[] y) {
    double best = 1;
    for (double u = -4; u <= 4; u += 0.001) {
      if (Calibration.nll(z, y, Math.exp(u)) < Calibration.nll(z, y, best)) {
        best = Math.exp(u);
      }
    }
    return best;
  }
}
