package org.imbalanced4j.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.options.ImageOptions;
import org.imbalanced4j.images.ImageSet;
import org.imbalanced4j.images.ImageSets;
import org.imbalanced4j.images.LongTail;
import org.imbalanced4j.cli.options.SeedOption;
import org.imbalanced4j.cli.render.CountsTable;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.BuiltinDatasets;
import org.imbalanced4j.io.DataFormat;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.io.ResampledCsvWriter;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerCatalog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imb resample}: one imbalanced-learn resampler applied to a file. */
@Command(
    name = "resample",
    mixinStandardHelpOptions = true,
    description = {
      "Resample a data set with one of imbalanced-learn's methods and write the result.",
      "Method and parameter names are imbalanced-learn's: SMOTE(k_neighbors=3) is"
          + " --method SMOTE --param k_neighbors=3. Kept rows are copied from the input's text.",
      "Images (a folder of class folders, or IDX files) take long-tail or a random over- or under-sampler.",
    },
    footer = {"", "Examples:",
        "  imb resample data.csv --target Class --method SMOTE --seed 42 --out smote.csv",
        "  imb resample data.csv --method EditedNearestNeighbours --param kind_sel=mode --out enn.csv",
        "  imb resample data.csv --method RandomUnderSampler --strategy 0.5 --out under.csv",
        "  imb resample train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz --method long-tail \\",
        "      --param ratio=100 --seed 1 --out fmnist-lt/",
        "  imb resample --list"})
