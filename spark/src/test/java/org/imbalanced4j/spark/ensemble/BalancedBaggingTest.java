package org.imbalanced4j.spark.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.spark.TestSpark;
import org.imbalanced4j.spark.metrics.SparkMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Balanced bagging and EasyEnsemble on Spark: each member trains on a balanced bag, the ensemble's
 * probabilities are the members' mean, the rare class is found where a plain classifier misses it,
 * and models and estimators save and load (also inside a Pipeline) to the same predictions.
 */
class BalancedBaggingTest {
  @TempDir Path dir;

  private static double balancedAccuracy(Dataset<Row> predicted) {
    return (double) SparkMetrics.confusion(predicted, "label", "prediction").report(null)
        .get("balanced_accuracy_score");
  }

  @Test
  void membersTrainOnBalancedBagsAndTheirMeanFindsTheRareClass() throws Exception {
    Dataset<Row> train = TestSpark.blobs(new int[] {3000, 60}, 3, 3, 51);
    Dataset<Row> test = TestSpark.blobs(new int[] {1000, 30}, 3, 2, 52);
    LogisticRegression lr = new LogisticRegression().setMaxIter(15);
    BalancedBaggingModel model = new BalancedBaggingClassifier().setBaseEstimator(lr).setNEstimators(4).setSeed(3)
        .fit(train);
    assertThat(model.models()).hasSize(4);
    Dataset<Row> predicted = model.transform(test);
    Row first = predicted.first();
    Vector features = first.getAs("features");
    double mean = 0;
    for (Model<?> m : model.models()) {
      @SuppressWarnings("unchecked")
      ProbabilisticClassificationModel<Vector, ?> p = (ProbabilisticClassificationModel<Vector, ?>) m;
      mean += p.predictProbability(features).apply(1) / 4;
    }
    assertThat(((Vector) first.getAs("probability")).apply(1)).isCloseTo(mean, within(1e-12));
    double plain = balancedAccuracy(lr.fit(train).transform(test));
    double bagged = balancedAccuracy(predicted);
    assertThat(bagged).as("bagging (%s) beats plain logistic regression (%s)", bagged, plain).isGreaterThan(plain);
    // the same seed, the same members
    BalancedBaggingModel again = new BalancedBaggingClassifier().setBaseEstimator(lr).setNEstimators(4).setSeed(3)
        .fit(train);
    assertThat(again.transform(test).select("probability").collectAsList())
        .isEqualTo(predicted.select("probability").collectAsList());

    model.write().overwrite().save(dir.resolve("model").toString());
    BalancedBaggingModel loaded = BalancedBaggingModel.load(dir.resolve("model").toString());
    assertThat(loaded.transform(test).select("probability").collectAsList())
        .isEqualTo(predicted.select("probability").collectAsList());
  }

  @Test
  void easyEnsembleAndOtherBasesInAPipelineSaveAndLoad() throws Exception {
    Dataset<Row> train = TestSpark.blobs(new int[] {1500, 50}, 2, 2, 53);
    Dataset<Row> test = TestSpark.blobs(new int[] {500, 20}, 2, 2, 54);
    EasyEnsembleClassifier easy = new EasyEnsembleClassifier();
    easy.setNEstimators(3).setSeed(1);
    assertThat(easy.getBaseEstimator()).isInstanceOf(org.apache.spark.ml.classification.GBTClassifier.class);
    org.apache.spark.ml.classification.GBTClassifier small =
        new org.apache.spark.ml.classification.GBTClassifier().setMaxIter(10).setMaxDepth(2);
    easy.setBaseEstimator(small);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {easy});
    PipelineModel fitted = pipeline.fit(train);
    double plain = balancedAccuracy(small.fit(train).transform(test));
    double balanced = balancedAccuracy(fitted.transform(test));
    assertThat(balanced).as("EasyEnsemble (%s) beats the plain booster (%s)", balanced, plain).isGreaterThan(plain);
    fitted.write().overwrite().save(dir.resolve("pm").toString());
    List<Row> before = fitted.transform(test).select("probability").collectAsList();
    assertThat(PipelineModel.load(dir.resolve("pm").toString()).transform(test).select("probability").collectAsList())
        .isEqualTo(before);
    pipeline.write().overwrite().save(dir.resolve("p").toString());
    EasyEnsembleClassifier read = (EasyEnsembleClassifier) Pipeline.load(dir.resolve("p").toString()).getStages()[0];
    assertThat(read.getBaseEstimator()).isInstanceOf(org.apache.spark.ml.classification.GBTClassifier.class);
    assertThat((Integer) read.getOrDefault(read.nEstimators())).isEqualTo(3);

    BalancedBaggingModel forest = new BalancedBaggingClassifier().setBaseEstimator(
        new RandomForestClassifier().setNumTrees(5).setSeed(2)).setNEstimators(2).fit(train);
    assertThat(forest.transform(test).count()).isEqualTo(520);
  }

  @Test
  void badInputIsOneLine() {
    Dataset<Row> train = TestSpark.blobs(new int[] {100, 20}, 2, 2, 55);
    assertThatThrownBy(() -> new BalancedBaggingClassifier().fit(train.withColumn("label",
        org.apache.spark.sql.functions.col("label").plus(1)))).isInstanceOf(DataException.class)
        .hasMessageContaining("Spark's classifiers take the labels 0, 1, ..., K-1");
    assertThatThrownBy(() -> new BalancedBaggingClassifier().setBaseEstimator(
        new org.apache.spark.ml.regression.LinearRegression())).isInstanceOf(InvalidOptionException.class);
    assertThatThrownBy(() -> new BalancedBaggingClassifier().setNEstimators(0))
        .isInstanceOf(InvalidOptionException.class);
  }
}
