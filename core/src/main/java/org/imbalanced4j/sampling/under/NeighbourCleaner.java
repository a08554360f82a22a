package org.imbalanced4j.sampling.under;

import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplingStrategy;

/**
 * What the edited-nearest-neighbour family shares: a cleaning sampler that consults {@code
 * n_neighbors} neighbours of each row, judged by {@link KindSel}.
 */
abstract class NeighbourCleaner extends Sampler {
  /** imbalanced-learn's {@code n_neighbors}. */
  protected final int nNeighbors;
  /** imbalanced-learn's {@code kind_sel}. */
  protected final KindSel kindSel;

  NeighbourCleaner(SamplingStrategy strategy, int nNeighbors, KindSel kindSel) {
    super(strategy);
    this.nNeighbors = nNeighbors;
    this.kindSel = kindSel;
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

  /** The builder options of the family; {@code B} is the concrete builder. */
  @SuppressWarnings("unchecked")
  abstract static class Builder<B extends Builder<B>> {
    SamplingStrategy strategy = SamplingStrategy.auto();
    int nNeighbors = 3;
    KindSel kindSel = KindSel.ALL;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public B optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return (B) this;
    }

    /** Sets imbalanced-learn's {@code n_neighbors}. */
    public B optNNeighbors(int n) {
      this.nNeighbors = UnderSupport.positive("n_neighbors", n);
      return (B) this;
    }

    /** Sets imbalanced-learn's {@code kind_sel}. */
    public B optKindSel(KindSel k) {
      this.kindSel = k;
      return (B) this;
    }
  }
}
