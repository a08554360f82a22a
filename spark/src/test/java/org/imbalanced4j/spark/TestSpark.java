package org.imbalanced4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One embedded {@code local[2]} session for all tests (no UI), and small labelled data sets. */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("imbalanced4j-test")
          .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1").getOrCreate();
    }
    return session;
  }

  /**
   * Rows {@code (id, features, label)}: {@code sizes[c]} rows of class {@code c} (label {@code
   * c} as a double), Gaussian features around a class centre, in {@code partitions} partitions.
   */
  public static Dataset<Row> blobs(int[] sizes, int dims, int partitions, long seed) {
    Random rng = new Random(seed);
    List<Row> rows = new ArrayList<>();
    long id = 0;
    for (int c = 0; c < sizes.length; c++) {
      for (int i = 0; i < sizes[c]; i++) {
        double[] x = new double[dims];
        for (int j = 0; j < dims; j++) {
          x[j] = rng.nextGaussian() + (j == c % dims ? 2.0 * c : 0);
        }
        rows.add(RowFactory.create(id++, Vectors.dense(x), (double) c));
      }
    }
    java.util.Collections.shuffle(rows, rng);
    StructType schema = new StructType().add("id", DataTypes.LongType, false)
        .add("features", SQLDataTypes.VectorType(), false).add("label", DataTypes.DoubleType, false);
    return session().createDataFrame(rows, schema).repartition(partitions).cache();
  }
}
