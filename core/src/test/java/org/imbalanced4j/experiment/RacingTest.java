package org.imbalanced4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RacingTest {
  @Test
  void chiSquareTailMatchesKnownValues() {
    // P(chi2_2 > 5.991) = 0.05; P(chi2_5 > 11.07) = 0.05; P(chi2_1 > 3.841) = 0.05
    assertThat(1 - Racing.regularizedGammaP(1.0, 5.991 / 2)).isCloseTo(0.05, within(1e-4));
    assertThat(1 - Racing.regularizedGammaP(2.5, 11.0705 / 2)).isCloseTo(0.05, within(1e-4));
    assertThat(1 - Racing.regularizedGammaP(0.5, 3.8415 / 2)).isCloseTo(0.05, within(1e-4));
  }

  @Test
  void clearlyWorseCandidatesAreDroppedAndEqualOnesKept() {
    double[][] s = new double[10][4];
    for (int f = 0; f < 10; f++) {
      s[f] = new double[] {0.90 + 0.001 * f, 0.89 + 0.001 * ((f * 7) % 10), 0.60, 0.50};
    }
    assertThat(Racing.survivors(s, 0.05)).containsExactly(0, 1);
    double[][] same = new double[5][3];
    for (int f = 0; f < 5; f++) {
      same[f] = new double[] {0.5 + 0.01 * (f % 3), 0.5 + 0.01 * ((f + 1) % 3), 0.5 + 0.01 * ((f + 2) % 3)};
    }
    assertThat(Racing.survivors(same, 0.05)).containsExactly(0, 1, 2);
  }

  @Test
  void ranksShareTies() {
    assertThat(Racing.meanRanks(new double[][] {{0.9, 0.9, 0.1}})).containsExactly(1.5, 1.5, 3.0);
  }
}
