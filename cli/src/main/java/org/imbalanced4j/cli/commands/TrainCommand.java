package org.imbalanced4j.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imbalanced4j.Check;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.api.Train;
import org.imbalanced4j.api.TrainedModel;
import org.imbalanced4j.cli.options.DataOptions;
import org.imbalanced4j.cli.options.ImageOptions;
import org.imbalanced4j.cli.options.Inputs;
import org.imbalanced4j.cli.options.SeedOption;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.BuiltinDatasets;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.FitMonitor;
import org.imbalanced4j.model.io.ModelDirectory;
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
      "Train a model with an imbalance-aware loss, sampler or class weights and save it for imb predict.",
      "By default a multilayer perceptron, trained until the validation metric stops improving"
          + " (--patience epochs; the rate drops tenfold halfway), keeping the best epoch; --model picks any"
          + " learner of the catalogue. The model directory holds the decision threshold chosen on the"
          + " validation rows.",
    },
    footer = {"", "Examples:",
        "  imb train data.csv --target Class --loss focal --class-weight balanced --out model/",
        "  imb train data.csv --loss ldam-drw --sampler class-balanced --epochs 40 --out model/",
        "  imb train data.csv --model logistic --class-weight balanced --param C=0.5 --out model/",
        "  imb train images/ --pretrained model/ --decouple tau --out model-tau/"})
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Training table, or builtin:NAME (default: builtin:" + BuiltinDatasets.DEMO + ").")
  String file = DataSource.BUILTIN_PREFIX + BuiltinDatasets.DEMO;

  @Mixin DataOptions data;

  @Mixin ImageOptions images;

  @Mixin SeedOption seed;

  @Option(names = "--model", paramLabel = "NAME", defaultValue = "mlp",
      description = "Learner of the catalogue (imb compare --list-learners): for tables mlp, attention "
          + "(self-attention over per-feature tokens, after FT-Transformer), logistic, knn, qda; for images cnn, "
          + "resnet32, bbn (default: mlp). Options that a learner does not have are an error.")
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
      description = "Stop when another epoch would pass this many seconds, keeping the best epoch so far (default: 0, "
          + "no limit).")
  double timeLimit;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128",
      description = "Rows or images per step (default: 128, as `imb compare`'s networks).")
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

  @Option(names = "--val-split", paramLabel = "F", defaultValue = "0.2", description = "Stratified validation share "
      + "(default: 0.2); 0: every row trains, for all --epochs, and the last epoch is kept (a fixed budget, as with "
      + "--schedule cosine), with temperature 1 and the argmax decision.")
  double valSplit;

  @Option(names = "--metric", paramLabel = "NAME",
      description = "Validation metric for early stopping: auto (default: balanced_accuracy when every class has 50 "
          + "validation rows, else balanced_log_loss), balanced_log_loss (lower is better: each class's mean log "
          + "loss, averaged over classes), macro_f1, balanced_accuracy, pr_auc or g_mean.")
  String metric;

  @Option(names = "--patience", paramLabel = "N", defaultValue = "10", description = "Epochs without improvement before stopping (default: 10).")
  int patience;

  @Option(names = {"-o", "--out"}, paramLabel = "MODEL_DIR", required = true, description = "Model directory to write.")
  Path out;

  @Option(names = "--resume", description = "Continue from the checkpoint in MODEL_DIR/checkpoints.")
  boolean resume;

  @Option(names = "--augment", paramLabel = "POLICY", defaultValue = "none",
      description = "Images: none, flip (horizontal, p 0.5), default (flip, random affine, colour jitter), "
          + "randaugment or trivialaugment, applied to each training image (default: none).")
  String augment;

  @Option(names = "--balance-augment", paramLabel = "SPEC", arity = "0..1", defaultValue = "none",
      fallbackValue = "balanced",
      description = "Images: oversample rare classes with augmented copies each epoch: balanced (every class to "
          + "the largest; the default when given without a value) or CLASS:FACTOR,... (default: none).")
  String balanceAugment;

  @Option(names = "--mix", paramLabel = "none|mixup|cutmix|remix", defaultValue = "none",
      description = "Images: mix each training batch with a shuffled copy of itself; remix gives the mix the "
          + "rarer class's label (default: none).")
  String mix;

  @Option(names = "--attention", paramLabel = "none|se|cbam", defaultValue = "none",
      description = "Image networks: an attention module in every block, squeeze-and-excitation (se) or CBAM "
          + "(default: none).")
  String attention;

  @Option(names = "--pretrained", paramLabel = "MODEL_DIR|MODEL.pt",
      description = "Start from a trained network (--model is implied): a model directory (imb train --out: its "
          + "network, input preprocessing and parameters) or a TorchScript file exported by PyTorch (torch.jit.script "
          + "or torch.jit.trace, then .save(); its classifier head is cut, see --cut). A new head when FILE's classes "
          + "differ; or re-balance a model directory's head with --decouple.")
  Path pretrained;

  @Option(names = "--cut", paramLabel = "LAYER",
      description = "With a TorchScript --pretrained: the top-level layer that is its classifier head, whose input "
          + "becomes the features (default: the first of fc, classifier, head, as torchvision names them).")
  String cut;

  @Option(names = "--normalize", paramLabel = "MEAN,STD", split = ",",
      description = "With a TorchScript --pretrained: the normalisation it was trained with, after pixels are scaled "
          + "to [0, 1] as torchvision's ToTensor does: one mean and one std for all channels, or the channels' means "
          + "then their stds, e.g. 0.485,0.456,0.406,0.229,0.224,0.225 (default: none).")
  List<Double> normalize;

  @Option(names = "--backbone-lr", paramLabel = "FRACTION", defaultValue = "1",
      description = "With --pretrained: the learning rate of every layer but the new head as a fraction of --lr "
          + "(discriminative learning rates), e.g. 0.1 (default: 1).")
  double backboneLr;

  @Option(names = "--freeze", paramLabel = "all|none|N", defaultValue = "none",
      description = "With --pretrained: parameters that stay as they are: all but the head, none, or the first N "
          + "top-level layers (default: none).")
  String freeze;

  @Option(names = "--decouple", paramLabel = "tau|crt|lws",
      description = "Re-balance the classifier head of the --pretrained network instead of training it all, or "
          + "without --pretrained of the network just trained (Kang et al. 2020): tau (tau-normalisation: each "
          + "class's weights divided by their norm to the tau, tau in 0..2 chosen on FILE's rows, which should be "
          + "rows the network did not train on, best class-balanced) or crt "
          + "(the head re-initialised and trained on FILE with class-balanced batches, the rest frozen; --epochs, "
          + "--batch-size, --lr, --val-split apply) or lws (each class's head scaled by a factor learnt on FILE, "
          + "class-balanced).")
  String decouple;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "A parameter of the learner that has no option of its own, such as C=2 for logistic or "
          + "n_neighbors=7 for knn (repeatable; imb compare --list-learners lists them).")
  Map<String, String> params = new LinkedHashMap<>();

  /** The options that set learner parameters, by parameter name. */
  private Map<String, Object> optionValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loss", loss);
    m.put("batch_sampler", sampler);
    m.put("class_weight", classWeight);
    m.put("epochs", epochs);
    m.put("time_limit", timeLimit);
    m.put("batch_size", batchSize);
    m.put("lr", lr);
    m.put("optimizer", optimizer);
    m.put("weight_decay", weightDecay);
    m.put("schedule", schedule);
    m.put("hidden", hidden);
    m.put("metric", metric);
    m.put("patience", patience);
    m.put("augment", augment);
    m.put("attention", attention);
    m.put("mix", mix);
    m.put("balance_augment", balanceAugment);
    return m;
  }

  /** The option that sets a learner parameter: {@code --batch-size} for {@code batch_size}. */
  static String optionOf(String param) {
    return param.equals("batch_sampler") ? "--sampler" : "--" + param.replace('_', '-');
  }

  /**
   * The learner's parameters: each option whose parameter the learner has (its value, given or
   * default), then {@code --param}. An option given for a learner without that parameter is an error.
   */
  private Map<String, Object> learnerParams(Learner learner) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> names = learner.paramNames();
    Map<String, Object> options = optionValues();
    options.forEach((param, value) -> {
      if (value == null) {
        return; // no default of its own: the learner's
      }
      if (names.contains(param)) {
        out.put(param, value); // as text by Train.Builder.optParam
      } else if (spec.commandLine().getParseResult().hasMatchedOption(optionOf(param))) {
        throw new InvalidOptionException(optionOf(param) + ": " + learner.name() + " has no parameter '" + param
            + "'; its parameters: " + String.join(", ", names));
      }
    });
    params.forEach((k, v) -> {
      String known = k.strip().toLowerCase(Locale.ROOT);
      if (options.containsKey(known) && names.contains(known)) {
        throw new InvalidOptionException("--param " + k + ": use " + optionOf(known) + " instead");
      }
      out.put(k, v);
    });
    return out;
  }

  /** The lock on {@code --out} while this run writes there (two runs never interleave). */
  private org.imbalanced4j.io.DirectoryLock lock;

  @Override
  public Integer call() throws Exception {
    try {
      return train();
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }

  private Integer train() throws Exception {
    Check.range("--epochs", epochs, 1, MAX_EPOCHS);
    Check.range("--patience", patience, 1, MAX_EPOCHS);
    Check.range("--batch-size", batchSize, 1, 1 << 20);
    Check.positive("--lr", lr, 10);
    Check.range("--weight-decay", weightDecay, 0, 1);
    if (valSplit != 0) {
      Check.open("--val-split", valSplit, 0, 1);
    }
    Check.range("--time-limit", timeLimit, 0, 1e7);
    for (int h : hidden) {
      Check.range("--hidden", h, 1, 1 << 16);
    }
    var parsed = spec.commandLine().getParseResult();
    for (String o : List.of("--freeze", "--backbone-lr")) {
      if (parsed.hasMatchedOption(o) && pretrained == null) {
        throw new InvalidOptionException(o + " applies to a --pretrained network");
      }
    }
    Check.positive("--backbone-lr", backboneLr, 1);
    if (pretrained != null && !Files.exists(pretrained)) {
      throw new org.imbalanced4j.DataException(pretrained + ": no such file or directory (--pretrained takes a model "
          + "directory or a TorchScript file)");
    }
    boolean script = pretrained != null && Files.isRegularFile(pretrained);
    if ((cut != null || normalize != null) && !script) {
      throw new InvalidOptionException((cut != null ? "--cut" : "--normalize") + " applies to a TorchScript file "
          + "given with --pretrained");
    }
    if (decouple != null && pretrained == null) {
      params.put("decouple", decouple); // train, then re-balance the head: the learner's decouple parameter
      decouple = null;
    }
    if (decouple != null) {
      if (script) {
        throw new InvalidOptionException("--decouple re-balances the head of a model directory; fine-tune "
            + pretrained + " first (imb train FILE --pretrained " + pretrained + " --out DIR), then --pretrained DIR");
      }
      lock = org.imbalanced4j.io.DirectoryLock.acquire(out, "imb train --decouple");
      return Decouple.run(new Decouple.Options(decouple, pretrained, file, out, valSplit, seed.seed(), epochs, batchSize,
          lr, spec.commandLine().getErr()), () -> Inputs.read(file, data, images), spec.commandLine().getOut());
    }
    org.imbalanced4j.djl.training.NeuralModel start = pretrained == null || script ? null
        : Pretrained.network(pretrained);
    if (start != null || script) {
      String type = start != null ? start.result().network().type() : "cnn";
      if (parsed.hasMatchedOption("--model") && (script || !model.equalsIgnoreCase(type))) {
        throw new InvalidOptionException("--model " + model + ": " + pretrained + " holds "
            + (script ? "a TorchScript network" : "a " + type + " network") + ", which --pretrained implies");
      }
      model = type; // a TorchScript backbone trains as an image network
    }
    Learner learner = LearnerCatalog.get(model);
    Map<String, Object> lp = learnerParams(learner);
    Train.Builder builder = Train.builder().optLearner(learner.name()).optParams(lp).optValidationSplit(valSplit)
        .optSeed(seed.seed()).optConfig("data", file);
    if (script) {
      builder.optConfig("model", "torchscript");
    }
    if (pretrained != null) {
      builder.optConfig("pretrained", pretrained.toString()).optConfig("freeze", freeze)
          .optConfig("backbone_lr", backboneLr);
    }
    if (script) {
      builder.optConfig("cut", cut).optConfig("normalize", normalize);
    }
    builder.build(); // bad parameters fail before the data is read
    Dataset all = Inputs.read(file, data, images);
    if (start != null) {
      all = org.imbalanced4j.model.ModelInputs.align(start.schema(), all);
      var transfer = new org.imbalanced4j.djl.training.Transfer(start.result(), start.classes(), freeze)
          .withBackboneRate(backboneLr);
      builder.optAdapt(t -> ((org.imbalanced4j.djl.training.NeuralTrainer) t).startingFrom(transfer));
    }
    if (script) {
      var transfer = Pretrained.torchScript(pretrained, cut, normalize, all.schema(), file, freeze)
          .withBackboneRate(backboneLr);
      builder.optAdapt(t -> ((org.imbalanced4j.djl.training.NeuralTrainer) t).startingFrom(transfer));
    }
    LearnerCatalog.checkInput(learner, all.schema());
    PrintWriter err = spec.commandLine().getErr();
    Path log = out.resolve("log.jsonl");
    com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
    boolean terminal = System.console() != null;
    Train train = builder.optMonitor(new FitMonitor(out.resolve("checkpoints"), !terminal ? null : f -> {
      int done = (int) Math.round(f * 30);
      err.printf(Locale.ROOT, "\r  [%s%s] %3.0f%%", "#".repeat(done), " ".repeat(30 - done), 100 * f);
      err.flush();
    }, l -> {
      if (terminal) {
        err.print("\r" + " ".repeat(44) + "\r");
      }
      err.printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  %s  lr %.2e  %.1fs%n", l.get("epoch"), epochs, l.get("loss"),
          valSplit == 0 ? "(no validation rows)" : l.get("metric") == null ? l.get("metric_name") + " NaN"
              : String.format(Locale.ROOT, "%s %.4f", l.get("metric_name"), l.get("metric")),
          l.get("learning_rate"),
          l.get("seconds"));
      err.flush();
      try {
        Files.writeString(log, om.writeValueAsString(l) + "\n", java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    })).build();
    Train.Parts parts = train.split(all);
    // epochs, checkpoints and --resume are for learners that train in epochs on validation rows
    boolean iterative = train.trainer().usesValidation();
    if (resume && !iterative) {
      throw new InvalidOptionException("--resume: " + learner.name() + " fits in one go; there is nothing to resume");
    }
    lock = org.imbalanced4j.io.DirectoryLock.acquire(out, "imb train");
    RunRecord runRecord = new RunRecord(out.resolve("checkpoints"));
    if (iterative) {
      Map<String, Object> identity = new LinkedHashMap<>(train.config());
      identity.keySet().removeAll(RunRecord.MAY_CHANGE);
      identity.put("training_data_sha256", ModelDirectory.hash(parts.train()));
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
    }
    Files.createDirectories(out);
    if (!resume && iterative) {
      Files.deleteIfExists(log);
    }
    long started = System.nanoTime();
    TrainedModel m = train.fit(parts);
    double elapsed = (System.nanoTime() - started) / 1e9;
    for (String w : m.warnings()) {
      err.println("warning: " + w);
    }
    Map<String, Object> fit = m.fit();
    int trained = fit.get("epochs_trained") instanceof Integer e ? e : 1;
    if (iterative) {
      runRecord.finish(trained, trained >= epochs ? "epoch cap"
          : timeLimit > 0 && elapsed >= timeLimit ? "time limit"
          : "early stopping");
    }
    m.save(out);
    if (fit.containsKey("best_epoch") && !fit.containsKey("best_metric")) {
      spec.commandLine().getOut().printf(Locale.ROOT, "kept the last epoch (%d; no validation rows); wrote %s%n",
          fit.get("best_epoch"), out);
    } else if (fit.containsKey("best_epoch")) {
      spec.commandLine().getOut().printf(Locale.ROOT, "best %s %.4f at epoch %d; wrote %s%n", fit.get("metric"),
          ((Number) fit.get("best_metric")).doubleValue(), fit.get("best_epoch"), out);
    } else {
      spec.commandLine().getOut().printf(Locale.ROOT, "fitted %s on %,d rows; wrote %s%n", m.describe(),
          m.trainingRows(), out);
    }
    return 0;
  }

  /** The most epochs accepted by --epochs and --patience. */
  static final int MAX_EPOCHS = 100_000;
}
