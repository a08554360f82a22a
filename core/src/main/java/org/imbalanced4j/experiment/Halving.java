package org.imbalanced4j.experiment;

import java.util.ArrayList;
import java.util.List;
import org.imbalanced4j.numeric.Indices;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedShuffleSplit;

/**
 * Successive halving over training rows for large tables, as scikit-learn's {@code
 * HalvingGridSearchCV(factor=3, resource='n_samples', min_resources='exhaust')} (Jamieson and
 * Talwalkar, AISTATS 2016; Li et al., JMLR 2018): every strategy first races on a stratified
 * subsample of each training fold, the best third goes on to three times the rows, and so on
 * until the last round trains on the whole fold. Round {@code r} of {@code R} trains on {@code
 * n / 3^(R-1-r)} rows and keeps {@code ceil(c / 3^r)} of the {@code c} strategies; the number
 * of rounds is the fewest that brings the strategies down to 3 or fewer, but no more than the
 * rows allow: a round has at least {@link #MIN_ROWS} rows and {@link #MIN_CLASS_ROWS} of the
 * rarest class. The test folds are whole in every round, so every score is on the same rows.
 *
 * @param rows training rows per round, ascending; the last is the whole training fold
 * @param keep strategies per round, descending
 */
public record Halving(List<Integer> rows, List<Integer> keep) {
  /** The factor: a third of the strategies go on, on three times the rows. */
  public static final int FACTOR = 3;

  /** Fewest training rows of a round. */
  public static final int MIN_ROWS = 10_000;

  /** Fewest expected rows of the rarest class in a round's subsample. */
  public static final int MIN_CLASS_ROWS = 50;

  /** Copies the rounds. */
  public Halving {
    rows = List.copyOf(rows);
    keep = List.copyOf(keep);
  }

  /**
   * The plan for {@code candidates} strategies on training folds of {@code trainRows} rows whose
   * rarest class is {@code rarestShare} of the rows: one round (no halving) when the rows allow
   * no smaller one or there are too few strategies to halve.
   */
  public static Halving plan(int trainRows, double rarestShare, int candidates) {
    int required = 1;
    for (long c = candidates; c > FACTOR; c = (c + FACTOR - 1) / FACTOR) {
      required++;
    }
    double smallest = Math.max(MIN_ROWS, MIN_CLASS_ROWS / Math.max(rarestShare, 1e-12));
    int possible = 1;
    for (double n = trainRows; n / FACTOR >= smallest; n /= FACTOR) {
      possible++;
    }
    int rounds = Math.min(required, possible);
    List<Integer> rows = new ArrayList<>();
    List<Integer> keep = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      rows.add((int) Math.round(trainRows / Math.pow(FACTOR, rounds - 1 - r)));
      keep.add((int) Math.ceil(candidates / Math.pow(FACTOR, r)));
    }
    return new Halving(rows, keep);
  }

  /** The number of rounds. */
  public int rounds() {
    return rows.size();
  }

  /**
   * Split {@code s} with its training fold cut to round {@code r}'s rows: a stratified subsample,
   * seeded by the split and the round, the whole fold in the last round. The test fold is kept.
   */
  public Split round(Split s, int r, int[] labels, long seed) {
    int n = rows.get(r);
    if (r == rows.size() - 1 || n >= s.train().length) { // folds may differ by a row: the last round is whole
      return s;
    }
    int[] y = Indices.gather(labels, s.train());
    double fraction = (double) n / s.train().length;
    long roundSeed = (seed + 7919L * (1000L * s.repeat() + s.fold()) + 104729L * r) & 0xffffffffL;
    Split sub = StratifiedShuffleSplit.trainTestSplit(y, 1 - fraction, roundSeed);
    int[] train = Indices.gather(s.train(), sub.train());
    java.util.Arrays.sort(train);
    return new Split(s.repeat(), s.fold(), train, s.test());
  }
}
