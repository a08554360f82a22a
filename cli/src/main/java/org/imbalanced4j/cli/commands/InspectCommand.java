package org.imbalanced4j.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.options.ImageOptions;
import org.imbalanced4j.images.ImageSet;
import org.imbalanced4j.cli.render.BarChart;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.io.BuiltinDatasets;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code imb inspect}: what a data set holds and how imbalanced it is. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show a data set's rows, features, class counts and imbalance ratio.",
      "Tables: each feature with its type. Images (a folder with one sub-folder per class, or IDX files):"
          + " their count, size, channels and class counts.",
      "With no FILE, inspects the built-in demo data set (builtin:" + BuiltinDatasets.DEMO + ")."
    },
    footer = {"", "Examples:", "  imb inspect data.csv --target Class", "  imb inspect builtin:lending_club --json",
        "  imb inspect train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz", "  imb inspect photos/ --size 64"})
public final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "CSV, TSV, ARFF or LibSVM file, builtin:NAME (default: builtin:"
          + BuiltinDatasets.DEMO + "), a folder of images or an IDX file.")
  String file = DataSource.BUILTIN_PREFIX + BuiltinDatasets.DEMO;

  @Mixin DataOptions data;

  @Mixin ImageOptions images;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (ImageOptions.isImages(file)) {
      ImageSet set = images.read(file);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary(file, set)));
      } else {
        printText(out, file, set);
      }
      return 0;
    }
    DataSource src = DataSource.of(file);
    Dataset d = Datasets.read(src, data.toReadOptions());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(om.writeValueAsString(summary(src, d)));
    } else {
      printText(out, src, d);
    }
    return 0;
  }

  /** The JSON summary of images; the class keys are those of tables. */
  static Map<String, Object> summary(String file, ImageSet set) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", file);
    m.put("images", set.count());
    m.put("height", set.height());
    m.put("width", set.width());
    m.put("channels", set.channels());
    if (set.hasLabels()) {
      m.putAll(classes(set.classCounts()));
    }
    return m;
  }

  /** The class counts, fractions, majority, minority and imbalance ratio, keyed for scripts. */
  private static Map<String, Object> classes(ClassCounts cc) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("classes", cc.asMap());
    Map<String, Double> frac = new LinkedHashMap<>();
    for (int k = 0; k < cc.classCount(); k++) {
      frac.put(cc.classNames().get(k), cc.fraction(k));
    }
    m.put("class_fractions", frac);
    m.put("majority_class", cc.classNames().get(cc.majority()));
    m.put("minority_class", cc.classNames().get(cc.minority()));
    m.put("imbalance_ratio", cc.imbalanceRatio());
    return m;
  }

  private static void printText(PrintWriter out, String file, ImageSet set) {
    out.printf("%s: %,d images, %dx%d pixels (width x height), %d channel%s (%s)%n%n", file, set.count(), set.width(),
        set.height(), set.channels(), set.channels() == 1 ? "" : "s", set.channels() == 1 ? "gray" : "RGB");
    if (!set.hasLabels()) {
      out.println("No classes: give --labels LABELS.idx for the class counts.");
      return;
    }
    printClasses(out, set.classCounts());
  }

  /** The JSON summary; keys are stable for scripts. */
  static Map<String, Object> summary(DataSource src, Dataset d) {
    ClassCounts cc = d.classCounts();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", src.name());
    m.put("rows", d.rows());
    m.put("n_features", d.features());
    m.put("features", d.schema().features().stream().map(f -> {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("name", f.name());
      fm.put("type", f.isCategorical() ? "categorical" : "numeric");
      if (f.isCategorical()) {
        fm.put("levels", f.levels());
      }
      return fm;
    }).toList());
    m.put("target", d.schema().targetName());
    m.putAll(classes(cc));
    return m;
  }

  private static void printText(PrintWriter out, DataSource src, Dataset d) {
    ClassCounts cc = d.classCounts();
    List<Feature> fs = d.schema().features();
    long cat = fs.stream().filter(Feature::isCategorical).count();
    out.printf("%s: %,d rows, %d features (%d numeric, %d categorical), target '%s'%n%n",
        src.name(), d.rows(), fs.size(), fs.size() - cat, cat, d.schema().targetName());
    printClasses(out, cc);
    out.println("Features");
    int w = Math.max(4, fs.stream().mapToInt(f -> f.name().length()).max().orElse(4));
    out.printf("  %-" + w + "s  %-11s  %12s  %12s  %12s%n", "name", "type", "min", "mean", "max");
    for (int j = 0; j < fs.size(); j++) {
      Feature f = fs.get(j);
      if (f.isCategorical()) {
        out.printf("  %-" + w + "s  %-11s  %d levels: %s%n", f.name(), "categorical",
            f.levels().size(), abbreviate(f.levels()));
      } else {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < d.rows(); i++) {
          double v = d.value(i, j);
          min = Math.min(min, v);
          max = Math.max(max, v);
          sum += v;
        }
        out.printf("  %-" + w + "s  %-11s  %12.6g  %12.6g  %12.6g%n", f.name(), "numeric", min,
            sum / d.rows(), max);
      }
    }
  }

  private static void printClasses(PrintWriter out, ClassCounts cc) {
    out.println("Classes");
    List<String> labels = cc.classNames();
    double[] values = new double[cc.classCount()];
    String[] notes = new String[cc.classCount()];
    int cw = String.format("%,d", cc.count(cc.majority())).length();
    for (int k = 0; k < values.length; k++) {
      values[k] = cc.count(k);
      notes[k] = String.format("%," + cw + "d  %5.1f%%%s", cc.count(k), 100 * cc.fraction(k),
          k == cc.majority() ? "  majority" : k == cc.minority() ? "  minority" : "");
    }
    BarChart.print(out, labels, values, notes, 40);
    out.printf("%nImbalance ratio (majority/minority): %.2f%n%n", cc.imbalanceRatio());
  }

  private static String abbreviate(List<String> levels) {
    String s = String.join(", ", levels.subList(0, Math.min(6, levels.size())));
    return levels.size() > 6 ? s + ", ..." : s;
  }
}
