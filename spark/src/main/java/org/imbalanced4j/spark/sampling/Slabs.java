package org.imbalanced4j.spark.sampling;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.imbalanced4j.DataException;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.spark.data.Labels;
import org.imbalanced4j.spark.data.Stages;

/**
 * SMOTE for a class too large to broadcast: the approximate fallback. The class's rows are
 * projected on a random direction (seeded) and range-partitioned on it into slabs of a few
 * hundred thousand rows (Spark's range partitioner balances them): a one-table random-projection
 * hash with buckets cut to equal counts, as locality-sensitive hashing cuts space. Each slab finds
 * its rows' exact neighbours among its own rows and makes its share of the new rows (the shares
 * drawn from the slabs' sizes, so the total is exact). Neighbours across a slab's two faces are
 * missed, which is what makes it approximate; every new row still lies between two rows of its
 * class.
 */
final class Slabs {
  /** Rows per slab the slabs are cut to, about. */
  static final long ROWS_PER_SLAB = 250_000;

  private Slabs() {}

  static JavaRDD<InternalRow> smote(Smote sampler, SparkSampler.Input in, SmoteFamily.Output out, int c, long add,
      int k, int d) {
    Dataset<Row> data = in.data();
    long rows = in.counts().count(c);
    int slabs = (int) Math.max(2L * out.jsc().defaultParallelism(), (rows + ROWS_PER_SLAB - 1) / ROWS_PER_SLAB);
    sampler.note(String.format(Locale.ROOT, "%s: class '%s' has %,d rows of %d features (%,d MB), more "
        + "than maxBroadcastMb=%d: its neighbours were searched approximately, within %d slabs of a random "
        + "projection", sampler.name(), in.labels().names().get(c), rows, d, (4L * rows * d) >> 20,
        sampler.getMaxBroadcastMb(), slabs));
    SplittableRandom r = new SplittableRandom(SparkSampler.mix(in.seed(), 104_729L * (c + 1)));
    double[] u = new double[d];
    for (int j = 0; j < d; j++) {
      u[j] = r.nextGaussian();
    }
    Column label = in.labels().column(data, sampler.getLabelCol());
    Column features = Labels.col(data, sampler.getFeaturesCol());
    Column projection = functions.udf((UDF1<Vector, Double>) v -> {
      double s = 0;
      for (int j = 0; j < u.length; j++) {
        s += u[j] * v.apply(j);
      }
      return s;
    }, DataTypes.DoubleType).apply(features);
    Stages.name(data.sparkSession().sparkContext(), "cut class " + in.labels().names().get(c) + " into " + slabs
        + " slabs of a random projection");
    JavaRDD<Row> cut = data.filter(label.equalTo(in.labels().value(c))).select(features.as("f"), projection.as("h"))
        .repartitionByRange(slabs, functions.col("h")).select("f").toJavaRDD();
    List<long[]> sized = cut.mapPartitionsWithIndex((p, it) -> {
      long n = 0;
      while (it.hasNext()) {
        it.next();
        n++;
      }
      return List.of(new long[] {p, n}).iterator();
    }, true).collect();
    long[] sizes = new long[cut.getNumPartitions()];
    for (long[] s : sized) {
      sizes[(int) s[0]] = s[1];
    }
    long seed = SparkSampler.mix(in.seed(), 7_919L * (c + 1));
    long[] shares = Allocation.shares(sizes, add, true, seed);
    NewRows shape = out.shape(in, c);
    return cut.mapPartitionsWithIndex((p, it) -> {
      List<float[]> points = new ArrayList<>();
      while (it.hasNext()) {
        double[] v = ((Vector) it.next().get(0)).toArray();
        float[] f = new float[d];
        for (int j = 0; j < d; j++) {
          if (!Double.isFinite(v[j])) {
            throw new DataException("SMOTE: a row has a feature that is not finite: " + v[j]);
          }
          f[j] = (float) v[j];
        }
        points.add(f);
      }
      return slab(points, shares[p], k, d, new SplittableRandom(SparkSampler.mix(seed, p)), shape);
    }, true);
  }

  /** A slab's new rows: its points' exact neighbours among themselves, then SMOTE's interpolation. */
  private static Iterator<InternalRow> slab(List<float[]> points, long count, int k, int d, SplittableRandom rng,
      NewRows shape) {
    int m = points.size();
    if (count == 0 || m == 0) {
      return java.util.Collections.emptyIterator();
    }
    float[] x = new float[m * d];
    for (int i = 0; i < m; i++) {
      System.arraycopy(points.get(i), 0, x, i * d, d);
    }
    int kk = Math.min(k, m - 1);
    int[] nn = new int[m * Math.max(kk, 1)];
    if (kk > 0) {
      Neighbors found = NeighborIndex.of(x, m, d).querySelf(kk + 1);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < kk; j++) {
          nn[i * kk + j] = found.index(i, j + 1);
        }
      }
    }
    int kn = Math.max(kk, 1);
    return new Iterator<>() {
      private long made;

      @Override
      public boolean hasNext() {
        return made < count;
      }

      @Override
      public InternalRow next() {
        if (made++ >= count) {
          throw new NoSuchElementException();
        }
        int b = rng.nextInt(m);
        int t = kk > 0 ? nn[b * kn + rng.nextInt(kn)] : b; // a slab of one row copies it
        double step = rng.nextDouble();
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
          double a = x[b * d + j];
          v[j] = a + step * (x[t * d + j] - a);
        }
        return shape.row(v);
      }
    };
  }
}
