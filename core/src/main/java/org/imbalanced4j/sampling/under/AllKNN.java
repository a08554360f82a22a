package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;

/**
 * All k-NN: applies {@link EditedNearestNeighbours} with 1, 2, ..., {@code n_neighbors}
 * neighbours in turn, each to what the previous kept; stops early when a class other than the
 * minority becomes smaller than the minority was (unless {@code allow_minority}) or a class
 * disappears.
 *
 * <p>Reference: I. Tomek, "An experiment with the edited nearest-neighbor rule", IEEE
 * Transactions on Systems, Man, and Cybernetics 6(6), 448-452, 1976. Same rows as
 * imbalanced-learn's {@code AllKNN}.
 */
public final class AllKNN extends NeighbourCleaner {
  private final boolean allowMinority;

  private AllKNN(Builder b) {
    super(b.strategy, b.nNeighbors, b.kindSel);
    this.allowMinority = b.allowMinority;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "AllKNN";
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    ClassCounts cc = data.classCounts();
    int minority = cc.minority();
    int classes = cc.presentClassCount();
    int[] current = SamplerSupport.range(data.rows());
    for (int k = 1; k <= nNeighbors; k++) {
      EditedNearestNeighbours enn = EditedNearestNeighbours.builder()
          .optSamplingStrategy(samplingStrategy()).optNNeighbors(k).optKindSel(kindSel).build();
      int[] kept = enn.fitResample(data.subset(current)).sampleIndices().orElseThrow();
      current = UnderSupport.compose(current, kept);
      Dataset now = data.subset(current);
      boolean minorityBecameMajority = !allowMinority
          && UnderSupport.shouldStop(now, minority, cc.count(minority), 0);
      if (minorityBecameMajority || UnderSupport.presentClasses(now) < classes) {
        break;
      }
    }
    return SamplerSupport.keep(data, current);
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optNNeighbors} (3), {@code optKindSel}
   * (all), {@code optAllowMinority} (false).
   */
  public static final class Builder extends NeighbourCleaner.Builder<Builder> {
    private boolean allowMinority;

    /** Sets imbalanced-learn's {@code allow_minority}. */
    public Builder optAllowMinority(boolean allow) {
      this.allowMinority = allow;
      return this;
    }

    /** Builds the {@code AllKNN}. */
    public AllKNN build() {
      return new AllKNN(this);
    }
  }
}
