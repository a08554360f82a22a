package org.imbalanced4j.spark.sampling;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.spark.neighbors.BroadcastNeighbors;
import org.imbalanced4j.spark.neighbors.PartitionedPoints;

/**
 * What the SMOTE family shares on Spark: {@code kNeighbors}, the broadcast limit, the checks, and
 * the output: the original rows untouched plus the new rows of each class to grow, which carry the
 * features and the label and leave the other columns empty (null).
 */
public abstract class SmoteFamily extends NeighbourSampler {
  private static final long serialVersionUID = 1L;
  private final IntParam kNeighbors;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  protected SmoteFamily(String uid) {
    super(uid);
    kNeighbors = new IntParam(this, "kNeighbors", "neighbours a new row may lie towards (>= 1)");
    setDefault(kNeighbors, 5);
  }

  /** The {@code kNeighbors} param: neighbours a new row may lie towards (>= 1). */
  public IntParam kNeighbors() {
    return kNeighbors;
  }

  /** The value of {@code kNeighbors}: neighbours a new row may lie towards (>= 1). */
  public int getKNeighbors() {
    return (Integer) $(kNeighbors);
  }

  /** Sets {@code kNeighbors}: neighbours a new row may lie towards (>= 1). */
  public SmoteFamily setKNeighbors(int value) {
    if (value < 1) {
      throw new InvalidOptionException("k_neighbors must be at least 1, got " + value);
    }
    set(kNeighbors, value);
    return this;
  }

  @Override
  public SamplerKind samplerKind() {
    return SamplerKind.OVER;
  }

  /** The new rows of class {@code c}: {@code add} of them, or none. */
  protected abstract JavaRDD<InternalRow> synthesise(Input in, Output out, int c, long add);

  /**
   * Where new rows go: the columns of the features and the label, the width and the label's value;
   * and the input as indexed points, for the samplers that search all classes (made on first use).
   */
  protected record Output(JavaSparkContext jsc, Once<PartitionedPoints> pointsOnce, int featuresIndex, int width,
      DataType labelType) {
    PartitionedPoints points() {
      return pointsOnce.get();
    }

    /** New rows of class {@code c}. */
    NewRows shape(Input in, int c) {
      return NewRows.of(width, featuresIndex, in.labelIndex(), in.labels().value(c, labelType));
    }
  }

  @Override
  public Dataset<Row> resample(Input in) {
    int k = getKNeighbors();
    int fi = in.data().schema().fieldIndex(getFeaturesCol());
    StructType schema = nullable(in.data().schema(), fi, in.labelIndex());
    Output out = new Output(JavaSparkContext.fromSparkContext(in.data().sparkSession().sparkContext()),
        new Once<>(() -> points(in)), fi, schema.size(), in.data().schema().fields()[in.labelIndex()].dataType());
    JavaRDD<InternalRow> made = null;
    for (int c : in.target().classes()) {
      long add = in.target().get(c);
      if (add == 0) {
        continue;
      }
      long rows = in.counts().count(c);
      if (rows < k + 1) {
        String name = in.counts().classNames().get(c);
        throw new DataException(name() + ": class '" + name + "' has " + rows + " row" + (rows == 1 ? "" : "s")
            + ", but k_neighbors=" + k + " needs at least " + (k + 1) + "; lower k_neighbors"
            + (rows > 1 ? " to at most " + (rows - 1) : "") + " or leave the class out of the sampling strategy");
      }
      JavaRDD<InternalRow> part = synthesise(in, out, c, add);
      if (part != null) {
        made = made == null ? part : made.union(part);
      }
    }
    // the original rows as they are (no round trip through Row objects); the union makes columns nullable
    return made == null ? in.data() : in.data().union(NewRows.frame(in.data().sparkSession(), made, schema));
  }

  /**
   * The features of the rows of class {@code c} in row order, as floats: a filter and a projection
   * that Spark runs before it builds any row object, within the broadcast limit.
   */
  protected float[] gatherFeatures(Input in, Output out, int c) {
    Dataset<Row> data = in.data();
    org.imbalanced4j.spark.data.Stages.name(data.sparkSession().sparkContext(), "gather the rows of class "
        + in.labels().names().get(c));
    Object value = in.labels().value(c);
    org.apache.spark.sql.Column label = in.labels().column(data, getLabelCol());
    java.util.List<Row> rows = data.filter(label.equalTo(value))
        .select(org.imbalanced4j.spark.data.Labels.col(data, getFeaturesCol())).collectAsList();
    int n = rows.size();
    int d = n == 0 ? 0 : ((org.apache.spark.ml.linalg.Vector) rows.get(0).get(0)).size();
    requireBroadcastable(n, d, BroadcastNeighbors.bytes(n, d), "class '" + in.labels().names().get(c) + "'");
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      org.apache.spark.ml.linalg.Vector v = (org.apache.spark.ml.linalg.Vector) rows.get(i).get(0);
      if (v.size() != d) {
        throw new DataException("the features vectors differ in length (" + d + " and " + v.size() + ")");
      }
      for (int j = 0; j < d; j++) {
        double value2 = v.apply(j);
        if (!Double.isFinite(value2)) {
          throw new DataException(name() + ": a row of class '" + in.labels().names().get(c)
              + "' has a feature that is not finite: " + value2);
        }
        x[i * d + j] = (float) value2;
      }
    }
    return x;
  }

  /** The rows of class {@code c}, gathered, within the broadcast limit. */
  protected PartitionedPoints.Gathered gatherClass(Input in, Output out, int c) {
    boolean[] only = new boolean[in.labels().size()];
    only[c] = true;
    return checkBroadcast(out.points().gather(only), "class '" + in.labels().names().get(c) + "'");
  }


  /** The schema with every column but the features and the label nullable (new rows leave them empty). */
  private static StructType nullable(StructType schema, int features, int label) {
    StructField[] f = schema.fields().clone();
    for (int i = 0; i < f.length; i++) {
      if (i != features && i != label && !f[i].nullable()) {
        f[i] = new StructField(f[i].name(), f[i].dataType(), true, f[i].metadata());
      }
    }
    return new StructType(f);
  }
}
