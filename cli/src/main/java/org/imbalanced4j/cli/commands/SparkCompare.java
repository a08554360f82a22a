package org.imbalanced4j.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.Check;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cli.options.SparkOptions;
import org.imbalanced4j.cli.report.SparkCompareReport;
import org.imbalanced4j.distributed.DistributedJobs.CompareResult;
import org.imbalanced4j.distributed.DistributedJobs.FoldScore;
import org.imbalanced4j.distributed.DistributedJobs;
import org.imbalanced4j.io.AtomicFiles;

/**
 * {@code imb compare --spark}: the Spark module races its strategies under stratified k-fold
 * cross-validation; this ranks them by balanced accuracy and writes what the in-memory compare
 * writes: the ranked table, {@code results.json}, {@code results.csv} and {@code report.html}.
 */
final class SparkCompare {
  private static final List<String> COLUMNS = List.of("balanced_accuracy_score", "f1_score_macro",
      "geometric_mean_score", "average_precision_score", "roc_auc_score", "matthews_corrcoef");

  private final CompareCommand c;

  SparkCompare(CompareCommand c) {
    this.c = c;
  }

  int run() throws Exception {
    PrintWriter out = c.spec.commandLine().getOut();
    PrintWriter err = c.spec.commandLine().getErr();
    refuseInMemoryOptions();
    try (DistributedJobs jobs = SparkOptions.load()) {
      if (c.printGrid) {
        jobs.strategies().forEach(out::println);
        return 0;
      }
      if (c.out == null) {
        throw new InvalidOptionException("Missing required option: '--out=DIR'");
      }
      Check.range("--folds", c.folds, 2, CompareCommand.MAX_FOLDS);
      if (c.file.startsWith(org.imbalanced4j.io.DataSource.BUILTIN_PREFIX)) {
        throw new InvalidOptionException("with --spark, give a CSV or Parquet file (builtin data sets are read "
            + "without Spark)");
      }
      List<String> names = c.strategies == null ? jobs.strategies() : c.strategies;
      for (String n : names) {
        if (!jobs.strategies().contains(n)) {
          throw InvalidOptionException.unknown("strategy with --spark", n, jobs.strategies());
        }
      }
      c.lock = org.imbalanced4j.io.DirectoryLock.acquire(c.out, "imb compare --spark");
      err.printf("comparing %d strateg%s on %s with Spark %s, %d-fold stratified cross-validation%n", names.size(),
          names.size() == 1 ? "y" : "ies", c.file, c.spark.master(), c.folds);
      err.flush();
      java.nio.file.Path input = java.nio.file.Path.of(c.file);
      String runId = input.toAbsolutePath() + "|" + (Files.exists(input) ? Files.size(input) + "|"
          + Files.getLastModifiedTime(input) : "") + "|target=" + c.data.target() + "|folds=" + c.folds + "|seed="
          + c.seed.seed() + "|version=" + CompareCommand.class.getPackage().getImplementationVersion();
      java.nio.file.Path store = c.out.resolve("results.sqlite");
      CompareResult r = jobs.compare(c.spark.engine(err), new DistributedJobs.CompareRequest(c.file,
          c.data.target(), c.folds, c.seed.seed(), c.strategies, !c.noRace, store.toString(), runId));
      List<Map<String, Object>> ranked = rank(r);
      ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("data", c.file);
      json.put("engine", "spark " + c.spark.master());
      Map<String, Long> classes = new LinkedHashMap<>();
      for (int i = 0; i < r.classes().size(); i++) {
        classes.put(r.classes().get(i), r.counts()[i]);
      }
      json.put("classes", classes);
      json.put("folds", c.folds);
      json.put("seed", c.seed.seed());
      json.put("primary_metric", "balanced_accuracy_score");
      json.put("racing", !c.noRace && c.folds >= 3);
      json.put("candidates", ranked);
      List<Map<String, String>> na = new ArrayList<>();
      for (DistributedJobs.StrategyResult s : r.strategies()) {
        if (s.notApplicable() != null) {
          na.add(Map.of("candidate", s.strategy(), "reason", s.notApplicable()));
        }
      }
      json.put("not_applicable", na);
      AtomicFiles.writeString(c.out.resolve("results.json"), om.writeValueAsString(json));
      AtomicFiles.writeText(c.out.resolve("results.csv"), w -> {
        w.write("candidate,fold," + String.join(",", COLUMNS) + ",seconds\n");
        for (FoldScore f : r.folds()) {
          StringBuilder line = new StringBuilder("\"" + f.strategy().replace("\"", "\"\"") + "\"," + f.fold());
          for (String m : COLUMNS) {
            line.append(',').append(f.metrics().get(m));
          }
          w.write(line.append(',').append(f.seconds()).append('\n').toString());
        }
      });
      AtomicFiles.writeString(c.out.resolve("report.html"), SparkCompareReport.html(c.file, c.spark.master(),
          c.folds, c.seed.seed(), r, ranked, COLUMNS));
      out.printf("%-4s  %-44s  %-17s  %-8s  %-8s  %-8s%n", "rank", "strategy", "balanced accuracy", "F1 macro",
          "G-mean", "AP");
      for (Map<String, Object> s : ranked) {
        out.printf(Locale.ROOT, "%-4d  %-44s  %.4f +- %.4f   %.4f    %.4f    %.4f%s%n", (Integer) s.get("rank"),
            s.get("candidate"), stat(s, "balanced_accuracy_score", "mean"), stat(s, "balanced_accuracy_score", "sd"),
            stat(s, "f1_score_macro", "mean"), stat(s, "geometric_mean_score", "mean"),
            stat(s, "average_precision_score", "mean"),
            s.get("dropped_after_fold") == null ? "" : "  (dropped after fold " + s.get("dropped_after_fold") + ")");
      }
      long ran = r.folds().size();
      long planned = (long) c.folds * r.strategies().stream().filter(x -> x.notApplicable() == null).count();
      if (!c.noRace && c.folds >= 3) {
        out.printf(Locale.ROOT, "racing ran %d of %d fold fits (%.0f%% of the compute saved)%n", ran, planned,
            100.0 * (planned - ran) / Math.max(1, planned));
      }
      for (Map<String, String> n : na) {
        out.printf("  n/a  %s: %s%n", n.get("candidate"), n.get("reason"));
      }
      out.printf("%d folds computed, %d reused from %s%n", r.computed(), r.reused(), store);
      String winner = (String) ranked.get(0).get("candidate");
      err.printf("retraining the winner on all rows: %s%n", winner);
      err.flush();
      jobs.exportModel(c.spark.engine(err), c.file, c.data.target(), winner, c.seed.seed(),
          c.out.resolve("best").toString());
      out.printf("wrote %s, %s, %s and %s (the winner, for imb predict --spark)%n", c.out.resolve("report.html"),
          c.out.resolve("results.csv"), c.out.resolve("results.json"), c.out.resolve("best"));
      return 0;
    }
  }

