package org.imbalanced4j.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.random.NumpyRandom;

/**
 * Stratified k-fold cross-validation, fold for fold as scikit-learn's {@code StratifiedKFold}
 * (1.2): each class is dealt round-robin over the folds in sorted label order, so fold sizes
 * differ by at most one per class; with {@code shuffle} each class's fold assignment is shuffled
 * with NumPy's legacy generator, so the same seed gives the same folds as {@code
 * StratifiedKFold(n_splits, shuffle=True, random_state=seed)}.
 *
 * <pre>{@code
 * List<Split> folds = StratifiedKFold.builder().optNSplits(5).optShuffle(true).optSeed(42)
 *     .build().split(dataset.labels());
 * }</pre>
 */
public final class StratifiedKFold {
  private final int nSplits;
  private final boolean shuffle;
  private final long seed;

  private StratifiedKFold(Builder b) {
    this.nSplits = b.nSplits;
    this.shuffle = b.shuffle;
    this.seed = b.seed;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many folds. */
  public int nSplits() {
    return nSplits;
  }

  /** The folds of {@code labels}: fold i tests on the rows assigned to it, trains on the rest. */
  public List<Split> split(int[] labels) {
    return split(labels, shuffle ? new NumpyRandom(seed) : null, 0);
  }

  /** Splits with a generator shared across calls (as RepeatedStratifiedKFold does). */
  static List<Split> split(int[] y, int nSplits, NumpyRandom rng, int repeat) {
    int[] testFolds = testFolds(y, nSplits, rng);
    List<Split> out = new ArrayList<>(nSplits);
    for (int f = 0; f < nSplits; f++) {
      int nt = 0;
      for (int t : testFolds) {
        if (t == f) {
          nt++;
        }
      }
      int[] test = new int[nt];
      int[] train = new int[y.length - nt];
      int a = 0;
      int b = 0;
      for (int i = 0; i < y.length; i++) {
        if (testFolds[i] == f) {
          test[a++] = i;
        } else {
          train[b++] = i;
        }
      }
      out.add(new Split(repeat, f, train, test));
    }
    return out;
  }

  private List<Split> split(int[] y, NumpyRandom rng, int repeat) {
    return split(y, nSplits, rng, repeat);
  }

  private static int[] testFolds(int[] y, int nSplits, NumpyRandom rng) {
    int n = y.length;
    if (nSplits > n) {
      throw new InvalidOptionException(
          "cannot make " + nSplits + " folds of " + n + " rows; use at most " + n);
    }
    // classes encoded by order of first appearance, as scikit-learn does
    int maxLabel = Arrays.stream(y).max().orElse(0);
    int[] order = new int[maxLabel + 1];
    Arrays.fill(order, -1);
    int k = 0;
    for (int v : y) {
      if (v < 0) {
        throw new IllegalArgumentException("negative label " + v);
      }
      if (order[v] < 0) {
        order[v] = k++;
      }
    }
    int[] enc = new int[n];
    int[] counts = new int[k];
    for (int i = 0; i < n; i++) {
      enc[i] = order[y[i]];
      counts[enc[i]]++;
    }
    if (Arrays.stream(counts).allMatch(c -> c < nSplits)) {
      throw new InvalidOptionException("cannot make " + nSplits
          + " stratified folds: no class has that many rows (largest: "
          + Arrays.stream(counts).max().orElse(0) + ")");
    }
    // allocation[f][c]: rows of class c in fold f, dealt round-robin over the sorted labels
    int[][] allocation = new int[nSplits][k];
    int pos = 0;
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < counts[c]; j++, pos++) {
        allocation[pos % nSplits][c]++;
      }
    }
    int[] testFolds = new int[n];
    for (int c = 0; c < k; c++) {
      int[] folds = new int[counts[c]];
      int at = 0;
      for (int f = 0; f < nSplits; f++) {
        for (int j = 0; j < allocation[f][c]; j++) {
          folds[at++] = f;
        }
      }
      if (rng != null) {
        rng.shuffle(folds);
      }
      at = 0;
      for (int i = 0; i < n; i++) {
        if (enc[i] == c) {
          testFolds[i] = folds[at++];
        }
      }
    }
    return testFolds;
  }

  /** Builder: {@code optNSplits} (default 5), {@code optShuffle} (false), {@code optSeed} (0). */
  public static final class Builder {
    private int nSplits = 5;
    private boolean shuffle;
    private long seed;

    /** Sets scikit-learn's {@code n_splits} (default: 5). */
    public Builder optNSplits(int nSplits) {
      if (nSplits < 2) {
        throw new InvalidOptionException("the number of folds must be at least 2, got " + nSplits);
      }
      this.nSplits = nSplits;
      return this;
    }

    /** Sets scikit-learn's {@code shuffle} (default: false). */
    public Builder optShuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the {@code StratifiedKFold}. */
    public StratifiedKFold build() {
      return new StratifiedKFold(this);
    }
  }
}
