package org.imbalanced4j.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Which of two equally good splits a tree keeps. */
class TreeGrowerTest {
  /** Draws the last open column each time: the columns are visited from the end of their order. */
  private static final RandomGenerator LAST = new RandomGenerator() {
    @Override
    public long nextLong() {
      return 0;
    }

    @Override
    public int nextInt(int bound) {
      return bound - 1;
    }
  };

  @Test
  void ofAOneHotColumnAndARangeThatCutTheRowsAlikeTheFirstVisitedKeepsTheSplit() {
    // the one-hot column A and the numeric column B put rows 0-3 left of row 4 alike; their left
    // sums of class 0 add the same weights in another order ((.1 + .2) + .3 against .1 + (.2 + .3)),
    // so their scores differ by rounding alone, and rounding must not choose between them
    float[] x = {
        0, 0,
        0, 1,
        0, 1,
        0, 0,
        1, 5};
    int[] y = {0, 0, 0, 1, 1};
    double[] w = {.1, .2, .3, .7, 1};
    TreeParams stump = new TreeParams(false, 1, 1, "all", false);
    float[] aLeftBRight = {0, 5};
    for (int[] columns : new int[][] {{0, 1}, {1, 0}}) {
      Tree t = new TreeGrower(Bins.of(x, 5, 2), y, 2, stump, columns).grow(new int[] {0, 1, 2, 3, 4}, w, LAST);
      double[] v = new double[2];
      t.addProba(aLeftBRight, 0, 1, v);
      boolean firstVisitedIsA = columns[1] == 0;
      assertThat(v[0] > 0).as("split on the first visited column, %s", firstVisitedIsA ? "A" : "B")
          .isEqualTo(firstVisitedIsA);
    }
  }
}
