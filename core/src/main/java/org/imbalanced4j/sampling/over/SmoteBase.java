package org.imbalanced4j.sampling.over;

import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.Synthesis;

/**
 * What the SMOTE family shares: the {@code k_neighbors} check and imbalanced-learn's sample
 * generator ({@code _make_samples}), which draws {@code n} (base, neighbour) pairs uniformly from
 * the base rows' neighbour lists and a step for each from a generator freshly seeded per call.
 */
abstract class SmoteBase extends Sampler {
  /** imbalanced-learn's {@code k_neighbors}. */
  protected final int kNeighbors;
  /** The random seed. */
  protected final long seed;

  SmoteBase(SamplingStrategy strategy, int kNeighbors, long seed) {
    super(strategy);
    this.kNeighbors = kNeighbors;
    this.seed = seed;
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.OVER;
  }

  @Override
  protected int minRowsPerTargetClass() {
    return kNeighbors + 1;
  }

  @Override
  protected String neighborsParameter() {
    return "k_neighbors=" + kNeighbors;
  }

  @Override
  protected int neighborsValue() {
    return kNeighbors;
  }

  @Override
  protected String categoricalHint() {
    return "; use SMOTENC for mixed categorical and numeric features, or SMOTEN when all are categorical";
  }

  static int positive(String name, int v) {
    if (v < 1) {
      throw new InvalidOptionException(name + " must be at least 1, got " + v);
    }
    return v;
  }

  static int totalToAdd(SamplingTarget t) {
    int s = 0;
    for (int k : t.classes()) {
      s += t.get(k);
    }
    return s;
  }

  /**
   * Appends {@code n} rows {@code base[r] + step * u * (nnData[nn(r, c)] - base[r])}.
   *
   * @param baseX the base rows' features, row-major
   * @param baseRows the base rows' indices in {@code data} (for weights)
   * @param basePos for each base row, its query position in {@code nn}
   * @param nnX the rows the neighbour indices point into
   * @param nnRows their indices in {@code data}
   * @param nn neighbours of the base rows; column 0 (the row itself) is skipped
   */
  void makeSamples(Synthesis out, Dataset data, float[] baseX, int[] baseRows, int[] basePos,
      float[] nnX, int[] nnRows, Neighbors nn, int n, double stepSize, int label) {
    NumpyRandom rng = new NumpyRandom(seed);
    int k = nn.k() - 1;
    int m = basePos.length;
    int[] pick = new int[n];
    for (int i = 0; i < n; i++) {
      pick[i] = rng.randint(m * k);
    }
    double[] steps = new double[n];
    for (int i = 0; i < n; i++) {
      steps[i] = stepSize * rng.uniform();
    }
    int d = data.features();
    int first = out.reserve(n, label);
    java.util.stream.IntStream.range(0, (n + 8191) / 8192).parallel().forEach(b -> {
      for (int i = b * 8192; i < Math.min(n, (b + 1) * 8192); i++) {
        int r = pick[i] / k;
        int other = nn.index(basePos[r], pick[i] % k + 1);
        out.setInterpolated(first + i, baseX, r * d, nnX, other * d, steps[i],
            data.weight(baseRows[r]), data.weight(nnRows[other]));
      }
    });
  }

  /** The builder options of the SMOTE family; {@code B} is the concrete builder. */
  @SuppressWarnings("unchecked")
  abstract static class Builder<B extends Builder<B>> {
    SamplingStrategy strategy = SamplingStrategy.auto();
    int kNeighbors;
    long seed;

    Builder(int defaultK) {
      this.kNeighbors = defaultK;
    }

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public B optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return (B) this;
    }

    /** {@code k_neighbors} ({@code n_neighbors} for ADASYN). */
    public B optKNeighbors(int k) {
      this.kNeighbors = positive("k_neighbors", k);
      return (B) this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public B optSeed(long seed) {
      this.seed = seed;
      return (B) this;
    }
  }
}
