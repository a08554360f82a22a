package org.imbalanced4j.spark.neighbors;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The {@code k} nearest rows of each of {@code queries} query points, nearest first, by squared
 * distance and then by the lower global row index (the order of core's exact index, so that
 * tables found on separate partitions merge into the table one index over all rows would give).
 * A slot not filled yet has index -1 and an infinite distance.
 */
public final class KnnTable implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int queries;
  private final int k;
  private final long[] index;
  private final double[] squared;
  private final int[] label;

  /** An empty table: every neighbour missing (-1) at infinite distance. */
  public KnnTable(int queries, int k) {
    this.queries = queries;
    this.k = k;
    this.index = new long[queries * k];
    this.squared = new double[queries * k];
    this.label = new int[queries * k];
    Arrays.fill(index, -1);
    Arrays.fill(squared, Double.POSITIVE_INFINITY);
  }

  /** How many queries. */
  public int queries() {
    return queries;
  }

  /** Neighbours per query. */
  public int k() {
    return k;
  }

  /** The global row index of the {@code j}-th nearest row of query {@code q}, or -1. */
  public long index(int q, int j) {
    return index[q * k + j];
  }

  /** The squared distance to the {@code j}-th nearest row of query {@code q}. */
  public double squaredDistance(int q, int j) {
    return squared[q * k + j];
  }

  /** The class code of the {@code j}-th nearest row of query {@code q}. */
  public int label(int q, int j) {
    return label[q * k + j];
  }

  /** Sets slot {@code j} of query {@code q}; slots are set in order, nearest first. */
  void set(int q, int j, long rowIndex, double d2, int classCode) {
    int s = q * k + j;
    index[s] = rowIndex;
    squared[s] = d2;
    label[s] = classCode;
  }

  /** The {@code k} nearest of both tables for each query (a merge of two sorted lists). */
  public KnnTable merge(KnnTable other) {
    KnnTable out = new KnnTable(queries, k);
    for (int q = 0; q < queries; q++) {
      int a = q * k;
      int b = q * k;
      int endA = a + k;
      int endB = b + k;
      for (int j = 0; j < k; j++) {
        boolean takeA = b >= endB || (a < endA && before(squared[a], index[a], other.squared[b], other.index[b]));
        if (takeA) {
          out.set(q, j, index[a], squared[a], label[a]);
          a++;
        } else {
          out.set(q, j, other.index[b], other.squared[b], other.label[b]);
          b++;
        }
      }
    }
    return out;
  }

  /** Whether (d2, i) comes before (e2, j): nearer, or as near with the lower index (-1 last). */
  static boolean before(double d2, long i, double e2, long j) {
    if (d2 != e2) {
      return d2 < e2;
    }
    if (i < 0 || j < 0) {
      return j < 0 && i >= 0;
    }
    return i < j;
  }
}
