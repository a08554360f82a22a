package org.imbalanced4j.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.metrics.Average;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.metrics.OneVsRest;
import org.imbalanced4j.metrics.ProbabilityMetrics;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.split.RepeatedStratifiedKFold;
import org.imbalanced4j.numeric.Indices;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedKFold;
import org.imbalanced4j.split.StratifiedShuffleSplit;
import org.imbalanced4j.threshold.DecisionRule;

/**
 * Scores a candidate under (repeated) stratified k-fold cross-validation, or repeated stratified
 * hold-out splits when k fits are too dear (images), leak-free by construction: for each split, everything that learns — the resampler, the model's scaling and
 * fit, the threshold — sees only the training fold (the threshold a validation part of it); the
 * test fold is only scored.
 *
 * <pre>{@code
 * List<FoldResult> r = CrossValidator.builder().optFolds(5).optSeed(1).build().run(data, candidate);
 * }</pre>
 */
public final class CrossValidator {
  private final int folds;
  private final int repeats;
  private final long seed;
  private final double[][] cost;
  private final double holdout;

  private CrossValidator(int folds, int repeats, long seed, double[][] cost, double holdout) {
    this.folds = folds;
    this.repeats = repeats;
    this.seed = seed;
    this.cost = cost;
    this.holdout = holdout;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The splits, the same for every candidate: k folds per repeat, or with a hold-out fraction one
   * stratified split per repeat (repeat r, fold 0).
   */
  public List<Split> splits(int[] labels) {
    if (holdout > 0) {
      List<Split> out = new ArrayList<>();
      for (Split s : StratifiedShuffleSplit.split(labels, holdout, Math.max(1, repeats), seed)) {
        out.add(new Split(out.size(), 0, s.train(), s.test()));
      }
      return out;
    }
    return repeats <= 1
        ? StratifiedKFold.builder().optNSplits(folds).optShuffle(true).optSeed(seed).build().split(labels)
        : RepeatedStratifiedKFold.builder().optNSplits(folds).optNRepeats(repeats).optSeed(seed).build().split(labels);
  }

  /** Every fold's result for one strategy. */
  public List<FoldResult> run(Dataset data, Candidate c) {
    List<FoldResult> out = new ArrayList<>();
    for (Split s : splits(data.labels())) {
      out.add(runFold(data, c, s));
    }
    return out;
  }

  /** One candidate on one split: fitted on the training fold, scored on the test fold. */
  public FoldResult runFold(Dataset data, Candidate c, Split s) {
    return runFold(data, c, s, null);
  }

  /**
   * One candidate on one split, its model fitted once for every candidate of the same {@link
   * Candidate#fit()} that asks {@code shared} (null: shared with none). Each result's seconds are
   * what the candidate would take alone: the shared fit and scoring, plus its own threshold.
   */
  public FoldResult runFold(Dataset data, Candidate c, Split s, SharedFits shared) {
    long t0 = System.nanoTime();
    long fitSeed = fitSeed();
    Dataset test = data.subset(s.test());
    Dataset train = data.subset(s.train());
    java.util.function.Supplier<Scored> fitAndScore = () -> {
      long f0 = System.nanoTime();
      Main m = fitMain(train, c, fitSeed);
      return new Scored(m, m.model().predictProba(test), (System.nanoTime() - f0) / 1e9);
    };
    Scored sc = shared == null ? fitAndScore.get()
        : shared.get(c.fit() + "|" + s.repeat() + "|" + s.fold() + "|" + s.train().length, fitAndScore);
    long r0 = System.nanoTime();
    Fitted f = new Fitted(sc.main().model(), train.classCounts().minority(), rule(train, c, fitSeed, sc.main()));
    double[][] p = sc.proba();
    int[] predicted = f.predict(p);
    int k = data.classCount();
    float[] proba = new float[p.length * k];
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < k; j++) {
        proba[i * k + j] = (float) p[i][j];
      }
    }
    Map<String, Double> metrics = metrics(test.labels(), predicted, p, k, f.positive());
    if (cost != null) {
      metrics.put("expected_cost", RankMetric.expectedCost(test.labels(), predicted, cost));
    }
    double seconds = shared == null ? (System.nanoTime() - t0) / 1e9 : sc.seconds() + (System.nanoTime() - r0) / 1e9;
    return new FoldResult(c.name(), s.repeat(), s.fold(), metrics, seconds, proba, predicted, f.model().warnings());
  }

  /** A fold's fitted model and its probabilities on the test rows, with the seconds they took. */
  private record Scored(Main main, double[][] proba, double seconds) {}

  /**
   * The seed of every fold's fit: the run's own, as scikit-learn's {@code cross_validate} fits a
   * clone of an estimator with the same {@code random_state} on every split. So a strategy of
   * random draws (bags, under-samples) is fitted with imbalanced-learn's draws for {@code
   * random_state=seed} in each fold, and {@code imb compare --seed s} reproduces its
   * cross-validation where the models agree (the balanced ensembles, logistic regression).
   */
  private long fitSeed() {
    return seed & 0xffffffffL;
  }

  /**
   * The rows (as indices into {@code labels}) that {@code c}'s resampler is given in split {@code
   * s}, each set once, as {@link #fit} draws them: for a trainer with validation rows the
   * training fold without them (each cross-fitted part's, {@link CrossFit}); otherwise the
   * training fold and, for a tuned threshold, its inner training part. Lets a caller check, before
   * any fit, that every fold holds enough rows of each class for the resampler's neighbourhoods.
   */
  public List<int[]> resamplerInputs(int[] labels, org.imbalanced4j.data.Schema schema, Candidate c, Split s) {
    int[] train = s.train();
    int[] y = Indices.gather(labels, train);
    long fs = fitSeed();
    List<int[]> out = new ArrayList<>();
    if (CrossFit.applies(c, y, schema, fs)) {
      for (Split p : CrossFit.parts(y, fs)) {
        out.add(Indices.gather(train, p.train()));
      }
      return out;
    }
    if (c.trainer().usesValidation()) {
      out.add(Indices.gather(train, StratifiedShuffleSplit.trainTestSplit(y, 0.2, fs + 1).train()));
      return out;
    }
    if (c.tunedThreshold() && java.util.Arrays.stream(y).distinct().count() == 2) {
      out.add(Indices.gather(train, StratifiedShuffleSplit.trainTestSplit(y, 0.25, fs).train()));
    }
    out.add(train);
    return out;
  }

  /**
   * Fits a candidate on training rows the way every fold does: the resampler runs on the rows,
   * then the model is fitted. A trainer that stops early on validation rows gets a stratified
   * fifth of the rows, held out before resampling, or on a small table with a rare class every
   * fifth in turn ({@link CrossFit}: five fits averaged); a tuned threshold is then the candidate
   * tuner's threshold of the rarest class on those same rows (out of fold), so no fit is repeated
   * (training it again on all the rows for the early-stopped epoch count, replaying its learning
   * rate, was tried twice: it lost the epoch that validation chose, 2 points on satimage and
   * lending_club, and on twelve tables of up to 3,000 rows it helped as often as it hurt, from -5
   * to +3 points; BENCHMARKS.md). Otherwise, for a tuned threshold a stratified quarter is held out
   * first (it never sees the resampler), a model fitted on the rest gives the threshold on it, and
   * the model is then refitted on all the rows (as scikit-learn's {@code
   * TunedThresholdClassifierCV} with {@code refit=True}). {@code imb
   * compare} also uses this to retrain the winner on all rows.
   */
  public static Fitted fit(Dataset train, Candidate c, long seed) {
    Main m = fitMain(train, c, seed);
    return new Fitted(m.model(), train.classCounts().minority(), rule(train, c, seed, m));
  }

  /**
   * The model every variant of a fit shares, the validation rows it was stopped on (or null), and
   * their out-of-fold probabilities when cross-fitted (else null: the model scores them).
   */
  private record Main(Model model, Dataset validation, double[][] validationProba) {}

  private static Main fitMain(Dataset train, Candidate c, long seed) {
    if (CrossFit.applies(c, train.labels(), train.schema(), seed)) {
      CrossFit.Fitted f = CrossFit.fit(train, seed, (rows, validation, s) -> fitModel(rows, validation, c, s));
      return new Main(f.model(), f.rows(), f.proba());
    }
    if (c.trainer().usesValidation()) {
      Split s = StratifiedShuffleSplit.trainTestSplit(train.labels(), 0.2, seed + 1);
      Dataset validation = train.subset(s.test());
      return new Main(fitModel(train.subset(s.train()), validation, c, seed), validation, null);
    }
    return new Main(fitModel(train, null, c, seed), null, null);
  }

  /** The candidate's decision rule for the model {@code m} fitted on {@code train}. */
  private static DecisionRule rule(Dataset train, Candidate c, long seed, Main m) {
    boolean tuned = c.tunedThreshold() && train.classCount() == 2 && train.classCounts().presentClassCount() == 2;
    if (!tuned) {
      return DecisionRule.ARGMAX;
    }
    int rare = train.classCounts().minority();
    if (m.validation() != null) {
      double[][] p = m.validationProba() != null ? m.validationProba() : m.model().predictProba(m.validation());
      return threshold(m.validation().labels(), p, rare, c.tuner());
    }
    Split inner = StratifiedShuffleSplit.trainTestSplit(train.labels(), 0.25, seed);
    Dataset validation = train.subset(inner.test());
    Model model = fitModel(train.subset(inner.train()), validation, c, seed);
    return threshold(validation.labels(), model.predictProba(validation), rare, c.tuner());
  }

  /** The tuner's threshold of class {@code rare} on the probabilities of rows the model was not fitted on. */
  private static DecisionRule threshold(int[] labels, double[][] proba, int rare, Candidate.Tuner tuner) {
    OneVsRest v = OneVsRest.of(labels, proba, rare);
    return new DecisionRule.Threshold(rare, tuner.choose(v.positive(), v.score(), rare).threshold());
  }

  /** Resamples the rows and fits, with validation rows when the trainer uses them. */
  private static Model fitModel(Dataset rows, Dataset validation, Candidate c, long seed) {
    Dataset fitOn = c.sampler() == null ? rows : c.sampler().apply(seed).fitResample(rows).data();
    return c.trainer().fit(fitOn, validation, seed);
  }

  /** A fitted candidate: its model, its rare class and its decision rule. */
  public record Fitted(Model model, int positive, DecisionRule rule) {
    /** The decided class of each row of probabilities. */
    public int[] predict(double[][] p) {
      return rule.decide(p);
    }
  }

  /** The metrics of a fold, keyed as {@code imb evaluate --json} keys them. */
  static Map<String, Double> metrics(int[] y, int[] pred, double[][] p, int k, int rare) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("balanced_accuracy_score", LabelMetrics.balancedAccuracy(y, pred, k, false));
    m.put("f1_score_macro", LabelMetrics.precisionRecallFscore(y, pred, k, 1, Average.MACRO, 0, 0)[2]);
    m.put("geometric_mean_score", LabelMetrics.geometricMean(y, pred, k, null, 0, 0.0));
    m.put("matthews_corrcoef", LabelMetrics.matthews(y, pred, k));
    OneVsRest r = OneVsRest.of(y, p, rare);
    m.put("average_precision_score", ScoreMetrics.averagePrecision(r.positive(), r.score()));
    m.put("roc_auc_score", k == 2 ? ScoreMetrics.rocAuc(r.positive(), r.score())
        : ProbabilityMetrics.rocAucOvr(y, p, Average.MACRO));
    LabelMetrics.PerClass pc = LabelMetrics.perClass(y, pred, k, 1, 0);
    for (int i = 0; i < pc.labels().length; i++) {
      m.put("recall_class_" + pc.labels()[i], pc.recall()[i]);
    }
    return m;
  }

  /**
   * Builder: {@code optFolds} (5), {@code optRepeats} (1), {@code optSeed} (0), {@code optCost}
   * (none; a K x K matrix {@code cost[true][predicted]} adds {@code expected_cost} to each fold's
   * metrics).
   */
  public static final class Builder {
    private int folds = 5;
    private int repeats = 1;
    private long seed;
    private double[][] cost;
    private double holdout;

    /**
     * Hold-out splits instead of k folds: this fraction of the rows (stratified) is the test set,
     * drawn anew for each repeat; 0 for k-fold.
     */
    public Builder optHoldout(double fraction) {
      if (!(fraction >= 0 && fraction < 1)) {
        throw new org.imbalanced4j.InvalidOptionException("the hold-out fraction must be in (0, 1), got " + fraction);
      }
      this.holdout = fraction;
      return this;
    }

    /** Sets the cost matrix ({@code cost[true][predicted]}) for the expected cost; null for none. */
    public Builder optCost(double[][] cost) {
      this.cost = cost;
      return this;
    }

    /** Sets the number of stratified folds (default: 5). */
    public Builder optFolds(int folds) {
      this.folds = folds;
      return this;
    }

    /** Sets how many times the folds are redrawn (default: 1). */
    public Builder optRepeats(int repeats) {
      this.repeats = repeats;
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the {@code CrossValidator}. */
    public CrossValidator build() {
      return new CrossValidator(folds, repeats, seed, cost, holdout);
    }
  }
}
