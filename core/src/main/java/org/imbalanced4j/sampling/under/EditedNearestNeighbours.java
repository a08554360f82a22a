package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
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
public final class EditedNearestNeighbours extends Sampler {
  private final int nNeighbors;
  private final KindSel kindSel;

  private EditedNearestNeighbours(Builder b) {
    super(b.strategy);
    this.nNeighbors = b.nNeighbors;
    this.kindSel = b.kindSel;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "EditedNearestNeighbours";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.CLEANING;
  }

  @Override
  protected int minRowsTotal() {
    return nNeighbors + 1;
  }

  @Override
  protected String neighborsParameter() {
    return "n_neighbors=" + nNeighbors;
  }

  @Override
  protected int neighborsValue() {
    return nNeighbors;
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
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private int nNeighbors = 3;
    private KindSel kindSel = KindSel.ALL;

    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    public Builder optNNeighbors(int n) {
      this.nNeighbors = UnderSupport.positive("n_neighbors", n);
      return this;
    }

    public Builder optKindSel(KindSel k) {
      this.kindSel = k;
      return this;
    }

    public EditedNearestNeighbours build() {
      return new EditedNearestNeighbours(this);
    }
  }
}
