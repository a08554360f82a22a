package org.imbalanced4j.metrics;

/**
 * One class against the rest: which rows are of the class, and each row's probability of it —
 * the two arrays the binary score metrics and threshold choices take.
 *
 * @param positive row i is of the class
 * @param score row i's probability (or score) of the class
 */
public record OneVsRest(boolean[] positive, double[] score) {
  /** Class {@code k} of labels {@code y} against the rest, scored by column k of {@code proba}. */
  public static OneVsRest of(int[] y, double[][] proba, int k) {
    double[] s = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      s[i] = proba[i][k];
    }
    return new OneVsRest(isClass(y, k), s);
  }

  /** {@code y == k}, row by row. */
  public static boolean[] isClass(int[] y, int k) {
    boolean[] out = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i] == k;
    }
    return out;
  }
}
