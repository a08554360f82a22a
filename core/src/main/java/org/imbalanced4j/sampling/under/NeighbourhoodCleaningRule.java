package org.imbalanced4j.sampling.under;

import java.util.HashSet;
import java.util.Set;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;

/**
 * Neighbourhood cleaning rule: removes (A1) the rows that {@link EditedNearestNeighbours} with
 * {@code kind_sel=mode} removes, and (A2) the neighbours, of a large targeted class, of every
 * minority row its {@code n_neighbors} nearest neighbours misclassify. A class is "large" when it
 * holds more than {@code threshold_cleaning} of all rows.
 *
 * <p>Reference: J. Laurikkala, "Improving identification of difficult small classes by
 * balancing class distribution", Artificial Intelligence in Medicine (AIME), LNCS 2101, 63-66,
 * 2001. Same rows as imbalanced-learn 0.10's {@code NeighbourhoodCleaningRule}, including its
 * reading of {@code kind_sel=all} in step A2: a minority row counts as misclassified when one of
 * its neighbours has class code 0 (imbalanced-learn applies {@code np.all} to the neighbour
 * labels themselves).
 */
public final class NeighbourhoodCleaningRule extends NeighbourCleaner {
  private final double thresholdCleaning;

  private NeighbourhoodCleaningRule(Builder b) {
    super(b.strategy, b.nNeighbors, b.kindSel);
    this.thresholdCleaning = b.thresholdCleaning;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "NeighbourhoodCleaningRule";
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    int n = data.rows();
    int[] y = data.labels();
    boolean[] removed = new boolean[n];
    boolean[] keptByEnn = new boolean[n];
    for (int i : EditedNearestNeighbours.keptRows(data, target, nNeighbors, KindSel.MODE)) {
      keptByEnn[i] = true;
    }
    for (int i = 0; i < n; i++) {
      removed[i] = !keptByEnn[i];
    }
    ClassCounts cc = data.classCounts();
    int minority = cc.minority();
    Set<Integer> large = new HashSet<>();
    for (int k : target.classes()) {
      if (cc.count(k) > n * thresholdCleaning) {
        large.add(k);
      }
    }
    int[] minRows = SamplerSupport.rowsOf(y, minority);
    Neighbors nn = SamplerSupport.index(data).querySelf(minRows, nNeighbors + 1);
    int[] labels = new int[nNeighbors];
    for (int q = 0; q < minRows.length; q++) {
      boolean ok;
      if (kindSel == KindSel.MODE) {
        for (int j = 0; j < nNeighbors; j++) {
          labels[j] = y[nn.index(q, j + 1)];
        }
        ok = KindSel.mode(labels, data.classCount()) == minority;
      } else {
        ok = true;
        for (int j = 1; j <= nNeighbors; j++) {
          ok &= y[nn.index(q, j)] != 0;
        }
      }
      if (!ok) {
        for (int j = 1; j <= nNeighbors; j++) {
          int i = nn.index(q, j);
          if (large.contains(y[i])) {
            removed[i] = true;
          }
        }
      }
    }
    return SamplerSupport.keep(data, SamplerSupport.unflagged(removed));
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optNNeighbors} (3), {@code optKindSel}
   * (all), {@code optThresholdCleaning} (0.5).
   */
  public static final class Builder extends NeighbourCleaner.Builder<Builder> {
    private double thresholdCleaning = 0.5;

    /** Sets imbalanced-learn's {@code threshold_cleaning}. */
    public Builder optThresholdCleaning(double t) {
      if (!(t >= 0 && t <= 1)) {
        throw new org.imbalanced4j.InvalidOptionException(
            "threshold_cleaning must be in [0, 1], got " + t);
      }
      this.thresholdCleaning = t;
      return this;
    }

    /** Builds the {@code NeighbourhoodCleaningRule}. */
    public NeighbourhoodCleaningRule build() {
      return new NeighbourhoodCleaningRule(this);
    }
  }
}
