package org.imbalanced4j.experiment;

/**
 * What a running {@link Compare} tells its caller: lines worth a user's eye (a strategy that does
 * not apply, a fold done, a round of halving) and the fits done so far. Called from the threads
 * that run the fits, one call at a time. {@code imb compare} prints the lines and, on a terminal,
 * a progress bar.
 */
public interface CompareListener {
  /** A listener that ignores everything. */
  CompareListener NONE = new CompareListener() {};

  /** A line of news, without its newline. */
  default void message(String line) {}

  /**
   * The fits done of those planned, the seconds since the race began, and an estimate of the
   * seconds left (NaN before any fit has finished).
   */
  default void progress(int done, int planned, double elapsedSeconds, double leftSeconds) {}
}
