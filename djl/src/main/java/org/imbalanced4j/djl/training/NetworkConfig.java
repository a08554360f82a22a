package org.imbalanced4j.djl.training;

import java.util.List;
import java.util.Locale;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.nn.NetworkSpec;
import org.imbalanced4j.djl.samplers.ClassSamplers;
import org.imbalanced4j.djl.samplers.EpochSampler;
import org.imbalanced4j.djl.samplers.WeightedRandomSampler;
import org.imbalanced4j.sampling.SamplerCatalog;
import org.imbalanced4j.weights.ClassWeights;

/**
 * How a network learner trains, from its catalogue parameters: the one place where parameters
 * become a {@link TrainingLoop} (loss set up from the training rows' class counts, epoch
 * sampler, schedule), for grids and {@code imb train} alike.
 *
 * @param patience epochs without improvement before stopping; 0 for {@link #autoPatience}
 * @param timeLimit seconds per fit, 0 for none
 * @param batchSampler {@code none}, {@code weighted}, {@code class-balanced}, {@code sqrt}, {@code
 *     progressive}, or a row-selecting resampler's name redrawn every epoch
 */
public record NetworkConfig(NetworkSpec network, String loss, String classWeight, int epochs, int patience,
    int batchSize, float lr, ValidationMetric metric, double timeLimit, boolean sgd, double weightDecay,
    String schedule, String batchSampler, String augment, String mix, String balanceAugment, String decouple) {
  /** Optimiser steps without improvement that the automatic patience allows at least. */
  public static final int PATIENCE_STEPS = 2000;

  /** Epochs without improvement that the automatic patience allows at least. */
  public static final int PATIENCE_EPOCHS = 50;

  /**
   * Optimiser steps that the automatic patience allows at most, when {@link #PATIENCE_EPOCHS}
   * epochs would be more: a large table's epoch is long and its networks settle within a few.
   */
  public static final int PATIENCE_MAX_STEPS = 20_000;

  /** The parameters of a network learner, with their defaults. */
  public static final List<Param> PARAMS = List.of(
      new Param("loss", "ce", String.join(" | ", LossRecipes.NAMES)),
      new Param("class_weight", "none", "none | balanced | inverse | sqrt | effective (for ce and focal)"),
      new Param("hidden", "128,64", "hidden layer widths (mlp)"),
      new Param("epochs", "300", "most epochs, a cap: early stopping usually ends training sooner"),
      new Param("patience", "auto", "epochs without improvement before stopping; auto: " + PATIENCE_EPOCHS
          + " epochs, but at most " + PATIENCE_MAX_STEPS + " steps and at least " + PATIENCE_STEPS
          + "; the rate drops tenfold after half of it"),
      new Param("batch_size", "128", "rows per step"),
      new Param("lr", "0.001", "learning rate"),
      new Param("metric", "auto", "early stopping on the validation rows: auto (balanced_accuracy when every class has "
          + ValidationMetric.AUTO_MIN_ROWS + " validation rows, else balanced_log_loss) | balanced_log_loss (each "
          + "class's mean log loss, averaged; lower is better) | pr_auc | macro_f1 | balanced_accuracy | g_mean"),
      new Param("time_limit", "300", "seconds per fit, a cap (0: none)"),
      new Param("optimizer", "adam", "adam | sgd (momentum 0.9)"),
      new Param("weight_decay", "0", "L2 weight decay"),
      new Param("schedule", "constant", "constant | cosine (one warm-up epoch, to 0 at epochs) | step (x0.1 every "
          + "third of epochs)"),
      new Param("batch_sampler", "none", "none | weighted | class-balanced | sqrt | progressive | a row-selecting "
          + "resampler such as RandomUnderSampler, redrawn every epoch"),
      new Param("decouple", "none", "none | tau | crt | lws: after training, re-balance the classifier head on the "
          + "training rows (Kang et al. 2020; crt re-trains it on class-balanced batches, lws scales each class, tau "
          + "normalises on the validation rows), kept only when the validation rows' balanced accuracy does not drop"));

  /** The parameters of a network learner for images: those of tables without the MLP's widths. */
  public static final List<Param> IMAGE_PARAMS = java.util.stream.Stream.concat(
      PARAMS.stream().filter(p -> !p.name().equals("hidden")),
      java.util.stream.Stream.of(new Param("attention", "none", "none | se (squeeze-and-excitation, Hu et al. 2018) "
          + "| cbam (channel and spatial attention, Woo et al. 2018)"), new Param("augment", "none", "none | flip (horizontal, p 0.5) | default (flip, "
          + "random affine: 10 degrees, 10% shift, scale 0.9-1.1; colour jitter 0.2) | randaugment (flip, RandAugment(2, 9)) "
          + "| trivialaugment (flip, TrivialAugmentWide)"),
          new Param("mix", "none", "none | mixup | cutmix | remix (mixup with the rarer class's label, Chou et al. "
              + "2020): each training batch mixed with a shuffled copy of itself"),
          new Param("balance_augment", "none", "none | balanced (every class to the largest one's count each epoch) | "
              + "CLASS:FACTOR,... (a class's rows times the factor): rare classes oversampled with augmented copies "
              + "(augment default unless given)"))).toList();

  /** Reads and checks a network learner's parameters. */
  public static NetworkConfig parse(String type, Params p) {
    String loss = LossRecipes.parse(p.text("loss", "ce"));
    String weights = p.text("class_weight", "none");
    if (!weights.equalsIgnoreCase("none")) {
      ClassWeights.of(weights, new long[] {1, 1}, 0.999); // an unknown scheme fails now
    }
    String patience = p.text("patience", "auto");
    String sampler = p.text("batch_sampler", "none");
    if (!List.of("none", "weighted", "class-balanced", "sqrt", "progressive").contains(sampler.toLowerCase(Locale.ROOT))) {
      SamplerCatalog.get(sampler); // fails with the list of valid names
    }
    NetworkSpec spec = new NetworkSpec(type, p.positives("hidden", new int[] {128, 64}), 0.1f,
        p.choice("attention", "none", org.imbalanced4j.djl.nn.Attention.NAMES));
    if (loss.equals("ldam-drw") && NetworkSpec.COSINE_TYPES.contains(type)) {
      spec = spec.withHead("cosine"); // Cao et al.'s LDAM on CIFAR: a cosine classifier
    }
    NetworkConfig c = new NetworkConfig(spec,
        loss, weights, p.positive("epochs", 300), patience.equalsIgnoreCase("auto") ? 0 : p.positive("patience", 10),
        p.positive("batch_size", 128), (float) p.real("lr", 0.001, Double.MIN_VALUE, 10),
        ValidationMetric.parse(p.text("metric", "auto")), p.real("time_limit", 300, 0, 1e7),
        p.choice("optimizer", "adam", List.of("adam", "sgd")).equals("sgd"), p.real("weight_decay", 0, 0, 1),
        p.choice("schedule", "constant", List.of("constant", "cosine", "step")), sampler,
        p.choice("augment", "none", org.imbalanced4j.images.augment.Augmentation.NAMES),
        p.choice("mix", "none", Mixing.NAMES), p.text("balance_augment", "none"),
        p.choice("decouple", "none", List.of("none", "tau", "crt", "lws")));
    if (!c.decouple.equals("none") && c.network.cosineHead()) {
      throw new org.imbalanced4j.InvalidOptionException(type + ": decouple re-balances a linear classifier head; "
          + "ldam-drw trains the image networks with a cosine classifier, whose weights are normalised already");
    }
    if (!c.decouple.equals("none") && c.network.bilateral()) {
      throw new org.imbalanced4j.InvalidOptionException(type + ": decouple re-balances one classifier head; BBN has "
          + "two (its cumulative learning already re-balances)");
    }
    if (!c.balanceAugment.equalsIgnoreCase("none") && !c.batchSampler.equalsIgnoreCase("none")) {
      throw new org.imbalanced4j.InvalidOptionException(type + ": balance_augment is an epoch sampler of its own; "
          + "give it or batch_sampler, not both");
    }
    if (!c.balanceAugment.equalsIgnoreCase("none") && !c.balanceAugment.equalsIgnoreCase("balanced")) {
      factors(c.balanceAugment, null); // the form is checked now, the class names at the fit
    }
    return c;
  }

  /**
   * Patience when not given: {@link #PATIENCE_EPOCHS} epochs, and at least {@link #PATIENCE_STEPS}
   * optimiser steps: a small table has few steps per epoch (glass: 2), and its networks improve for
   * hundreds of steps, so it gets more epochs (up to the cap). Long, because the best epoch of a
   * rare class comes late: with 10 epochs and 500 steps, plain cross-entropy stopped while its rare
   * classes' recall was still rising and stayed below scikit-learn's MLPClassifier on rare7,
   * satimage and lending_club; with 50 and 2,000 it reaches it (BENCHMARKS.md, issue 12), at 2x to
   * 5x the fit time. On large tables (more than {@link #PATIENCE_MAX_STEPS} / 50 steps an epoch,
   * about 51,000 rows at batch 128) the epochs are fewer, down to one, so that patience is at
   * most that many steps: {@code max(ceil(2000 / s), min(50, ceil(20000 / s)))} epochs for
   * {@code s} steps an epoch. Without the cap a network on 800,000 rows waited 50 epochs of 6,250
   * steps for an improvement, and always ran into its time limit.
   */
  public static int autoPatience(int rows, int batch) {
    int stepsPerEpoch = Math.max(1, (rows + batch - 1) / batch);
    int most = Math.min(PATIENCE_EPOCHS, (PATIENCE_MAX_STEPS + stepsPerEpoch - 1) / stepsPerEpoch);
    return Math.max(most, (PATIENCE_STEPS + stepsPerEpoch - 1) / stepsPerEpoch);
  }

  /** The trainer for these training rows: the loss from their class counts, the epoch sampler seeded. */
  public TrainingLoop.Builder trainer(Dataset train, long seed) {
    return trainer(train, seed, network);
  }

  /**
   * The trainer of {@code net} in place of this config's own network (a pretrained network that
   * training starts from): its classifier head, not the config's, decides how the loss reads the
   * logits.
   */
  public TrainingLoop.Builder trainer(Dataset train, long seed, NetworkSpec net) {
    long[] counts = train.classCounts().counts();
    double[] w = classWeight.equalsIgnoreCase("none") ? null : ClassWeights.of(classWeight, counts, 0.999);
    TrainingLoop.Builder b = TrainingLoop.builder().optNetwork(net).optEpochs(epochs)
        .optPatience(patience > 0 ? patience : autoPatience(train.rows(), batchSize)).optBatchSize(batchSize)
        .optMetric(metric).optLearningRate(rate()).optSgd(sgd).optWeightDecay(weightDecay).optTimeLimit(timeLimit)
        .optSeed((int) seed).optAugmentation(org.imbalanced4j.images.augment.Augmentation.named(
            augment.equals("none") && !balanceAugment.equalsIgnoreCase("none") ? "default" : augment))
        .optMixing(Mixing.of(mix, counts));
    EpochSampler es = balanceAugment.equalsIgnoreCase("none") ? sampler(train, counts, w, seed)
        : ClassSamplers.oversampled(train.labels(), balanceTargets(counts, train.schema().classNames()), seed);
    if (es != null) {
      b.optSampler(es);
    }
    if (!schedule.equals("constant")) {
      b.optDeferAt(TrainingLoop.fixedDeferral(epochs)); // a schedule that ends at the last epoch
    }
    return LossRecipes.apply(b, loss, counts, w, net.cosineHead());
  }

  /** The rows per class and epoch of {@code balance_augment}. */
  private long[] balanceTargets(long[] counts, List<String> classes) {
    long[] t = counts.clone();
    if (balanceAugment.equalsIgnoreCase("balanced")) {
      long max = java.util.Arrays.stream(counts).max().orElse(0);
      java.util.Arrays.fill(t, max);
      return t;
    }
    java.util.Map<String, Double> f = factors(balanceAugment, classes);
    for (int c = 0; c < t.length; c++) {
      t[c] = Math.round(counts[c] * f.getOrDefault(classes.get(c), 1.0));
    }
    return t;
  }

  /** {@code CLASS:FACTOR,...}, factors at least 1; class names checked when given. */
  private static java.util.Map<String, Double> factors(String spec, List<String> classes) {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (String part : spec.split(",")) {
      int at = part.lastIndexOf(':');
      double f;
      try {
        f = at < 0 ? Double.NaN : Double.parseDouble(part.substring(at + 1).strip());
      } catch (NumberFormatException e) {
        f = Double.NaN;
      }
      if (!(f >= 1) || Double.isInfinite(f)) {
        throw new org.imbalanced4j.InvalidOptionException("balance_augment must be none, balanced or CLASS:FACTOR,... "
            + "with factors of at least 1, got '" + spec + "'");
      }
      String name = part.substring(0, at).strip();
      if (classes != null && !classes.contains(name)) {
        throw org.imbalanced4j.InvalidOptionException.unknown("class in balance_augment", name, classes);
      }
      out.put(name, f);
    }
    return out;
  }

  private LearningRate rate() {
    return switch (schedule) {
      case "cosine" -> LearningRate.cosine(lr, epochs, 1);
      case "step" -> LearningRate.step(lr, Math.max(1, epochs / 3), 0.1f);
      default -> LearningRate.constant(lr);
    };
  }

  private EpochSampler sampler(Dataset train, long[] counts, double[] weights, long seed) {
    int[] y = train.labels();
    return switch (batchSampler.toLowerCase(Locale.ROOT)) {
      case "none" -> null;
      case "weighted" -> {
        double[] w = weights != null ? weights : ClassWeights.balanced(counts);
        double[] rowW = new double[y.length];
        for (int i = 0; i < y.length; i++) {
          rowW[i] = w[y[i]];
        }
        yield new WeightedRandomSampler(rowW, y.length, true, seed);
      }
      case "class-balanced" -> ClassSamplers.classBalanced(y, seed);
      case "sqrt" -> ClassSamplers.sqrt(y, seed);
      case "progressive" -> ClassSamplers.progressive(y, epochs, seed);
      default -> ClassSamplers.resampler(train,
          e -> SamplerCatalog.create(batchSampler, java.util.Map.of(),
              org.imbalanced4j.random.Seeds.mix(seed, e) & 0xffffffffL));
    };
  }
}
