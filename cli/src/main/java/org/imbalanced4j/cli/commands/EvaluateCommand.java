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
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.report.Plots;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
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

/** {@code imb evaluate}: every imbalance-aware metric of a predictions file. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate predictions: the true class and either a score (binary) or one probability",
      "column per class. Metrics are scikit-learn's and imbalanced-learn's, by their names.",
    },
    footer = {"", "Examples:",
        "  imb evaluate pred.csv --target class --score proba_1 --threshold auto",
        "  imb evaluate pred.csv --target class --proba proba_a,proba_b,proba_c --json"})
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PRED.csv", description = "Predictions with the true class.")
  String file;

  @Mixin DataOptions data;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Scores scores;

  static final class Scores {
    @Option(names = "--score", paramLabel = "COL", required = true,
        description = "Score of the positive class (higher = more likely positive).")
    String score;

    @Option(names = "--proba", paramLabel = "COLS", split = ",", required = true,
        description = "Probability columns, one per class in class order (e.g. proba_a,proba_b).")
    List<String> proba;
  }

  @Option(names = "--pos-label", paramLabel = "L",
      description = "The positive class (default: 1, true, yes or pos if present, else the minority class).")
  String posLabel;

  @Option(names = "--threshold", paramLabel = "auto|VALUE",
      description = "Decision threshold on the score: a number, or auto for the F1-optimal one "
          + "(chosen on these same rows). Default: 0.5 for scores in [0, 1], else 0.")
  String threshold;

  @Option(names = "--cost", paramLabel = "MATRIX", split = ",",
      description = "Costs C_FP,C_FN, or the cost matrix C_TN,C_FP,C_FN,C_TP (rows: true class); "
          + "with --threshold auto the threshold minimises the expected cost.")
  List<Double> cost;

  @Option(names = "--json", description = "Print one JSON object, keyed by scikit-learn's function names.")
  boolean json;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
      description = "Rounds of a stratified bootstrap for 95% confidence intervals (0: none).")
  int bootstrap;

  @Mixin org.imbalanced4j.cli.options.SeedOption seed;

  @Option(names = "--plots", paramLabel = "DIR",
      description = "Write ROC, precision-recall, confusion-matrix and calibration plots (PNG and SVG) to DIR.")
  java.nio.file.Path plots;

  @Override
  public Integer call() throws Exception {
    ReadOptions opt = data.toReadOptions().toBuilder().optMinClasses(1).build();
    DataSource src = DataSource.of(file);
    Dataset d = Datasets.read(src, opt);
    List<String> wanted = scores.score != null ? List.of(scores.score) : scores.proba;
    for (String w : wanted) {
      column(d, w); // checks the column exists and is numeric
    }
    if (org.imbalanced4j.io.DataFormat.of(src.fileName()) == org.imbalanced4j.io.DataFormat.CSV
        && !opt.dropMissing()) {
      // full double precision: metrics of probabilities must not see float rounding
      double[][] cols = org.imbalanced4j.io.CsvColumns.readDoubles(src, opt, wanted);
      for (int c = 0; c < wanted.size(); c++) {
        exact.put(wanted.get(c), cols[c]);
      }
    }
    int[] y = d.labels();
    int k = d.classCount();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", d.rows());
    out.put("classes", d.classCounts().asMap());
    int[] predicted;
    if (scores.proba != null && scores.proba.size() != k) {
      throw new InvalidOptionException("--proba names " + scores.proba.size() + " columns but the target has "
          + k + " classes " + d.schema().classNames() + "; give one column per class, in this order");
    }
    if (scores.score != null || k == 2) {
      if (k != 2) {
        throw new InvalidOptionException("--score is for two classes; the target has " + k + " "
            + d.schema().classNames() + ": give one probability column per class with --proba");
      }
      int pos = positiveClass(d);
      String scoreColumn = scores.score != null ? scores.score : scores.proba.get(pos);
      double[] s = column(d, scoreColumn);
      if (scores.proba != null) {
        double[][] p2 = new double[y.length][2];
        double[] other = column(d, scores.proba.get(1 - pos));
        for (int i = 0; i < y.length; i++) {
          p2[i][pos] = s[i];
          p2[i][1 - pos] = other[i];
        }
        out.put("log_loss", ProbabilityMetrics.logLoss(y, p2));
      }
      boolean[] isPos = org.imbalanced4j.metrics.OneVsRest.isClass(y, pos);
      double t = chooseThreshold(isPos, s, out);
      out.put("positive_label", d.schema().classNames().get(pos));
      out.put("threshold", t);
      out.put("roc_auc_score", ScoreMetrics.rocAuc(isPos, s));
      out.put("average_precision_score", ScoreMetrics.averagePrecision(isPos, s));
      out.put("pr_auc_trapezoid", ScoreMetrics.prAucTrapezoid(isPos, s));
      if (inUnitInterval(s)) {
        out.put("brier_score_loss", ScoreMetrics.brier(isPos, s));
      }
      predicted = new int[y.length];
      for (int i = 0; i < y.length; i++) {
        predicted[i] = s[i] >= t ? pos : 1 - pos;
      }
      if (bootstrap > 0) {
        final double tt = t;
        Map<String, Object> ci = new LinkedHashMap<>();
        ci.put("roc_auc_score", interval(y, rows -> ScoreMetrics.rocAuc(pick(isPos, rows), pick(s, rows))));
        ci.put("average_precision_score", interval(y, rows -> ScoreMetrics.averagePrecision(pick(isPos, rows), pick(s, rows))));
        ci.put("balanced_accuracy_score", interval(y, rows -> {
          int[] yy = pick(y, rows);
          int[] pp = new int[rows.length];
          for (int i = 0; i < rows.length; i++) {
            pp[i] = s[rows[i]] >= tt ? pos : 1 - pos;
          }
          return LabelMetrics.balancedAccuracy(yy, pp, k, false);
        }));
        out.put("confidence_intervals", ci);
      }
      if (plots != null) {
        String name = String.format(Locale.ROOT, "%s (AUC %.3f, AP %.3f)", scoreColumn,
            (Double) out.get("roc_auc_score"), (Double) out.get("average_precision_score"));
        Plots.roc(List.of(new Plots.Series(name, ScoreMetrics.roc(isPos, s))), plots.resolve("roc"));
        double prevalence = (double) d.classCounts().count(pos) / d.rows();
        Plots.precisionRecall(List.of(new Plots.Series(name, ScoreMetrics.precisionRecall(isPos, s))),
            prevalence, plots.resolve("pr"));
        if (inUnitInterval(s)) {
          Plots.calibration(ScoreMetrics.calibration(isPos, s, 10), plots.resolve("calibration"));
        }
      }
      labelMetrics(out, y, predicted, k, pos, d.schema().classNames());
    } else {
      double[][] p = new double[y.length][k];
      for (int c = 0; c < k; c++) {
        double[] col = column(d, scores.proba.get(c));
        for (int i = 0; i < y.length; i++) {
          p[i][c] = col[i];
        }
      }
      predicted = Thresholds.applyOffsets(p, new double[k]);
      Map<String, Double> auc = new LinkedHashMap<>();
      {
        Map<String, Double> ap = new LinkedHashMap<>();
        double[] perClassAp = new double[k];
        double[] support = new double[k];
        List<Plots.Series> rocs = new ArrayList<>();
        List<Plots.Series> prs = new ArrayList<>();
        for (int c = 0; c < k; c++) {
          boolean[] isC = new boolean[y.length];
          double[] sc = new double[y.length];
          for (int i = 0; i < y.length; i++) {
            isC[i] = y[i] == c;
            sc[i] = p[i][c];
            support[c] += isC[i] ? 1 : 0;
          }
          perClassAp[c] = ScoreMetrics.averagePrecision(isC, sc);
          String label = d.schema().classNames().get(c);
          rocs.add(new Plots.Series(String.format(Locale.ROOT, "%s vs rest (AUC %.3f)", label,
              ScoreMetrics.rocAuc(isC, sc)), ScoreMetrics.roc(isC, sc)));
          prs.add(new Plots.Series(String.format(Locale.ROOT, "%s vs rest (AP %.3f)", label, perClassAp[c]),
              ScoreMetrics.precisionRecall(isC, sc)));
        }
        ap.put("macro", Arrays.stream(perClassAp).sum() / k);
        double ws = 0;
        double tot = 0;
        for (int c = 0; c < k; c++) {
          ws += perClassAp[c] * support[c];
          tot += support[c];
        }
        ap.put("weighted", ws / tot);
        out.put("average_precision_score", ap);
        if (plots != null) {
          Plots.roc(rocs, plots.resolve("roc"));
          double minority = Arrays.stream(support).min().orElse(0) / tot;
          Plots.precisionRecall(prs, minority, plots.resolve("pr"));
        }
        for (String mc : new String[] {"ovr", "ovo"}) {
          for (Average a : new Average[] {Average.MACRO, Average.WEIGHTED}) {
            auc.put(mc + "_" + a.key(), mc.equals("ovr") ? ProbabilityMetrics.rocAucOvr(y, p, a)
                : ProbabilityMetrics.rocAucOvo(y, p, a));
          }
        }
        out.put("roc_auc_score", auc);
      }
      out.put("log_loss", ProbabilityMetrics.logLoss(y, p));
      labelMetrics(out, y, predicted, k, -1, d.schema().classNames());
    }
    if (plots != null) {
      ConfusionMatrix cm = ConfusionMatrix.of(y, predicted, k);
      Plots.confusion(cm, d.schema().classNames(), false, plots.resolve("confusion"));
      Plots.confusion(cm, d.schema().classNames(), true, plots.resolve("confusion_normalized"));
    }
    PrintWriter pw = spec.commandLine().getOut();
    if (json) {
      pw.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    } else {
      printText(pw, out, d);
    }
    return 0;
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
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = a[rows[i]];
    }
    return out;
  }

  private static void labelMetrics(Map<String, Object> out, int[] y, int[] p, int k, int pos,
      List<String> names) {
    out.put("accuracy_score", LabelMetrics.accuracy(y, p));
    out.put("balanced_accuracy_score", LabelMetrics.balancedAccuracy(y, p, k, false));
    out.put("matthews_corrcoef", LabelMetrics.matthews(y, p, k));
    out.put("cohen_kappa_score", LabelMetrics.cohenKappa(y, p, k));
    List<Average> avgs = new ArrayList<>(List.of(Average.MICRO, Average.MACRO, Average.WEIGHTED));
    boolean binary = pos >= 0 && ConfusionMatrix.of(y, p, k).labels().length <= 2;
    if (binary) {
      avgs.add(0, Average.BINARY);
    }
    Map<String, Double> prec = new LinkedHashMap<>();
    Map<String, Double> rec = new LinkedHashMap<>();
    Map<String, Double> f1 = new LinkedHashMap<>();
    Map<String, Double> gm = new LinkedHashMap<>();
    gm.put("multiclass", LabelMetrics.geometricMean(y, p, k, null, Math.max(pos, 0), 0.0));
    for (Average a : avgs) {
      double[] prf = LabelMetrics.precisionRecallFscore(y, p, k, 1.0, a, Math.max(pos, 0), 0.0);
      prec.put(a.key(), prf[0]);
      rec.put(a.key(), prf[1]);
      f1.put(a.key(), prf[2]);
      gm.put(a.key(), LabelMetrics.geometricMean(y, p, k, a, Math.max(pos, 0), 0.0));
    }
    out.put("precision_score", prec);
    out.put("recall_score", rec);
    out.put("f1_score", f1);
    out.put("geometric_mean_score", gm);
    out.put("confusion_matrix", ConfusionMatrix.of(y, p, k).toArray());
    LabelMetrics.PerClass pc = LabelMetrics.perClass(y, p, k, 1.0, 0.0);
    double[] iba = LabelMetrics.indexBalancedAccuracy(pc, 0.1);
    Map<String, Object> report = new LinkedHashMap<>();
    for (int i = 0; i < pc.labels().length; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("pre", pc.precision()[i]);
      r.put("rec", pc.recall()[i]);
      r.put("spe", pc.specificity()[i]);
      r.put("f1", pc.fscore()[i]);
      r.put("geo", Math.sqrt(pc.recall()[i] * pc.specificity()[i]));
      r.put("iba", iba[i]);
      r.put("sup", pc.support()[i]);
      report.put(names.get(pc.labels()[i]), r);
    }
    report.putAll(LabelMetrics.reportAverages(pc, 0.1));
    out.put("classification_report_imbalanced", report);
  }

  private int positiveClass(Dataset d) {
    List<String> names = d.schema().classNames();
    if (posLabel != null) {
      int i = names.indexOf(posLabel);
      if (i < 0) {
        throw InvalidOptionException.unknown("positive label", posLabel, names);
      }
      return i;
    }
    for (String cand : List.of("1", "true", "yes", "pos", "positive")) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).toLowerCase(Locale.ROOT).equals(cand)) {
          return i;
        }
      }
    }
    ClassCounts cc = d.classCounts();
    return cc.minority();
  }

  private final Map<String, double[]> exact = new java.util.HashMap<>();

  private double[] column(Dataset d, String name) {
    if (exact.containsKey(name)) {
      return exact.get(name);
    }
    int j = d.schema().featureNames().indexOf(name);
    if (j < 0) {
      throw new InvalidOptionException("column '" + name + "' is not in the file; columns: "
          + String.join(", ", d.schema().featureNames()));
    }
    if (d.schema().feature(j).isCategorical()) {
      throw new DataException("column '" + name + "' holds words, not scores");
    }
    float[] c = d.column(j);
    double[] out = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      out[i] = c[i];
    }
    return out;
  }

  private static boolean inUnitInterval(double[] s) {
    for (double v : s) {
      if (v < 0 || v > 1) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static void printText(PrintWriter pw, Map<String, Object> out, Dataset d) {
    pw.printf("%,d rows; classes %s%n", d.rows(), d.classCounts().asMap());
    if (out.containsKey("threshold")) {
      pw.printf("positive class '%s', threshold %s%s%n", out.get("positive_label"), out.get("threshold"),
          out.containsKey("threshold_criterion") ? " (" + out.get("threshold_criterion") + "-optimal on these rows)" : "");
    }
    pw.println();
    for (Map.Entry<String, Object> e : out.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Double x && !e.getKey().equals("threshold")) {
        pw.printf("  %-28s %.6f%n", e.getKey(), x);
      } else if (v instanceof Map<?, ?> m && !e.getKey().equals("classes")
          && !e.getKey().equals("classification_report_imbalanced")) {
        StringBuilder sb = new StringBuilder();
        ((Map<String, Object>) m).forEach((kk, vv) -> sb.append(String.format(Locale.ROOT, "%s %.6f  ", kk, (Double) vv)));
        pw.printf("  %-28s %s%n", e.getKey(), sb.toString().strip());
      }
    }
    pw.println();
    pw.println("  class report (imbalanced-learn)");
    pw.printf("  %-12s %7s %7s %7s %7s %7s %7s %8s%n", "", "pre", "rec", "spe", "f1", "geo", "iba", "sup");
    Map<String, Object> rep = (Map<String, Object>) out.get("classification_report_imbalanced");
    rep.forEach((name, v) -> {
      if (v instanceof Map<?, ?> m) {
        Map<String, Object> r = (Map<String, Object>) m;
        pw.printf("  %-12s %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %8d%n", name, r.get("pre"), r.get("rec"),
            r.get("spe"), r.get("f1"), r.get("geo"), r.get("iba"), (Long) r.get("sup"));
      }
    });
    pw.printf("  %-12s %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %8.0f%n", "avg / total", rep.get("avg_pre"),
        rep.get("avg_rec"), rep.get("avg_spe"), rep.get("avg_f1"), rep.get("avg_geo"), rep.get("avg_iba"),
        rep.get("total_support"));
  }
}
