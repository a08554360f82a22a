package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;

/**
 * Repeated edited nearest neighbours: applies {@link EditedNearestNeighbours} again to what it
 * kept until nothing changes, {@code max_iter} rounds have run, a class other than the minority
 * becomes smaller than the minority was, or a class disappears.
 *
 * <p>Reference: I. Tomek, "An experiment with the edited nearest-neighbor rule", IEEE
 * Transactions on Systems, Man, and Cybernetics 6(6), 448-452, 1976. Same rows as
 * imbalanced-learn's {@code RepeatedEditedNearestNeighbours}.
 */
public final class RepeatedEditedNearestNeighbours extends Sampler {
  private final int nNeighbors;
  private final int maxIter;
  private final KindSel kindSel;

  private RepeatedEditedNearestNeighbours(Builder b) {
    super(b.strategy);
    this.nNeighbors = b.nNeighbors;
    this.maxIter = b.maxIter;
    this.kindSel = b.kindSel;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "RepeatedEditedNearestNeighbours";
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
    ClassCounts cc = data.classCounts();
    int minority = cc.minority();
    int classes = cc.presentClassCount();
    EditedNearestNeighbours enn = EditedNearestNeighbours.builder()
        .optSamplingStrategy(samplingStrategy()).optNNeighbors(nNeighbors).optKindSel(kindSel).build();
    int[] current = SamplerSupport.range(data.rows());
    for (int iter = 0; iter < maxIter; iter++) {
      int[] kept = enn.fitResample(data.subset(current)).sampleIndices().orElseThrow();
      boolean converged = kept.length == current.length;
      current = UnderSupport.compose(current, kept);
      if (converged || UnderSupport.shouldStop(data.subset(current), minority, cc.count(minority), classes)) {
        break;
      }
    }
    return SamplerSupport.keep(data, current);
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optNNeighbors} (3), {@code optMaxIter}
   * (100), {@code optKindSel} (all).
   */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private int nNeighbors = 3;
    private int maxIter = 100;
    private KindSel kindSel = KindSel.ALL;

    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    public Builder optNNeighbors(int n) {
      this.nNeighbors = UnderSupport.positive("n_neighbors", n);
      return this;
    }

    public Builder optMaxIter(int n) {
      this.maxIter = UnderSupport.positive("max_iter", n);
      return this;
    }

    public Builder optKindSel(KindSel k) {
      this.kindSel = k;
      return this;
    }

    public RepeatedEditedNearestNeighbours build() {
      return new RepeatedEditedNearestNeighbours(this);
    }
  }
}
