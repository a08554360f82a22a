package org.imbalanced4j;

import java.util.Locale;

/**
 * The one place numeric options and builder parameters are range-checked: the command line checks
 * each of its numbers here before any work (naming the option, {@code --folds}), and the library's
 * builders check theirs (naming the parameter, {@code folds}). A value out of range is one {@link
 * InvalidOptionException} naming what was set, its range and the value given (exit 2 on the
 * command line), never an exception from deep inside, a silent clamp or a run that trains nothing.
 */
public final class Check {
  private Check() {}

  /** {@code lo <= v <= hi}. */
  public static void range(String option, long v, long lo, long hi) {
    if (v < lo || v > hi) {
      throw new InvalidOptionException(option + " must be " + between(lo, hi) + ", got " + v);
    }
  }

  /** {@code lo <= v <= hi}, finite. */
  public static void range(String option, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      throw new InvalidOptionException(option + " must be " + between(num(lo), num(hi)) + ", got " + num(v));
    }
  }

  /** {@code 0 < v <= hi}, finite. */
  public static void positive(String option, double v, double hi) {
    if (!(v > 0 && v <= hi)) {
      throw new InvalidOptionException(option + " must be above 0 and at most " + num(hi) + ", got " + num(v));
    }
  }

  /** {@code lo < v < hi}. */
  public static void open(String option, double v, double lo, double hi) {
    if (!(v > lo && v < hi)) {
      throw new InvalidOptionException(option + " must be strictly between " + num(lo) + " and " + num(hi)
          + ", got " + num(v));
    }
  }

  /** {@code lo <= v < hi}. */
  public static void halfOpen(String option, double v, double lo, double hi) {
    if (!(v >= lo && v < hi)) {
      throw new InvalidOptionException(option + " must be at least " + num(lo) + " and below " + num(hi)
          + ", got " + num(v));
    }
  }

  private static String between(Object lo, Object hi) {
    return "between " + lo + " and " + hi;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
