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
    TrainingLoop.Builder b = start == null ? config.trainer(fitOn, seed)
        : config.trainer(fitOn, seed, start.transfer().pretrained().network());
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
      b.optInitialParameters(t.start(train.schema().classNames(), seed))
          .optFreeze(start.frozen()).optRateFactors(start.rates());
      r = b.build().fit(t.pretrained().input(), fitOn.compact(), val);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("best_epoch", r.bestEpoch() + 1);
    if (!Double.isNaN(r.bestMetric())) {
      params.put("best_metric", r.bestMetric()); // none without validation rows
    }
    params.put("metric", config.metric().resolve(val.labels(), train.classCount()).key());
    params.put("epochs_trained", r.history().size());
    Provenance prov = new Provenance(description, params, seed, fitOn.rows() + " rows");
    NeuralModel joint = new NeuralModel(train.schema(), r, prov);
    if (config.decouple().equals("none")) {
      return joint;
    }
    double limit = !Double.isNaN(timeLimit) ? timeLimit : config.timeLimit();
    double left = limit > 0 ? Math.max(1, limit - (System.nanoTime() - started) / 1e9) : 0; // cRT shares the fit's time
    return decoupled(joint, fitOn.compact(), val, seed, left);
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
