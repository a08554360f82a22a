package org.imbalanced4j.spark.sampling;

import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.UserDefinedType;

/**
 * The shape of a synthetic row: the features at {@code featuresIndex}, the label at {@code
 * labelIndex}, every other column empty. Rows are made in Spark's internal form, which the scan
 * turns into its binary rows directly: a new row is not first built as a {@link Row} and then
 * converted column by column by an encoder (a third of SMOTE's time on Spark when it was).
 *
 * @param label the label in Spark's internal form ({@link #of} converts it)
 */
record NewRows(int width, int featuresIndex, int labelIndex, Object label) implements Serializable {
  /** For rows of {@code label} (an external value: Integer, String, ...) in a table {@code width} wide. */
  static NewRows of(int width, int featuresIndex, int labelIndex, Object label) {
    return new NewRows(width, featuresIndex, labelIndex, CatalystTypeConverters.convertToCatalyst(label));
  }

  /** The row with features {@code v} (kept, not copied). */
  @SuppressWarnings("unchecked")
  InternalRow row(double[] v) {
    Object[] values = new Object[width];
    values[featuresIndex] = ((UserDefinedType<Vector>) SQLDataTypes.VectorType()).serialize(Vectors.dense(v));
    values[labelIndex] = label;
    return new GenericInternalRow(values);
  }

  /** A data frame of {@code rows} with {@code schema} (Spark's internal route; no per-row encoder). */
  static Dataset<Row> frame(SparkSession spark, JavaRDD<InternalRow> rows, StructType schema) {
    return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(), schema, false);
  }
}
