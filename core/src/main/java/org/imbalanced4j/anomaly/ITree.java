package org.imbalanced4j.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One isolation tree: node {@code n} sends rows with {@code x[feature[n]] <= threshold[n]} left,
 * others right; a leaf ({@code feature[n] == -1}) holds {@code depth + c(m)} for its m training
 * rows, the path length of a row that ends there. Immutable.
 */
final class ITree {
  private final int[] feature;
  private final float[] threshold;
  private final int[] left;
  private final int[] right;
  private final double[] path;

  private ITree(int[] feature, float[] threshold, int[] left, int[] right, double[] path) {
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.path = path;
  }

  /**
   * Grows a tree on the rows {@code rows} (reordered in place) of {@code x}: a random column that
   * is not constant in the node (drawn until one is found, as scikit-learn's random splitter does),
   * a threshold uniform in {@code [min, max)} of its values in the node; leaves at one row, at
   * {@code maxDepth}, or when every column is constant.
   */
  static ITree grow(float[] x, int width, int[] rows, int maxDepth, SplittableRandom rng) {
    Builder b = new Builder();
    int[] stack = new int[64];
    int top = 0;
    stack[top++] = b.node();
    stack[top++] = 0;
    stack[top++] = rows.length;
    stack[top++] = 0;
    int[] features = new int[width];
    for (int j = 0; j < width; j++) {
      features[j] = j;
    }
    while (top > 0) {
      int depth = stack[--top];
      int end = stack[--top];
      int start = stack[--top];
      int node = stack[--top];
      int n = end - start;
      int f = -1;
      float lo = 0;
      float hi = 0;
      if (n > 1 && depth < maxDepth) {
        for (int k = 0; k < width && f < 0; k++) {
          int pick = k + rng.nextInt(width - k);
          int j = features[pick];
          features[pick] = features[k];
          features[k] = j;
          lo = Float.POSITIVE_INFINITY;
          hi = Float.NEGATIVE_INFINITY;
          for (int r = start; r < end; r++) {
            float v = x[rows[r] * width + j];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
          if (hi > lo) {
            f = j;
          }
        }
      }
      if (f < 0) {
        b.leaf(node, depth + IsolationForest.averagePath(n));
        continue;
      }
      float t = (float) (lo + rng.nextDouble() * ((double) hi - lo));
      if (t >= hi) {
        t = lo;
      }
      int i = start;
      int j = end - 1;
      while (i <= j) {
        if (x[rows[i] * width + f] <= t) {
          i++;
        } else {
          int s = rows[i];
          rows[i] = rows[j];
          rows[j--] = s;
        }
      }
      int l = b.node();
      int r = b.node();
      b.split(node, f, t, l, r);
      if (top + 8 > stack.length) {
        stack = Arrays.copyOf(stack, stack.length * 2);
      }
      stack[top++] = r;
      stack[top++] = i;
      stack[top++] = end;
      stack[top++] = depth + 1;
      stack[top++] = l;
      stack[top++] = start;
      stack[top++] = i;
      stack[top++] = depth + 1;
    }
    return b.build();
  }

  /** The path length of row {@code x[offset..]}. */
  double pathLength(float[] x, int offset) {
    int n = 0;
    while (feature[n] >= 0) {
      n = x[offset + feature[n]] <= threshold[n] ? left[n] : right[n];
    }
    return path[n];
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(feature.length);
    for (int i = 0; i < feature.length; i++) {
      out.writeInt(feature[i]);
      out.writeFloat(threshold[i]);
      out.writeInt(left[i]);
      out.writeInt(right[i]);
      out.writeDouble(path[i]);
    }
  }

  static ITree read(DataInputStream in, int width) throws IOException {
    int n = in.readInt();
    if (n < 1 || n > 1 << 24) {
      throw new IOException("an isolation tree of " + n + " nodes");
    }
    int[] f = new int[n];
    float[] t = new float[n];
    int[] l = new int[n];
    int[] r = new int[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = in.readInt();
      t[i] = in.readFloat();
      l[i] = in.readInt();
      r[i] = in.readInt();
      p[i] = in.readDouble();
      if (f[i] >= width || (f[i] >= 0 && (l[i] <= i || r[i] <= i || l[i] >= n || r[i] >= n))) {
        throw new IOException("isolation tree node " + i + " is malformed");
      }
    }
    return new ITree(f, t, l, r, p);
  }

  /** The growing arrays of a tree. */
  private static final class Builder {
    private int size;
    private int[] feature = new int[32];
    private float[] threshold = new float[32];
    private int[] left = new int[32];
    private int[] right = new int[32];
    private double[] path = new double[32];

    int node() {
      if (size == feature.length) {
        int cap = size * 2;
        feature = Arrays.copyOf(feature, cap);
        threshold = Arrays.copyOf(threshold, cap);
        left = Arrays.copyOf(left, cap);
        right = Arrays.copyOf(right, cap);
        path = Arrays.copyOf(path, cap);
      }
      feature[size] = -1;
      return size++;
    }

    void leaf(int node, double pathLength) {
      feature[node] = -1;
      path[node] = pathLength;
    }

    void split(int node, int f, float t, int l, int r) {
      feature[node] = f;
      threshold[node] = t;
      left[node] = l;
      right[node] = r;
    }

    ITree build() {
      return new ITree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
          Arrays.copyOf(right, size), Arrays.copyOf(path, size));
    }
  }
}
