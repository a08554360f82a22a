package org.imbalanced4j.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many rows each class has. Immutable.
 *
 * <p>The imbalance ratio is the count of the largest class divided by the count of the smallest
 * class that has rows (classes of the schema with no row, as in a subset, are ignored).
 */
public final class ClassCounts {
  private final List<String> classNames;
  private final long[] counts;
  private final long total;

  /** Counts by class, in class-code order. */
  public ClassCounts(List<String> classNames, long[] counts) {
    if (classNames.size() != counts.length) {
      throw new IllegalArgumentException(
          classNames.size() + " class names but " + counts.length + " counts");
    }
    this.classNames = List.copyOf(classNames);
    this.counts = counts.clone();
    long t = 0;
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("negative count " + c);
      }
      t += c;
    }
    this.total = t;
  }

  /** Counts the labels {@code 0..classNames.size()-1}. */
  public static ClassCounts of(List<String> classNames, int[] labels) {
    long[] c = new long[classNames.size()];
    for (int y : labels) {
      c[y]++;
    }
    return new ClassCounts(classNames, c);
  }

  /** The class names, in code order. */
  public List<String> classNames() {
    return classNames;
  }

  /** How many classes. */
  public int classCount() {
    return counts.length;
  }

  /** The rows of class {@code k}. */
  public long count(int k) {
    return counts[k];
  }

  /** The rows of each class, a copy. */
  public long[] counts() {
    return counts.clone();
  }

  /** The rows in all. */
  public long total() {
    return total;
  }

  /** Share of class {@code k} among all rows, in [0, 1]. */
  public double fraction(int k) {
    return total == 0 ? 0 : (double) counts[k] / total;
  }

  /** Number of classes with at least one row. */
  public int presentClassCount() {
    int n = 0;
    for (long c : counts) {
      if (c > 0) {
        n++;
      }
    }
    return n;
  }

  /** Code of the largest class (the first one on ties, as imbalanced-learn). */
  public int majority() {
    int best = 0;
    for (int k = 1; k < counts.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Code of the smallest class with rows (the first one on ties, as imbalanced-learn). */
  public int minority() {
    int best = -1;
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0 && (best < 0 || counts[k] < counts[best])) {
        best = k;
      }
    }
    return best;
  }

  /** Largest class count / smallest non-empty class count; NaN with no rows. */
  public double imbalanceRatio() {
    int min = minority();
    return min < 0 ? Double.NaN : (double) counts[majority()] / counts[min];
  }

  /** Class name to count, in class-code order. */
  public Map<String, Long> asMap() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int k = 0; k < counts.length; k++) {
      m.put(classNames.get(k), counts[k]);
    }
    return m;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
