package org.imbalanced4j.djl.training;

import java.util.List;
import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.djl.losses.CostSensitiveLoss;
import org.imbalanced4j.djl.losses.FocalLoss;
import org.imbalanced4j.djl.losses.LdamLoss;
import org.imbalanced4j.djl.losses.LogitAdjustedLoss;
import org.imbalanced4j.djl.losses.WeightedCrossEntropyLoss;
import org.imbalanced4j.weights.ClassWeights;

/**
 * The imbalance-aware losses by name, as {@code imb train --loss} and compare grids name them,
 * each set up from the training rows' class counts: {@code ce} (optionally class-weighted),
 * {@code focal} (gamma 2), {@code class-balanced} (effective-number weights, beta 0.999), {@code
 * ldam-drw} (LDAM, re-weighted once plain LDAM stops improving the validation metric, or at 2/3
 * of the epochs under a cosine or step schedule), {@code balanced-softmax}, {@code logit-adjusted}
 * (tau 1) and {@code cost-sensitive} (misclassification cost = balanced weight of the true class).
 */
public final class LossRecipes {
  /** The losses by name, as {@code --loss} takes them. */
  public static final List<String> NAMES = List.of("ce", "focal", "class-balanced", "ldam-drw",
      "balanced-softmax", "logit-adjusted", "cost-sensitive");

  private LossRecipes() {}

  /** The name checked and normalised; an unknown name lists the valid ones. */
  public static String parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (!NAMES.contains(n)) {
      throw InvalidOptionException.unknown("loss", name, NAMES);
    }
    return n;
  }

  /**
   * Sets the named loss on a trainer.
   *
   * @param weights class weights for {@code ce} and {@code focal}, or null
   */
  public static TrainingLoop.Builder apply(TrainingLoop.Builder b, String name, long[] counts, double[] weights) {
    return apply(b, name, counts, weights, false);
  }

  /**
   * Sets the named loss on a trainer whose network ends in a {@link
   * org.imbalanced4j.djl.nn.CosineClassifier} when {@code cosineHead}: LDAM then takes its scaled
   * cosines as they are ({@link LdamLoss#onScaledCosines}).
   *
   * @param weights class weights for {@code ce} and {@code focal}, or null
   */
  public static TrainingLoop.Builder apply(TrainingLoop.Builder b, String name, long[] counts, double[] weights,
      boolean cosineHead) {
    double s = org.imbalanced4j.djl.nn.CosineClassifier.SCALE; // LDAM's scale, 30, on either head
    java.util.function.Function<double[], LdamLoss> ldam = w -> cosineHead
        ? LdamLoss.onScaledCosines(counts, 0.5, s, w) : new LdamLoss(counts, 0.5, s, w);
    switch (parse(name)) {
      case "ce" -> b.setLoss(new WeightedCrossEntropyLoss(weights, 0));
      case "focal" -> b.setLoss(new FocalLoss(2.0, weights));
      case "class-balanced" -> b.setLoss(new WeightedCrossEntropyLoss(ClassWeights.effectiveNumber(counts, 0.999), 0));
      case "ldam-drw" -> b.setLoss(ldam.apply(null))
          .optDeferredLoss(ldam.apply(ClassWeights.effectiveNumber(counts, 0.9999)));
      case "balanced-softmax" -> b.setLoss(LogitAdjustedLoss.balancedSoftmax(counts));
      case "logit-adjusted" -> b.setLoss(new LogitAdjustedLoss(counts, 1.0));
      default -> b.setLoss(new CostSensitiveLoss(balancedCosts(counts)));
    }
    return b;
  }

  private static double[][] balancedCosts(long[] counts) {
    double[] w = ClassWeights.balanced(counts);
    double[][] c = new double[counts.length][counts.length];
    for (int t = 0; t < counts.length; t++) {
      for (int p = 0; p < counts.length; p++) {
        c[t][p] = t == p ? 0 : w[t];
      }
    }
    return c;
  }
}