public final class ResampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Input table, or builtin:NAME (default: builtin:" + BuiltinDatasets.DEMO + ").")
  String file = DataSource.BUILTIN_PREFIX + BuiltinDatasets.DEMO;

  @Mixin DataOptions data;

  @Mixin ImageOptions images;

  @Mixin SeedOption seed;

  @Mixin org.imbalanced4j.cli.options.SparkOptions spark;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Action action;

  static final class Action {
    @Option(names = "--method", paramLabel = "NAME", required = true,
        description = "Resampler, by imbalanced-learn's class name (case-insensitive); see --list.")
    String method;

    @Option(names = "--list", required = true, description = "List the methods and their parameters.")
    boolean list;
  }

  @Option(names = "--strategy", paramLabel = "S",
      description = "sampling_strategy: auto, minority, majority, not minority, not majority, all, "
          + "a ratio (0.5), counts (a:100,b:200) or classes ([a,b]) (default: auto).")
  String strategy;

  @Option(names = "--param", paramLabel = "KEY=VALUE",
      description = "A parameter of the method, by imbalanced-learn's name (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Output file (CSV, TSV, ARFF or LibSVM by its ending), or for images a directory; written atomically.")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter pw = spec.commandLine().getOut();
    if (action.list) {
      printList(pw);
      return 0;
    }
    if (out == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Missing required option: '--out=FILE'");
    }
    if (spark.enabled()) {
      return resampleOnSpark(pw);
    }
    if (ImageOptions.isImages(file)) {
      return resampleImages(pw);
    }
    DataFormat outFormat = DataFormat.forOutput(out); // before any work: an unknown ending is an error
    Map<String, String> p = new LinkedHashMap<>(params);
    if (strategy != null) {
      if (p.containsKey("sampling_strategy")) {
        throw new InvalidOptionException("give the sampling strategy once: --strategy or --param sampling_strategy");
      }
      p.put("sampling_strategy", strategy);
    }
    Sampler sampler = SamplerCatalog.create(action.method, p, seed.seed());
    DataSource src = DataSource.of(file);
    ReadOptions opt = data.toReadOptions();
    Dataset in = Datasets.read(src, opt);
    long t0 = System.nanoTime();
    Resampled r = sampler.fitResample(in);
    double secs = (System.nanoTime() - t0) / 1e9;
    // text to text keeps the input's own cells (exact decimals, missing values of dropped rows aside)
    boolean textToText = DataFormat.of(src.fileName()).isDelimited()
        && outFormat.isDelimited();
    java.nio.file.Path beside = null;
    if (textToText) {
      ResampledCsvWriter.write(src, opt, r.data(), r.source(), out);
    } else {
      beside = Datasets.write(r.data(), out);
    }
    pw.printf("%s on %s: %,d rows -> %,d rows (%,d synthetic) in %.2f s%n", sampler, src.name(),
        in.rows(), r.data().rows(), r.syntheticRows(), secs);
    CountsTable.print(pw, in.classCounts(), r.data().classCounts());
    pw.printf("wrote %s%n", out);
    if (beside != null) {
      List<String> names = r.data().schema().classNames();
      StringBuilder codes = new StringBuilder();
      for (int c = 0; c < names.size(); c++) {
        codes.append(c == 0 ? "" : ", ").append(c).append(" = ").append(names.get(c));
      }
      pw.printf("LibSVM labels are numbers: %s (written to %s)%n", codes, beside);
    }
    return 0;
  }

  /** The same on Spark: the file read and written by Spark, the sampler one of the Spark module's. */
  private int resampleOnSpark(PrintWriter pw) {
    Map<String, String> p = new LinkedHashMap<>(params);
    if (strategy != null) {
      p.put("sampling_strategy", strategy);
    }
    java.io.PrintWriter err = spec.commandLine().getErr();
    try (org.imbalanced4j.distributed.DistributedJobs jobs = org.imbalanced4j.cli.options.SparkOptions.load()) {
      org.imbalanced4j.distributed.DistributedJobs.ResampleResult r = jobs.resample(spark.engine(err),  new org.imbalanced4j.distributed.DistributedJobs.ResampleRequest(file, out.toString(), data.target(),
          action.method, p, seed.seed()));
      org.imbalanced4j.data.ClassCounts before = counts(r.before(), r.before());
      org.imbalanced4j.data.ClassCounts after = counts(r.before(), r.after());
      pw.printf("%s on Spark (%s) on %s: %,d rows -> %,d rows in %.2f s%n", action.method, spark.master(), file,
          before.total(), after.total(), r.seconds());
      CountsTable.print(pw, before, after);
      for (String note : r.notes()) {
        pw.println("note: " + note);
      }
      pw.printf("wrote %s%n", out);
    }
    return 0;
  }

  /** Counts in the order of {@code order}'s classes. */
  private static org.imbalanced4j.data.ClassCounts counts(Map<String, Long> order, Map<String, Long> counts) {
    List<String> names = new java.util.ArrayList<>(order.keySet());
    long[] c = new long[names.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = counts.getOrDefault(names.get(i), 0L);
    }
    return new org.imbalanced4j.data.ClassCounts(names, c);
  }

  /** The methods that choose images: the long-tail profile, or a random sampler that keeps or repeats rows. */
  static final List<String> IMAGE_METHODS = java.util.stream.Stream.concat(java.util.stream.Stream.of("long-tail"),
      SamplerCatalog.IMAGE_SAMPLERS.stream()).toList();

  /**
   * Images in, images out: a long-tailed subset ({@code --method long-tail --param ratio=R}) or a
   * random over- or under-sampling, written to {@code --out DIR} in the input's form (a folder of
   * class folders of PNG files, or IDX files).
   */
  private int resampleImages(PrintWriter pw) throws java.io.IOException {
    ImageSet in = images.read(file);
    if (!in.hasLabels()) {
      throw new InvalidOptionException("resampling images needs their classes: give --labels LABELS.idx");
    }
    int[] keep;
    String what;
    if (action.method.equalsIgnoreCase("long-tail")) {
      if (strategy != null) {
        throw new InvalidOptionException("long-tail takes no --strategy; its profile is --param ratio=R");
      }
      double ratio = new org.imbalanced4j.catalog.Params("long-tail", params, List.of("ratio")).real("ratio", 100);
      keep = LongTail.select(in.labels(), in.classNames(), ratio, seed.seed());
      what = "long-tail(ratio=" + ratio + ")";
    } else {
      String name = SamplerCatalog.get(action.method).name();
      if (!IMAGE_METHODS.contains(name) || params.containsKey("shrinkage")) {
        throw new InvalidOptionException(action.method + " works on feature values; images are resampled with "
            + String.join(", ", IMAGE_METHODS) + " (without shrinkage)");
      }
      Map<String, String> p = new LinkedHashMap<>(params);
      if (strategy != null) {
        p.put("sampling_strategy", strategy);
      }
      Sampler sampler = SamplerCatalog.create(name, p, seed.seed());
      keep = sampler.fitResample(in.asDataset()).source();
      what = sampler.toString();
    }
    ImageSet result = in.subset(keep);
    List<Path> written = ImageSets.write(result, out, java.nio.file.Files.isDirectory(Path.of(file)));
    pw.printf("%s on %s: %,d images -> %,d images%n", what, file, in.count(), result.count());
    CountsTable.print(pw, in.classCounts(), result.classCounts());
    pw.printf("wrote %s%n", written.size() > 3 ? out : String.join(", ", written.stream().map(Path::toString).toList()));
    return 0;
  }

  private static void printList(PrintWriter pw) {
    String kind = null;
    for (SamplerCatalog.Entry e : SamplerCatalog.all()) {
      String k = switch (e.kind()) {
        case OVER -> "Over-sampling and combined";
        case UNDER -> "Under-sampling";
        case CLEANING -> "Cleaning";
      };
      if (!k.equals(kind)) {
        pw.printf("%n%s%n", k);
        kind = k;
      }
      pw.printf("  %-32s %s%n", e.name(), e.description());
      for (org.imbalanced4j.catalog.Param p : e.params()) {
        if (!p.name().equals("sampling_strategy")) {
          pw.printf("  %-32s   %s=%s  %s%n", "", p.name(), p.defaultValue(), p.description());
        }
      }
    }
    pw.printf("%nEvery method takes sampling_strategy (--strategy); random ones use --seed.%n");
    pw.printf("%nImages (a folder of class folders, or IDX files with --labels)%n");
    pw.printf("  %-32s %s%n", "long-tail", "Keep n_c = n_max * ratio^(-c/(C-1)) images of class c (a seeded random choice).");
    pw.printf("  %-32s   %s%n", "", "ratio=100  largest over smallest class");
    pw.printf("  %-32s %s%n", "RandomOverSampler, RandomUnderSampler", "as above, repeating or dropping whole images.");
  }
}
