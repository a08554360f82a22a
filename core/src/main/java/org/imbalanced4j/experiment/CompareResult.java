package org.imbalanced4j.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.api.ScoringModel;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.model.io.SavedModel;
import org.imbalanced4j.split.Split;

/**
 * What a {@link Compare} found: the ranking with each strategy's metrics (mean, standard
 * deviation and 95% interval half-width over its folds), every fold's result, the strategies that
 * do not apply and why, and the winner, refitted on all rows on demand. {@link #json()} is what
 * {@code imb compare} writes to {@code results.json}. Immutable but for the winner's fit, which is
 * made once, on first use.
 */
public final class CompareResult {
  private final Compare compare;
  private final Dataset data;
  private final List<Candidate> strategies;
  private final List<List<FoldResult>> results;
  private final List<List<FoldResult>> firstRound;
  private final List<Split> splits;
  private final Map<String, String> notApplicable;
  private final List<Map<String, Object>> ranking;
  private final Map<String, Object> json;
  private final Candidate winner;
  private final int computed;
  private final int reused;
  private CrossValidator.Fitted winnerFit;

  CompareResult(Compare compare, Dataset d, double[][] cost, List<Candidate> ran, List<Split> splits, Race race,
      Map<String, String> notApplicable, String design, double perFit) {
    this.compare = compare;
    this.data = d;
    this.splits = List.copyOf(splits);
    this.computed = race.computed.get();
    this.reused = race.reused.get();
    String primary = compare.rank().metricKey();
    double sign = Compare.sign(compare.rank());
    Halving plan = race.plan();
    List<Candidate> grid = new ArrayList<>(ran);
    List<List<FoldResult>> res = new ArrayList<>(race.results());
    List<List<FoldResult>> first = new ArrayList<>(race.firstRound());
    List<Integer> droppedAfter = new ArrayList<>();
    List<Integer> rounds = new ArrayList<>();
    for (int c = 0; c < grid.size(); c++) {
      droppedAfter.add(race.droppedAfterSplit(c));
      rounds.add(race.lastRound(c));
    }
    int planned = grid.size() * splits.size(); // every strategy on every split's whole training fold
    int done = computed + reused;
    for (int c = grid.size() - 1; c >= 0; c--) {
      if (notApplicable.containsKey(grid.get(c).name())) { // failed in some fold: not ranked
        grid.remove(c);
        res.remove(c);
        first.remove(c);
        droppedAfter.remove(c);
        rounds.remove(c);
      }
    }
    List<Map<String, Object>> summary = summarise(grid, res);
    for (int c = 0; c < grid.size(); c++) {
      summary.get(c).put("folds_evaluated", res.get(c).size());
      summary.get(c).put("dropped_after_fold", droppedAfter.get(c) == 0 ? null : droppedAfter.get(c));
      summary.get(c).put("training_rows_per_fold", plan.rows().get(rounds.get(c)));
      summary.get(c).put("dropped_after_round", rounds.get(c) + 1 == plan.rounds() ? null : rounds.get(c) + 1);
    }
    summary.sort((a, b) -> { // the furthest round first, then those racing kept, then by score
      int ra = (Integer) a.get("training_rows_per_fold");
      int rb = (Integer) b.get("training_rows_per_fold");
      boolean da = a.get("dropped_after_fold") != null;
      boolean db = b.get("dropped_after_fold") != null;
      return ra != rb ? Integer.compare(rb, ra) : da != db ? Boolean.compare(da, db)
          : Double.compare(sign * mean(b, primary), sign * mean(a, primary));
    });
    for (int i = 0; i < summary.size(); i++) {
      summary.get(i).put("rank", i + 1);
    }
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("data", compare.source());
    j.put("rows", d.rows());
    j.put("classes", d.classCounts().asMap());
    j.put("folds", compare.holdout() == null ? compare.folds() : 1);
    j.put("holdout", compare.holdout());
    j.put("design", design);
    j.put("budget_minutes_per_strategy", compare.budgetMinutes());
    j.put("repeats", compare.repeats());
    j.put("seed", compare.seed());
    j.put("primary_metric", primary);
    j.put("rank_by", compare.rank().option());
    // racing compares at least three folds; halving needs large folds
    boolean raced = compare.race() && (splits.size() >= 3 || plan.rounds() > 1);
    j.put("racing", raced);
    j.put("halving", plan.rounds() == 1 ? null : Map.of("training_rows_per_fold", plan.rows(),
        "strategies", plan.keep(), "factor", Halving.FACTOR));
    j.put("fold_fits_planned", planned);
    j.put("fold_fits_run", done);
    double saved = 1.0 - race.rowsTrained() / ((double) planned * plan.rows().get(plan.rounds() - 1));
    j.put("compute_saved", planned == 0 ? 0 : Math.max(0, saved));
    j.put("candidates", summary);
    List<Map<String, String>> na = new ArrayList<>();
    notApplicable.forEach((name, why) -> na.add(Map.of("candidate", name, "reason", why)));
    j.put("not_applicable", na);
    this.strategies = List.copyOf(grid);
    this.results = res.stream().map(List::copyOf).toList();
    this.firstRound = first.stream().map(List::copyOf).toList();
    this.notApplicable = Collections.unmodifiableMap(new LinkedHashMap<>(notApplicable));
    this.ranking = Collections.unmodifiableList(summary);
    this.json = Collections.unmodifiableMap(j);
    Candidate w = grid.get(indexOf(grid, summary.get(0)));
    this.winner = Double.isNaN(perFit) ? w : w.withTimeLimit(perFit);
  }

