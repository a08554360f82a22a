package org.imbalanced4j.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.metrics.OneVsRest;
import org.imbalanced4j.model.Calibration;
import org.imbalanced4j.model.FitMonitor;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.ScoreKind;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedShuffleSplit;
import org.imbalanced4j.threshold.DecisionRule;
import org.imbalanced4j.threshold.ThresholdChoice;
import org.imbalanced4j.threshold.Thresholds;

/**
 * Training as a library call, as {@code imb train} does it — which is a shell over this class, so
 * the same data, learner, parameters and seed give the same model directory. A stratified share
 * of the rows ({@link Builder#optValidationSplit}, default 0.2) is held out; a network trains on
 * the rest until the validation metric stops improving and keeps its best epoch; the held-out
 * rows then fit the decision: temperature scaling for a model with logits (Guo et al. 2017:
 * {@code T} minimising the log loss of {@code softmax(z / T)}), and for two classes the threshold
 * on the rare class's probability that maximises F1. Without held-out rows every row trains,
 * with temperature 1 and the argmax decision.
 *
 * <pre>{@code
 * TrainedModel t = Train.builder().optLearner("logistic").optParam("class_weight", "balanced")
 *     .optSeed(7).build().fit(data);
 * double[] p = t.scoring().predictProba(row);
 * t.save(Path.of("model"));                  // what imb predict and Models.load read
 * }</pre>
 *
 * <p>Parameters are those of the learner in the catalogue ({@code imb compare --list-learners});
 * an unknown one is an {@link InvalidOptionException} when {@link Builder#build()} is called,
 * before any data is read. Immutable; one instance may fit many data sets in turn (a monitor's
 * checkpoint folder belongs to one fit at a time).
 */
public final class Train {
  private final Learner learner;
  private final Trainer trainer;
  private final double valSplit;
  private final long seed;
  private final FitMonitor monitor;
  private final Map<String, Object> config;

  private Train(Builder b) {
    this.valSplit = b.valSplit;
    this.seed = b.seed;
    this.monitor = b.monitor;
    this.learner = LearnerCatalog.get(b.learner);
    Trainer t = learner.create(b.params);
    this.trainer = b.adapt == null ? t : b.adapt.apply(t);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("model", learner.name());
    c.putAll(b.config);
    c.putAll(b.params);
    c.put("val_split", valSplit);
    c.put("seed", seed);
    this.config = java.util.Collections.unmodifiableMap(c);
  }

  /** A builder: by default {@code mlp} with its defaults, 20% validation rows, seed 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** The trainer that fits, made from the learner and its parameters. */
  public Trainer trainer() {
    return trainer;
  }

  /** How the model is made, as its directory's {@code config} records it. */
  public Map<String, Object> config() {
    return config;
  }

  /** The rows that train and those held out, as {@link #fit(Dataset)} splits them. */
  public record Parts(Dataset train, Dataset validation) {}

  /**
   * The stratified split of {@code all} into training and validation rows: the same seed, the
   * same split as scikit-learn's {@code train_test_split(stratify=y, test_size=share)}.
   */
  public Parts split(Dataset all) {
    if (valSplit == 0) {
      return new Parts(all.compact(), all.subset(new int[0]));
    }
    Split s = StratifiedShuffleSplit.trainTestSplit(all.labels(), valSplit, seed);
    return new Parts(all.subset(s.train()).compact(), all.subset(s.test()));
  }

  /** Splits {@code all}, fits on the training rows and the decision on the held-out ones. */
  public TrainedModel fit(Dataset all) {
    return fit(split(all));
  }

  /** Fits on {@code parts.train()} and the decision on {@code parts.validation()}. */
  public TrainedModel fit(Parts parts) {
    LearnerCatalog.checkInput(learner, parts.train().schema());
    boolean iterative = trainer.usesValidation();
    Trainer t = iterative && monitor != null ? trainer.withMonitor(monitor) : trainer;
    Model m = t.fit(parts.train(), iterative ? parts.validation() : null, seed);
    return new TrainedModel(m, decision(m, parts.validation(), parts.train().classCounts().minority()), config,
        parts.train(), t.describe());
  }

