package org.imbalanced4j.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imbalanced4j.Check;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cli.evaluate.EvaluationText;
import org.imbalanced4j.cli.evaluate.PredictionTable;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.report.Plots;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.TextTable;
import org.imbalanced4j.metrics.ConfusionMatrix;
import org.imbalanced4j.metrics.Evaluation;
import org.imbalanced4j.metrics.ScoreMetrics;
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
    org.imbalanced4j.Check.range("--bootstrap", bootstrap, 0, MAX_BOOTSTRAP);
    if (bootstrap == 1) {
      throw new InvalidOptionException("--bootstrap needs at least 2 rounds (or 0 for none), got 1");
    }
    if (cost != null) {
      for (double c : cost) {
        org.imbalanced4j.Check.range("--cost", c, 0, 1e12);
      }
    }
    TextTable table = TextTable.read(DataSource.of(file), data.toReadOptions());
    PredictionTable t = PredictionTable.of(table, data.target(), scores == null ? null : scores.score,
        scores == null ? null : scores.proba);
    int k = t.k();
    List<String> names = t.classes();
    Evaluation.Builder b = Evaluation.builder(t.truth(), names).optDroppedRows(table.dropped())
        .optBootstrap(bootstrap, seed.seed());
    if (t.proba() != null) {
      b.optProba(t.proba());
    }
    if (t.predicted() != null) {
      b.optPredicted(t.predicted());
    }
    if (k == 2) {
      int pos = Evaluation.positiveClass(names, t.counts(), posLabel, t.scoreClass());
      if (t.score() != null) {
        if (t.scoreClass() >= 0 && t.scoreClass() != pos) {
          throw new InvalidOptionException("--score " + scores.score + " is the score of class '"
              + names.get(t.scoreClass()) + "', not of the positive class '" + names.get(pos) + "'");
        }
        b.optScore(t.score(), t.scoreClass());
      }
      b.optPositiveLabel(names.get(pos));
      if ((threshold != null || t.predicted() == null) && t.score() == null && t.proba() == null) {
        throw new InvalidOptionException("--threshold needs scores: this file has no probability columns");
      }
      if (threshold != null) {
        if (threshold.equalsIgnoreCase("auto")) {
          b.optAutoThreshold(costMatrix());
        } else {
          try {
            b.optThreshold(Double.parseDouble(threshold));
          } catch (NumberFormatException e) {
            throw new InvalidOptionException("--threshold must be auto or a number, got '" + threshold + "'");
          }
        }
      }
    } else {
      if (threshold != null) {
        throw new InvalidOptionException("--threshold is for two classes; these predictions have " + k
            + " classes " + names + ", decided by the predicted column or the largest probability");
      }
      if (scores != null && scores.score != null) {
        throw new InvalidOptionException("--score is for two classes; these predictions have " + k + " "
            + names + ": give one probability column per class with --proba");
      }
    }
    Evaluation e = b.build();
    Map<String, Object> out = e.metrics();
    if (plots != null) {
      plot(e, names);
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

  /** The cost matrix of --cost (C_FP,C_FN or C_TN,C_FP,C_FN,C_TP), null without. */
  private double[][] costMatrix() {
    if (cost == null) {
      return null;
    }
    if (cost.size() == 2) {
      return new double[][] {{0, cost.get(0)}, {cost.get(1), 0}};
    }
    if (cost.size() == 4) {
      return new double[][] {{cost.get(0), cost.get(1)}, {cost.get(2), cost.get(3)}};
    }
    throw new InvalidOptionException("--cost takes C_FP,C_FN or the matrix C_TN,C_FP,C_FN,C_TP, got "
        + cost.size() + " numbers");
  }

  /** ROC, precision-recall, calibration and confusion-matrix plots of an evaluation into --plots. */
  private void plot(Evaluation e, List<String> names) throws java.io.IOException {
    int[] y = e.truth();
    int k = names.size();
    long[] counts = e.counts();
    boolean allPresent = Arrays.stream(counts).allMatch(n -> n > 0);
    Map<String, Object> out = e.metrics();
    if (k == 2) {
      double[] s = e.score();
      int pos = e.positive();
      if (s != null && allPresent) {
        boolean[] isPos = org.imbalanced4j.metrics.OneVsRest.isClass(y, pos);
        String name = String.format(Locale.ROOT, "%s (AUC %.3f, AP %.3f)", names.get(pos),
            (Double) out.get("roc_auc_score"), (Double) out.get("average_precision_score"));
        Plots.roc(List.of(new Plots.Series(name, ScoreMetrics.roc(isPos, s))), plots.resolve("roc"));
        double prevalence = (double) counts[pos] / y.length;
        Plots.precisionRecall(List.of(new Plots.Series(name, ScoreMetrics.precisionRecall(isPos, s))),
            prevalence, plots.resolve("pr"));
        if (Evaluation.inUnitInterval(s)) {
          Plots.calibration(ScoreMetrics.calibration(isPos, s, 10), plots.resolve("calibration"));
        }
      }
    } else if (e.proba() != null && allPresent) {
      double[][] p = e.proba();
      List<Plots.Series> rocs = new ArrayList<>();
      List<Plots.Series> prs = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        org.imbalanced4j.metrics.OneVsRest ovr = org.imbalanced4j.metrics.OneVsRest.of(y, p, c);
        boolean[] isC = ovr.positive();
        double[] sc = ovr.score();
        rocs.add(new Plots.Series(String.format(Locale.ROOT, "%s vs rest (AUC %.3f)", names.get(c),
            ScoreMetrics.rocAuc(isC, sc)), ScoreMetrics.roc(isC, sc)));
        prs.add(new Plots.Series(String.format(Locale.ROOT, "%s vs rest (AP %.3f)", names.get(c),
            ScoreMetrics.averagePrecision(isC, sc)), ScoreMetrics.precisionRecall(isC, sc)));
      }
      Plots.roc(rocs, plots.resolve("roc"));
      double minority = Arrays.stream(counts).min().orElse(0) / (double) y.length;
      Plots.precisionRecall(prs, minority, plots.resolve("pr"));
    }
    ConfusionMatrix cm = ConfusionMatrix.of(y, e.predicted(), k);
    Plots.confusion(cm, names, false, plots.resolve("confusion"));
    Plots.confusion(cm, names, true, plots.resolve("confusion_normalized"));
  }
}
