package org.imbalanced4j.cli.commands;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cli.evaluate.PredictionTable;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.options.ImageOptions;
import org.imbalanced4j.images.ImageSet;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.io.DataFormat;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.io.TextTable;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.model.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imb predict}: class probabilities and decisions of a trained model for new rows, in the
 * layout {@code imb evaluate} reads with no options: an id column, one {@code proba_<class>} column
 * per class, {@code predicted}, and the true class when the rows have it.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Score a table with a model directory from imb train or imb compare.",
      "Writes an id column (--id, else the row number), one proba_<class> column per class, predicted"
          + " (the model's own decision rule), and the true class when the table has it. Category values"
          + " the model never saw and dropped rows are counted and reported.",
    },
    footer = {"", "Example:", "  imb predict model/ test.csv --out pred.csv && imb evaluate pred.csv"})
public final class PredictCommand implements Callable<Integer> {
  /** The name of the id column when {@code --id} is not given: the 1-based data row of the input. */
  static final String ROW = "row";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "Directory written by imb train.")
  Path modelDir;

  @Parameters(index = "1", paramLabel = "FILE", description = "Rows to score (CSV, TSV, ARFF, LibSVM or builtin:NAME).")
  String file;

  @Mixin DataOptions data;

  @Mixin ImageOptions images;

  @Option(names = {"-o", "--out"}, paramLabel = "PRED.csv", required = true,
      description = "Predictions file, .csv or .tsv (written atomically).")
  Path out;

  @Option(names = "--id", paramLabel = "COL",
      description = "Column carried through to the output to line predictions up with the input "
          + "(default: the input's data row number, in a column named row).")
  String id;

  /** What to do with a category value the model never saw. */
  enum Unknown { WARN, ERROR, IGNORE }

  @Option(names = "--unknown-category", paramLabel = "warn|error|ignore", defaultValue = "warn",
      description = "A category value unseen in training: warn (count it per column, score it with all "
          + "its indicators zero), error, or ignore. Default: ${DEFAULT-VALUE}.")
  Unknown unknown;

  @Mixin org.imbalanced4j.cli.options.SparkOptions spark;

  @Override
  public Integer call() throws IOException {
    boolean sparkModel = java.nio.file.Files.exists(modelDir.resolve(
        org.imbalanced4j.distributed.DistributedJobs.SPARK_MODEL));
    if (spark.enabled()) {
      if (!sparkModel) {
        throw new InvalidOptionException(modelDir + " was not trained on Spark (imb compare --spark writes such "
            + "models); score it without --spark");
      }
      try (org.imbalanced4j.distributed.DistributedJobs jobs = org.imbalanced4j.cli.options.SparkOptions.load()) {
        long n = jobs.predict(spark.engine(spec.commandLine().getErr()), modelDir.toString(), file, out.toString());
        spec.commandLine().getOut().printf("scored %,d rows on Spark (%s) with %s%nwrote %s%n", n, spark.master(),
            modelDir, out);
      }
      return 0;
    }
    if (sparkModel) {
      throw new InvalidOptionException(modelDir + " was trained on Spark: score it with --spark MASTER");
    }
    DataFormat format = DataFormat.forOutput(out);
    if (!format.isDelimited()) {
      throw new InvalidOptionException("predictions are written as .csv or .tsv, not " + format.name());
    }
    SavedModel model = ModelDirectory.load(modelDir);
    if (ImageOptions.isImages(file)) {
      return predictImages(format, model);
    }
    DataSource src = DataSource.of(file);
    boolean text = DataFormat.of(src.fileName()).isDelimited();
    if (id != null && !text) {
      throw new InvalidOptionException("--id needs a CSV or TSV input; " + src.name() + " is not one");
    }
    ReadOptions base = data.toReadOptions().toBuilder().optMinClasses(1).build();
    Dataset read;
    boolean hasTarget;
    try {
      read = Datasets.read(src, base.toBuilder().optTarget(model.target()).build());
      hasTarget = true;
    } catch (InvalidOptionException noTargetColumn) {
      base = base.toBuilder().optWithoutTarget(true).build();
      read = Datasets.read(src, base);
      hasTarget = false;
    }
    // a column the model reads as categories whose new values all look like numbers (codes)
    java.util.Set<String> asCategories = new LinkedHashSet<>(base.categorical());
    for (String c : model.categoricalFeatures()) {
      int j = read.schema().featureNames().indexOf(c);
      if (j >= 0 && !read.schema().feature(j).isCategorical()) {
        asCategories.add(c);
      }
    }
    if (asCategories.size() > base.categorical().size()) {
      ReadOptions again = base.toBuilder().optCategorical(asCategories).build();
      read = Datasets.read(src, hasTarget ? again.toBuilder().optTarget(model.target()).build() : again);
    }
    final Dataset d = read;
    final boolean withTarget = hasTarget;
    PrintWriter pw = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Map<String, Long>> unseen = model.unseenCategories(d);
    if (!unseen.isEmpty() && unknown != Unknown.IGNORE) {
      StringBuilder sb = new StringBuilder();
      unseen.forEach((col, values) -> {
        long rows = values.values().stream().mapToLong(Long::longValue).sum();
        sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s: %,d rows (", col, rows));
        int shown = 0;
        for (Map.Entry<String, Long> v : values.entrySet()) {
          if (shown++ == 5) {
            sb.append(", ...");
            break;
          }
          sb.append(shown > 1 ? ", " : "").append('\'').append(v.getKey()).append("' ").append(v.getValue());
        }
        sb.append(')');
      });
      if (unknown == Unknown.ERROR) {
        throw new DataException(src.name() + ": category values the model never saw, " + sb
            + "; --unknown-category warn scores them with all indicators zero");
      }
      err.println("warning: category values the model never saw, scored with all their indicators zero: " + sb);
    }
    Ids rowIds = ids(src, d);
    String[] ids = rowIds.ids();
    double[][] p = model.predictProba(d);
    int[] predicted = model.predictClass(p);
    String[] truth = null;
    if (withTarget) {
      truth = new String[d.rows()];
      for (int i = 0; i < truth.length; i++) {
        truth[i] = d.className(i);
      }
    }
    write(format, id != null ? id : ROW, ids, model, p, predicted, truth);
    pw.printf("scored %,d rows%s; wrote %s%n", p.length,
        rowIds.dropped() > 0 ? String.format(Locale.ROOT, " (dropped %,d with a missing value)", rowIds.dropped())
            : "", out);
    return 0;
  }

  /**
   * Writes the predictions: the id column, one {@code proba_<class>} per class, {@code predicted},
   * and the true class (the model's target name) when {@code truth} is given.
   */
  private void write(DataFormat format, String idName, String[] ids, SavedModel model, double[][] p, int[] predicted,
      String[] truth) throws IOException {
    List<String> classes = model.classes();
    AtomicFiles.writeText(out, w -> {
      CsvWriter csv = CsvWriter.builder().fieldSeparator(format.separator()).lineDelimiter(LineDelimiter.LF)
          .build(new java.io.FilterWriter(w) {
            @Override
            public void close() throws IOException {
              flush();
            }
          });
      List<String> header = new ArrayList<>();
      header.add(idName);
      classes.forEach(c -> header.add(PredictionTable.PROBA + c));
      header.add(PredictionTable.PREDICTED);
      if (truth != null) {
        header.add(model.target());
      }
      csv.writeRecord(header);
      String[] rec = new String[header.size()];
      for (int i = 0; i < p.length; i++) {
        rec[0] = ids[i];
        for (int c = 0; c < classes.size(); c++) {
          rec[1 + c] = String.format(Locale.ROOT, "%.9g", p[i][c]);
        }
        rec[1 + classes.size()] = classes.get(predicted[i]);
        if (truth != null) {
          rec[classes.size() + 2] = truth[i];
        }
        csv.writeRecord(rec);
      }
      csv.flush();
    });
  }

  /**
   * Images: the id column is {@code image} (the file below the folder, or the index in the IDX
   * file), the true class comes from the folder or {@code --labels}; a true class the model does
   * not know is an error.
   */
  private int predictImages(DataFormat format, SavedModel model) throws IOException {
    ImageSet set = images.read(file, model.model().schema().imageShape());
    if (set.hasLabels()) {
      java.util.Set<String> known = new java.util.HashSet<>(model.classes());
      for (int i = 0; i < set.count(); i++) {
        String c = set.classNames().get(set.label(i));
        if (!known.contains(c)) {
          throw new DataException(file + ": image " + set.names().get(i) + " has class '" + c
              + "', which the model does not know (its classes: " + String.join(", ", model.classes()) + ")");
        }
      }
    }
    Dataset d = set.asDataset();
    double[][] p = model.predictProba(d);
    int[] predicted = model.predictClass(p);
    String[] truth = null;
    if (set.hasLabels()) {
      truth = new String[set.count()];
      for (int i = 0; i < truth.length; i++) {
        truth[i] = set.classNames().get(set.label(i));
      }
    }
    write(format, "image", set.names().toArray(String[]::new), model, p, predicted, truth);
    spec.commandLine().getOut().printf("scored %,d images; wrote %s%n", p.length, out);
    return 0;
  }

  /** The id of each row read, and how many data rows --drop-missing left out. */
  private record Ids(String[] ids, int dropped) {}

  /**
   * The --id column's text, else the input's data row number. The file is read again as text
   * only when that is needed: for an id column, or to number rows around dropped ones.
   */
  private Ids ids(DataSource src, Dataset d) {
    if (id == null && (!data.toReadOptions().dropMissing() || !DataFormat.of(src.fileName()).isDelimited())) {
      String[] out = new String[d.rows()];
      for (int i = 0; i < out.length; i++) {
        out[i] = Integer.toString(i + 1);
      }
      return new Ids(out, 0);
    }
    TextTable t = TextTable.read(src, data.toReadOptions(), id == null ? List.of() : List.of(id));
    if (t.rows() != d.rows()) {
      throw new IllegalStateException("read " + d.rows() + " rows but " + t.rows() + " as text");
    }
    String[] out = id != null ? t.text(t.indexOf(id)) : new String[t.rows()];
    if (id == null) {
      for (int i = 0; i < out.length; i++) {
        out[i] = Integer.toString(t.dataRow(i));
      }
    }
    return new Ids(out, t.dropped());
  }
}
