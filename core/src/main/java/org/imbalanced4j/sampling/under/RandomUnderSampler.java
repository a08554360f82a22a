package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;

/**
 * Random under-sampling: keeps a random subset of each targeted class, drawn with or without
 * replacement. With the same seed it keeps the same rows as imbalanced-learn's {@code
 * RandomUnderSampler(random_state=seed)}. Works on any data, even data that is not a table (see
 * {@link #sampleIndices(int[], int)}).
 *
 * <pre>{@code
 * Resampled r = RandomUnderSampler.builder().optSeed(42).build().fitResample(data);
 * }</pre>
 */
public final class RandomUnderSampler extends Sampler {
  private final boolean replacement;
  private final long seed;

  private RandomUnderSampler(Builder b) {
    super(b.strategy);
    this.replacement = b.replacement;
    this.seed = b.seed;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "RandomUnderSampler";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.UNDER;
  }

  @Override
  protected boolean acceptsCategorical() {
    return true;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    return SamplerSupport.keep(data, select(data.labels(), data.classCount(), target));
  }

  /** The kept row indices for these labels (classes {@code 0..k-1}), for data of any kind. */
  public int[] sampleIndices(int[] labels, int classCount) {
    org.imbalanced4j.data.ClassCounts cc = org.imbalanced4j.data.ClassCounts.of(
        java.util.stream.IntStream.range(0, classCount).mapToObj(Integer::toString).toList(), labels);
    return select(labels, classCount, samplingStrategy().resolve(cc, kind()));
  }

  private int[] select(int[] labels, int classCount, SamplingTarget target) {
    NumpyRandom rng = new NumpyRandom(seed);
    int[][] parts = new int[classCount][];
    for (int k = 0; k < classCount; k++) {
      int[] rows = SamplerSupport.rowsOf(labels, k);
      if (!target.targets(k)) {
        parts[k] = rows;
        continue;
      }
      int n = target.get(k);
      int[] pick = new int[n];
      if (replacement) {
        for (int i = 0; i < n; i++) {
          pick[i] = rows[rng.randint(rows.length)];
        }
      } else {
        int[] perm = rng.permutation(rows.length);
        for (int i = 0; i < n; i++) {
          pick[i] = rows[perm[i]];
        }
      }
      parts[k] = pick;
    }
    return SamplerSupport.concat(parts);
  }

  /** Builder: {@code optSamplingStrategy} (auto), {@code optReplacement} (false), {@code optSeed} (0). */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private boolean replacement;
    private long seed;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    /** Sets imbalanced-learn's {@code replacement}. */
    public Builder optReplacement(boolean replacement) {
      this.replacement = replacement;
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the {@code RandomUnderSampler}. */
    public RandomUnderSampler build() {
      return new RandomUnderSampler(this);
    }
  }
}
