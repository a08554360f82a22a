package org.imbalanced4j.neighbors;

/**
 * The k nearest neighbours of each of {@code queries} points: indices into the index's points and
 * Euclidean distances, row-major ({@code queries x k}), nearest first, ties by lower index.
 * Immutable; accessors copy.
 */
public final class Neighbors {
  private final int[] indices;
  private final double[] distances;
  private final int k;

  Neighbors(int[] indices, double[] distances, int k) {
    this.indices = indices;
    this.distances = distances;
    this.k = k;
  }

  public int k() {
    return k;
  }

  public int queries() {
    return k == 0 ? 0 : indices.length / k;
  }

  /** Index of the {@code j}-th nearest neighbour of query {@code q}. */
  public int index(int q, int j) {
    return indices[q * k + j];
  }

  /** Euclidean distance to the {@code j}-th nearest neighbour of query {@code q}. */
  public double distance(int q, int j) {
    return distances[q * k + j];
  }

  /** The neighbours of query {@code q}, nearest first. */
  public int[] indices(int q) {
    return java.util.Arrays.copyOfRange(indices, q * k, q * k + k);
  }

  /** The distances of query {@code q}, ascending. */
  public double[] distances(int q) {
    return java.util.Arrays.copyOfRange(distances, q * k, q * k + k);
  }
}
