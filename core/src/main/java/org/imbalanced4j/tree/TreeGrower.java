package org.imbalanced4j.tree;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Grows one CART classification tree (Breiman, Friedman, Olshen and Stone, "Classification and
 * Regression Trees", 1984) depth first, as scikit-learn's {@code DepthFirstTreeBuilder} does, on
 * pre-binned columns ({@link Bins}). At each node it tries {@code max_features} columns drawn
 * without replacement (constant columns do not count, as in scikit-learn), builds each one's
 * weighted class histogram over its bins, and takes the threshold that minimises the weighted
 * impurity of the children, {@code W_L I(L) + W_R I(R)}, with
 *
 * <ul>
 *   <li>Gini: {@code I = 1 - sum_c p_c^2}, so the split maximises {@code sum_c L_c^2 / W_L + sum_c
 *       R_c^2 / W_R};
 *   <li>entropy: {@code I = -sum_c p_c log p_c}, so it maximises {@code sum_c L_c log(L_c / W_L) +
 *       sum_c R_c log(R_c / W_R)};
 * </ul>
 *
 * <p>where {@code L_c, R_c} are the summed weights of class c on each side. Extremely randomised
 * trees (Geurts, Ernst and Wehenkel, Machine Learning 63, 2006) draw one threshold per column
 * uniformly between the node's smallest and largest value instead of searching. A node is a leaf
 * when it is pure, at {@code max_depth}, has fewer than {@code 2 * min_samples_leaf} rows, or no
 * threshold leaves {@code min_samples_leaf} rows on both sides. Not thread-safe: one grower per
 * thread.
 */
final class TreeGrower {
  private final Bins bins;
  private final int[] y;
  private final int classes;
  private final TreeParams params;
  private final int tryFeatures;
  private final double[] hist;
  private final int[] count;
  // the tree under construction
  private int size;
  private int[] feature = new int[64];
  /** scikit-learn's {@code EPSILON}: {@code np.finfo(np.double).eps}. */
  private static final double EPSILON = Math.ulp(1.0);
  /**
   * A split of a two-valued column (a one-hot level, say) whose score differs from the best so far
   * by less than this share ties it, and the column visited first keeps the split. Such a split
   * often cuts the node's rows as a numeric range does, with a score equal but for the order of a
   * floating-point sum: ours adds the left side's bins, scikit-learn's splitter takes the node's
   * total less the smaller side, row by row. Between columns of many values, where our sums run in
   * scikit-learn's order (values ascending), the exact comparison stands, as it does there.
   */
  private static final double TIE = 1e-12;
  private static final double LN2 = Math.log(2);
  private final int[] columns;
  private double[] threshold = new double[64];
  private int[] left = new int[64];
  private int[] right = new int[64];
  private double[] value;
  /** The children's impurities of the last {@link #score}. */
  private double lastLeft;
  private double lastRight;

  /**
   * @param columns the columns in the order a split search visits them before its random draws
   *     (which of two equally good splits is kept depends on it)
   */
  TreeGrower(Bins bins, int[] y, int classes, TreeParams params, int[] columns) {
    if (columns.length != bins.cols()) {
      throw new IllegalArgumentException(columns.length + " columns for a table of " + bins.cols());
    }
    this.columns = columns.clone();
    this.bins = bins;
    this.y = y;
    this.classes = classes;
    this.params = params;
    this.tryFeatures = params.featuresOf(bins.cols());
    this.hist = new double[bins.maxBinCount() * classes];
    this.count = new int[bins.maxBinCount()];
  }

  /**
   * A tree of the rows {@code rows} (reordered in place) with weights {@code weight[row]} (all
   * positive), its random choices drawn from {@code rng}.
   */
  Tree grow(int[] rows, double[] weight, RandomGenerator rng) {
    size = 0;
    value = new double[64 * classes];
    int[] features = columns.clone();
    // explicit stack of (node, start, end, depth)
    int[] stack = new int[64 * 4];
    int top = 0;
    int root = newNode();
    stack[top++] = root;
    stack[top++] = 0;
    stack[top++] = rows.length;
    stack[top++] = 0;
    double[] total = new double[classes];
    double[] best = new double[5];
    double rootWeight = Double.NaN;
    while (top > 0) {
      int depth = stack[--top];
      int end = stack[--top];
      int start = stack[--top];
      int node = stack[--top];
      Arrays.fill(total, 0);
      double w = 0;
      for (int r = start; r < end; r++) {
        int i = rows[r];
        total[y[i]] += weight[i];
        w += weight[i];
      }
      if (node == root) {
        rootWeight = w;
      }
      for (int c = 0; c < classes; c++) {
        value[node * classes + c] = total[c] / w;
      }
      feature[node] = -1;
      int n = end - start;
      double parent = impurity(total, w);
      if ((params.maxDepth() > 0 && depth >= params.maxDepth()) || n < 2 * params.minSamplesLeaf() || n < 2
          || parent <= EPSILON) {
        continue;
      }
      int split = findSplit(rows, start, end, weight, total, w, features, rng, best);
      if (split < 0 || improvement(parent, w, best[2], best[3], best[4], rootWeight) + EPSILON < 0) {
        continue; // scikit-learn's leaf when rounding makes the best split's improvement negative
      }
      int f = (int) best[0];
      int b = (int) best[1];
      int mid = partition(rows, start, end, f, b);
      int below = 0;
      int above = Integer.MAX_VALUE;
      for (int at = start; at < end; at++) {
        int code = bins.code(f, rows[at]);
        if (at < mid) {
          below = Math.max(below, code);
        } else {
          above = Math.min(above, code);
        }
      }
      int l = newNode();
      int r = newNode();
      feature[node] = f;
      threshold[node] = bins.threshold(f, below, above); // between the node's neighbouring values
      left[node] = l;
      right[node] = r;
      if (top + 8 > stack.length) {
        stack = Arrays.copyOf(stack, stack.length * 2);
      }
      // right pushed first so the left child is grown first, as scikit-learn numbers nodes
      stack[top++] = r;
      stack[top++] = mid;
      stack[top++] = end;
      stack[top++] = depth + 1;
      stack[top++] = l;
      stack[top++] = start;
      stack[top++] = mid;
      stack[top++] = depth + 1;
    }
    return new Tree(classes, Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
        Arrays.copyOf(right, size), Arrays.copyOf(value, size * classes));
  }

  private int newNode() {
    if (size == feature.length) {
      int cap = size * 2;
      feature = Arrays.copyOf(feature, cap);
      threshold = Arrays.copyOf(threshold, cap);
      left = Arrays.copyOf(left, cap);
      right = Arrays.copyOf(right, cap);
    }
    if ((size + 1) * classes > value.length) {
      value = Arrays.copyOf(value, value.length * 2);
    }
    return size++;
  }

  /**
   * The best split of rows {@code [start, end)}: {@code out = {feature, bin}}, returning the
   * feature, or -1 when no column splits the node.
   */
  private int findSplit(int[] rows, int start, int end, double[] weight, double[] total, double w, int[] features,
      RandomGenerator rng, double[] out) {
    char[] codes = bins.codes();
    int n = bins.rows();
    int minLeaf = params.minSamplesLeaf();
    double bestScore = Double.NEGATIVE_INFINITY;
    int bestFeature = -1;
    int bestBin = -1;
    double[] lw = new double[classes];
    int visited = 0;
    // Fisher-Yates from the end, one draw at a time, columns constant in this node moved to the
    // front, as scikit-learn's BestSplitter draws them
    int constant = 0;
    for (int open = features.length; open > constant && visited < tryFeatures; ) {
      int pick = constant + rng.nextInt(open - constant);
      int f = features[pick];
      int nb = bins.binCount(f);
      int lo = 0;
      int hi = 0;
      if (nb >= 2) {
        Arrays.fill(hist, 0, nb * classes, 0);
        Arrays.fill(count, 0, nb, 0);
        int base = f * n;
        for (int r = start; r < end; r++) {
          int i = rows[r];
          int b = codes[base + i];
          hist[b * classes + y[i]] += weight[i];
          count[b]++;
        }
        while (count[lo] == 0) {
          lo++;
        }
        hi = nb - 1;
        while (count[hi] == 0) {
          hi--;
        }
      }
      if (lo == hi) { // constant in this node: moved to the front, not counted as tried
        features[pick] = features[constant];
        features[constant++] = f;
        continue;
      }
      open--;
      features[pick] = features[open];
      features[open] = f;
      visited++;
      int from = lo;
      int to = hi - 1;
      if (params.randomSplits()) {
        // a threshold uniform between the node's extremes, in the column's own units
        float a = bins.edge(f, lo);
        float c = bins.edge(f, hi - 1);
        float t = a + (float) rng.nextDouble() * (c - a);
        from = Math.max(lo, Math.min(hi - 1, bins.binOf(f, t)));
        to = from;
      }
      Arrays.fill(lw, 0);
      double wl = 0;
      int nl = 0;
      for (int b = lo; b <= to; b++) {
        for (int c = 0; c < classes; c++) {
          lw[c] += hist[b * classes + c];
        }
        wl += sumRow(b);
        nl += count[b];
        if (b < from || nl < minLeaf || (end - start) - nl < minLeaf || count[b] == 0 && b != from) {
          continue;
        }
        double score = score(lw, wl, total, w);
        if (bestFeature < 0 || score > bestScore
            + (nb == 2 || bins.binCount(bestFeature) == 2 ? TIE * Math.abs(bestScore) : 0)) {
          bestScore = score;
          bestFeature = f;
          bestBin = b;
          out[2] = wl;
          out[3] = lastLeft;
          out[4] = lastRight;
        }
      }
    }
    out[0] = bestFeature;
    out[1] = bestBin;
    return bestFeature;
  }

  private double sumRow(int b) {
    double s = 0;
    for (int c = 0; c < classes; c++) {
      s += hist[b * classes + c];
    }
    return s;
  }

  /**
   * Higher is better: minus the children's weighted impurity, {@code -W_R I(R) - W_L I(L)}, with
   * each impurity computed as scikit-learn's {@code proxy_impurity_improvement} computes it (Gini
   * {@code 1 - sum_c L_c^2 / W_L^2}, entropy {@code -sum_c p_c log2 p_c}). Algebraically {@code
   * sum_c L_c^2 / W_L + sum_c R_c^2 / W_R - W}, but not in rounding: when boosting has driven a
   * node's weights to 2.2e-16 its children's impurities are as small as the rounding of {@code 1 -
   * sum_c p_c^2}, and scikit-learn's choice of split there follows that rounding.
   */
  private double score(double[] lw, double wl, double[] total, double w) {
    double wr = w - wl;
    double il = 0;
    double ir = 0;
    if (params.entropy()) {
      for (int c = 0; c < classes; c++) {
        double pl = lw[c] / wl;
        double pr = (total[c] - lw[c]) / wr;
        il -= pl > 0 ? pl * (Math.log(pl) / LN2) : 0;
        ir -= pr > 0 ? pr * (Math.log(pr) / LN2) : 0;
      }
    } else {
      double sl = 0;
      double sr = 0;
      for (int c = 0; c < classes; c++) {
        double r = total[c] - lw[c];
        sl += lw[c] * lw[c];
        sr += r * r;
      }
      il = 1.0 - sl / (wl * wl);
      ir = 1.0 - sr / (wr * wr);
    }
    lastLeft = il;
    lastRight = ir;
    return -wr * ir - wl * il;
  }

  /**
   * A split's weighted impurity decrease as scikit-learn's {@code impurity_improvement} computes
   * it: {@code W/W_root (I - W_R/W I(R) - W_L/W I(L))}.
   */
  private static double improvement(double parent, double w, double wl, double il, double ir, double rootWeight) {
    double wr = w - wl;
    return w / rootWeight * (parent - wr / w * ir - wl / w * il);
  }

  /**
   * The node's impurity as scikit-learn's criteria compute it: Gini {@code 1 - sum_c t_c^2 / w^2},
   * entropy {@code -sum_c p_c log2 p_c}. A node at or below {@link #EPSILON} is a leaf, as there: a
   * boosting round whose rare rows weigh 1e-13 of the node still splits them off.
   */
  private double impurity(double[] total, double w) {
    if (params.entropy()) {
      double e = 0;
      for (double t : total) {
        double p = t / w;
        e -= p > 0 ? p * Math.log(p) / LN2 : 0;
      }
      return e;
    }
    double sq = 0;
    for (double t : total) {
      sq += t * t;
    }
    return 1 - sq / (w * w);
  }

  /** Moves rows with code &lt;= b in column f before the others; returns where the others start. */
  private int partition(int[] rows, int start, int end, int f, int b) {
    char[] codes = bins.codes();
    int base = f * bins.rows();
    int i = start;
    int j = end - 1;
    while (i <= j) {
      if (codes[base + rows[i]] <= b) {
        i++;
      } else {
        int t = rows[i];
        rows[i] = rows[j];
        rows[j--] = t;
      }
    }
    return i;
  }
}
