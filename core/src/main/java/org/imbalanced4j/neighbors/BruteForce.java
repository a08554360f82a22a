package org.imbalanced4j.neighbors;

/**
 * Exact search by comparing every query with every point, in cache-sized blocks of queries and
 * points. Best in high dimensions, where trees prune little.
 */
final class BruteForce implements NeighborIndex {
  private static final int QUERY_BLOCK = 16;
  private static final int POINT_BLOCK = 512;
  private final float[] points;
  private final int n;
  private final int d;

  BruteForce(float[] points, int n, int d) {
    this.points = points;
    this.n = n;
    this.d = d;
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

  @Override
  public Neighbors querySelf(int[] rows, int k) {
    return run(points, rows, rows.length, k);
  }

  /** Queries are rows of {@code src}: all of them in order, or those listed in {@code self}. */
  private Neighbors run(float[] src, int[] self, int nq, int k) {
    KnnSupport.checkK(k, n);
    int[] outIdx = new int[nq * k];
    double[] outDist = new double[nq * k];
    KnnSupport.parallel(nq, 256, (from, to) -> {
      KnnSupport.TopK[] tops = new KnnSupport.TopK[QUERY_BLOCK];
      for (int t = 0; t < QUERY_BLOCK; t++) {
        tops[t] = new KnnSupport.TopK(k);
      }
      for (int q0 = from; q0 < to; q0 += QUERY_BLOCK) {
        int q1 = Math.min(to, q0 + QUERY_BLOCK);
        for (int q = q0; q < q1; q++) {
          tops[q - q0].reset();
          if (self != null) {
            tops[q - q0].offer(self[q], -1);
          }
        }
        for (int p0 = 0; p0 < n; p0 += POINT_BLOCK) {
          int p1 = Math.min(n, p0 + POINT_BLOCK);
          for (int q = q0; q < q1; q++) {
            int qo = (self == null ? q : self[q]) * d;
            int skip = self == null ? -1 : self[q];
            KnnSupport.TopK top = tops[q - q0];
            for (int p = p0; p < p1; p++) {
              if (p != skip) {
                double s = KnnSupport.dist2(src, qo, points, p * d, d);
                if (s <= top.bound()) {
                  top.offer(p, s);
                }
              }
            }
          }
        }
        for (int q = q0; q < q1; q++) {
          tops[q - q0].write(q, outIdx, outDist);
        }
      }
    });
    return new Neighbors(outIdx, outDist, k);
  }

  @Override
  public boolean[] crowded(float[] queries, int nq, double[] radius2, int count) {
    boolean[] out = new boolean[nq];
    KnnSupport.parallel(nq, 256, (from, to) -> {
      for (int q = from; q < to; q++) {
        int c = 0;
        for (int p = 0; p < n && c < count; p++) {
          if (KnnSupport.dist2(queries, q * d, points, p * d, d) < radius2[q]) {
            c++;
          }
        }
        out[q] = c >= count;
      }
    });
    return out;
  }

  /** No structure to look in: nothing is at hand. */
  @Override
  public double[] localBound(int[] rows, int count, java.util.function.IntPredicate eligible) {
    double[] out = new double[rows.length];
    java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
    return out;
  }
}
