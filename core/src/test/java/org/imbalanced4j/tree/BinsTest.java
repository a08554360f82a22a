package org.imbalanced4j.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.threshold.DecisionRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binned columns: one bin per value up to 256 values (every value in a table of at most 4,096 rows),
 * equal-count bins above; codes follow the values.
 */
class BinsTest {
  @TempDir Path dir;

  @Test
  void fewValuesGetABinEachAndManyGetBinsOfEqualCounts() {
    int n = 10_000;
    float[] x = new float[n * 2];
    Random r = new Random(1);
    for (int i = 0; i < n; i++) {
      x[2 * i] = r.nextInt(40); // 40 distinct values
      x[2 * i + 1] = (float) r.nextGaussian(); // all distinct
    }
    Bins b = Bins.of(x, n, 2);
    assertThat(b.binCount(0)).isEqualTo(40);
    assertThat(b.binCount(1)).isBetween(200, Bins.MAX_BINS);
    int[] perBin = new int[b.binCount(1)];
    for (int i = 0; i < n; i++) {
      perBin[b.code(1, i)]++;
      assertThat(b.code(0, i)).isEqualTo((int) x[2 * i]); // the k-th smallest value has code k
      for (int j = i + 1; j < Math.min(n, i + 50); j++) { // codes are monotone in the values
        if (x[2 * i + 1] < x[2 * j + 1]) {
          assertThat(b.code(1, i)).isLessThanOrEqualTo(b.code(1, j));
        }
      }
    }
    assertThat(IntStream.of(perBin).max().orElseThrow()).isLessThan(3 * n / Bins.MAX_BINS);
    assertThat(b.threshold(0, 3, 4)).isEqualTo(3.5f);
  }

  @Test
  void aSmallTableGetsOneBinPerValue() {
    int n = Bins.EXACT_ROWS;
    float[] x = new float[n];
    Random r = new Random(2);
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextGaussian();
    }
    Bins b = Bins.of(x, n, 1);
    assertThat(b.binCount(0)).isEqualTo(n); // every value distinct: one bin each, CART's thresholds
    float[] sorted = x.clone();
    java.util.Arrays.sort(sorted);
    for (int i = 0; i < n; i++) {
      assertThat(b.code(0, i)).isEqualTo(java.util.Arrays.binarySearch(sorted, x[i]));
    }
    assertThat(Bins.of(java.util.Arrays.copyOf(x, n + 1), n + 1, 1).binCount(0)).isBetween(200, Bins.MAX_BINS);
  }

  @Test
  void aDamagedForestFileIsOneClearLine() throws Exception {
    Dataset d = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
    Model m = LearnerCatalog.create("forest", Map.of("n_estimators", "3")).fit(d, null, 0);
    ModelDirectory.save(dir, m, DecisionRule.ARGMAX.toMap(m.classes()), Map.of(), d);
    byte[] trees = Files.readAllBytes(dir.resolve("trees.bin"));
    Files.write(dir.resolve("trees.bin"), java.util.Arrays.copyOf(trees, trees.length / 2));
    assertThatThrownBy(() -> ModelDirectory.load(dir)).isInstanceOf(DataException.class)
        .hasMessage(dir + ": trees.bin ends early");
  }
}
