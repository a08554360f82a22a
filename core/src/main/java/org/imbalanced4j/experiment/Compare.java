package org.imbalanced4j.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.Check;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.split.Split;

/**
 * The main job as a library call: races strategies (resampler × learner × decision rule) under
 * leak-free stratified cross-validation and ranks them, as {@code imb compare} does — which is a
 * shell over this class, so the same data, grid, folds and seed give the same ranking and metrics.
 * Each strategy is resampled and tuned inside each training fold only. Large folds are raced in
 * rounds of successive halving over training rows ({@link Halving}), and within a round by
 * Friedman/Nemenyi racing ({@link Racing}) unless {@link Builder#optRace(boolean) turned off}.
 * With a results directory, fold results are stored as they finish and a rerun reuses them.
 *
 * <pre>{@code
 * CompareResult r = Compare.builder().optFolds(5).optSeed(0).optJobs(2).build().run(data);
 * r.ranking().get(0).get("candidate");      // the winner's name
 * ScoringModel best = r.winner();            // refitted on all rows
 * }</pre>
 */
public final class Compare {
  /** The most folds ({@link Builder#optFolds}). */
  public static final int MAX_FOLDS = 1000;

  /** The most repetitions ({@link Builder#optRepeats}). */
  public static final int MAX_REPEATS = 1000;

  /** The most fits at once ({@link Builder#optJobs}). */
  public static final int MAX_JOBS = 256;

  /** The longest training time per strategy, in minutes ({@link Builder#optBudgetMinutes}). */
  public static final double MAX_BUDGET_MINUTES = 1e6;

  private final List<Candidate> grid;
  private final String gridText;
  private final int folds;
  private final int repeats;
  private final Double holdout;
  private final Double budgetMinutes;
  private final long seed;
  private final int jobs;
  private final boolean race;
  private final RankMetric rank;
  private final double[][] costMatrix;
  private final double[] costPair;
  private final Path resultsDir;
  private final CompareListener listener;
  private final String source;
  private final String version;

