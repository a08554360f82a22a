package org.imbalanced4j.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassWeightsTest {
  private static final long[] COUNTS = {900, 90, 10};

  @Test
  void balancedIsScikitLearns() {
    // sklearn.utils.class_weight.compute_class_weight("balanced") = n / (k * n_c)
    assertThat(ClassWeights.balanced(COUNTS)).containsExactly(new double[] {1000.0 / 2700, 1000.0 / 270, 1000.0 / 30}, within(1e-15));
  }

  @Test
  void effectiveNumberFollowsCuiEtAlAndTendsToInverseAsBetaGrows() {
    double[] w = ClassWeights.effectiveNumber(COUNTS, 0.99);
    double[] raw = {(1 - 0.99) / (1 - Math.pow(0.99, 900)), (1 - 0.99) / (1 - Math.pow(0.99, 90)), (1 - 0.99) / (1 - Math.pow(0.99, 10))};
    double s = raw[0] + raw[1] + raw[2];
    for (int i = 0; i < 3; i++) {
      assertThat(w[i]).isCloseTo(raw[i] * 3 / s, within(1e-12));
    }
    double[] zero = ClassWeights.effectiveNumber(COUNTS, 0.0);
    assertThat(zero).containsExactly(new double[] {1, 1, 1}, within(1e-12));
    double[] near = ClassWeights.effectiveNumber(COUNTS, 0.999999);
    double[] inv = ClassWeights.of("inverse", COUNTS, 0);
    assertThat(near).containsExactly(inv, within(1e-3));
  }

  @Test
  void schemesSumToTheNumberOfClasses() {
    for (String s : new String[] {"inverse", "sqrt", "effective"}) {
      double[] w = ClassWeights.of(s, COUNTS, 0.999);
      assertThat(w[0] + w[1] + w[2]).as(s).isCloseTo(3.0, within(1e-12));
      assertThat(w[2]).as(s).isGreaterThan(w[1]).isGreaterThan(w[0]);
    }
  }
}
