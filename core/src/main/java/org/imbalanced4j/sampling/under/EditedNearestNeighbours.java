package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;

/**
 * Edited nearest neighbours: removes each row of a targeted class that its {@code n_neighbors}
 * nearest neighbours disagree with ({@link KindSel#ALL}: any neighbour of another class; {@link
 * KindSel#MODE}: the most common neighbour label is another class).
 *
 * <p>Reference: D. L. Wilson, "Asymptotic properties of nearest neighbor rules using edited
 * data", IEEE Transactions on Systems, Man, and Cybernetics 2(3), 408-421, 1972. Same rows, in
 * the same order (class by class), as imbalanced-learn's {@code EditedNearestNeighbours}.
 *
 * <pre>{@code
 * Resampled r = EditedNearestNeighbours.builder().optNNeighbors(3).optKindSel(KindSel.ALL).build()
 *     .fitResample(data);
 * }</pre>
 */
public final class EditedNearestNeighbours extends NeighbourCleaner {

  private EditedNearestNeighbours(Builder b) {
    super(b.strategy, b.nNeighbors, b.kindSel);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "EditedNearestNeighbours";
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    return SamplerSupport.keep(data, keptRows(data, target, nNeighbors, kindSel));
  }

  /** The kept rows, class by class in code order, ascending within a class. */
  static int[] keptRows(Dataset data, SamplingTarget target, int nNeighbors, KindSel kindSel) {
    int[] y = data.labels();
    NeighborIndex index = SamplerSupport.index(data);
    int classes = data.classCount();
    int[][] parts = new int[classes][];
    int[] labels = new int[nNeighbors];
    for (int k = 0; k < classes; k++) {
      int[] rows = SamplerSupport.rowsOf(y, k);
      if (!target.targets(k) || rows.length == 0) {
        parts[k] = rows;
        continue;
      }
      boolean[] pure = pure(data, index, rows, k, nNeighbors + 1);
      int[] open = new int[rows.length];
      int m = 0;
      for (int q = 0; q < rows.length; q++) {
        if (!pure[q]) {
          open[m++] = rows[q];
        }
      }
      Neighbors nn = index.querySelf(java.util.Arrays.copyOf(open, m), nNeighbors + 1);
      int[] keep = new int[rows.length];
      int n = 0;
      for (int q = 0, o = 0; q < rows.length; q++) {
        boolean kept = pure[q];
        if (!kept) {
          for (int j = 0; j < nNeighbors; j++) {
            labels[j] = y[nn.index(o, j + 1)];
          }
          o++;
          kept = kindSel.keeps(k, labels, classes);
        }
        if (kept) {
          keep[n++] = rows[q];
        }
      }
      parts[k] = java.util.Arrays.copyOf(keep, n);
    }
    return SamplerSupport.concat(parts);
  }

  /**
   * Which rows of class {@code k} have {@code count} nearest points (themselves included) all of
   * class {@code k}: those are kept under either rule, whatever the tie order. Two cheap tests
   * settle most rows without a k-nearest-neighbour search: (1) {@code count} rows of class k lie
   * within a radius u found in the row's own leaf, and no row of another class lies within u (a
   * search that the small radius prunes to almost nothing); (2) for the rest, r is the distance to
   * the nearest row of another class, and {@code count} rows lie strictly within r (a search that
   * stops at the count). The rows left get the full search.
   */
  private static boolean[] pure(Dataset data, NeighborIndex index, int[] rows, int k, int count) {
    int[] y = data.labels();
    int[] others = SamplerSupport.rowsNotOf(y, k);
    boolean[] pure = new boolean[rows.length];
    if (others.length == 0) {
      java.util.Arrays.fill(pure, true);
      return pure;
    }
    double[] bound2 = index.localBound(rows, count, i -> y[i] == k);
    NeighborIndex other = SamplerSupport.index(data, others);
    int block = 16_384;
    int[] open = new int[rows.length];
    int m = 0;
    for (int from = 0; from < rows.length; from += block) {
      int to = Math.min(rows.length, from + block);
      float[] x = SamplerSupport.rows(data, java.util.Arrays.copyOfRange(rows, from, to));
      double[] radius2 = new double[to - from];
      for (int q = 0; q < radius2.length; q++) {
        radius2[q] = Math.nextUp(bound2[from + q]); // "< nextUp(u)" is "<= u": a tie is not settled
      }
      boolean[] near = other.crowded(x, radius2.length, radius2, 1);
      for (int q = 0; q < radius2.length; q++) {
        pure[from + q] = bound2[from + q] < Double.POSITIVE_INFINITY && !near[q];
        if (!pure[from + q]) {
          open[m++] = from + q;
        }
      }
    }
    for (int from = 0; from < m; from += block) {
      int to = Math.min(m, from + block);
      int[] part = new int[to - from];
      for (int q = 0; q < part.length; q++) {
        part[q] = rows[open[from + q]];
      }
      float[] x = SamplerSupport.rows(data, part);
      Neighbors nearest = other.query(x, part.length, 1);
      double[] radius2 = new double[part.length];
      for (int q = 0; q < part.length; q++) {
        double r = nearest.distance(q, 0);
        radius2[q] = r * r * (1 - 1e-9); // below the exact value: never settles a tie
      }
      boolean[] crowded = index.crowded(x, part.length, radius2, count);
      for (int q = 0; q < part.length; q++) {
        pure[open[from + q]] = crowded[q];
      }
    }
    return pure;
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optNNeighbors} (3), {@code optKindSel}
   * (all).
   */
  public static final class Builder extends NeighbourCleaner.Builder<Builder> {

    /** Builds the {@code EditedNearestNeighbours}. */
    public EditedNearestNeighbours build() {
      return new EditedNearestNeighbours(this);
    }
  }
}
