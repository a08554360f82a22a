package org.imbalanced4j.spark.sampling;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.imbalanced4j.spark.data.Labels;

/**
 * A random draw of rows by class, partition by partition in one pass, with the shares of each
 * partition fixed beforehand ({@link Allocation}): the exact number of rows per class, no
 * shuffle. Without replacement a partition keeps {@code k} of its {@code N} rows of a class by
 * selection sampling (Knuth, TAOCP vol. 2, Algorithm S: each row kept with probability {@code
 * k_left / N_left}); with replacement it draws {@code k} row positions uniformly and emits each
 * row as many times as it was drawn.
 */
final class Draw implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Labels labels;
  private final int labelIndex;
  /** Per class: whether it is drawn from; others pass through. */
  private final boolean[] drawn;
  /** {@code [partition][class]}: rows of the class there, and the draws that fall there. */
  private final long[][] sizes;
  private final long[][] shares;
  private final boolean replacement;
  /** Over-sampling: the drawn rows come on top of the original ones. */
  private final boolean keepOriginal;
  private final long seed;

  private Draw(Labels labels, int labelIndex, boolean[] drawn, long[][] sizes, long[][] shares, boolean replacement,
      boolean keepOriginal, long seed) {
    this.labels = labels;
    this.labelIndex = labelIndex;
    this.drawn = drawn;
    this.sizes = sizes;
    this.shares = shares;
    this.replacement = replacement;
    this.keepOriginal = keepOriginal;
    this.seed = seed;
  }

  /**
   * A draw of {@code counts[c]} rows of each class {@code c} with {@code counts[c] >= 0} (the others
   * untouched), with or without replacement, on top of the original rows or instead of them.
   */
  static Draw of(SparkSampler.Input in, long[] counts, boolean replacement, boolean keepOriginal) {
    int k = in.labels().size();
    long[][] byPartition = in.countsByPartition();
    long[][] shares = new long[byPartition.length][k];
    boolean[] drawn = new boolean[k];
    for (int c = 0; c < k; c++) {
      if (counts[c] < 0) {
        continue;
      }
      drawn[c] = true;
      long[] sizes = new long[byPartition.length];
      for (int p = 0; p < sizes.length; p++) {
        sizes[p] = byPartition[p][c];
      }
      long[] s = Allocation.shares(sizes, counts[c], replacement, SparkSampler.mix(in.seed(), c));
      for (int p = 0; p < sizes.length; p++) {
        shares[p][c] = s[p];
      }
    }
    return new Draw(in.labels(), in.labelIndex(), drawn, byPartition, shares, replacement, keepOriginal, in.seed());
  }

  JavaRDD<Row> apply(JavaRDD<Row> rows) {
    return rows.mapPartitionsWithIndex((p, it) -> partition(p, it), true);
  }

  private Iterator<Row> partition(int p, Iterator<Row> rows) {
    SplittableRandom rng = new SplittableRandom(SparkSampler.mix(seed, 1_000_003L + p));
    int k = drawn.length;
    long[] left = sizes[p].clone(); // rows of each class not yet seen
    long[] want = shares[p].clone(); // draws not yet made (without replacement)
    int[][] positions = new int[k][]; // with replacement: the drawn positions, sorted
    int[] next = new int[k];
    long[] seen = new long[k];
    if (replacement) {
      for (int c = 0; c < k; c++) {
        if (drawn[c]) {
          int n = Math.toIntExact(shares[p][c]);
          positions[c] = new int[n];
          for (int i = 0; i < n; i++) {
            positions[c][i] = (int) rng.nextLong(sizes[p][c]);
          }
          Arrays.sort(positions[c]);
        }
      }
    }
    return new Iterator<>() {
      private Row pending;
      private int copies;

      @Override
      public boolean hasNext() {
        while (copies == 0 && rows.hasNext()) {
          pending = rows.next();
          int c = labels.code(pending, labelIndex);
          if (!drawn[c]) {
            copies = 1;
            continue;
          }
          int times = keepOriginal ? 1 : 0;
          if (replacement) {
            int[] pos = positions[c];
            while (next[c] < pos.length && pos[next[c]] == seen[c]) {
              times++;
              next[c]++;
            }
          } else if (rng.nextLong(left[c]) < want[c]) {
            times++;
            want[c]--;
          }
          seen[c]++;
          left[c]--;
          copies = times;
        }
        return copies > 0;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        copies--;
        return pending;
      }
    };
  }
}
