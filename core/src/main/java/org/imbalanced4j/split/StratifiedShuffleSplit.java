package org.imbalanced4j.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.random.NumpyRandom;

/**
 * Stratified random train/test splits, as scikit-learn's {@code StratifiedShuffleSplit} (1.2)
 * and {@code train_test_split(..., stratify=y)}: each class gets its share of the test set by
 * {@code _approximate_mode} (floors of the exact shares, the leftover rows going to the classes
 * with the largest remainders, ties broken at random), then rows are drawn by permutation. The
 * same seed gives the same indices as scikit-learn with {@code random_state=seed}.
 *
 * <pre>{@code
 * Split s = StratifiedShuffleSplit.trainTestSplit(labels, 0.25, 42);
 * }</pre>
 */
public final class StratifiedShuffleSplit {
  private StratifiedShuffleSplit() {}

  /**
   * One stratified split with {@code testSize} a fraction in (0, 1) (test rows = ceil(testSize *
   * n)) or, when {@code >= 1}, a row count.
   */
  public static Split trainTestSplit(int[] labels, double testSize, long seed) {
    return split(labels, testSize, 1, seed).get(0);
  }

  /** {@code nSplits} independent stratified splits from one seeded generator. */
  public static List<Split> split(int[] y, double testSize, int nSplits, long seed) {
    int n = y.length;
    int nTest;
    if (testSize > 0 && testSize < 1) {
      nTest = (int) Math.ceil(testSize * n);
    } else if (testSize >= 1 && testSize == Math.rint(testSize) && testSize < n) {
      nTest = (int) testSize;
    } else {
      throw new InvalidOptionException("test size must be a fraction in (0, 1) or a row count in [1, "
          + (n - 1) + "], got " + testSize);
    }
    int nTrain = n - nTest;
    int k = Arrays.stream(y).max().orElse(-1) + 1;
    int[] counts = new int[k];
    for (int v : y) {
      counts[v]++;
    }
    // classes present, in sorted order (np.unique)
    int[] classes = java.util.stream.IntStream.range(0, k).filter(c -> counts[c] > 0).toArray();
    int[] cc = Arrays.stream(classes).map(c -> counts[c]).toArray();
    int nClasses = classes.length;
    if (Arrays.stream(cc).min().orElse(0) < 2) {
      throw new org.imbalanced4j.DataException("the least populated class has only 1 row; a stratified "
          + "split needs at least 2 rows of every class");
    }
    if (nTrain < nClasses || nTest < nClasses) {
      throw new org.imbalanced4j.DataException("train (" + nTrain + ") and test (" + nTest
          + ") sets must each hold at least one row of each of the " + nClasses + " classes");
    }
    int[][] classIndices = new int[nClasses][];
    for (int c = 0; c < nClasses; c++) {
      classIndices[c] = new int[cc[c]];
      int at = 0;
      for (int i = 0; i < n; i++) {
        if (y[i] == classes[c]) {
          classIndices[c][at++] = i;
        }
      }
    }
    NumpyRandom rng = new NumpyRandom(seed);
    List<Split> out = new ArrayList<>();
    for (int s = 0; s < nSplits; s++) {
      int[] nI = approximateMode(cc, nTrain, rng);
      int[] rest = new int[nClasses];
      for (int c = 0; c < nClasses; c++) {
        rest[c] = cc[c] - nI[c];
      }
      int[] tI = approximateMode(rest, nTest, rng);
      int[] train = new int[nTrain];
      int[] test = new int[nTest];
      int a = 0;
      int b = 0;
      for (int c = 0; c < nClasses; c++) {
        int[] perm = rng.permutation(cc[c]);
        for (int j = 0; j < nI[c]; j++) {
          train[a++] = classIndices[c][perm[j]];
        }
        for (int j = nI[c]; j < nI[c] + tI[c]; j++) {
          test[b++] = classIndices[c][perm[j]];
        }
      }
      out.add(new Split(0, s, rng.permutation(Arrays.copyOf(train, a)),
          rng.permutation(Arrays.copyOf(test, b))));
    }
    return out;
  }

  /** scikit-learn's {@code _approximate_mode}: how many of {@code nDraws} each class gets. */
  static int[] approximateMode(int[] classCounts, int nDraws, NumpyRandom rng) {
    int k = classCounts.length;
    long sum = 0;
    for (int c : classCounts) {
      sum += c;
    }
    double[] continuous = new double[k];
    int[] floored = new int[k];
    long flooredSum = 0;
    for (int c = 0; c < k; c++) {
      continuous[c] = (double) classCounts[c] / (double) sum * nDraws;
      floored[c] = (int) Math.floor(continuous[c]);
      flooredSum += floored[c];
    }
    int needToAdd = (int) (nDraws - flooredSum);
    if (needToAdd > 0) {
      double[] remainder = new double[k];
      TreeSet<Double> values = new TreeSet<>();
      for (int c = 0; c < k; c++) {
        remainder[c] = continuous[c] - floored[c];
        values.add(remainder[c]);
      }
      for (double value : values.descendingSet()) {
        int[] inds = java.util.stream.IntStream.range(0, k)
            .filter(c -> remainder[c] == value).toArray();
        int addNow = Math.min(inds.length, needToAdd);
        int[] perm = rng.permutation(inds.length);
        for (int j = 0; j < addNow; j++) {
          floored[inds[perm[j]]]++;
        }
        needToAdd -= addNow;
        if (needToAdd == 0) {
          break;
        }
      }
    }
    return floored;
  }
}
