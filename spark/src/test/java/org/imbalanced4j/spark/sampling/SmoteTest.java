package org.imbalanced4j.spark.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imbalanced4j.DataException;
import org.imbalanced4j.spark.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * SMOTE on Spark: imbalanced-learn's class counts; every new row on a segment from a row of its
 * class to one of that row's k nearest rows of the class (found here by brute force); the original
 * rows untouched; the same seed the same rows.
 */
class SmoteTest {
  private static final int[] SIZES = {800, 90, 40};

  @Test
  void newRowsLieOnSegmentsToTheKNearestOfTheirClass() {
    Dataset<Row> data = TestSpark.blobs(SIZES, 4, 3, 21);
    int k = 3;
    Dataset<Row> out = new Smote().setKNeighbors(k).setSeed(4).resample(data);
    Map<Double, Long> counts = new HashMap<>();
    for (Row r : out.groupBy("label").count().collectAsList()) {
      counts.put(r.getDouble(0), r.getLong(1));
    }
    assertThat(counts).containsEntry(0.0, 800L).containsEntry(1.0, 800L).containsEntry(2.0, 800L);
    assertThat(out.filter("id is not null").except(data).count()).as("original rows unchanged").isZero();
    assertThat(out.filter("id is not null").count()).isEqualTo(930);
    for (double c : new double[] {1.0, 2.0}) {
      List<double[]> cls = vectors(data.filter("label = " + c));
      List<double[]> made = vectors(out.filter("id is null and label = " + c));
      assertThat(made).hasSize((int) (800 - cls.size()));
      int[][] nn = bruteForce(cls, k);
      for (double[] p : made) {
        assertThat(onSegment(p, cls, nn)).as("a new row of class %s on a neighbour segment", c).isTrue();
      }
    }
  }

  @Test
  void sameSeedSameRowsAndCountsLikeCore() {
    Dataset<Row> data = TestSpark.blobs(SIZES, 2, 4, 22);
    List<Row> a = new Smote().setSeed(9).resample(data).filter("id is null").collectAsList();
    List<Row> b = new Smote().setSeed(9).resample(data).filter("id is null").collectAsList();
    assertThat(a).isEqualTo(b);
    assertThat(new Smote().setSeed(10).resample(data).filter("id is null").collectAsList()).isNotEqualTo(a);
    Dataset<Row> counted = new Smote().setSamplingStrategy("1:100,2:300").resample(data);
    assertThat(counted.filter("label = 1").count()).isEqualTo(100);
    assertThat(counted.filter("label = 2").count()).isEqualTo(300);
    assertThat(counted.filter("label = 0").count()).isEqualTo(800);
  }

