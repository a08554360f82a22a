package org.imbalanced4j.tree;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A fitted classification tree: node {@code n} splits on input column {@code feature[n]} at
 * {@code threshold[n]} (rows with {@code x <= threshold} go to {@code left[n]}, the others to
 * {@code right[n]}), or is a leaf ({@code feature[n] == -1}) holding the class distribution of its
 * training rows (weighted, summing to 1). Node 0 is the root. Immutable.
 */
public final class Tree {
  private final int classes;
  private final int[] feature;
  private final double[] threshold;
  private final int[] left;
  private final int[] right;
  private final double[] value;

  Tree(int classes, int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    int n = feature.length;
    if (threshold.length != n || left.length != n || right.length != n || value.length != (long) n * classes
        || n == 0) {
      throw new IllegalArgumentException("tree arrays of different lengths");
    }
    for (int i = 0; i < n; i++) {
      if (feature[i] >= 0 && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n)) {
        throw new IllegalArgumentException("tree node " + i + " has children outside the tree");
      }
    }
    this.classes = classes;
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.value = value;
  }

  /** Number of nodes, leaves included. */
  public int nodes() {
    return feature.length;
  }

  /** Number of leaves. */
  public int leaves() {
    int n = 0;
    for (int f : feature) {
      n += f < 0 ? 1 : 0;
    }
    return n;
  }

  /** Depth of the deepest leaf (the root alone has depth 0). */
  public int depth() {
    int[] d = new int[feature.length];
    int max = 0;
    for (int i = 0; i < feature.length; i++) {
      if (feature[i] >= 0) {
        d[left[i]] = d[i] + 1;
        d[right[i]] = d[i] + 1;
      }
      max = Math.max(max, d[i]);
    }
    return max;
  }

  /** The training share of class c at node n (node 0: the tree's whole draw). */
  double share(int n, int c) {
    return value[n * classes + c];
  }

  /** The leaf that row {@code x[offset..]} falls into. */
  int leaf(float[] x, int offset) {
    int n = 0;
    while (feature[n] >= 0) {
      n = x[offset + feature[n]] <= threshold[n] ? left[n] : right[n];
    }
    return n;
  }

  /** Adds {@code scale} times the leaf distribution of row {@code x[offset..]} to {@code out}. */
  void addProba(float[] x, int offset, double scale, double[] out) {
    int at = leaf(x, offset) * classes;
    for (int c = 0; c < classes; c++) {
      out[c] += scale * value[at + c];
    }
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(feature.length);
    for (int i = 0; i < feature.length; i++) {
      out.writeInt(feature[i]);
      out.writeDouble(threshold[i]);
      out.writeInt(left[i]);
      out.writeInt(right[i]);
      for (int c = 0; c < classes; c++) {
        out.writeDouble(value[i * classes + c]);
      }
    }
  }

  /**
   * A tree written by {@link #write}, checked against the input width; {@code floatThresholds} reads
   * the thresholds of models written before they were kept in double precision.
   */
  static Tree read(DataInputStream in, int classes, int width, boolean floatThresholds) throws IOException {
    int n = in.readInt();
    if (n <= 0 || n > 1 << 28) {
      throw new IOException("a tree of " + n + " nodes");
    }
    int[] f = new int[n];
    double[] t = new double[n];
    int[] l = new int[n];
    int[] r = new int[n];
    double[] v = new double[n * classes];
    for (int i = 0; i < n; i++) {
      f[i] = in.readInt();
      t[i] = floatThresholds ? in.readFloat() : in.readDouble();
      l[i] = in.readInt();
      r[i] = in.readInt();
      for (int c = 0; c < classes; c++) {
        v[i * classes + c] = in.readDouble();
      }
      if (f[i] >= width) {
        throw new IOException("a tree splits on input column " + f[i] + " of " + width);
      }
    }
    try {
      return new Tree(classes, f, t, l, r, v);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage());
    }
  }
}
