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
}
