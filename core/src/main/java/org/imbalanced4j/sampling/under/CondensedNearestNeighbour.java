package org.imbalanced4j.sampling.under;

import java.util.Arrays;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;

/**
 * Condensed nearest neighbour: keeps of each targeted class only the rows a 1-NN classifier
 * needs. Start from all minority rows and {@code n_seeds_S} random rows of the class; pass over
 * the class's rows, adding each one the current set misclassifies; repeat passes until one adds
 * nothing. The kept set then classifies every row of the class correctly (Hart's consistency).
 *
 * <p>Reference: P. Hart, "The condensed nearest neighbor rule", IEEE Transactions on Information
 * Theory 14(3), 515-516, 1968. imbalanced-learn's {@code CondensedNearestNeighbour} makes a single
 * pass; the seeds are drawn as it draws them.
 */
public final class CondensedNearestNeighbour extends Sampler {
  private final int nSeedsS;
  private final long seed;

  private CondensedNearestNeighbour(Builder b) {
    super(b.strategy);
    this.nSeedsS = b.nSeedsS;
    this.seed = b.seed;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "CondensedNearestNeighbour";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.CLEANING;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    NumpyRandom rng = new NumpyRandom(seed);
    int[] y = data.labels();
    int minority = data.classCounts().minority();
    int[] minRows = SamplerSupport.rowsOf(y, minority);
    int[][] parts = new int[data.classCount()][];
    for (int k = 0; k < data.classCount(); k++) {
      int[] rows = SamplerSupport.rowsOf(y, k);
      if (!target.targets(k) || k == minority || rows.length == 0) {
        parts[k] = rows;
        continue;
      }
      OneNearest nn = new OneNearest(data);
      for (int r : minRows) {
        nn.add(r);
      }
      boolean[] kept = new boolean[rows.length];
      int[] order = new int[rows.length];
      int n = 0;
      for (int s = 0; s < nSeedsS; s++) {
        int p = rng.randint(rows.length);
        if (!kept[p]) {
          kept[p] = true;
          order[n++] = p;
          nn.add(rows[p]);
        }
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int p = 0; p < rows.length; p++) {
          if (!kept[p] && nn.predict(rows[p]) != k) {
            kept[p] = true;
            order[n++] = p;
            nn.add(rows[p]);
            changed = true;
          }
        }
      }
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = rows[order[i]];
      }
      parts[k] = out;
    }
    return SamplerSupport.keep(data, SamplerSupport.concat(parts));
  }

  /** Builder: {@code optSamplingStrategy} (auto), {@code optNSeedsS} (1), {@code optSeed} (0). */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private int nSeedsS = 1;
    private long seed;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    /** Sets imbalanced-learn's {@code n_seeds_S}. */
    public Builder optNSeedsS(int n) {
      this.nSeedsS = UnderSupport.positive("n_seeds_S", n);
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the {@code CondensedNearestNeighbour}. */
    public CondensedNearestNeighbour build() {
      return new CondensedNearestNeighbour(this);
    }
  }

}
