package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;

/**
 * One-sided selection: of each targeted class keeps {@code n_seeds_S} random rows plus the rows a
 * 1-NN classifier on (minority + seeds) misclassifies, then removes the Tomek links of the
 * targeted classes from what is left.
 *
 * <p>Reference: M. Kubat and S. Matwin, "Addressing the curse of imbalanced training sets:
 * one-sided selection", ICML 1997, 179-186. As imbalanced-learn's {@code OneSidedSelection}; the
 * seeds are drawn as it draws them.
 */
public final class OneSidedSelection extends Sampler {
  private final int nSeedsS;
  private final long seed;

  private OneSidedSelection(Builder b) {
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
    return "OneSidedSelection";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.CLEANING;
  }

  @Override
  protected int minRowsTotal() {
    return 2;
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
      if (!target.targets(k) || rows.length == 0) {
        parts[k] = rows;
        continue;
      }
      OneNearest nn = new OneNearest(data);
      for (int r : minRows) {
        nn.add(r);
      }
      boolean[] seedRow = new boolean[rows.length];
      int[] seeds = new int[nSeedsS];
      for (int s = 0; s < nSeedsS; s++) {
        int p = rng.randint(rows.length);
        seeds[s] = rows[p];
        seedRow[p] = true;
        nn.add(rows[p]);
      }
      int[] wrong = new int[rows.length];
      int n = 0;
      for (int p = 0; p < rows.length; p++) {
        if (!seedRow[p] && nn.predict(rows[p]) != k) {
          wrong[n++] = rows[p];
        }
      }
      parts[k] = SamplerSupport.concat(seeds, java.util.Arrays.copyOf(wrong, n));
    }
    int[] kept = SamplerSupport.concat(parts);
    Dataset sub = data.subset(kept);
    var links = TomekLinks.links(sub, target, NeighborIndex.of(sub));
    int[] clean = SamplerSupport.unflagged(links);
    return SamplerSupport.keep(data, UnderSupport.compose(kept, clean));
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

    /** Builds the {@code OneSidedSelection}. */
    public OneSidedSelection build() {
      return new OneSidedSelection(this);
    }
  }
}
