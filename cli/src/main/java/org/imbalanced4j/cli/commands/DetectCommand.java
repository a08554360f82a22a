package org.imbalanced4j.cli.commands;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.anomaly.Detector;
import org.imbalanced4j.anomaly.Detectors;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.options.SeedOption;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.io.DataFormat;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.io.TextTable;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.numeric.Percentile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imb detect}: unsupervised anomaly scores for every row. The detector is fitted on all the
 * rows' features (the target, when given, is left out of them); each row gets {@code score}
 * (higher: more anomalous) and {@code anomaly} (1 above the cut: the detector's own rule, or the
 * share {@code --contamination} of the rows). With a target, the rows not of the majority class are
 * taken as the true anomalies and ROC-AUC, average precision and the confusion matrix are printed.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Score every row of a table with an anomaly detector (Isolation Forest or a one-class SVM).",
      "The detector is fitted on all rows. Writes the input columns plus score (higher: more anomalous) and"
          + " anomaly (0/1). With --target, also prints how well the anomalies find the rows that are not"
          + " of the majority class: ROC-AUC, average precision and the confusion matrix.",
    },
    footer = {"", "Examples:", "  imb detect transactions.csv --method iforest --contamination 0.01 --out scores.csv",
        "  imb detect builtin:ionosphere --target class --method ocsvm --param nu=0.3 --out scores.csv"})
