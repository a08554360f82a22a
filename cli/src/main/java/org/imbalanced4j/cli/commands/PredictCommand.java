package org.imbalanced4j.cli.commands;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.training.TrainedModel;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imb predict}: class probabilities and predictions of a trained model for new rows. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Score a table with a model directory from imb train. Writes one proba_<class> column per",
      "class, a predicted column, and the true class when the table has it (for imb evaluate).",
    },
    footer = {"", "Example:", "  imb predict model/ test.csv --out pred.csv && imb evaluate pred.csv --proba proba_bad,proba_good"})
public final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "Directory written by imb train.")
  Path modelDir;

  @Parameters(index = "1", paramLabel = "FILE", description = "Rows to score (CSV, TSV, ARFF, LibSVM or builtin:NAME).")
  String file;

  @Mixin DataOptions data;

  @Option(names = {"-o", "--out"}, paramLabel = "PRED.csv", required = true, description = "Predictions file (written atomically).")
  Path out;

  @Override
  public Integer call() throws IOException {
    TrainedModel model = TrainedModel.load(modelDir);
    DataSource src = DataSource.of(file);
    ReadOptions base = data.toReadOptions().toBuilder().optMinClasses(1).build();
    Dataset read;
    boolean hasTarget;
    try {
      read = Datasets.read(src, base.toBuilder().optTarget(model.target()).build());
      hasTarget = true;
    } catch (org.imbalanced4j.InvalidOptionException noTargetColumn) {
      read = Datasets.read(src, base.toBuilder().optWithoutTarget(true).build());
      hasTarget = false;
    }
    final Dataset d = read;
    final boolean withTarget = hasTarget;
    double[][] p = model.predictProba(d);
    int[] predicted = model.predictClass(p);
    List<String> classes = model.classes();
    AtomicFiles.writeText(out, w -> {
      CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new java.io.FilterWriter(w) {
        @Override
        public void close() throws IOException {
          flush();
        }
      });
      List<String> header = new ArrayList<>();
      classes.forEach(c -> header.add("proba_" + c));
      header.add("predicted");
      if (withTarget) {
        header.add(model.target());
      }
      csv.writeRecord(header);
      String[] rec = new String[header.size()];
      for (int i = 0; i < p.length; i++) {
        for (int c = 0; c < classes.size(); c++) {
          rec[c] = String.format(Locale.ROOT, "%.9g", p[i][c]);
        }
        rec[classes.size()] = classes.get(predicted[i]);
        if (withTarget) {
          rec[classes.size() + 1] = d.className(i);
        }
        csv.writeRecord(rec);
      }
      csv.flush();
    });
    spec.commandLine().getOut().printf("scored %,d rows; wrote %s%n", p.length, out);
    return 0;
  }
}