  /** What {@code results.json} holds: the design, the ranking ({@code candidates}) and what did not apply. */
  public Map<String, Object> json() {
    return json;
  }

  /**
   * The strategies best first, each a map with {@code rank}, {@code candidate}, {@code learner},
   * {@code metrics} (name → mean, std, ci95_half_width), {@code seconds}, {@code warnings},
   * {@code folds_evaluated} and how far it raced.
   */
  public List<Map<String, Object>> ranking() {
    return ranking;
  }

  /** The mean over folds of a metric of a ranked strategy, by the strategy's name. */
  public double mean(String strategy, String metric) {
    return ranking.stream().filter(c -> c.get("candidate").equals(strategy)).findFirst()
        .map(c -> mean(c, metric)).orElseThrow(() -> new IllegalArgumentException("no ranked strategy '" + strategy + "'"));
  }

  /** The strategies that ran, in grid order. */
  public List<Candidate> strategies() {
    return strategies;
  }

  /** Each strategy's fold results (grid order), of the last round it ran. */
  public List<List<FoldResult>> results() {
    return results;
  }

  /** Each strategy's fold results of the first round, which every strategy ran (ranks, the CD diagram). */
  public List<List<FoldResult>> firstRound() {
    return firstRound;
  }

  /** The splits, in the order of each strategy's fold results. */
  public List<Split> splits() {
    return splits;
  }

  /** Strategies that could not run on this data, with the reason. */
  public Map<String, String> notApplicable() {
    return notApplicable;
  }

  /** Fold fits run in this call, and reused from the results directory. */
  public int fitsComputed() {
    return computed;
  }

  /** Fold fits reused from the results directory. */
  public int fitsReused() {
    return reused;
  }

  /** The rank-1 strategy. */
  public Candidate winningStrategy() {
    return winner;
  }

  /**
   * The winner retrained on all rows exactly as in each fold (resampler, model, tuned threshold on
   * a held-out quarter), fitted once on first call.
   */
  public ScoringModel winner() {
    CrossValidator.Fitted f = winnerFit();
    return ScoringModel.of(new SavedModel(f.model(), f.rule(), 1.0, null));
  }

  /** Writes the winner as a model directory that {@code imb predict} and {@code Models.load} read. */
  public void saveWinner(Path dir) throws IOException {
    BestModel.export(dir, data, winnerFit(), winner, compare.seed(), ranking.get(0), compare.source());
  }

  private synchronized CrossValidator.Fitted winnerFit() {
    if (winnerFit == null) {
      winnerFit = CrossValidator.fit(data, winner, compare.seed());
    }
    return winnerFit;
  }

  /** The grid position of a summarised candidate. */
  private static int indexOf(List<Candidate> grid, Map<String, Object> summarised) {
    return java.util.stream.IntStream.range(0, grid.size())
        .filter(i -> grid.get(i).name().equals(summarised.get("candidate"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static double mean(Map<String, Object> candidate, String metric) {
    return ((Map<String, Map<String, Double>>) candidate.get("metrics")).get(metric).get("mean");
  }

  private static List<Map<String, Object>> summarise(List<Candidate> grid, List<List<FoldResult>> results) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int c = 0; c < grid.size(); c++) {
      List<FoldResult> r = results.get(c);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("candidate", grid.get(c).name());
      m.put("learner", grid.get(c).trainer().describe());
      Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
      for (String key : r.get(0).metrics().keySet()) {
        double[] v = r.stream().mapToDouble(f -> f.metrics().getOrDefault(key, Double.NaN)).toArray();
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1);
        Map<String, Double> st = new LinkedHashMap<>();
        st.put("mean", mean);
        st.put("std", Math.sqrt(var));
        st.put("ci95_half_width", 1.96 * Math.sqrt(var / v.length));
        metrics.put(key, st);
      }
      m.put("metrics", metrics);
      m.put("seconds", r.stream().mapToDouble(FoldResult::seconds).sum());
      m.put("warnings", warnings(r));
      out.add(m);
    }
    return out;
  }

  /**
   * What the fits of a strategy reported, one line: the first fold's warning and in how many of its
   * folds one was reported (scikit-learn's ConvergenceWarning, for instance); empty when none.
   */
  public static List<String> warnings(List<FoldResult> r) {
    List<FoldResult> warned = r.stream().filter(f -> !f.warnings().isEmpty()).toList();
    if (warned.isEmpty()) {
      return List.of();
    }
    return List.of(warned.get(0).warnings().get(0) + " (in " + warned.size() + " of " + r.size() + " folds)");
  }
}