public final class DetectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Table (CSV, TSV, ARFF, LibSVM or builtin:NAME).")
  String file;

  @Mixin DataOptions data;

  @Mixin SeedOption seed;

  @Option(names = "--method", paramLabel = "NAME", defaultValue = "iforest",
      description = "iforest (Isolation Forest), ocsvm (one-class SVM), autoencoder (reconstruction error) or "
          + "deep-svdd (distance to the centre of a learned representation). Default: ${DEFAULT-VALUE}.")
  String method;

  @Option(names = "--contamination", paramLabel = "C", defaultValue = "auto",
      description = "Where rows become anomalies: auto (the detector's own rule: Isolation Forest's score 0.5, "
          + "the SVM's boundary, the networks' 90th percentile of the scores) or the share in (0, 0.5] of rows to call "
          + "anomalies. Default: ${DEFAULT-VALUE}.")
  String contamination;

  @Option(names = "--param", paramLabel = "KEY=VALUE",
      description = "A detector parameter (repeatable); iforest: n_estimators, max_samples; ocsvm: nu, kernel, "
          + "gamma, tol; autoencoder and deep-svdd: hidden, epochs, patience, "
          + "batch_size, lr, weight_decay.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = {"-o", "--out"}, paramLabel = "SCORES.csv", required = true,
      description = "Scores file, .csv or .tsv (written atomically).")
  Path out;

  @Override
  public Integer call() throws IOException {
    String name = method.strip().toLowerCase(Locale.ROOT);
    if (!Detectors.names().contains(name)) {
      throw InvalidOptionException.unknown("--method", method, Detectors.names());
    }
    double share = share();
    List<String> valid = Detectors.params(name).stream().map(Param::name).toList();
    Detector detector = Detectors.create(name, new Params(name, params, valid));
    DataFormat format = DataFormat.forOutput(out);
    if (!format.isDelimited()) {
      throw new InvalidOptionException("scores are written as .csv or .tsv, not " + format.name());
    }
    boolean withTarget = data.target() != null;
    ReadOptions opt = data.toReadOptions().toBuilder().optMinClasses(1).optWithoutTarget(!withTarget).build();
    DataSource src = DataSource.of(file);
    Dataset d = Datasets.read(src, opt);
    int n = d.rows();
    if (n < 2) {
      throw new DataException(src.name() + ": " + n + " row" + (n == 1 ? "" : "s") + "; a detector needs at least 2");
    }
    if (name.equals("iforest") && params.containsKey("max_samples") && !params.get("max_samples").equalsIgnoreCase("auto")
        && Integer.parseInt(params.get("max_samples").strip()) > n) {
      throw new DataException("iforest: max_samples=" + params.get("max_samples").strip() + " is more than the " + n
          + " rows of " + src.name() + "; give at most " + n + " or auto");
    }
    if (withTarget && d.classCounts().presentClassCount() < 2) {
      throw new DataException(src.name() + ": the target '" + data.target() + "' holds one class ('"
          + d.schema().classNames().get(d.classCounts().majority()) + "'); the anomalies are scored against the rows "
          + "not of the majority class, so it needs at least two (or leave out --target)");
    }
    Standardizer std = Standardizer.fit(d);
    float[] x = std.transform(d);
    Detector.Fitted fitted = detector.fit(x, n, std.width(), seed.seed());
    double[] score = fitted.anomaly(x, n);
    double cut = Double.isNaN(share) ? fitted.defaultCut() : Percentile.of(score, 100 * (1 - share));
    int[] flag = new int[n];
    int flagged = 0;
    for (int i = 0; i < n; i++) {
      flag[i] = score[i] > cut ? 1 : 0;
      flagged += flag[i];
    }
    write(src, opt, d, format, score, flag);
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf(Locale.ROOT, "%s on %,d rows x %d inputs: %,d %s (%.2f%%) above the cut %.6g%n", name, n,
        std.width(), flagged, flagged == 1 ? "anomaly" : "anomalies", 100.0 * flagged / n, cut);
    if (withTarget) {
      report(pw, d, score, flag);
    }
    pw.printf("wrote %s%n", out);
    return 0;
  }

  /** {@code --contamination} as a share, or NaN for auto. */
  private double share() {
    if (contamination.strip().equalsIgnoreCase("auto")) {
      return Double.NaN;
    }
    double v;
    try {
      v = Double.parseDouble(contamination.strip());
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v > 0 && v <= 0.5)) {
      throw new InvalidOptionException("--contamination must be auto or a share in (0, 0.5], got '" + contamination
          + "'");
    }
    return v;
  }

  /** ROC-AUC and average precision of the score, and the confusion matrix of the flag, against "not the majority". */
  private static void report(PrintWriter pw, Dataset d, double[] score, int[] flag) {
    int majority = d.classCounts().majority();
    boolean[] rare = new boolean[d.rows()];
    long[][] cm = new long[2][2];
    for (int i = 0; i < rare.length; i++) {
      rare[i] = d.label(i) != majority;
      cm[rare[i] ? 1 : 0][flag[i]]++;
    }
    String normal = d.schema().classNames().get(majority);
    pw.printf(Locale.ROOT, "true anomalies: the %,d rows not of the majority class '%s'%n", cm[1][0] + cm[1][1], normal);
    pw.printf(Locale.ROOT, "  roc_auc_score            %.4f%n", ScoreMetrics.rocAuc(rare, score));
    pw.printf(Locale.ROOT, "  average_precision_score  %.4f%n", ScoreMetrics.averagePrecision(rare, score));
    pw.println("  confusion matrix (rows: true, columns: anomaly 0 / 1)");
    int w = Math.max(10, String.valueOf(Math.max(cm[0][0] + cm[0][1], cm[1][0] + cm[1][1])).length() + 2);
    pw.printf(Locale.ROOT, "    %-12s%" + w + "s%" + w + "s%n", "", "0", "1");
    pw.printf(Locale.ROOT, "    %-12s%" + w + "d%" + w + "d%n", "normal", cm[0][0], cm[0][1]);
    pw.printf(Locale.ROOT, "    %-12s%" + w + "d%" + w + "d%n", "not " + abbreviate(normal), cm[1][0], cm[1][1]);
  }

  private static String abbreviate(String s) {
    return s.length() <= 8 ? s : s.substring(0, 7) + "~";
  }

  /** The input's columns (their text for CSV and TSV, else the values read), then score and anomaly. */
  private void write(DataSource src, ReadOptions opt, Dataset d, DataFormat format, double[] score, int[] flag)
      throws IOException {
    List<String> header = new ArrayList<>();
    String[][] cells;
    if (DataFormat.of(src.fileName()).isDelimited()) {
      TextTable t = TextTable.read(src, opt);
      if (t.rows() != d.rows()) {
        throw new IllegalStateException("read " + d.rows() + " rows but " + t.rows() + " as text");
      }
      header.addAll(t.header());
      cells = new String[header.size()][];
      for (int j = 0; j < cells.length; j++) {
        cells[j] = t.text(j);
      }
    } else {
      List<Feature> fs = d.schema().features();
      fs.forEach(f -> header.add(f.name()));
      boolean target = d.schema().targetName() != null && d.classCount() > 1;
      if (target) {
        header.add(d.schema().targetName());
      }
      cells = new String[header.size()][d.rows()];
      for (int i = 0; i < d.rows(); i++) {
        for (int j = 0; j < fs.size(); j++) {
          float v = d.value(i, j);
          cells[j][i] = fs.get(j).isCategorical() ? fs.get(j).levels().get((int) v) : Float.toString(v);
        }
        if (target) {
          cells[fs.size()][i] = d.className(i);
        }
      }
    }
    for (String reserved : List.of("score", "anomaly")) {
      if (header.contains(reserved)) {
        throw new DataException(src.name() + " already has a column named '" + reserved + "'; rename it first");
      }
    }
    header.add("score");
    header.add("anomaly");
    AtomicFiles.writeText(out, w -> {
      CsvWriter csv = CsvWriter.builder().fieldSeparator(format.separator()).lineDelimiter(LineDelimiter.LF)
          .build(new java.io.FilterWriter(w) {
            @Override
            public void close() throws IOException {
              flush();
            }
          });
      csv.writeRecord(header);
      String[] rec = new String[header.size()];
      int k = cells.length;
      for (int i = 0; i < score.length; i++) {
        for (int j = 0; j < k; j++) {
          rec[j] = cells[j][i];
        }
        rec[k] = String.format(Locale.ROOT, "%.9g", score[i]);
        rec[k + 1] = Integer.toString(flag[i]);
        csv.writeRecord(rec);
      }
      csv.flush();
    });
  }
}
