package org.imbalanced4j.sampling;

import java.util.Arrays;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;

/** Helpers the samplers share: class rows, row subsets as arrays, output assembly. */
public final class SamplerSupport {
  private SamplerSupport() {}

  /** The rows of class {@code k}, ascending ({@code np.flatnonzero(y == k)}). */
  public static int[] rowsOf(int[] labels, int k) {
    int n = 0;
    for (int y : labels) {
      if (y == k) {
        n++;
      }
    }
    int[] out = new int[n];
    int at = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == k) {
        out[at++] = i;
      }
    }
    return out;
  }

  /** The rows of every class but {@code k}, ascending. */
  public static int[] rowsNotOf(int[] labels, int k) {
    int n = 0;
    for (int y : labels) {
      if (y != k) {
        n++;
      }
    }
    int[] out = new int[n];
    int at = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != k) {
        out[at++] = i;
      }
    }
    return out;
  }

  /** The code of the class with the most rows (the lowest code on ties). */
  public static int largestClass(int[] labels, int classCount) {
    int[] c = new int[classCount];
    for (int y : labels) {
      c[y]++;
    }
    int best = 0;
    for (int k = 1; k < classCount; k++) {
      if (c[k] > c[best]) {
        best = k;
      }
    }
    return best;
  }

  /** The features of the given rows, row-major, as a new array. */
  public static float[] rows(Dataset data, int[] rows) {
    int d = data.features();
    float[] out = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      data.copyRow(rows[i], out, i * d);
    }
    return out;
  }

  /** A neighbour index over all rows of {@code data}. */
  public static NeighborIndex index(Dataset data) {
    return NeighborIndex.of(data);
  }

  /** A neighbour index over some rows (positions in the index are positions in {@code rows}). */
  public static NeighborIndex index(Dataset data, int[] rows) {
    return NeighborIndex.of(data.subset(rows));
  }

  /** The kept input rows, in the given order, as a view. */
  public static Resampled keep(Dataset data, int[] rows) {
    return new Resampled(data.subset(rows), rows);
  }

  /** {@code 0..n-1}. */
  public static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  /** Concatenates int arrays. */
  public static int[] concat(int[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    int[] out = new int[n];
    int at = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** The rows of {@code 0..n-1} that are not flagged. */
  public static int[] unflagged(boolean[] flagged) {
    int n = 0;
    for (boolean f : flagged) {
      if (!f) {
        n++;
      }
    }
    int[] out = new int[n];
    int at = 0;
    for (int i = 0; i < flagged.length; i++) {
      if (!flagged[i]) {
        out[at++] = i;
      }
    }
    return out;
  }
}
