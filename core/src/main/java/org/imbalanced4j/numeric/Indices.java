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
}
