package org.imbalanced4j.djl.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import java.util.Random;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.junit.jupiter.api.Test;

/** Each loss is plain cross-entropy where theory says it is. */
class ReducesToCrossEntropyTest {
  @Test
  void gammaZeroEqualWeightsTauZeroAndZeroMarginsGiveCrossEntropy() {
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      Random r = new Random(5);
      float[][] z = new float[32][3];
      long[] y = new long[32];
      for (int i = 0; i < 32; i++) {
        for (int c = 0; c < 3; c++) {
          z[i][c] = (float) r.nextGaussian() * 2;
        }
        y[i] = r.nextInt(3);
      }
      NDArray logits = m.create(z);
      NDArray labels = m.create(y);
      long[] counts = {100, 10, 1};
      double ce = value(new WeightedCrossEntropyLoss(null, 0), labels, logits);
      assertThat(value(new FocalLoss(0, null), labels, logits)).isCloseTo(ce, within(1e-6));
      assertThat(value(new WeightedCrossEntropyLoss(new double[] {2, 2, 2}, 0), labels, logits)).isCloseTo(ce, within(1e-6));
      assertThat(value(new LogitAdjustedLoss(counts, 0), labels, logits)).isCloseTo(ce, within(1e-6));
      assertThat(value(new LdamLoss(counts, 0, 1, null), labels, logits)).isCloseTo(ce, within(1e-6));
      assertThat(value(LogitAdjustedLoss.balancedSoftmax(new long[] {7, 7, 7}), labels, logits)).isCloseTo(ce, within(1e-6));
    }
  }

  private static double value(Loss l, NDArray y, NDArray z) {
    return l.evaluate(new NDList(y), new NDList(z)).getFloat();
  }
}
