package org.imbalanced4j.numeric;

/** Index arithmetic on int arrays. */
public final class Indices {
  private Indices() {}

  /** {@code a[at[0]], a[at[1]], ...}: NumPy's {@code a[at]}. */
  public static int[] gather(int[] a, int[] at) {
    int[] out = new int[at.length];
    for (int i = 0; i < at.length; i++) {
      out[i] = a[at[i]];
    }
    return out;
  }

  /**
   * Shuffles {@code a[0..n)} in place, Fisher-Yates from the end ({@code j = r.nextInt(i + 1)} for
   * {@code i = n - 1 .. 1}): the one shuffle of the training loop, its samplers and batch mixing.
   */
  public static void shuffle(int[] a, int n, java.util.SplittableRandom r) {
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** {@code 0 .. n - 1} shuffled by {@link #shuffle}. */
  public static int[] permutation(int n, java.util.SplittableRandom r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p, n, r);
    return p;
  }
}
