package org.imbalanced4j.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cli.evaluate.EvaluationText;
import org.imbalanced4j.cli.evaluate.PredictionTable;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.report.Plots;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.TextTable;
import org.imbalanced4j.metrics.Average;
import org.imbalanced4j.metrics.ConfusionMatrix;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.metrics.ProbabilityMetrics;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.imbalanced4j.threshold.ThresholdChoice;
import org.imbalanced4j.threshold.Thresholds;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imb evaluate}: every imbalance-aware metric of a predictions file. It reads what {@code
 * imb predict} writes with no options: the {@code proba_<class>} columns (matched to classes by
 * name), the model's decisions ({@code predicted}) for the label metrics, the true class.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Compute imbalance metrics, curves and plots from predictions or scores.",
      "Input: the true class, and proba_<class> columns (as imb predict writes them), a predicted column,"
          + " or both. Label metrics use the predicted column unless --threshold is given; score metrics"
          + " use the probabilities. Metrics are scikit-learn's and imbalanced-learn's, by their names.",
    },
    footer = {"", "Examples:",
        "  imb predict model/ test.csv --out pred.csv && imb evaluate pred.csv",
        "  imb evaluate pred.csv --threshold auto --plots plots/",
        "  imb evaluate scores.csv --target y --score s --json"})
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PRED.csv", description = "Predictions with the true class (CSV or TSV).")
  String file;

  @Mixin DataOptions data;

  @ArgGroup(exclusive = true)
  Scores scores;

  static final class Scores {
    @Option(names = "--score", paramLabel = "COL",
        description = "Score of the positive class (higher = more likely positive), for two classes.")
    String score;

    @Option(names = "--proba", paramLabel = "COLS", split = ",",
        description = "Probability columns (default: every proba_<class> column). proba_<class> "
            + "names are matched to classes by name; other names are taken in sorted class order.")
    List<String> proba;
  }

  @Option(names = "--pos-label", paramLabel = "L",
      description = "The positive class (default: 1, true, yes or pos if present, else the minority class).")
  String posLabel;

  @Option(names = "--threshold", paramLabel = "auto|VALUE",
      description = "Two classes: decide by this threshold on the positive class's score instead of "
          + "the predicted column: a number, or auto for the F1-optimal one (chosen on these same rows). "
          + "Default: the predicted column, else 0.5 for scores in [0, 1], else 0.")
  String threshold;

  @Option(names = "--cost", paramLabel = "MATRIX", split = ",",
      description = "Costs C_FP,C_FN, or the cost matrix C_TN,C_FP,C_FN,C_TP (rows: true class); "
          + "with --threshold auto the threshold minimises the expected cost.")
  List<Double> cost;

  @Option(names = "--json", description = "Print one JSON object, keyed by scikit-learn's function names.")
  boolean json;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
      description = "Rounds of a stratified bootstrap for 95%% confidence intervals (default 0: none; at most 100000).")
  int bootstrap;

  @Mixin org.imbalanced4j.cli.options.SeedOption seed;

  @Option(names = "--plots", paramLabel = "DIR",
      description = "Write ROC, precision-recall, confusion-matrix and calibration plots (PNG and SVG) to DIR.")
  java.nio.file.Path plots;

  @Mixin org.imbalanced4j.cli.options.SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    if (spark.enabled()) {
      return evaluateOnSpark();
    }
    org.imbalanced4j.cli.options.Check.range("--bootstrap", bootstrap, 0, MAX_BOOTSTRAP);
    if (bootstrap == 1) {
      throw new InvalidOptionException("--bootstrap needs at least 2 rounds (or 0 for none), got 1");
    }
    if (cost != null) {
      for (double c : cost) {
        org.imbalanced4j.cli.options.Check.range("--cost", c, 0, 1e12);
      }
    }
    TextTable table = TextTable.read(DataSource.of(file), data.toReadOptions());
    PredictionTable t = PredictionTable.of(table, data.target(), scores == null ? null : scores.score,
        scores == null ? null : scores.proba);
    int[] y = t.truth();
    int k = t.k();
    List<String> names = t.classes();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", y.length);
    Map<String, Long> classes = new LinkedHashMap<>();
    long[] counts = t.counts();
    for (int c = 0; c < k; c++) {
      classes.put(names.get(c), counts[c]);
    }
    out.put("classes", classes);
    if (table.dropped() > 0) {
      out.put("dropped_rows", table.dropped());
    }
    Map<String, String> skipped = new LinkedHashMap<>();
    boolean allPresent = t.absentClasses().isEmpty();
    String absent = "no true row of class " + String.join(", ", t.absentClasses());
    int[] predicted;
    if (k == 2) {
      int pos = positiveClass(t);
      double[] s = t.score() != null ? t.score()
          : t.proba() != null ? org.imbalanced4j.metrics.OneVsRest.of(y, t.proba(), pos).score() : null;
      if (t.score() != null && t.scoreClass() >= 0 && t.scoreClass() != pos) {
        throw new InvalidOptionException("--score " + scores.score + " is the score of class '"
            + names.get(t.scoreClass()) + "', not of the positive class '" + names.get(pos) + "'");
      }
      out.put("positive_label", names.get(pos));
      boolean[] isPos = org.imbalanced4j.metrics.OneVsRest.isClass(y, pos);
      if (t.proba() != null) {
        out.put("log_loss", ProbabilityMetrics.logLoss(y, t.proba()));
      }
      if (threshold != null || t.predicted() == null) {
        if (s == null) {
          throw new InvalidOptionException("--threshold needs scores: this file has no probability columns");
        }
        double th = chooseThreshold(isPos, s, out);
        out.put("decision", "threshold");
        out.put("threshold", th);
        predicted = new int[y.length];
        for (int i = 0; i < y.length; i++) {
          predicted[i] = s[i] >= th ? pos : 1 - pos;
        }
      } else {
        out.put("decision", "predicted column");
        predicted = t.predicted();
      }
      if (s != null && allPresent) {
        out.put("roc_auc_score", ScoreMetrics.rocAuc(isPos, s));
        out.put("average_precision_score", ScoreMetrics.averagePrecision(isPos, s));
        out.put("pr_auc_trapezoid", ScoreMetrics.prAucTrapezoid(isPos, s));
      } else if (s != null) {
        skipped.put("roc_auc_score, average_precision_score", absent);
      }
      if (s != null && inUnitInterval(s)) {
        out.put("brier_score_loss", ScoreMetrics.brier(isPos, s));
      }
      if (bootstrap > 0) {
        out.put("confidence_intervals", intervals(y, isPos, s, predicted, k, allPresent));
      }
      if (plots != null && s != null && allPresent) {
        String name = String.format(Locale.ROOT, "%s (AUC %.3f, AP %.3f)", names.get(pos),
            (Double) out.get("roc_auc_score"), (Double) out.get("average_precision_score"));
        Plots.roc(List.of(new Plots.Series(name, ScoreMetrics.roc(isPos, s))), plots.resolve("roc"));
        double prevalence = (double) counts[pos] / y.length;
        Plots.precisionRecall(List.of(new Plots.Series(name, ScoreMetrics.precisionRecall(isPos, s))),
            prevalence, plots.resolve("pr"));
        if (inUnitInterval(s)) {
          Plots.calibration(ScoreMetrics.calibration(isPos, s, 10), plots.resolve("calibration"));
        }
      }
      labelMetrics(out, y, predicted, k, pos, names);
    } else {
      if (threshold != null) {
        throw new InvalidOptionException("--threshold is for two classes; these predictions have " + k
            + " classes " + names + ", decided by the predicted column or the largest probability");
      }
      if (scores != null && scores.score != null) {
        throw new InvalidOptionException("--score is for two classes; these predictions have " + k + " "
            + names + ": give one probability column per class with --proba");
      }
      double[][] p = t.proba();
      predicted = t.predicted() != null ? t.predicted() : Thresholds.applyOffsets(p, new double[k]);
      out.put("decision", t.predicted() != null ? "predicted column" : "largest probability");
      if (p != null) {
        out.put("log_loss", ProbabilityMetrics.logLoss(y, p));
        if (allPresent) {
          scoreMetrics(out, y, p, k, names, counts);
        } else {
          skipped.put("roc_auc_score, average_precision_score", absent);
        }
      }
      if (bootstrap > 0) {
        out.put("confidence_intervals", intervals(y, null, null, predicted, k, false));
      }
      labelMetrics(out, y, predicted, k, -1, names);
    }
    if (!skipped.isEmpty()) {
      out.put("skipped", skipped);
    }
    if (plots != null) {
      ConfusionMatrix cm = ConfusionMatrix.of(y, predicted, k);
      Plots.confusion(cm, names, false, plots.resolve("confusion"));
      Plots.confusion(cm, names, true, plots.resolve("confusion_normalized"));
    }
    PrintWriter pw = spec.commandLine().getOut();
    if (json) {
      pw.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    } else {
      EvaluationText.print(pw, out, names);
    }
    return 0;
  }

  /**
   * The same on Spark, for files larger than memory: class counts, exact ROC AUC and average
   * precision of the positive class's score, every label metric of the predicted column (or of
   * the score at 0.5), by the same definitions.
   */
  private int evaluateOnSpark() throws Exception {
    List<String> unsupported = new ArrayList<>();
    if (bootstrap > 0) {
      unsupported.add("--bootstrap");
    }
    if (plots != null) {
      unsupported.add("--plots");
    }
    if (threshold != null) {
      unsupported.add("--threshold");
    }
    if (cost != null) {
      unsupported.add("--cost");
    }
    if (scores != null && scores.proba != null) {
      unsupported.add("--proba");
    }
    if (!unsupported.isEmpty()) {
      throw new InvalidOptionException(String.join(", ", unsupported) + " cannot be used with --spark yet; "
          + "evaluate a sample without --spark for them");
    }
    java.io.PrintWriter err = spec.commandLine().getErr();
    try (org.imbalanced4j.distributed.DistributedJobs jobs = org.imbalanced4j.cli.options.SparkOptions.load()) {
      org.imbalanced4j.distributed.DistributedJobs.EvaluateResult r = jobs.evaluate(spark.engine(err),  new org.imbalanced4j.distributed.DistributedJobs.EvaluateRequest(file, data.target(),
          scores == null ? null : scores.score, null, posLabel));
      PrintWriter pw = spec.commandLine().getOut();
      if (json) {
        pw.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r.metrics()));
      } else {
        EvaluationText.print(pw, r.metrics(), r.classes());
      }
    }
    return 0;
  }

  /** Most bootstrap rounds accepted. */
  static final int MAX_BOOTSTRAP = 100_000;

  private void scoreMetrics(Map<String, Object> out, int[] y, double[][] p, int k, List<String> names,
      long[] counts) throws java.io.IOException {
    double[] perClassAp = new double[k];
    List<Plots.Series> rocs = new ArrayList<>();
    List<Plots.Series> prs = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      org.imbalanced4j.metrics.OneVsRest ovr = org.imbalanced4j.metrics.OneVsRest.of(y, p, c);
      boolean[] isC = ovr.positive();
      double[] sc = ovr.score();
      perClassAp[c] = ScoreMetrics.averagePrecision(isC, sc);
      rocs.add(new Plots.Series(String.format(Locale.ROOT, "%s vs rest (AUC %.3f)", names.get(c),
          ScoreMetrics.rocAuc(isC, sc)), ScoreMetrics.roc(isC, sc)));
      prs.add(new Plots.Series(String.format(Locale.ROOT, "%s vs rest (AP %.3f)", names.get(c), perClassAp[c]),
          ScoreMetrics.precisionRecall(isC, sc)));
    }
    Map<String, Double> ap = new LinkedHashMap<>();
    ap.put("macro", Arrays.stream(perClassAp).sum() / k);
    double ws = 0;
    for (int c = 0; c < k; c++) {
      ws += perClassAp[c] * counts[c];
    }
    ap.put("weighted", ws / y.length);
    out.put("average_precision_score", ap);
    if (plots != null) {
      Plots.roc(rocs, plots.resolve("roc"));
      double minority = Arrays.stream(counts).min().orElse(0) / (double) y.length;
      Plots.precisionRecall(prs, minority, plots.resolve("pr"));
    }
    Map<String, Double> auc = new LinkedHashMap<>();
    for (String mc : new String[] {"ovr", "ovo"}) {
      for (Average a : new Average[] {Average.MACRO, Average.WEIGHTED}) {
        auc.put(mc + "_" + a.key(), mc.equals("ovr") ? ProbabilityMetrics.rocAucOvr(y, p, a)
            : ProbabilityMetrics.rocAucOvo(y, p, a));
      }
    }
    out.put("roc_auc_score", auc);
  }

  private Map<String, Object> intervals(int[] y, boolean[] isPos, double[] s, int[] predicted, int k,
      boolean scores) {
    Map<String, Object> ci = new LinkedHashMap<>();
    if (s != null && scores) {
      ci.put("roc_auc_score", interval(y, rows -> ScoreMetrics.rocAuc(pick(isPos, rows), pick(s, rows))));
      ci.put("average_precision_score",
          interval(y, rows -> ScoreMetrics.averagePrecision(pick(isPos, rows), pick(s, rows))));
    }
    ci.put("balanced_accuracy_score",
        interval(y, rows -> LabelMetrics.balancedAccuracy(pick(y, rows), pick(predicted, rows), k, false)));
    return ci;
  }

  private double chooseThreshold(boolean[] isPos, double[] s, Map<String, Object> out) {
    if (threshold == null) {
      return inUnitInterval(s) ? 0.5 : 0.0;
    }
    if (threshold.equalsIgnoreCase("auto")) {
      ThresholdChoice c;
      if (cost != null) {
        double[][] m;
        if (cost.size() == 2) {
          m = new double[][] {{0, cost.get(0)}, {cost.get(1), 0}};
        } else if (cost.size() == 4) {
          m = new double[][] {{cost.get(0), cost.get(1)}, {cost.get(2), cost.get(3)}};
        } else {
          throw new InvalidOptionException("--cost takes C_FP,C_FN or the matrix C_TN,C_FP,C_FN,C_TP, got "
              + cost.size() + " numbers");
        }
        c = Thresholds.minimizeCost(isPos, s, m);
      } else {
        c = Thresholds.maximizeFbeta(isPos, s, 1.0);
      }
      out.put("threshold_criterion", c.criterion());
      return c.threshold();
    }
    try {
      return Double.parseDouble(threshold);
    } catch (NumberFormatException e) {
      throw new InvalidOptionException("--threshold must be auto or a number, got '" + threshold + "'");
    }
  }

  private Map<String, Object> interval(int[] y, org.imbalanced4j.metrics.Bootstrap.Metric m) {
    org.imbalanced4j.metrics.Bootstrap.Interval iv =
        org.imbalanced4j.metrics.Bootstrap.interval(y, m, bootstrap, 0.95, seed.seed());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("low", iv.low());
    r.put("high", iv.high());
    r.put("level", iv.level());
    r.put("rounds", iv.rounds());
    return r;
  }

  private static boolean[] pick(boolean[] a, int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = a[rows[i]];
    }
    return out;
  }

  private static double[] pick(double[] a, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = a[rows[i]];
    }
    return out;
  }

  private static int[] pick(int[] a, int[] rows) {
    return org.imbalanced4j.numeric.Indices.gather(a, rows);
  }

  private static void labelMetrics(Map<String, Object> out, int[] y, int[] p, int k, int pos,
      List<String> names) {
    out.putAll(org.imbalanced4j.metrics.LabelReport.of(ConfusionMatrix.of(y, p, k), pos, names));
  }

  private int positiveClass(PredictionTable t) {
    if (posLabel == null && t.scoreClass() >= 0) {
      return t.scoreClass();
    }
    return org.imbalanced4j.metrics.PositiveClass.choose(t.classes(), t.counts(), posLabel);
  }


  private static boolean inUnitInterval(double[] s) {
    for (double v : s) {
      if (v < 0 || v > 1) {
        return false;
      }
    }
    return true;
  }
}
