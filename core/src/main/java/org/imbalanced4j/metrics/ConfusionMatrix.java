package org.imbalanced4j.metrics;

import java.util.Arrays;

/**
 * Counts of true class (row) against predicted class (column) over class codes {@code 0..k-1},
 * as scikit-learn's {@code confusion_matrix} with {@code labels=range(k)}. Immutable.
 *
 * <p>{@link #labels()} are the codes that occur in either vector, sorted: scikit-learn's default
 * label set ({@code unique_labels(y_true, y_pred)}).
 */
public final class ConfusionMatrix {
  private final long[] c; // k x k
  private final int k;

  private ConfusionMatrix(long[] c, int k) {
    this.c = c;
    this.k = k;
  }

  /** The matrix of two label vectors of equal length, codes in {@code 0..classes-1}. */
  public static ConfusionMatrix of(int[] yTrue, int[] yPred, int classes) {
    Checks.sameLength(yTrue.length, yPred.length);
    long[] c = new long[classes * classes];
    for (int i = 0; i < yTrue.length; i++) {
      c[yTrue[i] * classes + yPred[i]]++;
    }
    return new ConfusionMatrix(c, classes);
  }

  /** The matrix of counts {@code counts[true][predicted]}, square. */
  public static ConfusionMatrix of(long[][] counts) {
    int k = counts.length;
    long[] c = new long[k * k];
    for (int t = 0; t < k; t++) {
      if (counts[t].length != k) {
        throw new IllegalArgumentException("a confusion matrix is square; row " + t + " has " + counts[t].length);
      }
      for (int p = 0; p < k; p++) {
        if (counts[t][p] < 0) {
          throw new IllegalArgumentException("a negative count: " + counts[t][p]);
        }
        c[t * k + p] = counts[t][p];
      }
    }
    return new ConfusionMatrix(c, k);
  }

  /** How many classes. */
  public int classes() {
    return k;
  }

  /** Rows of true class {@code t} predicted as {@code p}. */
  public long get(int t, int p) {
    return c[t * k + p];
  }

  /** The counts as a {@code k x k} array. */
  public long[][] toArray() {
    long[][] out = new long[k][];
    for (int t = 0; t < k; t++) {
      out[t] = Arrays.copyOfRange(c, t * k, t * k + k);
    }
    return out;
  }

  /** How many rows were counted. */
  public long total() {
    return Arrays.stream(c).sum();
  }

  /** True positives of class {@code j}. */
  public long tp(int j) {
    return get(j, j);
  }

  /** Rows whose true class is {@code j} (support). */
  public long trueCount(int j) {
    long s = 0;
    for (int p = 0; p < k; p++) {
      s += get(j, p);
    }
    return s;
  }

  /** Rows predicted as {@code j}. */
  public long predictedCount(int j) {
    long s = 0;
    for (int t = 0; t < k; t++) {
      s += get(t, j);
    }
    return s;
  }

  /** Codes that occur as a true or a predicted class, ascending. */
  public int[] labels() {
    return java.util.stream.IntStream.range(0, k)
        .filter(j -> trueCount(j) > 0 || predictedCount(j) > 0).toArray();
  }

  /** The same counts restricted to the given codes, in that order. */
  public ConfusionMatrix restrict(int[] codes) {
    int m = codes.length;
    long[] r = new long[m * m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        r[a * m + b] = get(codes[a], codes[b]);
      }
    }
    return new ConfusionMatrix(r, m);
  }

  @Override
  public String toString() {
    return Arrays.deepToString(toArray());
  }
}