  private Compare(Builder b) {
    this.grid = b.grid == null ? null : List.copyOf(b.grid);
    this.gridText = b.gridText;
    this.folds = b.folds;
    this.repeats = b.repeats;
    this.holdout = b.holdout;
    this.budgetMinutes = b.budgetMinutes;
    this.seed = b.seed;
    this.jobs = b.jobs;
    this.race = b.race;
    this.rank = b.rank;
    this.costMatrix = b.cost;
    this.costPair = b.costPair;
    this.resultsDir = b.resultsDir;
    this.listener = b.listener;
    this.source = b.source;
    this.version = b.version;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Races the grid on {@code d} and ranks it; fold results go to the results directory when one is set. */
  public CompareResult run(Dataset d) throws Exception {
    double[][] cost = costMatrix != null ? costMatrix : costPair != null ? pairMatrix(d) : null;
    check(d, cost);
    CrossValidator cv = CrossValidator.builder().optFolds(folds).optRepeats(repeats).optSeed(seed)
        .optCost(cost).optHoldout(holdout == null ? 0 : holdout).build();
    List<Split> splits = cv.splits(d.labels());
    String design = holdout == null ? folds + "-fold x " + repeats + " stratified cross-validation"
        : String.format(Locale.ROOT, "%s stratified hold-out of %.0f%%", repeats == 1 ? "one" : repeats + " x",
            100 * holdout);
    Map<String, String> notApplicable = new LinkedHashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    Candidate.Tuner tuner = rank.tuner(cost);
    double perFit = budgetMinutes == null ? Double.NaN : budgetMinutes * 60 / splits.size();
    List<Candidate> listed = (grid == null ? Grid.defaults(d) : grid).stream()
        .map(c -> c.tunedBy(tuner)).map(c -> Double.isNaN(perFit) ? c : c.withTimeLimit(perFit)).toList();
    for (Candidate c : listed) {
      String why = Applicability.check(c, d, cv, splits);
      if (why == null) {
        candidates.add(c);
      } else {
        notApplicable.put(c.name(), why);
      }
    }
    if (candidates.isEmpty()) {
      throw new DataException("no strategy of the grid can run on " + source + ": "
          + notApplicable.values().iterator().next());
    }
    String text = grid == null ? Grid.defaultText(d.schema().isImages())
        : gridText != null ? gridText : String.join("\n", listed.stream().map(Candidate::name).toList());
    listener.message(String.format("comparing %d strategies on %s (%,d rows), %s", candidates.size(), source,
        d.rows(), design));
    int[] firstTrain = org.imbalanced4j.numeric.Indices.gather(d.labels(), splits.get(0).train());
    long crossFitted = candidates.stream()
        .filter(c -> CrossFit.applies(c, firstTrain, d.schema(), seed & 0xffffffffL)).count();
    if (crossFitted > 0) {
      listener.message(String.format(Locale.ROOT, "cross-fitting %d strateg%s whose learner stops early (a class "
          + "has fewer than %d training rows): %d fits a fold, each stopped on another fifth, averaged", crossFitted,
          crossFitted == 1 ? "y" : "ies", CrossFit.FOLDS * CrossFit.MIN_CLASS_ROWS, CrossFit.FOLDS));
    }
    if (d.schema().isImages() && holdout == null && budgetMinutes == null) {
      listener.message("networks on images are dear: --holdout 0.2 scores on one hold-out split instead of "
          + folds + " folds, --budget-minutes M gives each strategy M minutes");
    }
    if (budgetMinutes != null) {
      listener.message(String.format(Locale.ROOT, "budget: %.1f minutes of training per strategy (%.0f s per fit), "
          + "about %.0f minutes in all, then the winner's retraining", budgetMinutes, perFit,
          budgetMinutes * candidates.size()));
    }
    notApplicable.forEach((name, why) -> listener.message("not applicable: " + name + ": " + why));
    String runId = source + "|" + d.rows() + "x" + d.features() + "|" + d.classCounts() + "|folds="
        + (holdout == null ? folds : "holdout " + holdout) + "|budget=" + budgetMinutes
        + "|repeats=" + repeats + "|seed=" + seed + "|grid=" + Integer.toHexString(text.hashCode())
        + "|rank=" + rank.option() + "|cost=" + (cost == null ? "null" : Arrays.deepToString(cost))
        // folds of the older seed + fold scheme, or fitted before cross-fitting, are not reused
        + "|version=" + version + "|fold-seed=run|cross-fit=" + CrossFit.FOLDS + "x" + CrossFit.MAX_ROWS;
    Race r = new Race(d, candidates, splits, cv, race, rank.metricKey(), sign(rank), seed, jobs, listener);
    try (ResultStore store = resultsDir == null ? ResultStore.inMemory(runId)
        : new ResultStore(resultsDir.resolve("results.sqlite"), runId)) {
      r.run(store, notApplicable);
    }
    return new CompareResult(this, d, cost, candidates, splits, r, notApplicable, design, perFit);
  }

  /**
   * Whether {@code d} can be compared with these options: every class has at least 2 rows (and one
   * per fold), the cost matrix fits; throws the one-line error otherwise. {@link #run} checks too.
   */
  public void check(Dataset d) {
    check(d, costMatrix != null ? costMatrix : costPair != null ? pairMatrix(d) : null);
  }

  private void check(Dataset d, double[][] cost) {
    ClassCounts counts = d.classCounts();
    int smallest = counts.minority();
    long fewest = counts.count(smallest);
    if (fewest < 2) {
      throw new DataException("class '" + counts.classNames().get(smallest) + "' has " + fewest
          + " row" + (fewest == 1 ? "" : "s") + ": stratified cross-validation needs at least 2 rows of every class; "
          + "drop the class or merge it with another");
    }
    if (holdout == null && fewest < folds) {
      throw new DataException("class '" + counts.classNames().get(smallest) + "' has "
          + fewest + " rows, fewer than --folds " + folds + ": every test fold must hold every "
          + "class; use --folds " + fewest + " or fewer");
    }
    if (rank == RankMetric.EXPECTED_COST && cost == null) {
      throw new InvalidOptionException("--rank-by expected_cost needs --cost (C_FP,C_FN or the cost matrix)");
    }
    if (cost != null && (cost.length != d.classCount() || Arrays.stream(cost).anyMatch(r -> r.length != d.classCount()))) {
      throw new InvalidOptionException("the cost matrix must be " + d.classCount() + " x " + d.classCount());
    }
  }

  private double[][] pairMatrix(Dataset d) {
    if (d.classCount() != 2) {
      throw new InvalidOptionException("--cost takes the " + d.classCount() + " x " + d.classCount()
          + " cost matrix (" + d.classCount() * d.classCount() + " numbers, row by row), got 2 numbers");
    }
    return costOfErrors(d, costPair[0], costPair[1]);
  }

  /**
   * The 2 x 2 cost matrix ({@code cost[true][decided]}) of two-class {@code d} with the costs of a
   * false positive and a false negative, the rarer class being the positive one.
   */
  public static double[][] costOfErrors(Dataset d, double falsePositive, double falseNegative) {
    int rare = d.classCounts().minority();
    double[][] m = new double[2][2];
    m[1 - rare][rare] = falsePositive; // the common class called rare
    m[rare][1 - rare] = falseNegative;
    return m;
  }

  /** +1 when higher is better, -1 when lower is: racing and ranking maximise {@code sign * metric}. */
  public static double sign(RankMetric m) {
    return m.higherIsBetter() ? 1 : -1;
  }

  // what the run's identity and results.json need from the options
  RankMetric rank() {
    return rank;
  }

  long seed() {
    return seed;
  }

  int folds() {
    return folds;
  }

  int repeats() {
    return repeats;
  }

  Double holdout() {
    return holdout;
  }

  Double budgetMinutes() {
    return budgetMinutes;
  }

  boolean race() {
    return race;
  }

  String source() {
    return source;
  }

  /** The options of a comparison, with {@code imb compare}'s defaults. */
  public static final class Builder {
    private List<Candidate> grid;
    private String gridText;
    private int folds = 5;
    private int repeats = 1;
    private Double holdout;
    private Double budgetMinutes;
    private long seed;
    private int jobs = 1;
    private boolean race = true;
    private RankMetric rank = RankMetric.BALANCED_ACCURACY;
    private double[][] cost;
    private double[] costPair;
    private Path resultsDir;
    private CompareListener listener = CompareListener.NONE;
    private String source = "data";
    private String version = String.valueOf(Compare.class.getPackage().getImplementationVersion());

    /**
     * The strategies to race (default: {@link Grid#defaults(Dataset)}, the documented grid); a grid
     * read from YAML ({@link Grid#read}, {@link Grid#parse}) or built in code ({@link Grid#of}).
     */
    public Builder optGrid(List<Candidate> grid) {
      this.grid = grid;
      return this;
    }

    /** The grid's text, part of the run's identity for reusing stored folds (default: the strategies' names). */
    public Builder optGridText(String text) {
      this.gridText = text;
      return this;
    }

    /** Stratified folds (default 5), from 2 to 1000. */
    public Builder optFolds(int folds) {
      Check.range("folds", folds, 2, MAX_FOLDS);
      this.folds = folds;
      return this;
    }

    /** Repetitions of the folds or of the hold-out split (default 1). */
    public Builder optRepeats(int repeats) {
      Check.range("repeats", repeats, 1, MAX_REPEATS);
      this.repeats = repeats;
      return this;
    }

    /** Score on one stratified hold-out split of this fraction per repeat instead of k folds. */
    public Builder optHoldout(double fraction) {
      Check.open("holdout", fraction, 0, 1);
      this.holdout = fraction;
      return this;
    }

    /** Training minutes per strategy, shared by its fits (networks stop in time). */
    public Builder optBudgetMinutes(double minutes) {
      Check.positive("budget minutes", minutes, MAX_BUDGET_MINUTES);
      this.budgetMinutes = minutes;
      return this;
    }

    /** The seed of folds, resamplers and learners (default 0): the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Fits run at once (default 1). */
    public Builder optJobs(int jobs) {
      Check.range("jobs", jobs, 1, MAX_JOBS);
      this.jobs = jobs;
      return this;
    }

    /** Racing and successive halving (default on); off runs every strategy on every fold and row. */
    public Builder optRace(boolean race) {
      this.race = race;
      return this;
    }

    /** The metric that races, ranks and tunes thresholds (default balanced accuracy). */
    public Builder optRankBy(RankMetric rank) {
      this.rank = rank;
      return this;
    }

    /** The K × K cost matrix ({@code cost[true][decided]}, class order): adds expected cost. */
    public Builder optCost(double[][] cost) {
      this.cost = cost;
      this.costPair = null;
      return this;
    }

    /**
     * Two classes: the costs of a false positive and a false negative, the positive class being the
     * rarer one (as {@code imb compare --cost C_FP,C_FN}); the matrix is made when the data is known.
     */
    public Builder optCost(double falsePositive, double falseNegative) {
      this.costPair = new double[] {falsePositive, falseNegative};
      this.cost = null;
      return this;
    }

    /** Where fold results are stored ({@code results.sqlite}) and reused by a rerun (default: none). */
    public Builder optResultsDir(Path dir) {
      this.resultsDir = dir;
      return this;
    }

    /** Who hears of progress (default: nobody). */
    public Builder optListener(CompareListener listener) {
      this.listener = listener;
      return this;
    }

    /** The data's name in messages and results (default {@code data}). */
    public Builder optSource(String source) {
      this.source = source;
      return this;
    }

    /** The version in the run's identity (default: the jar's): stored folds of another version are not reused. */
    public Builder optVersion(String version) {
      this.version = version;
      return this;
    }

    /** Builds the {@code Compare}. */
    public Compare build() {
      return new Compare(this);
    }
  }
}
