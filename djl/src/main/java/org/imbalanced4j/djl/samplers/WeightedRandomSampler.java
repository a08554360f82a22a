package org.imbalanced4j.djl.samplers;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.imbalanced4j.InvalidOptionException;

/**
 * Draws {@code numSamples} row indices with probability proportional to per-row weights, with or
 * without replacement, as PyTorch's {@code WeightedRandomSampler}. With replacement: inverse
 * transform on the cumulative weights; without: the weighted reservoir keys {@code u^(1/w)}
 * (Efraimidis and Spirakis, "Weighted random sampling with a reservoir", IPL 97(5), 2006).
 */
public class WeightedRandomSampler implements EpochSampler {
  private final double[] cumulative;
  private final double[] weights;
  private final int numSamples;
  private final boolean replacement;
  private final long seed;

  /** PyTorch's {@code WeightedRandomSampler}: {@code numSamples} rows drawn by weight. */
  public WeightedRandomSampler(double[] weights, int numSamples, boolean replacement, long seed) {
    this.weights = weights.clone();
    this.cumulative = new double[weights.length];
    double s = 0;
    int positive = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new InvalidOptionException("sampling weight " + i + " is " + weights[i] + "; weights must be finite and >= 0");
      }
      s += weights[i];
      positive += weights[i] > 0 ? 1 : 0;
      cumulative[i] = s;
    }
    if (s == 0) {
      throw new InvalidOptionException("every sampling weight is 0");
    }
    if (!replacement && numSamples > positive) {
      throw new InvalidOptionException("cannot draw " + numSamples + " rows without replacement from "
          + positive + " rows of positive weight");
    }
    this.numSamples = numSamples;
    this.replacement = replacement;
    this.seed = seed;
  }

  /** The probability of drawing row i in one draw with replacement. */
  public double probability(int i) {
    return weights[i] / cumulative[cumulative.length - 1];
  }

  @Override
  public int[] epoch(int epoch) {
    SplittableRandom rng = new SplittableRandom(org.imbalanced4j.random.Seeds.mix(seed, epoch));
    int[] out = new int[numSamples];
    double total = cumulative[cumulative.length - 1];
    if (replacement) {
      for (int k = 0; k < numSamples; k++) {
        double u = rng.nextDouble() * total;
        int i = Arrays.binarySearch(cumulative, u);
        i = i >= 0 ? i + 1 : -i - 1;
        while (i < cumulative.length - 1 && weights[i] == 0) {
          i++;
        }
        out[k] = Math.min(i, cumulative.length - 1);
      }
      return out;
    }
    int n = weights.length;
    double[] key = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      key[i] = weights[i] == 0 ? Double.NEGATIVE_INFINITY : Math.log(rng.nextDouble()) / weights[i];
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
    for (int k = 0; k < numSamples; k++) {
      out[k] = order[k];
    }
    return out;
  }
}
