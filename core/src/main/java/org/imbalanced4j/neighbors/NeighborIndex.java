package org.imbalanced4j.neighbors;

/**
 * Exact k-nearest-neighbour search under the Euclidean distance, computed in double precision on
 * float points. Ties are broken by the lower point index, and a point queried against an index
 * that holds it finds itself first: the order imbalanced-learn's samplers assume when they drop
 * the first column of {@code kneighbors(X)}.
 *
 * <p>{@link #of} picks the method for the data's shape: a k-d tree (Bentley, "Multidimensional
 * binary search trees used for associative searching", CACM 18(9), 1975) with sliding-midpoint
 * splits for up to {@value #TREE_MAX_DIMENSIONS} dimensions, blocked brute force above. Queries
 * run on all cores; results do not depend on the number of threads. Behind this interface an
 * approximate index can serve huge data later.
 *
 * <pre>{@code
 * NeighborIndex idx = NeighborIndex.of(points, n, d);
 * Neighbors nn = idx.querySelf(6);          // each point, itself first, then its 5 nearest
 * int nearestOther = nn.index(i, 1);
 * }</pre>
 */
public interface NeighborIndex {
  /** Above this many dimensions a tree prunes too little to beat brute force. */
  int TREE_MAX_DIMENSIONS = 24;

  /** An index over {@code n} points of {@code d} floats, row-major. The array is not copied. */
  static NeighborIndex of(float[] points, int n, int d) {
    if (points.length < (long) n * d) {
      throw new IllegalArgumentException(points.length + " floats cannot hold " + n + " x " + d);
    }
    return d <= TREE_MAX_DIMENSIONS && n > 64 ? new KdTree(points, n, d) : new BruteForce(points, n, d);
  }

  /**
   * An index over the rows of a data set (a view is fine); the tree reads the rows once into its
   * own layout, so no other copy is made.
   */
  static NeighborIndex of(org.imbalanced4j.data.Dataset data) {
    return of(data, true);
  }

  /**
   * An index that reads the rows of a data set where they are: no copy of the points (a tree
   * keeps its node boxes and one int per point), searches two to five times slower than {@link
   * #of(org.imbalanced4j.data.Dataset)}'s (rows scattered in memory, no vectorised leaf screen).
   * For data that is already large next to the memory at hand, such as an over-sampler's output
   * about to be cleaned. Brute force (many dimensions) still copies.
   */
  static NeighborIndex inPlace(org.imbalanced4j.data.Dataset data) {
    return of(data, false);
  }

  private static NeighborIndex of(org.imbalanced4j.data.Dataset data, boolean copy) {
    int n = data.rows();
    int d = data.features();
    return d <= TREE_MAX_DIMENSIONS && n > 64 ? new KdTree(data::value, n, d, copy)
        : new BruteForce(data.toRowMajor(), n, d);
  }

  /** Number of indexed points. */
  int size();

  /** How many features a point has. */
  int dimensions();

  /** The {@code k} nearest indexed points of each of {@code nq} query rows (row-major). */
  Neighbors query(float[] queries, int nq, int k);

  /**
   * The {@code k} nearest indexed points of each indexed point, the point itself first (so {@code
   * k - 1} others).
   */
  default Neighbors querySelf(int k) {
    int[] rows = new int[size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    return querySelf(rows, k);
  }

  /** The {@code k} nearest of the indexed points {@code rows}, each finding itself first. */
  Neighbors querySelf(int[] rows, int k);

  /**
   * For each of {@code nq} query rows (row-major): whether at least {@code count} indexed points
   * lie at a squared distance strictly below {@code radius2[q]}. A search that only has to find
   * {@code count} points, not prove they are the nearest, stops early, and a small radius prunes
   * most of the index; the cleaning samplers use it to settle rows without a full search.
   */
  boolean[] crowded(float[] queries, int nq, double[] radius2, int count);

  /**
   * A cheap upper bound on the squared distance from each indexed point {@code rows[q]} to its
   * {@code count}-th nearest indexed point among those {@code eligible} (itself included when
   * eligible), or infinity when none is at hand. A tree looks in the point's own leaf.
   */
  double[] localBound(int[] rows, int count, java.util.function.IntPredicate eligible);
}
