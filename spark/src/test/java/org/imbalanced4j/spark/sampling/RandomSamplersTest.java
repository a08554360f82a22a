package org.imbalanced4j.spark.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The random samplers on Spark keep or add exactly as many rows per class as core's (and so
 * imbalanced-learn's) for every form of the sampling strategy; under-sampling keeps a subset of
 * the rows, over-sampling keeps every row and adds copies; the same seed gives the same rows.
 */
class RandomSamplersTest {
  private static final int[] SIZES = {900, 210, 37};

  private static Map<Double, Long> counts(Dataset<Row> d) {
    Map<Double, Long> m = new HashMap<>();
    for (Row r : d.groupBy("label").count().collectAsList()) {
      m.put(r.getDouble(0), r.getLong(1));
    }
    return m;
  }

  /** Core's class counts after resampling the same labels. */
  private static Map<Double, Long> coreCounts(org.imbalanced4j.sampling.Sampler sampler, int[] sizes) {
    int[] y = IntStream.range(0, sizes.length).flatMap(c -> IntStream.generate(() -> c).limit(sizes[c])).toArray();
    float[] x = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      x[i] = i;
    }
    org.imbalanced4j.data.Dataset data = org.imbalanced4j.data.Dataset.builder(org.imbalanced4j.data.Schema.numeric(1,
        "label", IntStream.range(0, sizes.length).mapToObj(Integer::toString).toList())).setValues(x, y.length)
        .setLabels(y).build();
    int[] out = sampler.fitResample(data).data().labels();
    Map<Double, Long> m = new HashMap<>();
    for (int c : out) {
      m.merge((double) c, 1L, Long::sum);
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "majority", "not minority", "all", "0:100,1:50,2:37"})
  void underSamplingKeepsCoresCountsAndASubset(String strategy) {
    Dataset<Row> data = TestSpark.blobs(SIZES, 3, 4, 1);
    Dataset<Row> out = new RandomUnderSampler().setSamplingStrategy(strategy).setSeed(3).resample(data);
    assertThat(counts(out)).isEqualTo(coreCounts(org.imbalanced4j.sampling.under.RandomUnderSampler.builder()
        .optSamplingStrategy(org.imbalanced4j.sampling.SamplingStrategy.parse(strategy)).build(), SIZES));
    List<Long> ids = out.select("id").as(org.apache.spark.sql.Encoders.LONG()).collectAsList();
    assertThat(new HashSet<>(ids)).hasSize(ids.size()); // without replacement: no row twice
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "minority", "not majority", "all", "0:900,1:400,2:1000"})
  void overSamplingKeepsEveryRowAndAddsCoresCount(String strategy) {
    Dataset<Row> data = TestSpark.blobs(SIZES, 3, 4, 2);
    Dataset<Row> out = new RandomOverSampler().setSamplingStrategy(strategy).setSeed(3).resample(data);
    assertThat(counts(out)).isEqualTo(coreCounts(org.imbalanced4j.sampling.over.RandomOverSampler.builder()
        .optSamplingStrategy(org.imbalanced4j.sampling.SamplingStrategy.parse(strategy)).build(), SIZES));
    Set<Long> ids = new HashSet<>(out.select("id").as(org.apache.spark.sql.Encoders.LONG()).collectAsList());
    assertThat(ids).hasSize(SIZES[0] + SIZES[1] + SIZES[2]);
  }

  @Test
  void aRatioOnTwoClassesAndDrawsWithReplacement() {
    int[] sizes = {1000, 60};
    Dataset<Row> data = TestSpark.blobs(sizes, 2, 3, 4);
    assertThat(counts(new RandomUnderSampler().setSamplingStrategy("0.25").resample(data)))
        .containsEntry(0.0, 240L).containsEntry(1.0, 60L);
    Dataset<Row> with = new RandomUnderSampler().setReplacement(true).setSeed(5).resample(data);
    assertThat(counts(with)).containsEntry(0.0, 60L).containsEntry(1.0, 60L);
    assertThat(counts(new RandomOverSampler().setSamplingStrategy("0.5").resample(data)))
        .containsEntry(0.0, 1000L).containsEntry(1.0, 500L);
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    Dataset<Row> data = TestSpark.blobs(SIZES, 3, 4, 6);
    List<Long> a = ids(new RandomUnderSampler().setSeed(11).resample(data));
    List<Long> b = ids(new RandomUnderSampler().setSeed(11).resample(data));
    List<Long> c = ids(new RandomUnderSampler().setSeed(12).resample(data));
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(ids(new RandomOverSampler().setSeed(11).resample(data)))
        .isEqualTo(ids(new RandomOverSampler().setSeed(11).resample(data)));
  }

  private static List<Long> ids(Dataset<Row> d) {
    return d.select("id").as(org.apache.spark.sql.Encoders.LONG()).collectAsList();
  }

  @Test
  void textLabelsAndBadInput() {
    Dataset<Row> data = TestSpark.blobs(new int[] {300, 40}, 2, 2, 7);
    Dataset<Row> text = data.withColumn("label", org.apache.spark.sql.functions.when(
        data.col("label").equalTo(1.0), "fraud").otherwise("ok"));
    Dataset<Row> out = new RandomUnderSampler().resample(text);
    assertThat(out.filter("label = 'ok'").count()).isEqualTo(40);
    assertThat(new RandomUnderSampler().setSamplingStrategy("fraud:20,ok:100").resample(text).count()).isEqualTo(120);
    assertThatThrownBy(() -> new RandomUnderSampler().setLabelCol("class").resample(data))
        .isInstanceOf(DataException.class).hasMessage("no column 'class'; the columns are id, features, label");
    assertThatThrownBy(() -> new RandomUnderSampler().resample(data.filter("label = 0")))
        .isInstanceOf(DataException.class).hasMessageContaining("single class");
    assertThatThrownBy(() -> new RandomOverSampler().setSamplingStrategy("majority").resample(data))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("cannot be used with an over-sampler");
    assertThatThrownBy(() -> new RandomUnderSampler().setSamplingStrategy("nonsense"))
        .isInstanceOf(InvalidOptionException.class);
  }
}
