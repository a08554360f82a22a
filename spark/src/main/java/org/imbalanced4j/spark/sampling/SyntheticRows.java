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
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * New rows on segments, made on the executors: row {@code i} takes a base point {@code b}
 * uniformly, one of its {@code k} listed neighbours {@code t} uniformly and {@code u ~ U[0, step)},
 * and is {@code b + u (t - b)} (SMOTE's {@code _make_samples}). The count is split into slices of
 * at most {@value #ROWS_PER_SLICE} rows, each drawn by its own generator seeded from the seed and
 * the slice, so the rows depend on the seed alone, not on the executors.
 *
 * @param base the base points, row-major
 * @param targets the points the neighbour lists point into
 * @param neighbours for base point {@code b}, its neighbours {@code neighbours[b * k + j]}
 */
record SyntheticRows(float[] base, float[] targets, int[] neighbours, int k, int d) implements Serializable {
  static final long ROWS_PER_SLICE = 200_000;

  /** {@code count} rows with the features at {@code featuresIndex} and {@code label} at {@code labelIndex}. */
  JavaRDD<Row> make(JavaSparkContext jsc, long count, double step, long seed, int width, int featuresIndex,
      int labelIndex, Object label) {
    Broadcast<SyntheticRows> shared = jsc.broadcast(this);
    int slices = (int) Math.max(jsc.defaultParallelism(), (count + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE);
    List<Integer> ids = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      ids.add(s);
    }
    return jsc.parallelize(ids, slices).flatMap(s -> shared.value().slice(count * s / slices,
        count * (s + 1) / slices, step, new SplittableRandom(SparkSampler.mix(seed, s)), width, featuresIndex,
        labelIndex, label));
  }

  private Iterator<Row> slice(long from, long to, double step, SplittableRandom rng, int width, int fi, int li,
      Object label) {
    int n = base.length / d;
    return new Iterator<>() {
      private long i = from;

      @Override
      public boolean hasNext() {
        return i < to;
      }

      @Override
      public Row next() {
        if (i++ >= to) {
          throw new NoSuchElementException();
        }
        int b = rng.nextInt(n);
        int t = neighbours[b * k + rng.nextInt(k)];
        double u = step * rng.nextDouble();
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
          double a = base[b * d + j];
          v[j] = a + u * (targets[t * d + j] - a);
        }
        Object[] values = new Object[width];
        values[fi] = Vectors.dense(v);
        values[li] = label;
        return RowFactory.create(values);
      }
    };
  }
}
