package org.imbalanced4j.numeric;

/**
 * NumPy's summation of a float64 array ({@code np.sum}): pairwise, with eight running sums in
 * blocks of up to 128 values. Using the same order of additions gives bit-identical sums, which
 * matters wherever a sum is later rounded (ADASYN's per-sample counts, metrics at 1e-12).
 */
public final class PairwiseSum {
  private static final int BLOCK = 128;

  private PairwiseSum() {}

  /** The pairwise sum of {@code a}, as NumPy sums. */
  public static double sum(double[] a) {
    return sum(a, 0, a.length);
  }

  /** The pairwise sum of {@code n} values of {@code a} from {@code from}. */
  public static double sum(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double[] r = new double[8];
      System.arraycopy(a, from, r, 0, 8);
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[from + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return sum(a, from, n2) + sum(a, from + n2, n - n2);
  }
}
