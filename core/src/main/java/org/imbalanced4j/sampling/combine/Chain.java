package org.imbalanced4j.sampling.combine;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.over.Smote;

/**
 * An over-sampler followed by a cleaner, the second applied to the first's output. Each output
 * row's source is traced back through both: an input row, or -1 when synthetic.
 */
abstract class Chain extends Sampler {
  private final Sampler first;
  private final Sampler second;

  Chain(Sampler first, Sampler second) {
    super(first.samplingStrategy());
    this.first = first;
    this.second = second;
  }

  @Override
  public SamplerKind kind() {
    return first.kind();
  }

  @Override
  protected int minRowsPerTargetClass() {
    return 1; // the parts check themselves
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    Resampled a = first.fitResample(data);
    Resampled b = second.fitResample(a.data());
    int[] viaA = a.source();
    int[] kept = b.source();
    int[] source = new int[kept.length];
    for (int i = 0; i < kept.length; i++) {
      source[i] = viaA[kept[i]];
    }
    return new Resampled(b.data(), source);
  }

  @Override
  public String toString() {
    return name() + "(" + first + ", " + second + ")";
  }

  /** The options both combinations share: the default SMOTE's strategy, neighbours and seed, or a SMOTE given whole. */
  @SuppressWarnings("unchecked")
  abstract static class Builder<B extends Builder<B>> {
    SamplingStrategy strategy = SamplingStrategy.auto();
    long seed;
    int kNeighbors = 5;
    Smote smote;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public B optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return (B) this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public B optSeed(long seed) {
      this.seed = seed;
      return (B) this;
    }

    /** Sets imbalanced-learn's {@code k_neighbors}. */
    public B optKNeighbors(int k) {
      this.kNeighbors = k;
      return (B) this;
    }

    /** Sets imbalanced-learn's {@code smote}. */
    public B optSmote(Smote smote) {
      this.smote = smote;
      return (B) this;
    }

    /** The SMOTE step: the one given, or one from the strategy, neighbours and seed. */
    Smote smote() {
      return smote != null ? smote
          : Smote.builder().optSamplingStrategy(strategy).optSeed(seed).optKNeighbors(kNeighbors).build();
    }

    /** {@code sampling_strategy='all'}: the cleaning step cleans every class. */
    static SamplingStrategy all() {
      return SamplingStrategy.of(SamplingStrategy.Form.ALL);
    }
  }
}