  /**
   * The decision a model directory holds: for a model with logits, temperature scaling fitted on
   * the validation rows; for two classes, the threshold on the rare class's (calibrated)
   * probability that maximises F1 on them; without validation rows, temperature 1 and argmax.
   *
   * @param rare the class whose probability a two-class threshold applies to
   */
  public static Map<String, Object> decision(Model m, Dataset val, int rare) {
    Map<String, Object> d = new LinkedHashMap<>();
    if (val.rows() == 0) {
      d.put("temperature", 1.0);
      d.putAll(DecisionRule.ARGMAX.toMap(m.classes()));
      d.put("chosen_by", "no validation rows");
      return d;
    }
    int[] y = val.labels();
    double t = 1.0;
    double[][] p;
    if (m.scoreKind() == ScoreKind.LOGIT) {
      double[][] z = m.scores(val);
      t = Calibration.fitTemperature(z, y);
      p = Calibration.softmax(z, t);
    } else {
      p = m.predictProba(val);
    }
    DecisionRule rule = DecisionRule.ARGMAX;
    if (m.classes().size() == 2) {
      OneVsRest r = OneVsRest.of(y, p, rare);
      ThresholdChoice c = Thresholds.maximizeFbeta(r.positive(), r.score(), 1.0);
      rule = new DecisionRule.Threshold(rare, Double.isInfinite(c.threshold()) ? 0.5 : c.threshold());
    }
    d.put("temperature", t);
    d.putAll(rule.toMap(m.classes()));
    if (rule instanceof DecisionRule.Threshold) {
      d.put("chosen_by", "f1 on the validation rows");
    }
    return d;
  }

  /** Sets what {@link Train} fits; {@link #build()} checks the learner's parameters. */
  public static final class Builder {
    private String learner = "mlp";
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, Object> config = new LinkedHashMap<>();
    private java.util.function.UnaryOperator<Trainer> adapt;
    private double valSplit = 0.2;
    private long seed;
    private FitMonitor monitor;

    private Builder() {}

    /** The learner by its catalogue name, case-insensitive (default: {@code mlp}, which needs the djl module). */
    public Builder optLearner(String name) {
      this.learner = name;
      return this;
    }

    /** One of the learner's parameters, e.g. {@code ("C", 0.5)}; arrays of numbers as {@code "128,64"} text. */
    public Builder optParam(String name, Object value) {
      params.put(name, value instanceof int[] a ? String.join(",", java.util.Arrays.stream(a)
          .mapToObj(Integer::toString).toList()) : String.valueOf(value));
      return this;
    }

    /** Several of the learner's parameters. */
    public Builder optParams(Map<String, ?> values) {
      values.forEach(this::optParam);
      return this;
    }

    /**
     * A change to the learner's trainer before it fits, such as a network that starts from a
     * pretrained one ({@code NeuralTrainer.startingFrom} in the djl module).
     */
    public Builder optAdapt(java.util.function.UnaryOperator<Trainer> adapt) {
      this.adapt = adapt;
      return this;
    }

    /** The stratified share of rows held out for early stopping and the decision, in [0, 1) (default: 0.2). */
    public Builder optValidationSplit(double share) {
      org.imbalanced4j.Check.halfOpen("validation split", share, 0, 1);
      this.valSplit = share;
      return this;
    }

    /** The seed of the split, the initial weights and the batches (default: 0). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Checkpoints, progress and per-epoch records of a network's fit. */
    public Builder optMonitor(FitMonitor monitor) {
      this.monitor = monitor;
      return this;
    }

    /**
     * One more entry in the saved directory's {@code config}, after {@code model} (e.g. the data's
     * name); {@code model} itself may be renamed this way.
     */
    public Builder optConfig(String key, Object value) {
      config.put(key, value);
      return this;
    }

    /** The trainer, checked: an unknown learner or parameter is an {@link InvalidOptionException}. */
    public Train build() {
      return new Train(this);
    }
  }
}
