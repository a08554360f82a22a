package org.imbalanced4j.spark.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imbalanced4j.DataException;
import org.imbalanced4j.spark.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * Stratified folds on Spark: every class split into folds of sizes that differ by at most one, as
 * scikit-learn's StratifiedKFold sizes them, seeded, and usable as the fold column of Spark's own
 * CrossValidator.
 */
class StratifiedFoldsTest {
  @Test
  void everyClassSplitsIntoFoldsOfEqualSize() {
    int[] sizes = {900, 213, 37};
    Dataset<Row> data = TestSpark.blobs(sizes, 2, 4, 61);
    Dataset<Row> folded = new StratifiedFolds().setNumFolds(5).setSeed(3).transform(data).cache();
    assertThat(folded.count()).isEqualTo(1150);
    for (int c = 0; c < sizes.length; c++) {
      List<Row> perFold = folded.filter("label = " + c).groupBy("fold").count().orderBy("fold").collectAsList();
      assertThat(perFold).hasSize(5);
      for (int f = 0; f < 5; f++) {
        long expected = sizes[c] / 5 + (f < sizes[c] % 5 ? 1 : 0);
        assertThat(perFold.get(f).getLong(1)).as("class %d fold %d", c, f).isEqualTo(expected);
      }
    }
    List<Row> a = folded.select("id", "fold").orderBy("id").collectAsList();
    List<Row> b = new StratifiedFolds().setNumFolds(5).setSeed(3).transform(data).select("id", "fold").orderBy("id")
        .collectAsList();
    List<Row> other = new StratifiedFolds().setNumFolds(5).setSeed(4).transform(data).select("id", "fold")
        .orderBy("id").collectAsList();
    assertThat(a).isEqualTo(b).isNotEqualTo(other);
    assertThatThrownBy(() -> new StratifiedFolds().setNumFolds(40).transform(data))
        .isInstanceOf(DataException.class).hasMessage("class '2' has 37 rows, fewer than the 40 folds: every fold "
            + "must hold every class; use 37 folds or fewer");
  }

  @Test
  void sparksCrossValidatorTakesTheFoldsAsItsFoldColumn() {
    Dataset<Row> data = new StratifiedFolds().setNumFolds(3).setSeed(1)
        .transform(TestSpark.blobs(new int[] {600, 30}, 2, 2, 62));
    CrossValidatorModel cv = new CrossValidator().setEstimator(new LogisticRegression().setMaxIter(10))
        .setEvaluator(new BinaryClassificationEvaluator()).setEstimatorParamMaps(new ParamGridBuilder().build())
        .setNumFolds(3).setFoldCol("fold").fit(data);
    assertThat(cv.avgMetrics()[0]).isGreaterThan(0.8);
  }
}
