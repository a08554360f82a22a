package org.imbalanced4j.sampling.under;

import java.util.HashSet;
import java.util.Set;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;

/** Checks and helpers of the under-samplers. */
final class UnderSupport {
  private UnderSupport() {}

  static int positive(String name, int v) {
    if (v < 1) {
      throw new InvalidOptionException(name + " must be at least 1, got " + v);
    }
    return v;
  }

  /** Number of distinct labels present. */
  static int presentClasses(Dataset d) {
    Set<Integer> s = new HashSet<>();
    for (int y : d.labels()) {
      s.add(y);
    }
    return s.size();
  }

  /**
   * imbalanced-learn's stop rule of the repeated cleaners: some class other than the original
   * minority became smaller than the minority was, or a class disappeared.
   */
  static boolean shouldStop(Dataset current, int minority, long minorityCount, int classesBefore) {
    long[] c = current.classCounts().counts();
    for (int k = 0; k < c.length; k++) {
      if (k != minority && c[k] > 0 && c[k] < minorityCount) {
        return true;
      }
    }
    return presentClasses(current) < classesBefore;
  }

  /** Composes index maps: the original rows of rows {@code inner} of a subset {@code outer}. */
  static int[] compose(int[] outer, int[] inner) {
    int[] out = new int[inner.length];
    for (int i = 0; i < inner.length; i++) {
      out[i] = outer[inner[i]];
    }
    return out;
  }
}
