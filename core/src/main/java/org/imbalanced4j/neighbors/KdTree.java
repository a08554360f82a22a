package org.imbalanced4j.neighbors;

/**
 * A k-d tree: points split at the median of their widest coordinate until at most a leaf's worth
 * remain ({@code 16 d}, between 32 and 256: in many dimensions a tree prunes little, and a large
 * leaf screened with vector arithmetic costs less than the nodes it replaces); each node keeps its bounding box, and a query skips every node whose box is
 * farther than its current k-th neighbour. Each leaf keeps its points' coordinates as one small
 * array per dimension, so that a leaf is screened with vectorised float arithmetic, and only the
 * points that may enter the result get their exact double distance.
 */
final class KdTree implements NeighborIndex {
  private final int n;
  private final int leafSize;
  private final int d;
  private final float[][] cols; // node * d + j -> coordinate j of the leaf's points, or null
  private final Coordinates inPlace; // the points, when the leaves hold no copy
  private final int maxLeaf;

  /** Coordinate j of input point row. */
  @FunctionalInterface
  interface Coordinates {
    float get(int row, int j);
  }
  private final int[] perm; // tree position -> original index
  // nodes
  private int nodes;
  private int[] start;
  private int[] end;
  private int[] left; // -1 for a leaf
  private int[] right;
  private float[] lo; // nodes x d
  private float[] hi;

  KdTree(float[] points, int n, int d) {
    this((row, j) -> points[row * d + j], n, d, true);
  }

  /**
   * A tree over n points of d coordinates; {@code copy} reads them once into the leaves (one
   * small array per leaf and dimension: fast searches, memory for a copy of the points),
   * otherwise searches read them in place (slower, no copy).
   */
  KdTree(Coordinates points, int n, int d, boolean copy) {
    this.n = n;
    this.d = d;
    this.perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    this.leafSize = Math.max(32, Math.min(256, 16 * d));
    int cap = 2 * Math.max(1, (n + leafSize - 1) / leafSize) * 2 + 1;
    start = new int[cap];
    end = new int[cap];
    left = new int[cap];
    right = new int[cap];
    lo = new float[cap * d];
    hi = new float[cap * d];
    build(points, 0, n);
    this.cols = copy ? new float[nodes * d][] : null;
    this.inPlace = copy ? null : points;
    int largest = 1;
    for (int node = 0; node < nodes; node++) {
      if (left[node] < 0) {
        int s0 = start[node];
        int m = end[node] - s0;
        largest = Math.max(largest, m);
        for (int j = 0; j < d && copy; j++) {
          float[] c = new float[m];
          for (int p = 0; p < m; p++) {
            c[p] = points.get(perm[s0 + p], j);
          }
          cols[node * d + j] = c;
        }
      }
    }
    this.maxLeaf = largest;
  }

  private int build(Coordinates points, int s, int e) {
    int node = nodes++;
    if (node >= start.length) {
      grow();
    }
    start[node] = s;
    end[node] = e;
    int bo = node * d;
    for (int j = 0; j < d; j++) {
      lo[bo + j] = Float.POSITIVE_INFINITY;
      hi[bo + j] = Float.NEGATIVE_INFINITY;
    }
    for (int i = s; i < e; i++) {
      for (int j = 0; j < d; j++) {
        float v = points.get(perm[i], j);
        if (v < lo[bo + j]) {
          lo[bo + j] = v;
        }
        if (v > hi[bo + j]) {
          hi[bo + j] = v;
        }
      }
    }
    if (e - s <= leafSize) {
      left[node] = -1;
      right[node] = -1;
      return node;
    }
    int dim = 0;
    float spread = -1;
    for (int j = 0; j < d; j++) {
      float w = hi[bo + j] - lo[bo + j];
      if (w > spread) {
        spread = w;
        dim = j;
      }
    }
    if (spread <= 0) { // all points equal
      left[node] = -1;
      right[node] = -1;
      return node;
    }
    int mid = (s + e) >>> 1;
    select(points, s, e - 1, mid, dim);
    int l = build(points, s, mid);
    int r = build(points, mid, e);
    left[node] = l;
    right[node] = r;
    return node;
  }

