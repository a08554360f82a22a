package org.imbalanced4j.weights;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;

/**
 * Per-class weights from class counts {@code n_c} (k classes, n rows), shared by classical models
 * and the deep-learning losses.
 *
 * <ul>
 *   <li>{@code balanced}: {@code n / (k n_c)}, scikit-learn's {@code class_weight="balanced"};
 *   <li>{@code inverse}: {@code 1 / n_c}, scaled to sum to k;
 *   <li>{@code sqrt}: {@code 1 / sqrt(n_c)}, scaled to sum to k;
 *   <li>{@code effective}: {@code (1 - beta) / (1 - beta^n_c)}, scaled to sum to k (Cui, Jia, Lin,
 *       Song and Belongie, "Class-balanced loss based on effective number of samples", CVPR 2019);
 *   <li>explicit: a weight per class name.
 * </ul>
 * A class without rows gets weight 0.
 */
public final class ClassWeights {
  private ClassWeights() {}

  /** The names {@code --class-weight} takes. */
  public static final List<String> SCHEMES = List.of("none", "balanced", "inverse", "sqrt", "effective");

  /** The weight of each class under a scheme ({@link #SCHEMES}); {@code beta} for {@code effective}. */
  public static double[] of(String scheme, long[] counts, double beta) {
    return switch (scheme.strip().toLowerCase(Locale.ROOT)) {
      case "none" -> ones(counts.length);
      case "balanced" -> balanced(counts);
      case "inverse" -> normalise(map(counts, n -> 1.0 / n));
      case "sqrt" -> normalise(map(counts, n -> 1.0 / Math.sqrt(n)));
      case "effective" -> effectiveNumber(counts, beta);
      default -> throw InvalidOptionException.unknown("class-weight scheme", scheme, SCHEMES);
    };
  }

  /** scikit-learn's {@code class_weight='balanced'}: {@code n / (k n_c)}. */
  public static double[] balanced(long[] counts) {
    long n = 0;
    int k = 0;
    for (long c : counts) {
      n += c;
      k += c > 0 ? 1 : 0;
    }
    double[] w = new double[counts.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = counts[i] == 0 ? 0 : (double) n / (k * (double) counts[i]);
    }
    return w;
  }

  /** Cui et al.'s weights, {@code (1 - beta) / (1 - beta^n_c)} scaled to sum to the number of classes. */
  public static double[] effectiveNumber(long[] counts, double beta) {
    if (!(beta >= 0 && beta < 1)) {
      throw new InvalidOptionException("beta must be in [0, 1), got " + beta);
    }
    return normalise(map(counts, n -> (1 - beta) / (1 - Math.pow(beta, n))));
  }

  /** Explicit weights by class name; classes not named get 1. */
  public static double[] explicit(List<String> classNames, Map<String, Double> byName) {
    double[] w = ones(classNames.size());
    byName.forEach((name, v) -> {
      int i = classNames.indexOf(name);
      if (i < 0) {
        throw InvalidOptionException.unknown("class", name, classNames);
      }
      w[i] = v;
    });
    return w;
  }

  private static double[] ones(int k) {
    double[] w = new double[k];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }

  private static double[] map(long[] counts, java.util.function.LongToDoubleFunction f) {
    double[] w = new double[counts.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = counts[i] == 0 ? 0 : f.applyAsDouble(counts[i]);
    }
    return w;
  }

  /** Scales positive weights to sum to the number of classes with rows. */
  private static double[] normalise(double[] w) {
    double s = 0;
    int k = 0;
    for (double v : w) {
      s += v;
      k += v > 0 ? 1 : 0;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = w[i] * k / s;
    }
    return w;
  }
}
