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
      Neighbors nn = index.querySelf(rows, nNeighbors + 1);
      int[] keep = new int[rows.length];
      int n = 0;
      for (int q = 0; q < rows.length; q++) {
        for (int j = 0; j < nNeighbors; j++) {
          labels[j] = y[nn.index(q, j + 1)];
        }
        if (kindSel.keeps(k, labels, classes)) {
          keep[n++] = rows[q];
        }
      }
      parts[k] = java.util.Arrays.copyOf(keep, n);
    }
    return SamplerSupport.concat(parts);
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optNNeighbors} (3), {@code optKindSel}
   * (all).
   */
  public static final class Builder extends NeighbourCleaner.Builder<Builder> {

    public EditedNearestNeighbours build() {
      return new EditedNearestNeighbours(this);
    }
  }
}
