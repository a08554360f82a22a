package org.imbalanced4j.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.random.NumpyRandom;

/**
 * Confidence intervals for any metric by the stratified bootstrap: each round redraws, with
 * replacement, as many rows of each class as it has, and recomputes the metric; the interval is
 * the {@code (1 - level) / 2} and {@code (1 + level) / 2} percentiles of the rounds (NumPy's
 * linear interpolation). Rounds run on all cores, each with its own seeded generator, so the
 * result depends on the seed only.
 *
 * <p>Reference: B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap", Chapman &amp;
 * Hall, 1993 (percentile intervals).
 *
 * <pre>{@code
 * Bootstrap.Interval ci = Bootstrap.interval(y, rows -> rocAucOf(rows), 1000, 0.95, 42);
 * }</pre>
 */
public final class Bootstrap {
  private Bootstrap() {}

  /** A metric of the rows given by index (repeats allowed). */
  @FunctionalInterface
  public interface Metric {
    /** The metric on the rows drawn (indices, with repeats). */
    double of(int[] rows);
  }

  /** Point estimate on all rows, and the interval's bounds. */
  public record Interval(double estimate, double low, double high, double level, int rounds) {}

  /** A percentile interval of the metric over {@code rounds} stratified bootstrap draws. */
  public static Interval interval(int[] labels, Metric metric, int rounds, double level, long seed) {
    if (rounds < 2) {
      throw new InvalidOptionException("the bootstrap needs at least 2 rounds, got " + rounds);
    }
    if (!(level > 0 && level < 1)) {
      throw new InvalidOptionException("the confidence level must be in (0, 1), got " + level);
    }
    int k = Arrays.stream(labels).max().orElse(0) + 1;
    int[][] byClass = new int[k][];
    for (int c = 0; c < k; c++) {
      final int cc = c;
      byClass[c] = IntStream.range(0, labels.length).filter(i -> labels[i] == cc).toArray();
    }
    double[] values = new double[rounds];
    IntStream.range(0, rounds).parallel().forEach(r -> {
      NumpyRandom rng = new NumpyRandom((seed * 1_000_003L + r) & 0xffffffffL);
      int[] rows = new int[labels.length];
      int at = 0;
      for (int[] cls : byClass) {
        for (int j = 0; j < cls.length; j++) {
          rows[at++] = cls[rng.randint(cls.length)];
        }
      }
      values[r] = metric.of(rows);
    });
    int[] all = IntStream.range(0, labels.length).toArray();
    return new Interval(metric.of(all), org.imbalanced4j.numeric.Percentile.of(values, 50 * (1 - level)),
        org.imbalanced4j.numeric.Percentile.of(values, 50 * (1 + level)), level, rounds);
  }
}
