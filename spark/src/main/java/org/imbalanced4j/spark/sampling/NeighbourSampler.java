package org.imbalanced4j.spark.sampling;

import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.DataException;
import org.imbalanced4j.spark.data.Labels;
import org.imbalanced4j.spark.neighbors.PartitionedPoints;

/** A sampler that measures distances: its features are a vector column, {@code featuresCol}. */
public abstract class NeighbourSampler extends SparkSampler {
  private static final long serialVersionUID = 1L;

  /** The default broadcast limit: 6.7 million rows of 20 features. */
  static final int DEFAULT_MAX_BROADCAST_MB = 512;

  private final Param<String> featuresCol;
  private final LongParam maxBroadcastMb;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  protected NeighbourSampler(String uid) {
    super(uid);
    featuresCol = new Param<>(this, "featuresCol", "the features column (a vector)");
    maxBroadcastMb = new LongParam(this, "maxBroadcastMb", "the most rows, in MB of floats, gathered and broadcast");
    setDefault(featuresCol, "features");
    setDefault(maxBroadcastMb, (long) DEFAULT_MAX_BROADCAST_MB);
  }

  /** The {@code maxBroadcastMb} param: the most rows, in MB of floats, gathered and broadcast. */
  public LongParam maxBroadcastMb() {
    return maxBroadcastMb;
  }

  /** The value of {@code maxBroadcastMb}: the most rows, in MB of floats, gathered and broadcast. */
  public long getMaxBroadcastMb() {
    return (Long) $(maxBroadcastMb);
  }

  /** Sets {@code maxBroadcastMb}: the most rows, in MB of floats, gathered and broadcast. */
  public NeighbourSampler setMaxBroadcastMb(long value) {
    if (value < 0) {
      throw new org.imbalanced4j.InvalidOptionException("max_broadcast_mb must be at least 0, got " + value);
    }
    set(maxBroadcastMb, value);
    return this;
  }

  /**
   * The gathered rows, or a data error when they are more than the broadcast limit: the driver and
   * every executor would hold them.
   */
  protected PartitionedPoints.Gathered checkBroadcast(PartitionedPoints.Gathered g, String what) {
    requireBroadcastable(g.size(), g.d(), g.bytes(), what);
    return g;
  }

  /** A data error when {@code rows} of {@code d} features, {@code bytes} in all, are more than the broadcast limit. */
  protected void requireBroadcastable(long rows, int d, long bytes, String what) {
    if (bytes > getMaxBroadcastMb() << 20) {
      throw new DataException(name() + ": " + what + ": " + rows + " rows of " + d + " features ("
          + (bytes >> 20) + " MB), more than maxBroadcastMb=" + getMaxBroadcastMb()
          + " to broadcast; raise it if the driver and executors have the memory");
    }
  }


  /** The {@code featuresCol} param: the features column (a vector). */
  public Param<String> featuresCol() {
    return featuresCol;
  }

  /** The value of {@code featuresCol}: the features column (a vector). */
  public String getFeaturesCol() {
    return $(featuresCol);
  }

  /** Sets {@code featuresCol}: the features column (a vector). */
  public NeighbourSampler setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    super.transformSchema(schema);
    DataType t = Labels.field(schema, getFeaturesCol()).dataType();
    if (!(t instanceof org.apache.spark.ml.linalg.VectorUDT)) {
      throw new DataException("features column '" + getFeaturesCol() + "' is " + t.simpleString() + "; "
          + name() + " needs a vector column (assemble one with VectorAssembler)");
    }
    return schema;
  }

  /**
   * The length of the features vectors when {@code rows} of them might not fit the broadcast limit
   * (read from the first row: one small job), else -1.
   */
  protected int widthIfLarge(Input in, long rows) {
    if (rows <= 100_000 && 4 * rows <= getMaxBroadcastMb() << 20) {
      return -1;
    }
    Row first = in.data().select(org.imbalanced4j.spark.data.Labels.col(in.data(), getFeaturesCol())).first();
    return ((org.apache.spark.ml.linalg.Vector) first.get(0)).size();
  }

  /** Whether {@code rows} of {@code d} floats are more than the broadcast limit. */
  protected boolean tooLarge(long rows, int d) {
    return d > 0 && 4L * rows * d > getMaxBroadcastMb() << 20;
  }

  /** The names of the classes the target cleans, for a core sampler's strategy. */
  protected static java.util.List<String> targetNames(Input in) {
    java.util.ArrayList<String> names = new java.util.ArrayList<>(); // serialisable, for tasks
    for (int c : in.target().classes()) {
      names.add(in.labels().names().get(c));
    }
    return names;
  }

  /** The input's rows as points with global indices. */
  protected PartitionedPoints points(Input in) {
    return PartitionedPoints.of(in.rows(), in.countsByPartition(), in.labels(), in.labelIndex(),
        in.data().schema().fieldIndex(getFeaturesCol()));
  }

  /** The largest class (the first largest in code order, as core picks it). */
  protected static int largest(Input in) {
    return in.counts().majority();
  }
}
