package org.imbalanced4j.random;

/**
 * Seeds of the parts of a seeded computation (the trees of a forest, the rounds of boosting): part
 * {@code i} of a run with seed {@code s} gets {@link #mix}{@code (s, i)}, a SplitMix64 finalisation
 * (Steele, Lea and Flood, OOPSLA 2014) of both, so parts are independent streams and the result
 * does not depend on which thread computes which part.
 */
public final class Seeds {
  private Seeds() {}

  /** A seed for one part of a job (a fold, a bag) derived from the job's seed. */
  public static long mix(long seed, long part) {
    long z = seed * 0x9E3779B97F4A7C15L + part * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
