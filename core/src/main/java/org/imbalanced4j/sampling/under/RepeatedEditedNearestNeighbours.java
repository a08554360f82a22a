package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.sampling.Resampled;
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
public final class RepeatedEditedNearestNeighbours extends NeighbourCleaner {
  private final int maxIter;

  private RepeatedEditedNearestNeighbours(Builder b) {
    super(b.strategy, b.nNeighbors, b.kindSel);
    this.maxIter = b.maxIter;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "RepeatedEditedNearestNeighbours";
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
  public static final class Builder extends NeighbourCleaner.Builder<Builder> {
    private int maxIter = 100;

    /** Sets imbalanced-learn's {@code max_iter}. */
    public Builder optMaxIter(int n) {
      this.maxIter = UnderSupport.positive("max_iter", n);
      return this;
    }

    /** Builds the {@code RepeatedEditedNearestNeighbours}. */
    public RepeatedEditedNearestNeighbours build() {
      return new RepeatedEditedNearestNeighbours(this);
    }
  }
}
