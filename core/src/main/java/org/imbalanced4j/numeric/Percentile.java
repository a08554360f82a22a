package org.imbalanced4j.numeric;

import java.util.Arrays;

/**
 * NumPy's {@code percentile(a, q)} with its default linear interpolation, including its
 * arrangement of the interpolation ({@code b - (b - a)(1 - t)} when {@code t >= 0.5}), so that
 * thresholds equal NumPy's to the last bit.
 */
public final class Percentile {
  private Percentile() {}

  /** The {@code q}-th percentile (0 to 100) with linear interpolation, as NumPy's default. */
  public static double of(double[] a, double q) {
    double[] s = a.clone();
    Arrays.sort(s);
    double pos = q / 100.0 * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    double t = pos - lo;
    double diff = s[hi] - s[lo];
    return t >= 0.5 ? s[hi] - diff * (1 - t) : s[lo] + diff * t;
  }
}
