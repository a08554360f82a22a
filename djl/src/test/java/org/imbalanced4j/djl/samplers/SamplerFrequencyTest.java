package org.imbalanced4j.djl.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Iterator;
import java.util.List;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.sampling.under.RandomUnderSampler;
import org.junit.jupiter.api.Test;

/** Over many draws, class frequencies match each sampler's target distribution within 1%. */
class SamplerFrequencyTest {
  static final int[] LABELS = labels(9000, 900, 100);

  static int[] labels(int... counts) {
    return java.util.stream.IntStream.range(0, counts.length)
        .flatMap(k -> java.util.stream.IntStream.generate(() -> k).limit(counts[k])).toArray();
  }

  static double[] frequencies(EpochSampler s, int epochs, int from) {
    double[] f = new double[3];
    long n = 0;
    for (int e = from; e < from + epochs; e++) {
      for (int i : s.epoch(e)) {
        f[LABELS[i]]++;
        n++;
      }
    }
    for (int c = 0; c < 3; c++) {
      f[c] /= n;
    }
    return f;
  }

  @Test
  void classBalancedSqrtAndWeighted() {
    assertThat(frequencies(ClassSamplers.classBalanced(LABELS, 1), 20, 0))
        .containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(0.01));
    double s = Math.sqrt(9000) + Math.sqrt(900) + Math.sqrt(100);
    assertThat(frequencies(ClassSamplers.sqrt(LABELS, 2), 20, 0))
        .containsExactly(new double[] {Math.sqrt(9000) / s, Math.sqrt(900) / s, Math.sqrt(100) / s}, within(0.01));
    double[] w = new double[LABELS.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = LABELS[i] == 2 ? 50 : 1; // class 2 total 5000 of 14900
    }
    assertThat(frequencies(new WeightedRandomSampler(w, 10000, true, 3), 20, 0))
        .containsExactly(new double[] {9000 / 14900.0, 900 / 14900.0, 5000 / 14900.0}, within(0.01));
  }

  @Test
  void bbnsReversedSamplerDrawsClassesInProportionToOneOverTheirCounts() {
    double s = 1 / 9000.0 + 1 / 900.0 + 1 / 100.0;
    assertThat(frequencies(ClassSamplers.reversed(LABELS, 4), 20, 0))
        .containsExactly(new double[] {1 / 9000.0 / s, 1 / 900.0 / s, 1 / 100.0 / s}, within(0.01));
  }

  @Test
  void progressiveMovesFromInstanceToClassBalanced() {
    EpochSampler p = ClassSamplers.progressive(LABELS, 11, 4);
    assertThat(frequencies(p, 1, 0)).containsExactly(new double[] {0.9, 0.09, 0.01}, within(0.01));
    assertThat(frequencies(p, 1, 10)).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(0.01));
    double[] mid = frequencies(p, 1, 5);
    assertThat(mid[2]).isCloseTo(0.5 * 0.01 + 0.5 / 3, within(0.01));
  }

  @Test
  void withoutReplacementDrawsDistinctRowsAndSameSeedSameEpoch() {
    double[] w = new double[LABELS.length];
    java.util.Arrays.fill(w, 1.0);
    WeightedRandomSampler s = new WeightedRandomSampler(w, 500, false, 9);
    int[] a = s.epoch(3);
    assertThat(java.util.Arrays.stream(a).distinct().count()).isEqualTo(500);
    assertThat(s.epoch(3)).isEqualTo(a);
    assertThat(s.epoch(4)).isNotEqualTo(a);
  }

  @Test
  void aCoreResamplerIsRedrawnEachEpochAndServesDjlBatches() {
    Dataset d = Dataset.builder(Schema.numeric(0, "y", List.of("a", "b", "c")))
        .setValues(new float[0], LABELS.length).setLabels(LABELS.clone()).build();
    EpochSampler s = ClassSamplers.resampler(d, e -> RandomUnderSampler.builder().optSeed(100 + e).build());
    int[] e0 = s.epoch(0);
    assertThat(e0).hasSize(300);
    assertThat(s.epoch(1)).isNotEqualTo(e0);
    Iterator<Long> it = s.asDjl().sample(null); // the first call is epoch 0
    int rows = 0;
    while (it.hasNext()) {
      assertThat(it.next()).isEqualTo((long) e0[rows]);
      rows++;
    }
    assertThat(rows).isEqualTo(300);
  }

  @org.junit.jupiter.api.Test
  void augmentToBalanceKeepsEveryRowAndAddsCopiesOfTheRareClassesUpToTheirTargets() {
    int[] y = new int[130];
    for (int i = 0; i < y.length; i++) {
      y[i] = i < 100 ? 0 : i < 120 ? 1 : 2;
    }
    EpochSampler s = ClassSamplers.oversampled(y, new long[] {100, 100, 50}, 4);
    int[] e0 = s.epoch(0);
    org.assertj.core.api.Assertions.assertThat(e0).hasSize(250);
    long[] per = new long[3];
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i : e0) {
      per[y[i]]++;
      seen.add(i);
    }
    org.assertj.core.api.Assertions.assertThat(per).containsExactly(100, 100, 50);
    org.assertj.core.api.Assertions.assertThat(seen).hasSize(130); // every row at least once
    org.assertj.core.api.Assertions.assertThat(s.epoch(0)).isEqualTo(e0);
    org.assertj.core.api.Assertions.assertThat(s.epoch(1)).isNotEqualTo(e0);
  }
}
