package org.imbalanced4j.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imbalanced4j.InvalidOptionException;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTest {
  private static final int[] Y = labels(83, 17, 6);

  static int[] labels(int... counts) {
    return java.util.stream.IntStream.range(0, counts.length)
        .flatMap(k -> java.util.stream.IntStream.generate(() -> k).limit(counts[k]))
        .toArray();
  }

  @Test
  void foldsPartitionTheRowsAndKeepClassShares() {
    List<Split> folds = StratifiedKFold.builder().optNSplits(5).optShuffle(true).optSeed(3).build().split(Y);
    Set<Integer> seen = new HashSet<>();
    for (Split s : folds) {
      for (int i : s.test()) {
        assertThat(seen.add(i)).as("row %d in two test folds", i).isTrue();
      }
      Set<Integer> train = new HashSet<>();
      Arrays.stream(s.train()).forEach(train::add);
      assertThat(Arrays.stream(s.test()).noneMatch(train::contains)).isTrue();
      long minority = Arrays.stream(s.test()).filter(i -> Y[i] == 1).count();
      assertThat(minority).isBetween(3L, 4L); // 17 over 5 folds
    }
    assertThat(seen).hasSize(Y.length);
  }

  @Test
  void sameSeedSameFoldsOtherSeedOtherFolds() {
    StratifiedKFold a = StratifiedKFold.builder().optShuffle(true).optSeed(1).build();
    StratifiedKFold b = StratifiedKFold.builder().optShuffle(true).optSeed(2).build();
    assertThat(a.split(Y).get(0).test()).containsExactly(a.split(Y).get(0).test());
    assertThat(a.split(Y).get(0).test()).isNotEqualTo(b.split(Y).get(0).test());
  }

  @Test
  void tooManyFoldsIsAClearError() {
    assertThatThrownBy(() -> StratifiedKFold.builder().optNSplits(5).build().split(labels(3, 4)))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("no class has that many rows");
    assertThatThrownBy(() -> StratifiedKFold.builder().optNSplits(1))
        .isInstanceOf(InvalidOptionException.class);
  }

  @Test
  void trainTestSplitNeedsTwoRowsPerClass() {
    assertThatThrownBy(() -> StratifiedShuffleSplit.trainTestSplit(labels(10, 1), 0.3, 0))
        .hasMessageContaining("only 1 row");
  }
}
