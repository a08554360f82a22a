package org.imbalanced4j.neighbors;

import java.util.stream.IntStream;

/** What both search methods share: the bounded result heap and the parallel query loop. */
final class KnnSupport {
  private KnnSupport() {}

  /** Runs {@code body(from, to)} over [0, n) in blocks on the common pool. */
  static void parallel(int n, int block, java.util.function.BiConsumer<Integer, Integer> body) {
    int blocks = (n + block - 1) / block;
    if (blocks <= 1) {
      body.accept(0, n);
      return;
    }
    IntStream.range(0, blocks).parallel().forEach(b -> body.accept(b * block, Math.min(n, (b + 1) * block)));
  }

  static void checkK(int k, int n) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    if (k > n) {
      throw new IllegalArgumentException("asked for " + k + " neighbours of " + n + " points");
    }
  }

  /**
   * The k best (smallest squared distance, then lowest index) candidates seen so far, kept sorted
   * by insertion: k is small in every sampler.
   */
  static final class TopK {
    final int k;
    final int[] idx;
    final double[] d2;
    int size;

    TopK(int k) {
      this.k = k;
      this.idx = new int[k];
      this.d2 = new double[k];
    }

    void reset() {
      size = 0;
    }

    /** The squared distance a candidate must beat (or tie with a lower index) to enter. */
    double bound() {
      return size < k ? Double.POSITIVE_INFINITY : d2[k - 1];
    }

    void offer(int i, double dist2) {
      if (size == k && (dist2 > d2[k - 1] || (dist2 == d2[k - 1] && i > idx[k - 1]))) {
        return;
      }
      int pos = size < k ? size++ : k - 1;
      while (pos > 0 && (d2[pos - 1] > dist2 || (d2[pos - 1] == dist2 && idx[pos - 1] > i))) {
        d2[pos] = d2[pos - 1];
        idx[pos] = idx[pos - 1];
        pos--;
      }
      d2[pos] = dist2;
      idx[pos] = i;
    }

    /**
     * Writes the result for query q. A point queried against itself is offered first with
     * distance -1, so that it leads even among exact duplicates; it is written as distance 0.
     */
    void write(int q, int[] outIdx, double[] outDist) {
      int base = q * k;
      for (int j = 0; j < k; j++) {
        outIdx[base + j] = idx[j];
        outDist[base + j] = Math.max(0, d2[j]); // squared; Neighbors takes the root on reading
      }
    }
  }

  static double dist2(float[] a, int ao, float[] b, int bo, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double t = (double) a[ao + j] - (double) b[bo + j];
      s += t * t;
    }
    return s;
  }
}