  private void grow() {
    int cap = start.length * 2;
    start = java.util.Arrays.copyOf(start, cap);
    end = java.util.Arrays.copyOf(end, cap);
    left = java.util.Arrays.copyOf(left, cap);
    right = java.util.Arrays.copyOf(right, cap);
    lo = java.util.Arrays.copyOf(lo, cap * d);
    hi = java.util.Arrays.copyOf(hi, cap * d);
  }

  /** Quickselect on perm[s..e] by coordinate dim so that position k holds the k-th smallest. */
  private void select(Coordinates points, int s, int e, int k, int dim) {
    while (e > s) {
      float pivot = points.get(perm[(s + e) >>> 1], dim);
      int i = s;
      int j = e;
      while (i <= j) {
        while (points.get(perm[i], dim) < pivot) {
          i++;
        }
        while (points.get(perm[j], dim) > pivot) {
          j--;
        }
        if (i <= j) {
          int t = perm[i];
          perm[i] = perm[j];
          perm[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        e = j;
      } else if (k >= i) {
        s = i;
      } else {
        return;
      }
    }
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public int dimensions() {
    return d;
  }

  @Override
  public Neighbors query(float[] queries, int nq, int k) {
    return run(queries, null, nq, k);
  }

  /**
   * Self queries run in tree order (neighbouring queries share their search paths and cache
   * lines); results are written back in the caller's order.
   */
  @Override
  public Neighbors querySelf(int[] rows, int k) {
    KnnSupport.checkK(k, n);
    int[] pos = positions();
    int[] order = treeOrder(rows, pos);
    int[] outIdx = new int[rows.length * k];
    double[] outDist = new double[rows.length * k];
    KnnSupport.parallel(rows.length, 512, (from, to) -> {
      Searcher s = new Searcher(k);
      for (int t = from; t < to; t++) {
        int q = order[t];
        s.top.reset();
        s.top.offer(rows[q], -1);
        s.search(s.pointAt(pos[rows[q]]), 0, rows[q]);
        s.top.write(q, outIdx, outDist);
      }
    });
    return new Neighbors(outIdx, outDist, k);
  }

  @Override
  public boolean[] crowded(float[] queries, int nq, double[] radius2, int count) {
    boolean[] out = new boolean[nq];
    KnnSupport.parallel(nq, 512, (from, to) -> {
      Searcher s = new Searcher(1);
      for (int q = from; q < to; q++) {
        out[q] = s.crowded(queries, q * d, radius2[q], count);
      }
    });
    return out;
  }

  /** The {@code count}-th smallest squared distance to the eligible points of the own leaf. */
  @Override
  public double[] localBound(int[] rows, int count, java.util.function.IntPredicate eligible) {
    int[] pos = positions();
    double[] out = new double[rows.length];
    KnnSupport.parallel(rows.length, 512, (from, to) -> {
      Searcher s = new Searcher(count);
      for (int q = from; q < to; q++) {
        int at = pos[rows[q]];
        int node = leafAt(at);
        float[] point = s.pointAt(at);
        s.top.reset();
        for (int p = start[node]; p < end[node]; p++) {
          if (eligible.test(perm[p])) {
            s.top.offer(perm[p], s.exactDist2(point, 0, node * d, p - start[node]));
          }
        }
        out[q] = s.top.bound();
      }
    });
    return out;
  }

  /** The leaf holding tree position {@code pos} (leaves hold consecutive positions). */
  private int leafAt(int pos) {
    int node = 0;
    while (left[node] >= 0) {
      node = pos < end[left[node]] ? left[node] : right[node];
    }
    return node;
  }

  /** Original index -> tree position. */
  private int[] positions() {
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      pos[perm[i]] = i;
    }
    return pos;
  }

  /** The positions 0..rows.length-1 of {@code rows}, sorted by their points' tree positions. */
  private static int[] treeOrder(int[] rows, int[] pos) {
    long[] keyed = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      keyed[i] = ((long) pos[rows[i]] << 32) | i;
    }
    java.util.Arrays.parallelSort(keyed);
    int[] order = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      order[i] = (int) keyed[i];
    }
    return order;
  }

