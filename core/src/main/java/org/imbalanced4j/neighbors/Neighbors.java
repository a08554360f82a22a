package org.imbalanced4j.neighbors;

/**
 * The k nearest neighbours of each of {@code queries} points: indices into the index's points and
 * Euclidean distances, row-major ({@code queries x k}), nearest first, ties by lower index.
 * Immutable; accessors copy.
 */
public final class Neighbors {
  private final int[] indices;
  private final double[] squared;
  private final int k;

  Neighbors(int[] indices, double[] squaredDistances, int k) {
    this.indices = indices;
    this.squared = squaredDistances;
    this.k = k;
  }

  /** Neighbours per query. */
  public int k() {
    return k;
  }

  /** How many queries. */
  public int queries() {
    return k == 0 ? 0 : indices.length / k;
  }

  /** Index of the {@code j}-th nearest neighbour of query {@code q}. */
  public int index(int q, int j) {
    return indices[q * k + j];
  }

  /** Euclidean distance to the {@code j}-th nearest neighbour of query {@code q}. */
  public double distance(int q, int j) {
    return Math.sqrt(squared[q * k + j]);
  }

  /**
   * The squared distance the search ranked by: two neighbours at distances that round to the same
   * root are told apart here, so a merge of results from several indexes orders them as one index
   * would.
   */
  public double squaredDistance(int q, int j) {
    return squared[q * k + j];
  }

  /** The neighbours of query {@code q}, nearest first. */
  public int[] indices(int q) {
    return java.util.Arrays.copyOfRange(indices, q * k, q * k + k);
  }

  /** The distances of query {@code q}, ascending. */
  public double[] distances(int q) {
    double[] d = new double[k];
    for (int j = 0; j < k; j++) {
      d[j] = distance(q, j);
    }
    return d;
  }
}
