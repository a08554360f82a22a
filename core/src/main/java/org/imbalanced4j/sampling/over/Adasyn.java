package org.imbalanced4j.sampling.over;

import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.numeric.PairwiseSum;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.Synthesis;

/**
 * ADASYN, adaptive synthetic sampling: like SMOTE, but each row of the class gets a number of new
 * rows proportional to how many of its {@code n_neighbors} nearest neighbours (in the whole data)
 * belong to other classes: {@code g_i = rint(n * r_i / sum_j r_j)}, {@code r_i = #other / k}. Hard
 * rows near the boundary get more. The total may differ slightly from {@code n} by the rounding.
 *
 * <p>Reference: H. He, Y. Bai, E. A. Garcia and S. Li, "ADASYN: adaptive synthetic sampling
 * approach for imbalanced learning", IEEE IJCNN 2008, 1322-1328. Same counts per row as
 * imbalanced-learn's {@code ADASYN(random_state=seed)}.
 */
public final class Adasyn extends SmoteBase {
  private Adasyn(Builder b) {
    super(b.strategy, b.nNeighbors, b.seed);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "ADASYN";
  }

  @Override
  protected String neighborsParameter() {
    return "n_neighbors=" + kNeighbors;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    int[] y = data.labels();
    int d = data.features();
    Synthesis out = new Synthesis(data, totalToAdd(target));
    NeighborIndex all = SamplerSupport.index(data);
    NumpyRandom rng = new NumpyRandom(seed);
    for (int k : target.classes()) {
      int n = target.get(k);
      if (n == 0) {
        continue;
      }
      int[] rows = SamplerSupport.rowsOf(y, k);
      Neighbors around = all.querySelf(rows, kNeighbors + 1);
      double[] ratio = new double[rows.length];
      for (int q = 0; q < rows.length; q++) {
        int other = 0;
        for (int j = 1; j <= kNeighbors; j++) {
          other += y[around.index(q, j)] != k ? 1 : 0;
        }
        ratio[q] = (double) other / kNeighbors;
      }
      double sum = PairwiseSum.sum(ratio);
      if (sum == 0) {
        throw new DataException("ADASYN: no neighbour of class '" + data.schema().classNames().get(k)
            + "' belongs to another class, so ADASYN has nothing to adapt to; use SMOTE instead");
      }
      int[] perRow = new int[rows.length];
      int total = 0;
      for (int q = 0; q < rows.length; q++) {
        perRow[q] = (int) Math.rint(ratio[q] / sum * n);
        total += perRow[q];
      }
      if (total == 0) {
        throw new DataException("ADASYN: the sampling strategy asks for too few rows of class '"
            + data.schema().classNames().get(k) + "' to give any row one");
      }
      float[] xk = SamplerSupport.rows(data, rows);
      Neighbors nns = NeighborIndex.of(xk, rows.length, d).querySelf(kNeighbors + 1);
      int[] base = new int[total];
      int at = 0;
      for (int q = 0; q < rows.length; q++) {
        for (int t = 0; t < perRow[q]; t++) {
          base[at++] = q;
        }
      }
      int[] cols = new int[total];
      for (int i = 0; i < total; i++) {
        cols[i] = rng.randint(kNeighbors);
      }
      for (int i = 0; i < total; i++) {
        int r = base[i];
        int other = nns.index(r, cols[i] + 1);
        out.addInterpolated(xk, r * d, xk, other * d, rng.uniform(), k,
            data.weight(rows[r]), data.weight(rows[other]));
      }
    }
    return out.build();
  }

  /** Builder: {@code optSamplingStrategy} (auto), {@code optNNeighbors} (5), {@code optSeed} (0). */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private int nNeighbors = 5;
    private long seed;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    /** Sets imbalanced-learn's {@code n_neighbors}. */
    public Builder optNNeighbors(int k) {
      this.nNeighbors = positive("n_neighbors", k);
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the {@code Adasyn}. */
    public Adasyn build() {
      return new Adasyn(this);
    }
  }
}
