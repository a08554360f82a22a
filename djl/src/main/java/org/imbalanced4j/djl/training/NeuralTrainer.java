package org.imbalanced4j.djl.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.model.FitMonitor;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedShuffleSplit;

/**
 * A network as a core {@link Trainer}, so experiments race it beside classical models: the {@link
 * TrainingLoop} is made per fit from the {@link NetworkConfig} (its loss depends on the training
 * rows' class counts), and when no validation rows are given a stratified fifth of the training
 * rows serves for early stopping.
 */
public final class NeuralTrainer implements Trainer {
  /**
   * The most rows (training and validation together) a table network is refitted on after early
   * stopping ({@link #refitted}). On small tables the fifth held out costs more than choosing the
   * epoch on it gains; on large ones the reverse. Measured (balanced accuracy, five folds, seed 0;
   * BENCHMARKS.md): refitting lifted mlp(ce) on wine (178 rows) 0.970 to 0.981, breast cancer (569)
   * 0.971 to 0.973, digits (1,020) 0.893 to 0.921 and a 3-class table (3,000) 0.828 to 0.846, but
   * lowered mlp(class-balanced) on satimage (6,435) by 2 points and on lending_club (9,857) by 2.3:
   * there the epoch chosen on a large validation fifth is worth more than the fifth's rows.
   */
  public static final int REFIT_MAX_ROWS = 5_000;

  private final String description;
  private final NetworkConfig config;
  private final FitMonitor monitor;
  private final Start start;
  /** Seconds per fit that override the config's time limit, or NaN. */
  private final double timeLimit;

  /** A transfer with its freeze rule and learning rates, resolved once against its network. */
  private record Start(Transfer transfer, java.util.function.Predicate<String> frozen,
      java.util.function.ToDoubleFunction<String> rates) {}

  /** @param description the learner with its parameters, for reports */
  public NeuralTrainer(String description, NetworkConfig config) {
    this(description, config, null, null, Double.NaN);
  }

  private NeuralTrainer(String description, NetworkConfig config, FitMonitor monitor, Start start, double timeLimit) {
    this.description = description;
    this.config = config;
    this.monitor = monitor;
    this.start = start;
    this.timeLimit = timeLimit;
  }

  /**
   * This trainer starting from a trained network ({@link Transfer}): its network and input
   * preprocessing, its parameters (a new head for other classes) and a freeze rule; the loss,
   * sampler, augmentation and schedule are this trainer's.
   */
  public NeuralTrainer startingFrom(Transfer transfer) {
    // resolved now: a bad freeze rule fails before any data is read
    return new NeuralTrainer(description + " from a pretrained network", config, monitor,
        new Start(transfer, transfer.frozen(), transfer.rates()), timeLimit);
  }

  @Override
  public Trainer withTimeLimit(double seconds) {
    return new NeuralTrainer(description, config, monitor, start, seconds);
  }

  /** The network and training settings. */
  public NetworkConfig config() {
    return config;
  }

