package org.imbalanced4j.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cli.options.Check;
import org.imbalanced4j.threshold.DecisionRule;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.options.SeedOption;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.samplers.ClassSamplers;
import org.imbalanced4j.djl.samplers.EpochSampler;
import org.imbalanced4j.djl.samplers.WeightedRandomSampler;
import org.imbalanced4j.djl.training.LearningRate;
import org.imbalanced4j.djl.training.LossRecipes;
import org.imbalanced4j.djl.training.TabularTrainer;
import org.imbalanced4j.djl.training.TrainedModel;
import org.imbalanced4j.djl.training.ValidationMetric;
import org.imbalanced4j.io.BuiltinDatasets;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.sampling.SamplerCatalog;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedShuffleSplit;
import org.imbalanced4j.weights.ClassWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imb train}: a neural network for imbalanced data, on DJL's PyTorch engine. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a multilayer perceptron with an imbalance-aware loss and sampler until the validation",
      "metric stops improving (--patience epochs; the rate drops tenfold halfway), and keep the best",
      "epoch. Writes a model directory that imb predict reads.",
    },
    footer = {"", "Examples:",
        "  imb train data.csv --target Class --loss focal --class-weight balanced --out model/",
        "  imb train data.csv --loss ldam-drw --sampler class-balanced --epochs 40 --out model/"})
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Training table, or builtin:NAME (default: builtin:" + BuiltinDatasets.DEMO + ").")
  String file = DataSource.BUILTIN_PREFIX + BuiltinDatasets.DEMO;

  @Mixin DataOptions data;

  @Mixin SeedOption seed;

  @Option(names = "--model", paramLabel = "mlp|attention", defaultValue = "mlp",
      description = "Network: mlp, or attention (self-attention over per-feature tokens, after FT-Transformer) (default: mlp).")
  String model;

  @Option(names = "--loss", paramLabel = "NAME", defaultValue = "ce",
      description = "ce, focal, class-balanced, ldam-drw, balanced-softmax, logit-adjusted or cost-sensitive (default: ce).")
  String loss;

  @Option(names = "--sampler", paramLabel = "NAME", defaultValue = "none",
      description = "none, weighted, class-balanced, sqrt, progressive, or a row-selecting resampler "
          + "such as RandomUnderSampler, redrawn every epoch (default: none).")
  String sampler;

  @Option(names = "--class-weight", paramLabel = "SCHEME", defaultValue = "none",
      description = "none, balanced, inverse, sqrt or effective (default: none).")
  String classWeight;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "300",
      description = "Most epochs to train (default: 300); early stopping usually ends training sooner.")
  int epochs;

  @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "0",
      description = "Stop after this many seconds, keeping the best epoch so far (default: 0, no limit).")
  double timeLimit;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256", description = "Batch size (default: 256).")
  int batchSize;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.001", description = "Learning rate (default: 0.001).")
  float lr;

  @Option(names = "--optimizer", paramLabel = "adam|sgd", defaultValue = "adam",
      description = "adam, or sgd with momentum 0.9 (default: adam).")
  String optimizer;

  @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "0", description = "Weight decay (default: 0).")
  double weightDecay;

  @Option(names = "--schedule", paramLabel = "NAME", defaultValue = "constant",
      description = "Learning-rate schedule: constant, cosine (one warm-up epoch, to 0 at --epochs) or step "
          + "(x0.1 every third of --epochs) (default: constant); on a plateau the rate also drops tenfold.")
  String schedule;

  @Option(names = "--hidden", paramLabel = "W", split = ",", description = "Hidden layer widths (default: 128,64).")
  int[] hidden = {128, 64};

  @Option(names = "--val-split", paramLabel = "F", defaultValue = "0.2", description = "Stratified validation share (default: 0.2).")
  double valSplit;

  @Option(names = "--metric", paramLabel = "NAME", defaultValue = "balanced_log_loss",
      description = "Validation metric for early stopping: balanced_log_loss (lower is better: each class's "
          + "mean log loss, averaged over classes), macro_f1, balanced_accuracy, pr_auc or g_mean "
          + "(default: balanced_log_loss).")
  String metric;

  @Option(names = "--patience", paramLabel = "N", defaultValue = "10", description = "Epochs without improvement before stopping (default: 10).")
  int patience;

  @Option(names = {"-o", "--out"}, paramLabel = "MODEL_DIR", required = true, description = "Model directory to write.")
  Path out;

  @Option(names = "--resume", description = "Continue from the checkpoint in MODEL_DIR/checkpoints.")
  boolean resume;

  @Override
  public Integer call() throws Exception {
    String net = model.toLowerCase(Locale.ROOT);
    if (!net.equals("mlp") && !net.equals("attention")) {
      throw InvalidOptionException.unknown("model", model, List.of("mlp", "attention"));
    }
    Check.range("--epochs", epochs, 1, MAX_EPOCHS);
    Check.range("--patience", patience, 1, MAX_EPOCHS);
    Check.range("--batch-size", batchSize, 1, 1 << 20);
    Check.positive("--lr", lr, 10);
    Check.range("--weight-decay", weightDecay, 0, 1);
    Check.open("--val-split", valSplit, 0, 1);
    Check.range("--time-limit", timeLimit, 0, 1e7);
    for (int h : hidden) {
      Check.range("--hidden", h, 1, 1 << 16);
    }
    String lossName = LossRecipes.parse(loss);
    ValidationMetric vm = ValidationMetric.parse(metric);
    Dataset all = Datasets.read(DataSource.of(file), data.toReadOptions());
    Split s = StratifiedShuffleSplit.trainTestSplit(all.labels(), valSplit, seed.seed());
    Dataset train = all.subset(s.train()).compact();
    Dataset val = all.subset(s.test());
    long[] counts = train.classCounts().counts();
    double[] weights = classWeight.equalsIgnoreCase("none") ? null : ClassWeights.of(classWeight, counts, 0.999);
    TabularTrainer.Builder b = TabularTrainer.builder()
        .optNetwork(net).optEpochs(epochs).optBatchSize(batchSize).optHidden(hidden).optPatience(patience).optMetric(vm)
        .optLearningRate(schedule()).optSgd(sgd()).optWeightDecay(weightDecay).optSeed((int) seed.seed())
        .optTimeLimit(timeLimit).optCheckpoints(out.resolve("checkpoints"));
    LossRecipes.apply(b, lossName, counts, weights);
    EpochSampler es = sampler(train, counts, weights);
    if (es != null) {
      b.optSampler(es);
    }
    Map<String, Object> config = config(net, lossName, vm);
    RunRecord runRecord = new RunRecord(out.resolve("checkpoints"));
    Map<String, Object> identity = new LinkedHashMap<>(config);
    identity.keySet().removeAll(RunRecord.MAY_CHANGE);
    identity.put("training_data_sha256", TrainedModel.hash(train));
    if (resume) {
      String done = runRecord.resumable(identity, epochs);
      if (done != null) {
        spec.commandLine().getOut().println(done);
        return 0;
      }
    } else {
      runRecord.clear();
    }
    runRecord.start(identity);
    PrintWriter err = spec.commandLine().getErr();
    java.nio.file.Files.createDirectories(out);
    Path log = out.resolve("log.jsonl");
    if (!resume) {
      java.nio.file.Files.deleteIfExists(log);
    }
    com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
    boolean terminal = System.console() != null;
    if (terminal) {
      b.optProgress(f -> {
        int done = (int) Math.round(f * 30);
        err.printf(Locale.ROOT, "\r  [%s%s] %3.0f%%", "#".repeat(done), " ".repeat(30 - done), 100 * f);
        err.flush();
      });
    }
    b.optListener(l -> {
      if (terminal) {
        err.print("\r" + " ".repeat(44) + "\r");
      }
      err.printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  %s %.4f  lr %.2e  %.1fs%n", l.epoch() + 1, epochs,
          l.loss(), vm.key(), l.metric(), l.learningRate(), l.seconds());
      err.flush();
      try {
        java.nio.file.Files.writeString(log, om.writeValueAsString(l.toJson()) + "\n",
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    });
    long started = System.nanoTime();
    TabularTrainer.Result r = b.build().fit(train, val);
    double elapsed = (System.nanoTime() - started) / 1e9;
    for (String w : r.warnings()) {
      err.println("warning: " + w);
    }
    Map<String, Object> decision = decision(r, val);
    runRecord.finish(r.history().size(), r.history().size() >= epochs ? "epoch cap"
        : timeLimit > 0 && elapsed >= timeLimit ? "time limit"
        : "early stopping");
    TrainedModel.save(out, r, train.schema(), config, decision, train);
    TrainedModel.setDecision(out, calibrate(TrainedModel.load(out), val, train.classCounts().minority()));
    spec.commandLine().getOut().printf(Locale.ROOT, "best %s %.4f at epoch %d; wrote %s%n", vm.key(),
        r.bestMetric(), r.bestEpoch() + 1, out);
    return 0;
  }

  /** The most epochs accepted by --epochs and --patience. */
  static final int MAX_EPOCHS = 100_000;

  /** The options of this run as model.json records them. */
  private Map<String, Object> config(String net, String lossName, ValidationMetric vm) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("data", file);
    config.put("model", net);
    config.put("loss", lossName);
    config.put("sampler", sampler);
    config.put("class_weight", classWeight);
    config.put("epochs", epochs);
    config.put("patience", patience);
    config.put("time_limit", timeLimit);
    config.put("batch_size", batchSize);
    config.put("lr", lr);
    config.put("optimizer", optimizer);
    config.put("weight_decay", weightDecay);
    config.put("schedule", schedule);
    config.put("hidden", hidden);
    config.put("val_split", valSplit);
    config.put("metric", vm.key());
    config.put("seed", seed.seed());
    return config;
  }

  private LearningRate schedule() {
    return switch (schedule.toLowerCase(Locale.ROOT)) {
      case "cosine" -> LearningRate.cosine(lr, epochs, 1);
      case "step" -> LearningRate.step(lr, Math.max(1, epochs / 3), 0.1f);
      case "constant" -> LearningRate.constant(lr);
      default -> throw InvalidOptionException.unknown("schedule", schedule, List.of("cosine", "step", "constant"));
    };
  }

  private boolean sgd() {
    return switch (optimizer.toLowerCase(Locale.ROOT)) {
      case "adam" -> false;
      case "sgd" -> true;
      default -> throw InvalidOptionException.unknown("optimizer", optimizer, List.of("adam", "sgd"));
    };
  }

  /** A first decision rule, replaced by {@link #calibrate} once the model is written. */
  private static Map<String, Object> decision(TabularTrainer.Result r, Dataset val) {
    Map<String, Object> d = DecisionRule.ARGMAX.toMap(val.schema().classNames());
    d.put("temperature", 1.0);
    return d;
  }

  /**
   * Temperature scaling fitted on the validation rows; for two classes, the threshold on the rare
   * class's calibrated probability that maximises F1 on the validation rows.
   */
  private static Map<String, Object> calibrate(TrainedModel m, Dataset val, int rare) {
    double[][] z = m.logits(val);
    int[] y = val.labels();
    double t = org.imbalanced4j.djl.training.Calibration.fitTemperature(z, y);
    DecisionRule rule = DecisionRule.ARGMAX;
    if (m.classes().size() == 2) {
      double[][] p = org.imbalanced4j.djl.training.Calibration.softmax(z, t);
      org.imbalanced4j.metrics.OneVsRest r = org.imbalanced4j.metrics.OneVsRest.of(y, p, rare);
      org.imbalanced4j.threshold.ThresholdChoice c =
          org.imbalanced4j.threshold.Thresholds.maximizeFbeta(r.positive(), r.score(), 1.0);
      rule = new DecisionRule.Threshold(rare, Double.isInfinite(c.threshold()) ? 0.5 : c.threshold());
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("temperature", t);
    d.putAll(rule.toMap(m.classes()));
    if (rule instanceof DecisionRule.Threshold) {
      d.put("chosen_by", "f1 on the validation rows");
    }
    return d;
  }

  private EpochSampler sampler(Dataset train, long[] counts, double[] weights) {
    int[] y = train.labels();
    long sd = seed.seed();
    return switch (sampler.toLowerCase(Locale.ROOT)) {
      case "none" -> null;
      case "weighted" -> {
        double[] w = weights != null ? weights : ClassWeights.balanced(counts);
        double[] rowW = new double[y.length];
        for (int i = 0; i < y.length; i++) {
          rowW[i] = w[y[i]];
        }
        yield new WeightedRandomSampler(rowW, y.length, true, sd);
      }
      case "class-balanced" -> ClassSamplers.classBalanced(y, sd);
      case "sqrt" -> ClassSamplers.sqrt(y, sd);
      case "progressive" -> ClassSamplers.progressive(y, epochs, sd);
      default -> {
        SamplerCatalog.get(sampler); // fails with the list of valid names
        yield ClassSamplers.resampler(train, e -> SamplerCatalog.create(sampler, Map.of(), (sd + e) & 0xffffffffL));
      }
    };
  }

}
