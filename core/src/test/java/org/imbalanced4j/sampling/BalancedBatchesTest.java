package org.imbalanced4j.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.junit.jupiter.api.Test;

class BalancedBatchesTest {
  @Test
  void labelsOnlyBatchesAreBalancedAndCoverTheKeptRowsOnce() {
    int[] y = new int[1000];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 10 == 0 ? 1 : 0;
    }
    BalancedBatches b = BalancedBatches.builder().optBatchSize(16).optSeed(4)
        .forLabels(y, List.of("common", "rare"));
    List<Integer> seen = new ArrayList<>();
    int[] perClass = new int[2];
    for (int[] batch : b) {
      assertThat(batch.length).isBetween(1, 16);
      for (int i : batch) {
        seen.add(i);
        perClass[y[i]]++;
      }
    }
    assertThat(perClass).containsExactly(100, 100);
    assertThat(seen).doesNotHaveDuplicates().hasSize(200);
    assertThat(b.stepsPerEpoch()).isEqualTo(200 / 16);
    // shuffled: the first batch mixes both classes
    int[] first = b.iterator().next();
    assertThat(java.util.Arrays.stream(first).map(i -> y[i]).distinct().count()).isEqualTo(2);
  }

  @Test
  void syntheticSamplersAreRejected() {
    Dataset d = SamplerParityTest.dataset("binary_5d");
    assertThatThrownBy(() -> BalancedBatches.builder()
        .optSampler(SamplerCatalog.create("SMOTE", Map.of(), 0)).build(d))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("synthetic");
  }
}
