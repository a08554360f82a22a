package org.imbalanced4j.cli.options;

import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;

/**
 * The one place numeric options are validated: every command checks each of its numbers here before
 * any work, so a value out of range is one line naming the option, its range and the value given
 * (exit 2), never an exception from deep inside, a silent clamp or a run that trains nothing.
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

  private static String between(Object lo, Object hi) {
    return "between " + lo + " and " + hi;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