  private Neighbors run(float[] queries, int[] self, int nq, int k) {
    KnnSupport.checkK(k, n);
    int[] outIdx = new int[nq * k];
    double[] outDist = new double[nq * k];
    KnnSupport.parallel(nq, 512, (from, to) -> {
      Searcher s = new Searcher(k);
      for (int q = from; q < to; q++) {
        s.top.reset();
        s.search(queries, q * d, -1);
        s.top.write(q, outIdx, outDist);
      }
    });
    return new Neighbors(outIdx, outDist, k);
  }

  /** One thread's search state. */
  private final class Searcher {
    final KnnSupport.TopK top;
    int[] stack = new int[256];
    double[] stackDist = new double[256];
    final float[] acc = new float[maxLeaf];

    final float[] point = new float[d];

    Searcher(int k) {
      this.top = new KnnSupport.TopK(k);
    }

    /** The coordinates of the point at tree position {@code pos}, gathered from its leaf. */
    float[] pointAt(int pos) {
      int node = leafAt(pos);
      int s0 = start[node];
      int m = end[node] - s0;
      for (int j = 0; j < d; j++) {
        point[j] = cols != null ? cols[node * d + j][pos - s0] : inPlace.get(perm[pos], j);
      }
      return point;
    }

    /** Exact squared distance, in double, to point p of the leaf whose columns start at base. */
    private double exactDist2(float[] q, int qo, int base, int p) {
      double s = 0;
      if (cols == null) {
        return exactDist2InPlace(q, qo, perm[start[base / d] + p]);
      }
      for (int j = 0; j < d; j++) {
        double t = (double) q[qo + j] - cols[base + j][p];
        s += t * t;
      }
      return s;
    }

