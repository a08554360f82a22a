package org.imbalanced4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imbalanced4j.spark.sampling.RandomUnderSampler;
import org.imbalanced4j.spark.sampling.ResamplingModel;
import org.imbalanced4j.spark.sampling.Smote;
import org.imbalanced4j.spark.weights.ClassWeightModel;
import org.imbalanced4j.spark.weights.ClassWeighter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our stages in a Spark ML Pipeline: a sampler, class weights and Spark's LogisticRegression with
 * {@code weightCol} train on the resampled rows, predict every row given (the sampler passes
 * rows through at prediction), and save and load back to the same predictions.
 */
class PipelineTest {
  @TempDir Path dir;

  @Test
  void samplerWeightsAndLogisticRegressionTrainSaveAndLoad() throws Exception {
    Dataset<Row> train = TestSpark.blobs(new int[] {1500, 120}, 3, 3, 31);
    Dataset<Row> test = TestSpark.blobs(new int[] {600, 50}, 3, 2, 32);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
        new RandomUnderSampler().setSamplingStrategy("0.25").setSeed(1),
        new ClassWeighter().setScheme("balanced"),
        new LogisticRegression().setWeightCol("weight").setMaxIter(50)});
    PipelineModel model = pipeline.fit(train);
    ResamplingModel sampler = (ResamplingModel) model.stages()[0];
    assertThat(sampler.resampled().count()).isEqualTo(480 + 120);
    ClassWeightModel weights = (ClassWeightModel) model.stages()[1];
    // balanced on the resampled rows: n / (k n_c) = 600 / (2 * 480), 600 / (2 * 120)
    assertThat(weights.classWeights()).containsExactly(600.0 / 960, 600.0 / 240);
    Dataset<Row> predicted = model.transform(test);
    assertThat(predicted.count()).as("every row to predict is kept").isEqualTo(650);
    List<Row> before = predicted.select("id", "probability", "prediction").orderBy("id").collectAsList();
    double recallRare = predicted.filter("label = 1 and prediction = 1").count() / 50.0;
    assertThat(recallRare).as("the rare class is found").isGreaterThan(0.6);

    Path saved = dir.resolve("model");
    model.write().overwrite().save(saved.toString());
    PipelineModel loaded = PipelineModel.load(saved.toString());
    assertThat(loaded.stages()[0]).isInstanceOf(ResamplingModel.class);
    assertThat(((ClassWeightModel) loaded.stages()[1]).classWeights()).containsExactly(weights.classWeights());
    assertThat(loaded.stages()[2]).isInstanceOf(LogisticRegressionModel.class);
    List<Row> after = loaded.transform(test).select("id", "probability", "prediction").orderBy("id").collectAsList();
    assertThat(after).isEqualTo(before);
    // a data set without labels (rows to score) passes the weight stage untouched
    assertThat(loaded.transform(test.drop("label")).columns()).doesNotContain("weight").contains("prediction");

    // the unfitted pipeline with SMOTE saves and loads with its parameters
    Pipeline withSmote = new Pipeline().setStages(new PipelineStage[] {
        new Smote().setKNeighbors(3).setSeed(5), new LogisticRegression()});
    withSmote.write().overwrite().save(dir.resolve("pipeline").toString());
    Smote smote = (Smote) Pipeline.load(dir.resolve("pipeline").toString()).getStages()[0];
    assertThat(smote.getKNeighbors()).isEqualTo(3);
    assertThat(smote.getSeed()).isEqualTo(5);
    assertThat(withSmote.fit(train).transform(test).count()).isEqualTo(650);
  }
}