  @Override
  public boolean concurrentFits() {
    return false; // checkpoints in one folder, and libtorch already uses every core
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public boolean usesValidation() {
    return true;
  }

  @Override
  public Trainer withMonitor(FitMonitor m) {
    return new NeuralTrainer(description, config, m, start, timeLimit);
  }

  @Override
  public NeuralModel fit(Dataset train, Dataset validation, long seed) {
    if (config.network().forImages() != train.schema().isImages()) {
      throw new org.imbalanced4j.DataException(config.network().type() + " learns from "
          + (config.network().forImages() ? "images" : "tables") + "; these rows are "
          + (train.schema().isImages() ? "images" : "a table"));
    }
    long started = System.nanoTime();
    Dataset fitOn = train;
    Dataset val = validation;
    if (val == null) {
      Split s = StratifiedShuffleSplit.trainTestSplit(train.labels(), 0.2, seed);
      fitOn = train.subset(s.train());
      val = train.subset(s.test());
    }
    TrainingLoop.Builder b = config.trainer(fitOn, seed);
    if (!Double.isNaN(timeLimit)) {
      b.optTimeLimit(timeLimit);
    }
    if (monitor != null) {
      if (monitor.checkpoints() != null) {
        b.optCheckpoints(monitor.checkpoints());
      }
      if (monitor.progress() != null) {
        b.optProgress(monitor.progress());
      }
      if (monitor.epochs() != null) {
        b.optListener(l -> monitor.epochs().accept(l.toJson()));
      }
    }
    TrainingLoop.Result r;
    if (start == null) {
      r = b.build().fit(fitOn.compact(), val);
    } else {
      Transfer t = start.transfer();
      b.optNetwork(t.pretrained().network()).optInitialParameters(t.start(train.schema().classNames(), seed))
          .optFreeze(start.frozen()).optRateFactors(start.rates());
      r = b.build().fit(t.pretrained().input(), fitOn.compact(), val);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("best_epoch", r.bestEpoch() + 1);
    if (!Double.isNaN(r.bestMetric())) {
      params.put("best_metric", r.bestMetric()); // none without validation rows
    }
    params.put("metric", config.metric().key());
    params.put("epochs_trained", r.history().size());
    Provenance prov = new Provenance(description, params, seed, fitOn.rows() + " rows");
    NeuralModel joint = new NeuralModel(train.schema(), r, prov);
    double limit = !Double.isNaN(timeLimit) ? timeLimit : config.timeLimit();
    if (config.decouple().equals("none")) {
      boolean refit = start == null && !config.network().forImages() && val.rows() > 0 && !r.history().isEmpty()
          && fitOn.rows() + val.rows() <= REFIT_MAX_ROWS;
      return refit ? refitted(joint, validation == null ? train : union(fitOn, val), fitOn.rows(), seed, limit) : joint;
    }
    double left = limit > 0 ? Math.max(1, limit - (System.nanoTime() - started) / 1e9) : 0; // cRT shares the fit's time
    return decoupled(joint, fitOn.compact(), val, seed, left);
  }

  /**
   * A table network of at most {@link #REFIT_MAX_ROWS} rows trained again, from the same seed, on its training and validation rows
   * together for the epoch count early stopping chose, replaying the first run's learning rate
   * epoch by epoch (its drops on plateaus) and its loss deferral: the validation fifth chose how
   * long to train, and every row then trains. Holding that fifth out cost scikit-learn's own
   * {@code MLPClassifier} 0.5 to 8 points of balanced accuracy on wine, breast cancer, digits and a
   * 3-class table (BENCHMARKS.md). The early-stopped network stays as the model's {@link
   * NeuralModel#heldOut()} twin, for decisions fitted on the validation rows. A refit that fails
   * keeps the early-stopped network.
   */
  private NeuralModel refitted(NeuralModel joint, Dataset all, int firstRows, long seed, double limit) {
    TrainingLoop.Result r = joint.result();
    List<EpochLog> h = r.history();
    int epochs = r.bestEpoch() + 1;
    LearningRate base = config.rate();
    double last = (double) (Math.max(0, firstRows - 2) / config.batchSize() * config.batchSize()) / Math.max(1, firstRows);
    double[] scale = new double[epochs];
    int deferAt = Integer.MAX_VALUE;
    for (int e = 0; e < epochs; e++) {
      double planned = base.at(e, last);
      double used = h.get(e).learningRate();
      scale[e] = planned > 0 && used > 0 ? Math.pow(10, Math.rint(Math.log10(used / planned))) : e > 0 ? scale[e - 1] : 1;
      if (h.get(e).phase() > 0 && deferAt == Integer.MAX_VALUE) {
        deferAt = e;
      }
    }
    LearningRate replay = (e, f) -> (float) (base.at(e, f) * scale[Math.min(e, epochs - 1)]);
    TrainingLoop.Builder b = config.trainer(all, seed).optEpochs(epochs).optLearningRate(replay).optDeferAt(deferAt);
    if (limit > 0) {
      b.optTimeLimit(limit);
    }
    TrainingLoop.Result again;
    try {
      again = b.build().fit(all.compact(), all.subset(new int[0]));
    } catch (org.imbalanced4j.DataException diverged) {
      return joint; // the early-stopped network trained; the refit did not
    }
    TrainingLoop.Result kept = new TrainingLoop.Result(again.parameters(), again.input(), again.example(), again.classes(),
        again.network(), r.bestEpoch(), r.bestMetric(), r.history(), r.warnings());
    Map<String, Object> params = new LinkedHashMap<>(joint.provenance().parameters());
    params.put("refit_rows", all.rows());
    Provenance prov = new Provenance(description, params, seed, all.rows() + " rows (epochs chosen on "
        + (all.rows() - firstRows) + " of them)");
    return new NeuralModel(joint.schema(), kept, prov, joint);
  }

  /** The rows of {@code a} then those of {@code b} (a table; weights 1 where a side has none). */
  private static Dataset union(Dataset a, Dataset b) {
    int d = a.features();
    float[] x = new float[(a.rows() + b.rows()) * d];
    a.copyRows(x, 0);
    b.copyRows(x, a.rows() * d);
    int[] y = new int[a.rows() + b.rows()];
    System.arraycopy(a.labels(), 0, y, 0, a.rows());
    System.arraycopy(b.labels(), 0, y, a.rows(), b.rows());
    Dataset.Builder out = Dataset.builder(a.schema()).setValues(x, y.length).setLabels(y);
    if (a.hasWeights() || b.hasWeights()) {
      double[] w = new double[y.length];
      for (int i = 0; i < a.rows(); i++) {
        w[i] = a.weight(i);
      }
      for (int i = 0; i < b.rows(); i++) {
        w[a.rows() + i] = b.weight(i);
      }
      out.optWeights(w);
    }
    return out.build();
  }

  /**
   * The joint model with its head re-balanced ({@link Decoupling}) on its own training rows, or the
   * joint model with a warning when that lowers the validation rows' balanced accuracy (a head
   * fitted to the rows the features were fitted on can overfit them on small data).
   */
  private NeuralModel decoupled(NeuralModel joint, Dataset fitOn, Dataset val, long seed, double timeLeft) {
    Decoupling.Result d = switch (config.decouple()) {
      case "tau" -> Decoupling.tauNormalize(joint, val);
      case "crt" -> Decoupling.classifierRetrain(joint, fitOn, val, config.epochs(), config.batchSize(), config.lr(),
          seed, null, timeLeft);
      default -> Decoupling.learnableWeightScaling(joint, fitOn, val);
    };
    if (d.after() >= d.before()) {
      return d.model();
    }
    List<String> warnings = new ArrayList<>(joint.result().warnings());
    warnings.add(String.format(java.util.Locale.ROOT, "decouple %s lowered the validation rows' balanced accuracy "
        + "(%.4f -> %.4f): kept the jointly trained head", config.decouple(), d.before(), d.after()));
    TrainingLoop.Result r = joint.result();
    return new NeuralModel(joint.schema(), new TrainingLoop.Result(r.parameters(), r.input(), r.example(),
        r.classes(), r.network(), r.bestEpoch(), r.bestMetric(), r.history(), warnings), joint.provenance());
  }
}