    private double exactDist2InPlace(float[] q, int qo, int row) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double t = (double) q[qo + j] - inPlace.get(row, j);
        s += t * t;
      }
      return s;
    }

    /** {@link #screen} of the m points from tree position s0 read in place, row by row. */
    private void screenInPlace(float[] q, int qo, int s0, int m) {
      for (int p = 0; p < m; p++) {
        int row = perm[s0 + p];
        float s = 0;
        for (int j = 0; j < d; j++) {
          float t = q[qo + j] - inPlace.get(row, j);
          s += t * t;
        }
        acc[p] = s;
      }
    }

    void search(float[] q, int qo, int skip) {
      int sp = 0;
      stack[sp] = 0;
      stackDist[sp++] = 0;
      while (sp > 0) {
        sp--;
        int node = stack[sp];
        if (stackDist[sp] > top.bound()) {
          continue;
        }
        if (left[node] < 0) {
          scanLeaf(q, qo, node, skip);
          continue;
        }
        double bound = top.bound();
        double dl = boxDist2(q, qo, left[node], bound);
        double dr = boxDist2(q, qo, right[node], bound);
        if (sp + 2 > stack.length) {
          stack = java.util.Arrays.copyOf(stack, stack.length * 2);
          stackDist = java.util.Arrays.copyOf(stackDist, stackDist.length * 2);
        }
        // push the farther first so the nearer is searched first
        if (dl <= dr) {
          stack[sp] = right[node];
          stackDist[sp++] = dr;
          stack[sp] = left[node];
          stackDist[sp++] = dl;
        } else {
          stack[sp] = left[node];
          stackDist[sp++] = dl;
          stack[sp] = right[node];
          stackDist[sp++] = dr;
        }
      }
    }

    /**
     * Whether {@code count} points lie strictly within squared distance {@code r2} of q: nearer
     * children first, nodes whose box is not nearer than r2 skipped, stop at the count.
     */
    boolean crowded(float[] q, int qo, double r2, int count) {
      int sp = 0;
      stack[sp++] = 0;
      int found = 0;
      while (sp > 0) {
        int node = stack[--sp];
        if (left[node] < 0) {
          found += countLeaf(q, qo, node, r2, count - found);
          if (found >= count) {
            return true;
          }
          continue;
        }
        double dl = boxDist2(q, qo, left[node], r2);
        double dr = boxDist2(q, qo, right[node], r2);
        if (sp + 2 > stack.length) {
          stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        int near = dl <= dr ? left[node] : right[node];
        int far = dl <= dr ? right[node] : left[node];
        if (Math.max(dl, dr) < r2) {
          stack[sp++] = far;
        }
        if (Math.min(dl, dr) < r2) {
          stack[sp++] = near;
        }
      }
      return false;
    }

    /** Points of a leaf strictly within r2 of q (float screen, exact check), at most {@code max}. */
    private int countLeaf(float[] q, int qo, int node, double r2, int max) {
      int s0 = start[node];
      int m = end[node] - s0;
      int base = node * d;
      screen(q, qo, base, m);
      int c = 0;
      for (int p = 0; p < m && c < max; p++) {
        if (acc[p] * (1 - 1e-5) < r2 && exactDist2(q, qo, base, p) < r2) {
          c++;
        }
      }
      return c;
    }

    /**
     * Float squared distances from q to the m points of the leaf whose columns start at base,
     * into acc. Accumulator and column share their index, the loop shape C2 vectorises.
     */
    private void screen(float[] q, int qo, int base, int m) {
      float[] a = acc;
      if (cols == null) {
        screenInPlace(q, qo, start[base / d], m);
        return;
      }
      float[] c0 = cols[base];
      float q0 = q[qo];
      for (int p = 0; p < m; p++) {
        float t = q0 - c0[p];
        a[p] = t * t;
      }
      for (int j = 1; j < d; j++) {
        float qj = q[qo + j];
        float[] c = cols[base + j];
        for (int p = 0; p < m; p++) {
          float t = qj - c[p];
          a[p] += t * t;
        }
      }
    }

    /**
     * Screens a leaf with float distances computed dimension by dimension over its points (a loop
     * the JIT vectorises), then computes the exact double distance of each point that may beat
     * the current bound. The relative error of the float sum is far below the 1e-5 margin.
     */
    private void scanLeaf(float[] q, int qo, int node, int skip) {
      int s0 = start[node];
      int m = end[node] - s0;
      int base = node * d;
      float[] a = acc;
      screen(q, qo, base, m);
      double bound = top.bound();
      for (int p = 0; p < m; p++) {
        if (a[p] * (1 - 1e-5) <= bound) {
          int orig = perm[s0 + p];
          if (orig != skip) {
            double exact = exactDist2(q, qo, base, p);
            if (exact <= top.bound()) {
              top.offer(orig, exact);
              bound = top.bound();
            }
          }
        }
      }
    }
  }

  /**
   * Squared distance from the query to a node's bounding box (0 inside); stops summing once it
   * exceeds {@code bound} (the node is then skipped anyway).
   */
  private double boxDist2(float[] q, int qo, int node, double bound) {
    int bo = node * d;
    double s = 0;
    for (int j = 0; j < d; j++) {
      double v = q[qo + j];
      double t = v < lo[bo + j] ? lo[bo + j] - v : v > hi[bo + j] ? v - hi[bo + j] : 0;
      s += t * t;
      if (s > bound) {
        return s;
      }
    }
    return s;
  }
}
