package org.imbalanced4j.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imbalanced4j.Check;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.options.ImageOptions;
import org.imbalanced4j.cli.options.Inputs;
import org.imbalanced4j.cli.options.SeedOption;
import org.imbalanced4j.cli.report.CompareReport;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.experiment.Candidate;
import org.imbalanced4j.experiment.Compare;
import org.imbalanced4j.experiment.CompareResult;
import org.imbalanced4j.experiment.FoldResult;
import org.imbalanced4j.experiment.Grid;
import org.imbalanced4j.experiment.RankMetric;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.io.BuiltinDatasets;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imb compare}: race imbalance strategies under leak-free stratified cross-validation. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Race resampling and learning strategies under cross-validation and report the best.",
      "Each strategy is a resampler x learner x decision rule, resampled and tuned inside each training"
          + " fold only, and ranked. Writes DIR/report.html, DIR/results.csv, DIR/results.json and DIR/best/"
          + " (the winner retrained on all rows: a model directory for imb predict). Interrupted runs resume.",
    },
    footer = {"", "Example:", "  imb compare builtin:satimage --folds 5 --out compare/"})
public final class CompareCommand implements Callable<Integer> {
  /** The fold metric that ranks, from {@code --rank-by}. */
  private String primary = RankMetric.BALANCED_ACCURACY.metricKey();
  /** Most folds and repeats accepted. */
  static final int MAX_FOLDS = Compare.MAX_FOLDS;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Table, or builtin:NAME (default: builtin:" + BuiltinDatasets.DEMO + ").")
  String file = DataSource.BUILTIN_PREFIX + BuiltinDatasets.DEMO;

  @Mixin DataOptions data;

  @Mixin ImageOptions images;

  @Mixin SeedOption seed;

  @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Folds (default: 5).")
  int folds;

