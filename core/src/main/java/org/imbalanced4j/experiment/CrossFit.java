package org.imbalanced4j.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.ensemble.MeanModel;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.numeric.Indices;
import org.imbalanced4j.random.Seeds;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedKFold;

/**
 * Cross-fitting of a learner that stops early on validation rows (networks, gradient boosting)
 * where one validation split is too small to trust: the training rows are cut into {@link #FOLDS}
 * stratified parts, the learner is fitted {@code FOLDS} times, each time on the other parts
 * (resampled, when the strategy resamples) and stopped on one part of real rows, and the fits'
 * probabilities are averaged, {@code p(x) = (1/K) sum_k p_k(x)} (k-fold bagging: Breiman,
 * "Bagging predictors", 1996; as AutoGluon-Tabular bags its networks and boosted trees, Erickson et
 * al. 2020). Every row then trains four fits and stops one, where a single split keeps a fifth of
 * a rare class out of training; a tuned threshold is chosen on the out-of-fold probabilities of
 * every training row.
 *
 * <p>When: on tables (not images, whose fits are dear) of at most {@link #MAX_ROWS} training rows
 * with a class of fewer than {@code FOLDS x} {@link #MIN_CLASS_ROWS} rows, so that a fifth would
 * hold fewer than 50 of it. On glass, pima, ionosphere and hacide (3 seeds, BENCHMARKS.md) it
 * lifted the plain network's balanced accuracy by 1.0 to 4.0 points and the class-balanced one's
 * by 1.5 to 3.3, at about 3x the fit time; larger tables, whose fifths are large, keep one split
 * and one fit.
 */
final class CrossFit {
  /** Parts, and fits. */
  static final int FOLDS = 5;

  /** Training rows above which one split's fifth is large enough, and five fits too dear. */
  static final int MAX_ROWS = 5_000;

  /**
   * Rows of a class a validation part should hold; fewer in some class, and a table cross-fits (the
   * networks' {@code metric: auto} asks the same of a class before it stops on balanced accuracy).
   */
  static final int MIN_CLASS_ROWS = 50;

  private CrossFit() {}

  /** A learner fitted on rows and stopped on validation rows, with a seed. */
  @FunctionalInterface
  interface Fit {
    Model fit(Dataset rows, Dataset validation, long seed);
  }

  /** The averaged fits, and the out-of-fold probabilities of the training rows in {@code rows}' order. */
  record Fitted(Model model, Dataset rows, double[][] proba) {}

  /**
   * Whether {@code c} is cross-fitted on training rows of these labels: its learner stops early,
   * the table is small with a rare class ({@link #applies(int[], boolean)}), and its resampler, if
   * any, can run on every part's training rows (SMOTE's neighbours; else one split, as before).
   */
  static boolean applies(Candidate c, int[] labels, Schema schema, long seed) {
    if (!c.trainer().usesValidation() || !applies(labels, schema.isImages())) {
      return false;
    }
    if (c.sampler() == null) {
      return true;
    }
    try {
      Sampler sampler = c.sampler().apply(seed);
      for (Split p : parts(labels, seed)) {
        int[] y = Indices.gather(labels, p.train());
        if (sampler.problem(ClassCounts.of(schema.classNames(), y), y.length, schema) != null) {
          return false;
        }
      }
      return true;
    } catch (DataException | InvalidOptionException e) {
      return false; // one split, where the check reports it
    }
  }

  /** Whether a learner with validation rows is cross-fitted on training rows of these labels. */
  static boolean applies(int[] labels, boolean images) {
    if (images || labels.length > MAX_ROWS || labels.length < 2 * FOLDS) {
      return false;
    }
    int[] counts = new int[java.util.Arrays.stream(labels).max().orElse(0) + 1];
    for (int y : labels) {
      counts[y]++;
    }
    int largest = java.util.Arrays.stream(counts).max().orElse(0);
    return largest >= FOLDS && java.util.Arrays.stream(counts).anyMatch(c -> c > 0 && c < FOLDS * MIN_CLASS_ROWS);
  }

  /** The parts of the training rows: part k's training rows fit member k, its test rows stop it. */
  static List<Split> parts(int[] labels, long seed) {
    return StratifiedKFold.builder().optNSplits(FOLDS).optShuffle(true).optSeed(seed + 1).build().split(labels);
  }

  /** Fits every part's member (seed {@code Seeds.mix(seed, k)}) and averages them. */
  static Fitted fit(Dataset train, long seed, Fit learner) {
    List<Split> parts = parts(train.labels(), seed);
    List<Model> members = new ArrayList<>();
    int[] order = new int[train.rows()];
    double[][] proba = new double[train.rows()][];
    int at = 0;
    for (Split p : parts) {
      Dataset validation = train.subset(p.test());
      Model m = learner.fit(train.subset(p.train()), validation, Seeds.mix(seed, p.fold()) & 0xffffffffL);
      members.add(m);
      double[][] pv = m.predictProba(validation);
      for (int i = 0; i < pv.length; i++, at++) {
        order[at] = p.test()[i];
        proba[at] = pv[i];
      }
    }
    Provenance prov = new Provenance("cross-fitted", Map.of("folds", FOLDS), seed, train.rows() + " rows");
    return new Fitted(new MeanModel(members, prov), train.subset(order), proba);
  }
}
