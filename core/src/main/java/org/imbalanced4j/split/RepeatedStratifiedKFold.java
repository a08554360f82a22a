package org.imbalanced4j.split;

import java.util.ArrayList;
import java.util.List;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.random.NumpyRandom;

/**
 * Stratified k-fold repeated with different shuffles, as scikit-learn's {@code
 * RepeatedStratifiedKFold}: one generator seeded once drives every repetition's shuffle, so the
 * same seed gives the same folds as {@code RepeatedStratifiedKFold(n_splits, n_repeats,
 * random_state=seed)}.
 */
public final class RepeatedStratifiedKFold {
  private final int nSplits;
  private final int nRepeats;
  private final long seed;

  private RepeatedStratifiedKFold(int nSplits, int nRepeats, long seed) {
    this.nSplits = nSplits;
    this.nRepeats = nRepeats;
    this.seed = seed;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** All {@code nRepeats * nSplits} splits, repetition by repetition. */
  public List<Split> split(int[] labels) {
    NumpyRandom rng = new NumpyRandom(seed);
    List<Split> out = new ArrayList<>(nSplits * nRepeats);
    for (int r = 0; r < nRepeats; r++) {
      out.addAll(StratifiedKFold.split(labels, nSplits, rng, r));
    }
    return out;
  }

  /** Builder: {@code optNSplits} (5), {@code optNRepeats} (10, as scikit-learn), {@code optSeed}. */
  public static final class Builder {
    private int nSplits = 5;
    private int nRepeats = 10;
    private long seed;

    /** Sets scikit-learn's {@code n_splits} (default: 5). */
    public Builder optNSplits(int nSplits) {
      if (nSplits < 2) {
        throw new InvalidOptionException("the number of folds must be at least 2, got " + nSplits);
      }
      this.nSplits = nSplits;
      return this;
    }

    /** Sets scikit-learn's {@code n_repeats} (default: 10). */
    public Builder optNRepeats(int nRepeats) {
      if (nRepeats < 1) {
        throw new InvalidOptionException("the number of repeats must be at least 1, got " + nRepeats);
      }
      this.nRepeats = nRepeats;
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the {@code RepeatedStratifiedKFold}. */
    public RepeatedStratifiedKFold build() {
      return new RepeatedStratifiedKFold(nSplits, nRepeats, seed);
    }
  }
}
