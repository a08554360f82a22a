package org.imbalanced4j.spark.sampling;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * How many of a class's draws fall in each partition, decided on the driver from the partitions'
 * class counts so that every partition then draws its share in one pass, with no shuffle and the
 * exact total.
 *
 * <p>Without replacement the shares follow the multivariate hypergeometric law (partition by
 * partition, {@code k_p ~ Hypergeometric(N_rest, N_p, n_rest)}), which is exactly the law of the
 * per-partition counts of a uniform random subset of size {@code n}; with replacement they follow
 * the multinomial law ({@code k_p ~ Binomial(n_rest, N_p / N_rest)}), that of {@code n} uniform
 * draws.
 */
final class Allocation {
  private Allocation() {}

  /** Shares of {@code n} draws among partitions holding {@code sizes} rows of the class. */
  static long[] shares(long[] sizes, long n, boolean replacement, long seed) {
    RandomGenerator rng = new Well19937c(seed);
    long[] out = new long[sizes.length];
    long restRows = 0;
    for (long s : sizes) {
      restRows += s;
    }
    long restDraws = n;
    for (int p = 0; p < sizes.length && restDraws > 0; p++) {
      long size = sizes[p];
      if (size == 0) {
        continue;
      }
      long k;
      if (size == restRows) {
        k = restDraws;
      } else if (replacement) {
        k = new BinomialDistribution(rng, toInt(restDraws), (double) size / restRows).sample();
      } else {
        k = new HypergeometricDistribution(rng, toInt(restRows), toInt(size), toInt(restDraws)).sample();
      }
      out[p] = k;
      restDraws -= k;
      restRows -= size;
    }
    return out;
  }

  private static int toInt(long v) {
    if (v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a class of more than " + Integer.MAX_VALUE + " rows");
    }
    return (int) v;
  }
}