  private void refuseInMemoryOptions() {
    List<String> bad = new ArrayList<>();
    picocli.CommandLine.ParseResult p = c.spec.commandLine().getParseResult();
    for (String o : List.of("--grid", "--holdout", "--budget-minutes", "--jobs", "--repeats", "--rank-by", "--cost",
        "--list-learners", "--labels", "--size")) {
      if (p.hasMatchedOption(o)) {
        bad.add(o);
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidOptionException(String.join(", ", bad) + " cannot be used with --spark yet; with --spark, "
          + "compare runs its strategies (--strategies) under --folds");
    }
  }

  private static double stat(Map<String, Object> s, String metric, String which) {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Double>> m = (Map<String, Map<String, Double>>) s.get("metrics");
    return m.containsKey(metric) ? m.get(metric).get(which) : Double.NaN;
  }

  /** Per strategy the mean and standard deviation (ddof 0) of each metric over folds, best first. */
  private static List<Map<String, Object>> rank(CompareResult r) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DistributedJobs.StrategyResult s : r.strategies()) {
      if (s.notApplicable() != null) {
        continue;
      }
      List<FoldScore> folds = r.folds().stream().filter(f -> f.strategy().equals(s.strategy())).toList();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("candidate", s.strategy());
      Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
      for (String m : COLUMNS) {
        double[] v = folds.stream().filter(f -> f.metrics().containsKey(m)).mapToDouble(f -> f.metrics().get(m))
            .toArray();
        if (v.length == 0) {
          continue;
        }
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
        metrics.put(m, Map.of("mean", mean, "sd", Math.sqrt(var)));
      }
      row.put("metrics", metrics);
      row.put("seconds_per_fold", folds.stream().mapToDouble(FoldScore::seconds).average().orElse(0));
      row.put("confusion_matrix", s.confusion());
      row.put("folds_evaluated", folds.size());
      row.put("dropped_after_fold", s.droppedAfter() == 0 ? null : s.droppedAfter());
      out.add(row);
    }
    out.sort((a, b) -> {
      boolean da = a.get("dropped_after_fold") != null;
      boolean db = b.get("dropped_after_fold") != null;
      return da != db ? Boolean.compare(da, db) : Double.compare(stat(b, "balanced_accuracy_score", "mean"),
          stat(a, "balanced_accuracy_score", "mean"));
    });
    for (int i = 0; i < out.size(); i++) {
      out.get(i).put("rank", i + 1);
    }
    if (out.isEmpty()) {
      throw new org.imbalanced4j.DataException("no strategy could run: "
          + r.strategies().get(0).strategy() + ": " + r.strategies().get(0).notApplicable());
    }
    return out;
  }
}
