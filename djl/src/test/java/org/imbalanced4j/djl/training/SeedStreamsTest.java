package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.samplers.ClassSamplers;
import org.imbalanced4j.djl.samplers.EpochSampler;
import org.imbalanced4j.djl.samplers.WeightedRandomSampler;
import org.imbalanced4j.images.ImageSet;
import org.imbalanced4j.images.augment.Augmentation;
import org.junit.jupiter.api.Test;

/**
 * Neighbouring seeds give unrelated random streams. A {@code SplittableRandom} seeded with {@code
 * s * 0x9E3779B97F4A7C15L + i} steps its state by that same constant, so seed {@code s + 1} would
 * replay seed {@code s}'s draws one step later, and a sampler seeded {@code seed + epoch} would give
 * seed 1 the epochs of seed 0 shifted by one: runs meant as independent repeats would share their
 * row orders and augmentations.
 */
class SeedStreamsTest {
  @Test
  void imagesOfNeighbouringBatchSeedsDrawUnrelatedAugmentations() {
    int n = 16;
    ImageSet images = new ImageSet(1, 1, 2, new byte[n * 2], new int[n], List.of("a"),
        java.util.stream.IntStream.range(0, n).mapToObj(i -> "img" + i).toList());
    Dataset data = images.asDataset();
    // writes its first two uniform draws into the image's two pixels
    Augmentation draws = (img, c, h, w, rng) -> new float[] {(float) rng.nextDouble(), (float) rng.nextDouble()};
    ImageBatches batches = new ImageBatches(data, new float[] {0}, new float[] {1}, draws);
    int[] rows = java.util.stream.IntStream.range(0, n).toArray();
    int shifted = 0;
    int repeated = 0;
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      float[] previous = null;
      for (long seed = 0; seed < 50; seed++) {
        float[] x = batches.inputs(m, rows, true, seed).singletonOrThrow().toFloatArray();
        if (previous != null) {
          for (int i = 0; i < n; i++) {
            shifted += previous[2 * i + 1] == x[2 * i] ? 1 : 0; // seed's second draw is seed + 1's first
            repeated += previous[2 * i] == x[2 * i] ? 1 : 0;
          }
        }
        previous = x;
      }
      float[] again = batches.inputs(m, rows, true, 49).singletonOrThrow().toFloatArray();
      assertThat(again).containsExactly(previous); // and the same seed draws the same
    }
    assertThat(shifted).isZero();
    assertThat(repeated).isZero();
  }

  @Test
  void samplersOfNeighbouringSeedsDoNotShareEpochs() {
    int[] labels = new int[300];
    Arrays.fill(labels, 250, 300, 1);
    double[] weights = new double[300];
    Arrays.fill(weights, 1);
    List<java.util.function.LongFunction<EpochSampler>> samplers = List.of(
        s -> ClassSamplers.classBalanced(labels, s),
        s -> ClassSamplers.sqrt(labels, s),
        s -> ClassSamplers.oversampled(labels, new long[] {250, 250}, s),
        s -> new WeightedRandomSampler(weights, 300, true, s),
        s -> new WeightedRandomSampler(weights, 300, false, s));
    for (var make : samplers) {
      for (long s = 0; s < 5; s++) {
        int[] next = make.apply(s + 1).epoch(0);
        assertThat(next).isNotEqualTo(make.apply(s).epoch(1));
        int[] mine = make.apply(s).epoch(0);
        assertThat(Arrays.copyOfRange(next, 0, next.length - 1)).isNotEqualTo(Arrays.copyOfRange(mine, 1, mine.length));
        assertThat(make.apply(s).epoch(3)).containsExactly(make.apply(s).epoch(3));
      }
    }
  }
}
