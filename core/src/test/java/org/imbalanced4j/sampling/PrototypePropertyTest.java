package org.imbalanced4j.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The samplers whose random draws make index parity with imbalanced-learn impossible are checked
 * on their defining properties.
 */
class PrototypePropertyTest {
  /** 1-NN label of row i among the given rows (excluding itself). */
  static int nearestLabel(Dataset d, int i, int[] among) {
    double best = Double.POSITIVE_INFINITY;
    int label = -1;
    for (int r : among) {
      double s = 0;
      for (int j = 0; j < d.features(); j++) {
        double t = (double) d.value(i, j) - d.value(r, j);
        s += t * t;
      }
      if (s < best) {
        best = s;
        label = d.label(r);
      }
    }
    return label;
  }

  @ParameterizedTest
  @ValueSource(strings = {"binary_5d", "three_class_4d"})
  void condensedSetClassifiesEveryRowOfItsClassCorrectly(String set) {
    Dataset d = SamplerParityTest.dataset(set);
    Resampled r = SamplerCatalog.create("CondensedNearestNeighbour", Map.of(), 3).fitResample(d);
    int[] kept = r.sampleIndices().orElseThrow();
    int minority = d.classCounts().minority();
    int[] y = d.labels();
    assertThat(Arrays.stream(kept).filter(i -> y[i] == minority).count())
        .isEqualTo(d.classCounts().count(minority));
    for (int k = 0; k < d.classCount(); k++) {
      if (k == minority) {
        continue;
      }
      final int kk = k;
      int[] pool = Arrays.stream(kept).filter(i -> y[i] == kk || y[i] == minority).toArray();
      for (int i : SamplerSupport.rowsOf(y, k)) {
        assertThat(nearestLabel(d, i, pool)).as("row %d of class %d", i, k).isEqualTo(k);
      }
    }
    assertThat(kept.length).isLessThan(d.rows());
  }

  @ParameterizedTest
  @ValueSource(strings = {"binary_5d", "three_class_4d"})
  void oneSidedSelectionKeepsTheMinorityAndRemovesRows(String set) {
    Dataset d = SamplerParityTest.dataset(set);
    Resampled r = SamplerCatalog.create("OneSidedSelection", Map.of(), 3).fitResample(d);
    int[] kept = r.sampleIndices().orElseThrow();
    assertThat(new HashSet<>(Arrays.stream(kept).boxed().toList())).hasSize(kept.length);
    int minority = d.classCounts().minority();
    ClassCounts after = r.data().classCounts();
    assertThat(after.count(minority)).isEqualTo(d.classCounts().count(minority));
    assertThat(kept.length).isLessThan(d.rows());
  }

  @Test
  void clusterCentroidsCutsEachTargetedClassToTheMinoritySize() {
    Dataset d = SamplerParityTest.dataset("three_class_4d");
    for (String voting : new String[] {"soft", "hard"}) {
      Resampled r = SamplerCatalog.create("ClusterCentroids", Map.of("voting", voting), 1).fitResample(d);
      long min = d.classCounts().count(d.classCounts().minority());
      assertThat(r.data().classCounts().counts()).containsOnly(min);
      if (voting.equals("hard")) {
        assertThat(r.sampleIndices()).isPresent();
      } else {
        assertThat(r.syntheticRows()).isEqualTo((int) (2 * min));
      }
    }
  }

  @Test
  void smotencVotesCategoriesAndInterpolatesNumbers() {
    Dataset d = Datasets.read("builtin:lending_club", ReadOptions.defaults());
    Resampled r = SamplerCatalog.create("SMOTENC", Map.of("sampling_strategy", "0.2"), 5).fitResample(d);
    assertThat(r.data().classCounts().count(0)).isEqualTo((long) (9340 * 0.2));
    int[] cat = d.schema().categoricalIndices();
    Set<Integer> catSet = new HashSet<>();
    Arrays.stream(cat).forEach(catSet::add);
    int[] src = r.source();
    for (int i = 0; i < src.length; i++) {
      if (src[i] >= 0) {
        continue;
      }
      for (int j : cat) {
        float v = r.data().value(i, j);
        assertThat(v).isEqualTo((float) Math.rint(v));
        assertThat((int) v).isBetween(0, d.schema().feature(j).levels().size() - 1);
      }
    }
    assertThat(r.syntheticRows()).isPositive();
  }
}