  @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
      description = "Repetitions of the k folds, or of the hold-out split (default: 1).")
  int repeats;

  @Option(names = "--holdout", paramLabel = "FRACTION",
      description = "Score each strategy on a stratified hold-out split of this fraction of the rows (one per "
          + "repeat) instead of k folds, when k fits are too dear (networks on images), e.g. 0.2.")
  Double holdout;

  @Option(names = "--budget-minutes", paramLabel = "M",
      description = "Training time per strategy, shared by its fits (one per fold or hold-out): a network stops "
          + "when another epoch would pass its share, and keeps its best epoch. Learners that fit in one go "
          + "are not limited (default: none; networks then stop on their own time_limit).")
  Double budgetMinutes;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Candidates run in parallel (default: 1).")
  int jobs;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (required).")
  Path out;

  @Option(names = "--grid", paramLabel = "GRID.yaml",
      description = "Strategies to race: samplers x learners x thresholds (default: the built-in grid; "
          + "imb compare --print-grid shows it, documented).")
  Path gridFile;

  @Option(names = "--print-grid",
      description = "Print the default grid (YAML, with its documentation) and exit: the image grid when FILE is "
          + "images.")
  boolean printGrid;

  @Option(names = "--list-learners", description = "List the learners a grid can name, with their parameters, and exit.")
  boolean listLearners;

  @Option(names = "--no-race", description = "Run every strategy on every fold and on all training rows (no racing, and no successive "
          + "halving over rows, which large tables otherwise get).")
  boolean noRace;

  @Option(names = "--rank-by", paramLabel = "METRIC", defaultValue = "balanced_accuracy",
      description = "The metric that races and ranks the strategies, and that tuned thresholds maximise: "
          + "balanced_accuracy, average_precision, f1 (macro), g_mean, matthews_corrcoef or expected_cost "
          + "(needs --cost; lower is better). Default: balanced_accuracy.")
  String rankBy;

  @Option(names = "--cost", paramLabel = "MATRIX", split = ",",
      description = "Costs C_FP,C_FN (two classes; the positive class is the rarer one), or the K x K cost matrix "
          + "row by row (rows: true class, in class order): adds expected_cost to the metrics.")
  List<Double> cost;

  @Mixin org.imbalanced4j.cli.options.SparkOptions spark;

  @Option(names = "--strategies", paramLabel = "NAMES", split = ",",
      description = "With --spark: the strategies to race, by name (default: all; see --print-grid --spark).")
  List<String> strategies;

  /** The lock on {@code --out} while this run writes there (two runs never interleave). */
  org.imbalanced4j.io.DirectoryLock lock;

  @Override
  public Integer call() throws Exception {
    try {
      return compare();
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }

  private Integer compare() throws Exception {
    if (spark.enabled()) {
      return new SparkCompare(this).run();
    }
    if (strategies != null) {
      throw new org.imbalanced4j.InvalidOptionException("--strategies is for --spark; without it, name the "
          + "strategies in a --grid file");
    }
    if (printGrid) {
      // the grid for the input's kind: images given as FILE get the image grid
      spec.commandLine().getOut().print(Grid.defaultText(org.imbalanced4j.cli.options.ImageOptions.isImages(file)));
      return 0;
    }
    if (listLearners) {
      spec.commandLine().getOut().print(Grid.learnerList());
      return 0;
    }
    if (out == null) {
      throw new org.imbalanced4j.InvalidOptionException("Missing required option: '--out=DIR'");
    }
    Check.range("--folds", folds, 2, MAX_FOLDS);
    if (holdout != null) {
      Check.open("--holdout", holdout, 0, 1);
      if (spec.commandLine().getParseResult().hasMatchedOption("--folds")) {
        throw new org.imbalanced4j.InvalidOptionException("--folds and --holdout exclude each other: k folds, or one "
            + "hold-out split per repeat");
      }
    }
    if (budgetMinutes != null) {
      Check.positive("--budget-minutes", budgetMinutes, Compare.MAX_BUDGET_MINUTES);
    }
    Check.range("--repeats", repeats, 1, Compare.MAX_REPEATS);
    Check.range("--jobs", jobs, 1, Compare.MAX_JOBS);
    RankMetric rank = RankMetric.parse(rankBy);
    primary = rank.metricKey();
    Dataset d = Inputs.read(file, data, images);
    double[][] costMatrix = costMatrix(d);
    String source = Inputs.name(file, d);
    List<Candidate> listed = gridFile == null ? null : Grid.read(gridFile, d);
    String gridText = gridFile == null ? null : java.nio.file.Files.readString(gridFile);
    PrintWriter err = spec.commandLine().getErr();
    Compare.Builder cb = Compare.builder().optFolds(folds).optRepeats(repeats).optSeed(seed.seed()).optJobs(jobs)
        .optRace(!noRace).optRankBy(rank).optCost(costMatrix).optSource(source).optResultsDir(out)
        .optListener(new RaceProgress(err)).optVersion(String.valueOf(CompareCommand.class.getPackage()
            .getImplementationVersion()));
    if (listed != null) {
      cb.optGrid(listed).optGridText(gridText);
    }
    if (holdout != null) {
      cb.optHoldout(holdout);
    }
    if (budgetMinutes != null) {
      cb.optBudgetMinutes(budgetMinutes);
    }
    Compare compare = cb.build();
    compare.check(d);
    lock = org.imbalanced4j.io.DirectoryLock.acquire(out, "imb compare"); // once the input is known to be usable
    CompareResult result = compare.run(d);
    List<Map<String, Object>> summary = result.ranking();
    Map<String, Object> json = result.json();
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    AtomicFiles.writeString(out.resolve("results.json"), om.writeValueAsString(json));
    AtomicFiles.writeText(out.resolve("results.csv"), w -> writeCsv(w, result.results()));
    AtomicFiles.writeString(out.resolve("report.html"), CompareReport.html(source, d, json, summary,
        ranks(result.strategies(), result.firstRound(), rank), leaders(result.strategies(), result.results(), summary,
            result.splits(), d), gridText != null ? gridText : Grid.defaultText(d.schema().isImages())));
    printRanking(spec.commandLine().getOut(), summary, d);
    result.notApplicable().forEach((name, why) -> spec.commandLine().getOut().printf("  n/a  %s: %s%n", name, why));
    for (Map<String, Object> c : summary) {
      for (Object w : (List<?>) c.get("warnings")) {
        err.printf("warning: %s: %s%n", c.get("candidate"), w);
      }
    }
    err.printf("retraining the winner on all %,d rows: %s%n", d.rows(), result.winningStrategy().name());
    err.flush();
    result.saveWinner(out.resolve("best"));
    spec.commandLine().getOut().printf("%d folds computed, %d reused from %s%n", result.fitsComputed(),
        result.fitsReused(), out.resolve("results.sqlite"));
    if ((Boolean) json.get("racing")) {
      int rounds = json.get("halving") == null ? 1
          : ((List<?>) ((Map<?, ?>) json.get("halving")).get("strategies")).size();
      spec.commandLine().getOut().printf(Locale.ROOT, rounds == 1
          ? "racing ran %d of %d fold fits (%.0f%% of the compute saved)%n"
          : "racing ran %d fold fits in " + rounds + " rounds of halving where every strategy on every fold "
              + "is %d (%.0f%% of the training rows saved)%n", json.get("fold_fits_run"),
          json.get("fold_fits_planned"), 100 * (Double) json.get("compute_saved"));
    }
    spec.commandLine().getOut().printf("wrote %s, %s, %s and %s (the winner, for imb predict)%n",
        out.resolve("report.html"), out.resolve("results.csv"), out.resolve("results.json"), out.resolve("best"));
    return 0;
  }

  /** The grid position of a summarised candidate. */
  private static int indexOf(List<Candidate> grid, Map<String, Object> summarised) {
    return java.util.stream.IntStream.range(0, grid.size())
        .filter(i -> grid.get(i).name().equals(summarised.get("candidate"))).findFirst().orElseThrow();
  }

  /** The cost matrix of {@code --cost}, K x K in class order, or null. */
  private double[][] costMatrix(Dataset d) {
    if (cost == null) {
      return null;
    }
    for (double c : cost) {
      Check.range("--cost", c, 0, 1e12);
    }
    int k = d.classCount();
    if (cost.size() == 2 && k == 2) {
      return Compare.costOfErrors(d, cost.get(0), cost.get(1));
    }
    if (cost.size() != k * k) {
      throw new org.imbalanced4j.InvalidOptionException("--cost takes " + (k == 2 ? "C_FP,C_FN or " : "") + "the "
          + k + " x " + k + " cost matrix (" + k * k + " numbers, row by row), got " + cost.size() + " numbers");
    }
    double[][] m = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        m[i][j] = cost.get(i * k + j);
      }
    }
    return m;
  }

  /**
   * Mean ranks of the primary metric over the first round's folds that every strategy ran (racing
   * drops after fold 3; later rounds of halving run fewer strategies).
   */
  private CompareReport.Ranks ranks(List<Candidate> grid, List<List<FoldResult>> results, RankMetric rank) {
    int folds = results.stream().mapToInt(List::size).min().orElse(0);
    double[][] scores = new double[folds][grid.size()];
    for (int f = 0; f < folds; f++) {
      for (int c = 0; c < grid.size(); c++) {
        scores[f][c] = Compare.sign(rank) * results.get(c).get(f).metrics().get(primary);
      }
    }
    List<String> names = grid.stream().map(Candidate::name).toList();
    if (folds < 2) {
      return new CompareReport.Ranks(List.of(), new double[0], 0, folds);
    }
    return new CompareReport.Ranks(names, org.imbalanced4j.experiment.Racing.meanRanks(scores),
        org.imbalanced4j.experiment.Racing.criticalDifference(grid.size(), folds), folds);
  }

  /**
   * The out-of-fold predictions of the (up to) three best strategies that ran every fold: the test
   * rows of the first repeat (every row under k folds, the hold-out rows otherwise).
   */
  private static List<CompareReport.Leader> leaders(List<Candidate> grid, List<List<FoldResult>> results,
      List<Map<String, Object>> ranked, List<org.imbalanced4j.split.Split> splits, Dataset d) {
    List<CompareReport.Leader> out = new ArrayList<>();
    int k = d.classCount();
    List<Integer> first = new ArrayList<>();
    for (int si = 0; si < splits.size() && splits.get(si).repeat() == 0; si++) {
      first.add(si);
    }
    int[] rows = first.stream().flatMapToInt(si -> java.util.Arrays.stream(splits.get(si).test())).toArray();
    for (Map<String, Object> r : ranked) {
      if (out.size() == 3 || !CompareReport.finalist(r)) {
        break;
      }
      int c = indexOf(grid, r);
      double[][] proba = new double[rows.length][k];
      int[] predicted = new int[rows.length];
      int at = 0;
      for (int si : first) {
        FoldResult f = results.get(c).get(si);
        int n = f.predicted().length;
        for (int i = 0; i < n; i++, at++) {
          for (int j = 0; j < k; j++) {
            proba[at][j] = f.proba()[i * k + j];
          }
          predicted[at] = f.predicted()[i];
        }
      }
      out.add(new CompareReport.Leader(grid.get(c).name(), rows, proba, predicted));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private void printRanking(PrintWriter pw, List<Map<String, Object>> summary, Dataset d) {
    int w = Math.max("strategy".length(),
        summary.stream().mapToInt(c -> ((String) c.get("candidate")).length()).max().orElse(8));
    List<String> scores = new ArrayList<>();
    List<String> recalls = new ArrayList<>();
    for (Map<String, Object> c : summary) {
      Map<String, Map<String, Double>> m = (Map<String, Map<String, Double>>) c.get("metrics");
      StringBuilder rec = new StringBuilder();
      for (int k = 0; k < d.classCount(); k++) {
        Map<String, Double> r = m.get("recall_class_" + k);
        if (r != null) {
          rec.append(String.format(Locale.ROOT, "%s %.2f  ", d.schema().classNames().get(k), r.get("mean")));
        }
      }
      recalls.add(rec.toString().strip());
      Map<String, Double> p = m.get(primary);
      scores.add(Integer.valueOf(1).equals(c.get("folds_evaluated"))
          ? String.format(Locale.ROOT, "%.4f (one split)", p.get("mean"))
          : String.format(Locale.ROOT, "%.4f ± %.4f", p.get("mean"), p.get("ci95_half_width")));
    }
    String scoreHead = primary + " (95% CI)";
    int sw = Math.max(scoreHead.length(), scores.stream().mapToInt(String::length).max().orElse(0));
    int rw = Math.max("recall per class".length(), recalls.stream().mapToInt(String::length).max().orElse(0));
    String row = "  %-4s  %-" + w + "s  %-" + sw + "s  %-" + rw + "s  %7s%s%n";
    pw.println();
    pw.printf(row, "rank", "strategy", scoreHead, "recall per class", "time s", "");
    for (int i = 0; i < summary.size(); i++) {
      Map<String, Object> c = summary.get(i);
      Object dropped = c.get("dropped_after_fold");
      pw.printf(Locale.ROOT, row, c.get("rank"), c.get("candidate"), scores.get(i), recalls.get(i),
          String.format(Locale.ROOT, "%.1f", (Double) c.get("seconds")),
          (dropped == null ? "" : "  (dropped after fold " + dropped + ")")
              + (c.get("dropped_after_round") == null ? "" : String.format(Locale.ROOT,
                  "  (round %s of halving: %,d rows)", c.get("dropped_after_round"), c.get("training_rows_per_fold")))
              + (((List<?>) c.get("warnings")).isEmpty() ? "" : "  (see warning below)"));
    }
  }

  private static void writeCsv(java.io.Writer w, List<List<FoldResult>> results) throws java.io.IOException {
    List<String> keys = new ArrayList<>(results.get(0).get(0).metrics().keySet());
    w.write("candidate,repeat,fold," + String.join(",", keys) + ",seconds\n");
    for (List<FoldResult> r : results) {
      for (FoldResult f : r) {
        StringBuilder sb = new StringBuilder("\"" + f.candidate() + "\"," + f.repeat() + "," + f.fold());
        for (String k : keys) {
          sb.append(',').append(f.metrics().getOrDefault(k, Double.NaN));
        }
        w.write(sb.append(',').append(f.seconds()).append('\n').toString());
      }
    }
  }
}