  @Test
  void newRowsDependOnTheSeedNotOnTheCoresAndKeepTextLabels() {
    org.apache.spark.sql.SparkSession spark = TestSpark.session();
    org.apache.spark.api.java.JavaSparkContext jsc =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    float[] x = {0, 0, 1, 0, 0, 1, 1, 1};
    SyntheticRows rows = new SyntheticRows(x, x, new int[] {1, 2, 0, 3, 0, 3, 1, 2}, 2, 2);
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType(), false)
        .add("label", org.apache.spark.sql.types.DataTypes.StringType, false)
        .add("id", org.apache.spark.sql.types.DataTypes.LongType, true);
    NewRows shape = NewRows.of(3, 0, 1, "fraud");
    long count = 3 * SyntheticRows.BLOCK + 17;
    List<Row> one = NewRows.frame(spark, rows.make(jsc, count, 1.0, 5, shape, 1), schema).collectAsList();
    assertThat(one).hasSize((int) count);
    for (int cores : new int[] {2, 3, 7}) {
      assertThat(NewRows.frame(spark, rows.make(jsc, count, 1.0, 5, shape, cores), schema).collectAsList())
          .as("%d cores", cores).isEqualTo(one);
    }
    assertThat(one).allSatisfy(r -> {
      assertThat(r.getString(1)).isEqualTo("fraud");
      assertThat(r.isNullAt(2)).isTrue();
      double[] v = ((Vector) r.get(0)).toArray();
      assertThat(v[0]).isBetween(0.0, 1.0);
      assertThat(v[1]).isBetween(0.0, 1.0);
    });
    assertThat(one.stream().map(r -> r.get(0)).distinct().count()).isGreaterThan(count / 2);
  }

  @Test
  void tooFewRowsForTheNeighboursAndNoVectorAreOneLine() {
    Dataset<Row> data = TestSpark.blobs(new int[] {100, 4}, 2, 2, 23);
    assertThatThrownBy(() -> new Smote().resample(data)).isInstanceOf(DataException.class).hasMessage(
        "SMOTE: class '1' has 4 rows, but k_neighbors=5 needs at least 6; lower k_neighbors to at most 3 "
            + "or leave the class out of the sampling strategy");
    assertThatThrownBy(() -> new Smote().setFeaturesCol("id").resample(data)).isInstanceOf(DataException.class)
        .hasMessageContaining("features column 'id' is bigint; SMOTE needs a vector column");
  }

  @Test
  void aClassTooLargeToBroadcastIsSearchedApproximatelyAndSaysSo() {
    Dataset<Row> data = TestSpark.blobs(new int[] {400, 60}, 3, 3, 24);
    Smote smote = new Smote();
    smote.setKNeighbors(3).setMaxBroadcastMb(0).setSeed(2);
    Dataset<Row> out = smote.resample(data);
    assertThat(out.filter("label = 1").count()).isEqualTo(400);
    assertThat(out.filter("label = 0").count()).isEqualTo(400);
    assertThat(smote.notes()).singleElement().asString().contains("class '1' has 60 rows")
        .contains("searched approximately");
    List<double[]> cls = vectors(data.filter("label = 1"));
    int[][] all = new int[cls.size()][];
    for (int i = 0; i < all.length; i++) {
      all[i] = java.util.stream.IntStream.range(0, cls.size()).filter(j -> j != all.length + 1).toArray();
    }
    for (double[] p : vectors(out.filter("id is null"))) {
      assertThat(onSegment(p, cls, all)).as("a new row between two rows of the class").isTrue();
    }
    List<Row> again = smote.resample(data).filter("id is null").collectAsList();
    assertThat(again).as("the same seed, the same rows").isEqualTo(out.filter("id is null").collectAsList());
    assertThat(new Smote().resample(data).count()).isEqualTo(800);
  }

  static List<double[]> vectors(Dataset<Row> d) {
    List<double[]> out = new ArrayList<>();
    for (Row r : d.select("features").collectAsList()) {
      out.add(((Vector) r.get(0)).toArray());
    }
    return out;
  }

  /** The k nearest other points of each point, by brute force (ties broken by the lower index). */
  static int[][] bruteForce(List<double[]> x, int k) {
    int n = x.size();
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      final int q = i;
      out[i] = java.util.stream.IntStream.range(0, n).filter(j -> j != q).boxed()
          .sorted(java.util.Comparator.comparingDouble((Integer j) -> dist2(x.get(q), x.get(j))).thenComparing(j -> j))
          .limit(k).mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  static double dist2(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      // the points as the float the sampler works in
      double d = (float) a[j] - (double) (float) b[j];
      s += d * d;
    }
    return s;
  }

  static boolean onSegment(double[] p, List<double[]> x, int[][] nn) {
    for (int a = 0; a < x.size(); a++) {
      for (int b : nn[a]) {
        double[] s = x.get(a);
        double[] e = x.get(b);
        double num = 0;
        double den = 0;
        for (int j = 0; j < p.length; j++) {
          num += (p[j] - s[j]) * (e[j] - s[j]);
          den += (e[j] - s[j]) * (e[j] - s[j]);
        }
        double u = den == 0 ? 0 : num / den;
        if (u < -1e-6 || u > 1 + 1e-6) {
          continue;
        }
        double off = 0;
        for (int j = 0; j < p.length; j++) {
          double q = s[j] + u * (e[j] - s[j]);
          off += (p[j] - q) * (p[j] - q);
        }
        if (off < 1e-10) {
          return true;
        }
      }
    }
    return false;
  }
}
