package org.imbalanced4j.spark.sampling;

import org.apache.spark.ml.param.Param;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.DataException;
import org.imbalanced4j.spark.data.Labels;
import org.imbalanced4j.spark.neighbors.PartitionedPoints;

/** A sampler that measures distances: its features are a vector column, {@code featuresCol}. */
public abstract class NeighbourSampler extends SparkSampler {
  private static final long serialVersionUID = 1L;

  private final Param<String> featuresCol;

  protected NeighbourSampler(String uid) {
    super(uid);
    featuresCol = new Param<>(this, "featuresCol", "the features column (a vector)");
    setDefault(featuresCol, "features");
  }

  public Param<String> featuresCol() {
    return featuresCol;
  }

  public String getFeaturesCol() {
    return $(featuresCol);
  }

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
