package org.imbalanced4j.spark.sampling;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * New rows on segments, made on the executors: row {@code i} takes a base point {@code b}
 * uniformly, one of its {@code k} listed neighbours {@code t} uniformly and {@code u ~ U[0, step)},
 * and is {@code b + u (t - b)} (SMOTE's {@code _make_samples}). The rows come in blocks of
 * {@value #BLOCK} drawn each by its own generator, seeded from the seed and the block, so the rows
 * depend on the seed alone; the blocks are dealt to slices of about {@value #ROWS_PER_SLICE} rows,
 * as many slices as a multiple of the cores, so no core waits for a last lone task.
 *
 * @param base the base points, row-major
 * @param targets the points the neighbour lists point into
 * @param neighbours for base point {@code b}, its neighbours {@code neighbours[b * k + j]}
 */
record SyntheticRows(float[] base, float[] targets, int[] neighbours, int k, int d) implements Serializable {
  static final long ROWS_PER_SLICE = 200_000;
  static final long BLOCK = 8_192;

  /** {@code count} rows shaped as {@code shape} says. */
  JavaRDD<InternalRow> make(JavaSparkContext jsc, long count, double step, long seed, NewRows shape) {
    return make(jsc, count, step, seed, shape, jsc.defaultParallelism());
  }

  /** As {@link #make(JavaSparkContext, long, double, long, NewRows)}, sliced for {@code cores} cores. */
  JavaRDD<InternalRow> make(JavaSparkContext jsc, long count, double step, long seed, NewRows shape, int cores) {
    Broadcast<SyntheticRows> shared = jsc.broadcast(this);
    long blocks = (count + BLOCK - 1) / BLOCK;
    int slices = (int) Math.min(blocks, roundUp((count + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE, cores));
    List<Integer> ids = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      ids.add(s);
    }
    return jsc.parallelize(ids, Math.max(1, slices)).flatMap(s -> shared.value().rows(blocks * s / slices,
        blocks * (s + 1) / slices, count, step, seed, shape));
  }

  /** The smallest multiple of {@code m} at least {@code x} (and at least {@code m}). */
  private static long roundUp(long x, int m) {
    return Math.max(1, (x + m - 1) / m) * m;
  }

  /** The rows of blocks {@code [from, to)} of the {@code count}. */
  private Iterator<InternalRow> rows(long from, long to, long count, double step, long seed, NewRows shape) {
    int n = base.length / d;
    long end = Math.min(count, to * BLOCK);
    return new Iterator<>() {
      private long i = from * BLOCK;
      private SplittableRandom rng;

      @Override
      public boolean hasNext() {
        return i < end;
      }

      @Override
      public InternalRow next() {
        if (i >= end) {
          throw new NoSuchElementException();
        }
        if (i % BLOCK == 0) {
          rng = new SplittableRandom(SparkSampler.mix(seed, i / BLOCK));
        }
        i++;
        int b = rng.nextInt(n);
        int t = neighbours[b * k + rng.nextInt(k)];
        double u = step * rng.nextDouble();
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
          double a = base[b * d + j];
          v[j] = a + u * (targets[t * d + j] - a);
        }
        return shape.row(v);
      }
    };
  }
}
