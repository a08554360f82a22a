package org.imbalanced4j.spark.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.DataException;
import org.imbalanced4j.metrics.Average;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.imbalanced4j.spark.TestSpark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The metrics on Spark equal core's to 1e-12 on the same rows: ROC AUC and average precision
 * with many tied scores across partitions, from a number or a probability vector; every label
 * metric of {@code imb evaluate}, multi-class.
 */
class SparkMetricsTest {
  private static final StructType SCHEMA = new StructType().add("label", DataTypes.DoubleType)
      .add("score", DataTypes.DoubleType).add("probability", SQLDataTypes.VectorType())
      .add("prediction", DataTypes.DoubleType);

  private record Data(Dataset<Row> frame, int[] y, double[] score, int[] predicted) {}

  /** {@code n} rows of {@code k} classes (class 0 the most frequent), scores rounded to make ties. */
  private static Data data(int n, int k, int digits, int partitions, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    int[] y = new int[n];
    double[] s = new double[n];
    int[] p = new int[n];
    double scale = Math.pow(10, digits);
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      y[i] = u < 0.9 ? 0 : 1 + r.nextInt(k - 1);
      s[i] = Math.rint(Math.min(1, Math.max(0, 0.3 * (y[i] == 1 ? 1 : 0) + 0.7 * r.nextDouble())) * scale) / scale;
      p[i] = r.nextDouble() < 0.7 ? y[i] : r.nextInt(k);
      rows.add(RowFactory.create((double) y[i], s[i], Vectors.dense(1 - s[i], s[i]), (double) p[i]));
    }
    return new Data(TestSpark.session().createDataFrame(rows, SCHEMA).repartition(partitions), y, s, p);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 12})
  void rocAucAndAveragePrecisionEqualCores(int digits) {
    Data d = data(5000, 2, digits, 5, digits);
    boolean[] pos = new boolean[d.y().length];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = d.y()[i] == 1;
    }
    SparkMetrics.Scores s = SparkMetrics.scores(d.frame(), "label", "score", "1");
    assertThat(s.rocAuc()).isCloseTo(ScoreMetrics.rocAuc(pos, d.score()), within(1e-12));
    assertThat(s.averagePrecision()).isCloseTo(ScoreMetrics.averagePrecision(pos, d.score()), within(1e-12));
    SparkMetrics.Scores v = SparkMetrics.scores(d.frame(), "label", "probability", "1");
    assertThat(v.rocAuc()).isCloseTo(s.rocAuc(), within(1e-12));
    assertThat(v.averagePrecision()).isCloseTo(s.averagePrecision(), within(1e-12));
    // the other class as positive: its probability is 1 - score
    boolean[] neg = new boolean[pos.length];
    double[] other = new double[pos.length];
    for (int i = 0; i < pos.length; i++) {
      neg[i] = !pos[i];
      other[i] = 1 - d.score()[i];
    }
    SparkMetrics.Scores zero = SparkMetrics.scores(d.frame(), "label", "probability", "0");
    assertThat(zero.averagePrecision()).isCloseTo(ScoreMetrics.averagePrecision(neg, other), within(1e-12));
    assertThat(zero.positives()).isEqualTo(s.negatives());
  }

  @Test
  void labelMetricsEqualCoresMultiClass() {
    Data d = data(4000, 4, 2, 3, 5);
    Map<String, Object> r = SparkMetrics.confusion(d.frame(), "label", "prediction").report(null);
    int k = 4;
    assertThat((double) r.get("balanced_accuracy_score"))
        .isCloseTo(LabelMetrics.balancedAccuracy(d.y(), d.predicted(), k, false), within(1e-12));
    assertThat((double) r.get("accuracy_score")).isCloseTo(LabelMetrics.accuracy(d.y(), d.predicted()), within(1e-12));
    assertThat((double) r.get("matthews_corrcoef")).isCloseTo(LabelMetrics.matthews(d.y(), d.predicted(), k),
        within(1e-12));
    assertThat((double) r.get("cohen_kappa_score")).isCloseTo(LabelMetrics.cohenKappa(d.y(), d.predicted(), k),
        within(1e-12));
    @SuppressWarnings("unchecked")
    Map<String, Double> gm = (Map<String, Double>) r.get("geometric_mean_score");
    assertThat(gm.get("multiclass")).isCloseTo(LabelMetrics.geometricMean(d.y(), d.predicted(), k, null, 0, 0.0),
        within(1e-12));
    @SuppressWarnings("unchecked")
    Map<String, Double> f1 = (Map<String, Double>) r.get("f1_score");
    assertThat(f1.get("macro")).isCloseTo(
        LabelMetrics.precisionRecallFscore(d.y(), d.predicted(), k, 1.0, Average.MACRO, 0, 0.0)[2], within(1e-12));
    assertThat((long[][]) r.get("confusion_matrix")).isEqualTo(
        org.imbalanced4j.metrics.ConfusionMatrix.of(d.y(), d.predicted(), k).toArray());
  }

  @Test
  void oneClassNaNScoresAndUnknownClassesAreErrors() {
    Data d = data(300, 2, 2, 2, 9);
    assertThatThrownBy(() -> SparkMetrics.scores(d.frame().filter("label = 0"), "label", "score", "0"))
        .isInstanceOf(DataException.class).hasMessageContaining("only one class");
    assertThatThrownBy(() -> SparkMetrics.scores(d.frame().withColumn("score",
        org.apache.spark.sql.functions.lit(Double.NaN)), "label", "score", "1"))
        .isInstanceOf(DataException.class).hasMessageContaining("finite scores");
    assertThatThrownBy(() -> SparkMetrics.scores(d.frame(), "label", "score", "7"))
        .hasMessageContaining("positive class");
  }
}
