package org.imbalanced4j.djl.samplers;

import java.util.function.IntFunction;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;

/**
 * Epoch samplers that set how often each class is seen, from the labels alone. With {@code n_c}
 * rows in class c and K classes, the chance that a draw is of class c is:
 *
 * <ul>
 *   <li>{@code classBalanced}: {@code 1/K};
 *   <li>{@code sqrt}: {@code sqrt(n_c) / sum_j sqrt(n_j)} (square-root sampling, Mahajan et al.,
 *       ECCV 2018);
 *   <li>{@code progressive}: {@code (1 - t) n_c/n + t/K}, {@code t = e / (E - 1)} moving from
 *       instance- to class-balanced over E epochs (Kang et al., "Decoupling representation and
 *       classifier for long-tailed recognition", ICLR 2020).
 * </ul>
 * Each draw picks a row uniformly within its class; rows are drawn with replacement, {@code n}
 * per epoch.
 */
public final class ClassSamplers {
  private ClassSamplers() {}

  /** Each row drawn with probability {@code 1 / (k n_c)}: every class equally often. */
  public static EpochSampler classBalanced(int[] labels, long seed) {
    return byClassShare(labels, seed, (counts) -> share(counts, c -> 1.0));
  }

  /**
   * BBN's reversed sampler (Zhou et al. 2020): class {@code c} drawn with probability proportional
   * to {@code 1 / n_c}, so the rarest class most often.
   */
  public static EpochSampler reversed(int[] labels, long seed) {
    return byClassShare(labels, seed, (counts) -> share(counts, c -> 1.0 / c));
  }

  /** Each row drawn with probability proportional to {@code 1 / sqrt(n_c)}. */
  public static EpochSampler sqrt(int[] labels, long seed) {
    return byClassShare(labels, seed, (counts) -> share(counts, Math::sqrt));
  }

  /** Instance-balanced at epoch 0, class-balanced at epoch {@code epochs - 1}. */
  public static EpochSampler progressive(int[] labels, int epochs, long seed) {
    long[] counts = counts(labels);
    double n = labels.length;
    int k = present(counts);
    return e -> {
      double t = epochs <= 1 ? 1 : Math.min(1.0, (double) e / (epochs - 1));
      double[] share = new double[counts.length];
      for (int c = 0; c < counts.length; c++) {
        share[c] = counts[c] == 0 ? 0 : (1 - t) * counts[c] / n + t / k;
      }
      return sampler(labels, counts, share, seed).epoch(e);
    };
  }

  /**
   * Any row-selecting resampler of core, drawn anew every epoch (for example random
   * under-sampling per epoch); {@code perEpoch} gives epoch {@code e}'s resampler, seeded with
   * {@code Seeds.mix(seed, e)} so that neighbouring seeds share no epoch.
   */
  public static EpochSampler resampler(Dataset data, IntFunction<Sampler> perEpoch) {
    return e -> {
      Sampler s = perEpoch.apply(e);
      Resampled r = s.fitResample(data);
      return r.sampleIndices().orElseThrow(() -> new InvalidOptionException(s.name()
          + " creates synthetic rows; a per-epoch sampler needs one that selects rows"));
    };
  }

  /**
   * Augment-to-balance: every row once per epoch, and {@code target_c - n_c} more of class {@code
   * c} drawn with replacement from its rows (anew each epoch, seed {@code Seeds.mix(seed, epoch)}), in a
   * shuffled order; with augmentation on, each copy is transformed differently.
   *
   * @param target the rows of each class per epoch (at least its count)
   */
  public static EpochSampler oversampled(int[] labels, long[] target, long seed) {
    long[] counts = counts(labels);
    int[][] byClass = new int[counts.length][];
    int[] fill = new int[counts.length];
    for (int c = 0; c < counts.length; c++) {
      byClass[c] = new int[(int) counts[c]];
    }
    for (int i = 0; i < labels.length; i++) {
      byClass[labels[i]][fill[labels[i]]++] = i;
    }
    long total = 0;
    for (int c = 0; c < counts.length; c++) {
      total += Math.max(counts[c], c < target.length ? target[c] : counts[c]);
    }
    int n = Math.toIntExact(total);
    return e -> {
      java.util.SplittableRandom r = new java.util.SplittableRandom(org.imbalanced4j.random.Seeds.mix(seed, e));
      int[] out = new int[n];
      int at = 0;
      for (int i = 0; i < labels.length; i++) {
        out[at++] = i;
      }
      for (int c = 0; c < counts.length; c++) {
        long extra = (c < target.length ? target[c] : counts[c]) - counts[c];
        for (long j = 0; j < extra && counts[c] > 0; j++) {
          out[at++] = byClass[c][r.nextInt(byClass[c].length)];
        }
      }
      org.imbalanced4j.numeric.Indices.shuffle(out, at, r);
      return java.util.Arrays.copyOf(out, at);
    };
  }

  /** The chance of each class for a given per-class score f(n_c). */
  private static double[] share(long[] counts, java.util.function.DoubleUnaryOperator f) {
    double[] s = new double[counts.length];
    double total = 0;
    for (int c = 0; c < counts.length; c++) {
      s[c] = counts[c] == 0 ? 0 : f.applyAsDouble(counts[c]);
      total += s[c];
    }
    for (int c = 0; c < s.length; c++) {
      s[c] /= total;
    }
    return s;
  }

  private static EpochSampler byClassShare(int[] labels, long seed,
      java.util.function.Function<long[], double[]> shareOf) {
    long[] counts = counts(labels);
    return sampler(labels, counts, shareOf.apply(counts), seed);
  }

  /** Row weight = class share / class size, so that a class's rows together get its share. */
  private static WeightedRandomSampler sampler(int[] labels, long[] counts, double[] share, long seed) {
    double[] w = new double[labels.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = share[labels[i]] / counts[labels[i]];
    }
    return new WeightedRandomSampler(w, labels.length, true, seed);
  }

  static long[] counts(int[] labels) {
    int k = java.util.Arrays.stream(labels).max().orElse(0) + 1;
    long[] c = new long[k];
    for (int y : labels) {
      c[y]++;
    }
    return c;
  }

  private static int present(long[] counts) {
    int k = 0;
    for (long c : counts) {
      k += c > 0 ? 1 : 0;
    }
    return k;
  }
}
