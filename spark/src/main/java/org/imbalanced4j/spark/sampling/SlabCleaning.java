package org.imbalanced4j.spark.sampling;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.sampling.Sampler;
import scala.Tuple2;

/**
 * Tomek links and edited nearest neighbours when the rows outside the largest class are too many
 * to broadcast: the approximate fallback. All rows are sorted on a random projection (seeded) and
 * cut into slabs of about {@value Slabs#ROWS_PER_SLAB} rows; core's own sampler cleans each slab,
 * with the classes to clean fixed by the whole data's counts. Neighbours across a slab's faces
 * are missed, which is what makes it approximate.
 */
final class SlabCleaning {
  private SlabCleaning() {}

  /**
   * The global indices (ascending) of the rows core's sampler removes within the slabs.
   *
   * @param sampler makes the core sampler (its sampling strategy the classes to clean, by name)
   */
  static long[] removed(NeighbourSampler owner, SparkSampler.Input in, int featuresIndex, int d,
      CoreSampler sampler) {
    long rows = in.counts().total();
    int parallelism = in.data().sparkSession().sparkContext().defaultParallelism();
    int slabs = (int) Math.max(2L * parallelism, (rows + Slabs.ROWS_PER_SLAB - 1) / Slabs.ROWS_PER_SLAB);
    owner.note(String.format(java.util.Locale.ROOT, "%s: the rows outside the largest class are more than "
        + "maxBroadcastMb=%d: neighbours were searched approximately, within %d slabs of a random projection",
        owner.name(), owner.getMaxBroadcastMb(), slabs));
    SplittableRandom r = new SplittableRandom(SparkSampler.mix(in.seed(), 271_828L));
    double[] u = new double[d];
    for (int j = 0; j < d; j++) {
      u[j] = r.nextGaussian();
    }
    long[] offsets = new long[in.countsByPartition().length + 1];
    for (int p = 0; p < in.countsByPartition().length; p++) {
      offsets[p + 1] = offsets[p] + java.util.Arrays.stream(in.countsByPartition()[p]).sum();
    }
    org.imbalanced4j.spark.data.Labels labels = in.labels();
    int li = in.labelIndex();
    org.imbalanced4j.spark.data.Stages.name(in.data().sparkSession().sparkContext(),
        "clean " + slabs + " slabs of a random projection");
    JavaPairRDD<Double, Point> keyed = in.rows().mapPartitionsWithIndex((p, it) -> {
      List<Tuple2<Double, Point>> out = new ArrayList<>();
      long i = offsets[p];
      while (it.hasNext()) {
        Row row = it.next();
        Vector v = row.getAs(featuresIndex);
        float[] x = new float[d];
        double h = 0;
        for (int j = 0; j < d; j++) {
          double value = v.apply(j);
          if (!Double.isFinite(value)) {
            throw new DataException("row " + (i + 1) + " has a feature that is not finite: " + value);
          }
          x[j] = (float) value;
          h += u[j] * value;
        }
        out.add(new Tuple2<>(h, new Point(i++, labels.code(row, li), x)));
      }
      return out.iterator();
    }, true).mapToPair(t -> t);
    List<String> names = labels.names();
    List<long[]> parts = keyed.sortByKey(true, slabs).values().mapPartitions((Iterator<Point> it) -> {
      List<Point> slab = new ArrayList<>();
      it.forEachRemaining(slab::add);
      if (slab.size() < 2) {
        return List.of(new long[0]).iterator();
      }
      float[] x = new float[slab.size() * d];
      int[] y = new int[slab.size()];
      for (int i = 0; i < slab.size(); i++) {
        System.arraycopy(slab.get(i).x(), 0, x, i * d, d);
        y[i] = slab.get(i).label();
      }
      Dataset data = Dataset.builder(Schema.numeric(d, "label", names)).setValues(x, slab.size()).setLabels(y).build();
      boolean[] kept = new boolean[slab.size()];
      try {
        for (int i : sampler.make().fitResample(data).source()) {
          kept[i] = true;
        }
      } catch (DataException e) {
        return List.of(new long[0]).iterator(); // a slab of one class, or too few rows: nothing to clean there
      }
      long[] gone = new long[slab.size()];
      int n = 0;
      for (int i = 0; i < slab.size(); i++) {
        if (!kept[i]) {
          gone[n++] = slab.get(i).index();
        }
      }
      return List.of(java.util.Arrays.copyOf(gone, n)).iterator();
    }).collect();
    return parts.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
  }

  /** Makes core's sampler inside a task (core's samplers are not serialisable; this is). */
  interface CoreSampler extends java.io.Serializable {
    Sampler make();
  }

  /** A row on its way to its slab: its global index, class code and features. */
  record Point(long index, int label, float[] x) implements java.io.Serializable {}
}
