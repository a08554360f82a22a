package org.imbalanced4j.numeric;

import java.util.stream.IntStream;

/**
 * Sums over rows computed on every core with the same result on any number of threads: the rows
 * are cut into fixed blocks of {@link #BLOCK}, each block writes its own partial sums, and the
 * partials are added in block order. A model fitted on one core and on two is bit-identical.
 */
public final class RowBlocks {
  /** Rows per block: large enough to amortise a task, small enough to share 2 cores on 10k rows. */
  public static final int BLOCK = 2048;

  private RowBlocks() {}

  /** The work of one block: add the sums over rows {@code [from, to)} into {@code partial}. */
  @FunctionalInterface
  public interface Body {
    /** Works on rows {@code [from, to)}, adding to this block's partial results. */
    void run(int from, int to, double[] partial);
  }

  /** Writes into {@code out} (length {@code width}) the sum of every block's partial sums. */
  public static void sum(int rows, Body body, double[] out) {
    int width = out.length;
    int blocks = Math.max(1, (rows + BLOCK - 1) / BLOCK);
    java.util.Arrays.fill(out, 0);
    if (blocks == 1) {
      body.run(0, rows, out);
      return;
    }
    double[][] partial = new double[blocks][width];
    IntStream.range(0, blocks).parallel()
        .forEach(b -> body.run(b * BLOCK, Math.min(rows, (b + 1) * BLOCK), partial[b]));
    for (double[] p : partial) {
      for (int j = 0; j < width; j++) {
        out[j] += p[j];
      }
    }
  }
}
