package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.junit.jupiter.api.Test;

class MixingTest {
  @Test
  void mixupBlendsEachImageWithAnotherByOneWeight() {
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      float[] v = new float[4 * 2 * 2];
      for (int i = 0; i < v.length; i++) {
        v[i] = i;
      }
      NDArray x = m.create(v, new Shape(4, 1, 2, 2));
      int[] y = {0, 1, 2, 3};
      Mixing.Mixed mx = Mixing.of("mixup", null).mix(m, new NDList(x), y, new SplittableRandom(5));
      double lam = mx.weightA()[0];
      assertThat(mx.weightA()).containsOnly(lam);
      float[] got = mx.inputs().singletonOrThrow().toFloatArray();
      for (int i = 0; i < 4; i++) {
        int j = mx.labelsB()[i]; // labels are the row numbers here
        for (int p = 0; p < 4; p++) {
          assertThat((double) got[i * 4 + p]).isCloseTo(lam * v[i * 4 + p] + (1 - lam) * v[j * 4 + p], within(1e-4));
        }
      }
      assertThat(mx.labelsA()).containsExactly(y);
      assertThat(mx.labelsB()).containsExactlyInAnyOrder(0, 1, 2, 3);
    }
  }

  @Test
  void cutmixPastesABoxAndWeighsByItsArea() {
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      NDArray x = m.zeros(new Shape(2, 1, 8, 8)).concat(m.ones(new Shape(2, 1, 8, 8)), 0); // rows 0,1 zero; 2,3 one
      int[] y = {0, 0, 1, 1};
      for (long seed = 0; seed < 20; seed++) {
        Mixing.Mixed mx = Mixing.of("cutmix", null).mix(m, new NDList(x), y, new SplittableRandom(seed));
        float[] got = mx.inputs().singletonOrThrow().toFloatArray();
        for (int i = 0; i < 4; i++) {
          if (y[i] == mx.labelsB()[i]) {
            continue; // pasted from an image of the same values: nothing to see
          }
          int changed = 0;
          for (int p = 0; p < 64; p++) {
            changed += got[i * 64 + p] != (y[i] == 0 ? 0f : 1f) ? 1 : 0;
          }
          assertThat(mx.weightA()[i]).isCloseTo(1 - changed / 64.0, within(1e-12));
        }
      }
    }
  }

  @Test
  void remixGivesTheMixTheRarerClassesLabel() {
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      NDArray x = m.zeros(new Shape(6, 1, 2, 2));
      int[] y = {0, 0, 0, 0, 1, 1};
      long[] counts = {900, 100}; // class 1 nine times rarer
      boolean sawRare = false;
      for (long seed = 0; seed < 50; seed++) {
        Mixing.Mixed mx = Mixing.of("remix", counts).mix(m, new NDList(x), y, new SplittableRandom(seed));
        double lam = java.util.Arrays.stream(mx.weightA()).max().orElseThrow();
        for (int i = 0; i < 6; i++) {
          double w = mx.weightA()[i];
          if (y[i] == 0 && mx.labelsB()[i] == 1 && lam < 0.5) {
            assertThat(w).isZero(); // frequent row, rare image mixed in: the rare label
            sawRare = true;
          } else if (y[i] == 1 && mx.labelsB()[i] == 0 && 1 - w < 0.5 && w != 0) {
            assertThat(w).isEqualTo(1.0); // rare row keeping most of itself: its own label
          }
        }
      }
      assertThat(sawRare).isTrue();
    }
  }
}
