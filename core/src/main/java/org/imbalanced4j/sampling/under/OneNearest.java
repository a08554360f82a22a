package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.Dataset;

/**
 * A 1-nearest-neighbour classifier over a growing set of rows, by brute force in double: what
 * condensed nearest neighbour and one-sided selection consult. Ties go to the earlier-added row.
 */
final class OneNearest {
  private final Dataset data;
  private final int d;
  private int[] members = new int[64];
  private int size;

  OneNearest(Dataset data) {
    this.data = data;
    this.d = data.features();
  }

  void add(int row) {
    if (size == members.length) {
      members = java.util.Arrays.copyOf(members, size * 2);
    }
    members[size++] = row;
  }

  /** The label of the nearest member of row {@code i}. */
  int predict(int i) {
    float[] x = data.row(i);
    double best = Double.POSITIVE_INFINITY;
    int label = -1;
    for (int m = 0; m < size; m++) {
      int r = members[m];
      double s = 0;
      for (int j = 0; j < d; j++) {
        double t = (double) x[j] - data.value(r, j);
        s += t * t;
      }
      if (s < best) {
        best = s;
        label = data.label(r);
      }
    }
    return label;
  }
}
