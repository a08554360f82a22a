package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.junit.jupiter.api.Test;

/**
 * A finite loss can still give a gradient that is not finite (here {@code sqrt} at 0): the
 * optimiser then makes no update, as PyTorch's {@code GradScaler} skips such steps, zeroes the
 * gradient, and the next finite gradient steps as if the bad one had never come.
 */
class AdamSkipTest {
  @Test
  void aNonFiniteGradientMakesNoUpdate() {
    for (Adam opt : new Adam[] {Adam.adam(0.01), Adam.sgd(0.9, 0.01)}) {
      try (NDManager m = PyTorchEngine.get().newBaseManager()) {
        NDArray w = m.create(new float[] {0f, 1f, 4f});
        NDArray other = m.create(new float[] {2f, 3f});
        w.setRequiresGradient(true);
        other.setRequiresGradient(true);
        try (GradientCollector gc = PyTorchEngine.get().newGradientCollector()) {
          NDArray loss = w.sqrt().sum().add(other.sum());
          assertThat(loss.getFloat()).isFinite();
          gc.backward(loss);
        }
        PyTorchEngine.noGrad();
        assertThat(w.getGradient().toFloatArray()[0]).isInfinite();
        assertThat(opt.step(List.of(w, other), 0.1f)).isFalse();
        assertThat(w.toFloatArray()).containsExactly(0f, 1f, 4f);
        assertThat(other.toFloatArray()).containsExactly(2f, 3f);
        assertThat(w.getGradient().toFloatArray()).containsOnly(0f);
        try (GradientCollector gc = PyTorchEngine.get().newGradientCollector()) {
          gc.backward(w.sum().add(other.sum()));
        }
        PyTorchEngine.noGrad();
        assertThat(opt.step(List.of(w, other), 0.1f)).isTrue();
        // the first real step: Adam moves each weight by the rate; SGD by rate * (g + wd w)
        float[] after = w.toFloatArray();
        assertThat(after[0]).isLessThan(0f);
        assertThat(after[2]).isLessThan(4f).isGreaterThan(3.85f);
        assertThat(w.getGradient().toFloatArray()).containsOnly(0f);
      }
    }
  }
}
