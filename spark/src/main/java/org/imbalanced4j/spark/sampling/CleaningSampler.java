package org.imbalanced4j.spark.sampling;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.spark.neighbors.PartitionedPoints;
import org.imbalanced4j.spark.neighbors.PartitionedPoints.Gathered;

/**
 * What Tomek links and edited nearest neighbours share on Spark: the rows outside the largest
 * class are gathered and broadcast, and a subclass says which rows to remove from them and the
 * exact searches; past the broadcast limit, core's own sampler cleans slabs of a random projection
 * instead ({@link SlabCleaning}). Either way the removed rows are dropped in one pass.
 */
public abstract class CleaningSampler extends NeighbourSampler {
  private static final long serialVersionUID = 1L;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  protected CleaningSampler(String uid) {
    super(uid);
  }

  @Override
  public SamplerKind samplerKind() {
    return SamplerKind.CLEANING;
  }

  /** The global indices of the rows to remove, from the exact searches over {@code points}. */
  protected abstract long[] removed(Input in, PartitionedPoints points, int largest, Gathered outsideLargest);

  /** Core's sampler that cleans a slab, the classes to clean given by name. */
  protected abstract SlabCleaning.CoreSampler inSlabs(List<String> classes);

  /** A check of the whole data before any search (none by default). */
  protected void check(Input in) {}

  @Override
  public Dataset<Row> resample(Input in) {
    check(in);
    PartitionedPoints points = points(in);
    int largest = largest(in);
    long outsideRows = in.counts().total() - in.counts().count(largest);
    int d = widthIfLarge(in, outsideRows);
    long[] gone;
    if (tooLarge(outsideRows, d)) {
      gone = SlabCleaning.removed(this, in, in.data().schema().fieldIndex(getFeaturesCol()), d,
          inSlabs(targetNames(in)));
    } else {
      boolean[] outside = new boolean[in.labels().size()];
      Arrays.fill(outside, true);
      outside[largest] = false;
      gone = removed(in, points, largest, checkBroadcast(points.gather(outside), "the rows outside the largest class"));
    }
    return in.data().sparkSession().createDataFrame(points.without(gone), in.data().schema());
  }
}
