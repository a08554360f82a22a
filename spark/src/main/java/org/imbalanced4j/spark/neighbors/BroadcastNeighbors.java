package org.imbalanced4j.spark.neighbors;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;

/**
 * Exact k-nearest neighbours among a class's rows on Spark: the rows (a minority: few next to
 * the data) are broadcast once, the queries are split into slices, and each task searches its
 * slice with core's exact index (a k-d tree, or brute force in many dimensions) over the
 * broadcast points. Ties and order are core's, so the neighbours are those core finds.
 *
 * <p>Cost: the broadcast is {@code 4 n d} bytes (100,000 rows of 20 features: 8 MB); each task
 * builds the index over all {@code n} points ({@code O(n log n)}) and answers {@code n / slices}
 * queries.
 */
public final class BroadcastNeighbors {
  private BroadcastNeighbors() {}

  /** Bytes the broadcast of {@code n} points of {@code d} floats takes. */
  public static long bytes(long n, int d) {
    return 4L * n * d;
  }

  /**
   * For each of the {@code n} points (row-major {@code d} floats), its {@code k} nearest other
   * points: {@code [i * k + j]} is the {@code j}-th nearest of point {@code i}, itself left out.
   */
  public static int[] self(JavaSparkContext jsc, float[] points, int n, int d, int k, int slices) {
    if ((long) n * d <= DRIVER_MAX_FLOATS) {
      return onDriver(points, n, d, k);
    }
    return distributed(jsc, points, n, d, k, slices);
  }

  /**
   * Up to this many floats (a million: 50,000 rows of 20 features) the search runs on the driver,
   * on all its cores: shipping the points to tasks costs more than searching them there.
   */
  static final long DRIVER_MAX_FLOATS = 1_000_000;

  static int[] onDriver(float[] points, int n, int d, int k) {
    Neighbors nn = NeighborIndex.of(points, n, d).querySelf(k + 1);
    int[] out = new int[n * k];
    for (int q = 0; q < n; q++) {
      for (int j = 0; j < k; j++) {
        out[q * k + j] = nn.index(q, j + 1);
      }
    }
    return out;
  }

  /** The search in tasks, the points broadcast and the queries in {@code slices} slices. */
  static int[] distributed(JavaSparkContext jsc, float[] points, int n, int d, int k, int slices) {
    org.imbalanced4j.spark.data.Stages.name(jsc.sc(), "exact " + k + " nearest of " + n + " rows of a class");
    Broadcast<float[]> shared = jsc.broadcast(points);
    try {
      int s = Math.max(1, Math.min(slices, n));
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < s; i++) {
        ids.add(i);
      }
      List<int[]> parts = jsc.parallelize(ids, s).map(slice -> {
        int from = (int) ((long) n * slice / s);
        int to = (int) ((long) n * (slice + 1) / s);
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = from + i;
        }
        Neighbors nn = NeighborIndex.of(shared.value(), n, d).querySelf(rows, k + 1);
        int[] out = new int[rows.length * k + 1];
        out[0] = slice;
        for (int q = 0; q < rows.length; q++) {
          for (int j = 0; j < k; j++) {
            out[1 + q * k + j] = nn.index(q, j + 1);
          }
        }
        return out;
      }).collect();
      int[] all = new int[n * k];
      for (int[] part : parts) {
        int slice = part[0];
        int from = (int) ((long) n * slice / s);
        System.arraycopy(part, 1, all, from * k, part.length - 1);
      }
      return all;
    } finally {
      shared.destroy();
    }
  }
}
