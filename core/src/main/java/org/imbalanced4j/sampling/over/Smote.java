package org.imbalanced4j.sampling.over;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.Synthesis;

/**
 * SMOTE, the synthetic minority over-sampling technique: each new row lies on the segment between
 * a row of the class and one of its {@code k_neighbors} nearest neighbours of the same class,
 * {@code x_new = x_i + u * (x_nn - x_i)} with {@code u ~ U[0, 1)}.
 *
 * <p>Reference: N. V. Chawla, K. W. Bowyer, L. O. Hall and W. P. Kegelmeyer, "SMOTE: synthetic
 * minority over-sampling technique", Journal of Artificial Intelligence Research 16, 321-357,
 * 2002. Draws as imbalanced-learn's {@code SMOTE(random_state=seed)}: the same class counts, and
 * the same base rows, neighbours and steps wherever the neighbours agree.
 *
 * <pre>{@code
 * Resampled r = Smote.builder().optKNeighbors(5).optSeed(42).build().fitResample(data);
 * }</pre>
 */
public final class Smote extends SmoteBase {
  private Smote(Builder b) {
    super(b.strategy, b.kNeighbors, b.seed);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "SMOTE";
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    int[] y = data.labels();
    Synthesis out = new Synthesis(data, totalToAdd(target));
    for (int k : target.classes()) {
      int n = target.get(k);
      if (n == 0) {
        continue;
      }
      int[] rows = SamplerSupport.rowsOf(y, k);
      float[] xk = SamplerSupport.rows(data, rows);
      Neighbors nn = SamplerSupport.index(data, rows).querySelf(kNeighbors + 1);
      makeSamples(out, data, xk, rows, SamplerSupport.range(rows.length), xk, rows, nn, n, 1.0, k);
    }
    return out.build();
  }

  /** Builder: {@code optSamplingStrategy} (auto), {@code optKNeighbors} (5), {@code optSeed} (0). */
  public static final class Builder extends SmoteBase.Builder<Builder> {
    Builder() {
      super(5);
    }

    /** Builds the {@code Smote}. */
    public Smote build() {
      return new Smote(this);
    }
  }
}
