package org.imbalanced4j.spark.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.under.KindSel;
import org.imbalanced4j.spark.TestSpark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tomek links and edited nearest neighbours on Spark remove exactly the rows core removes (core
 * matches imbalanced-learn's selected indices) on overlapping classes spread over partitions,
 * binary and multi-class, with exact duplicates of different classes among them (ties).
 */
class CleaningParityTest {
  /** Overlapping Gaussian classes on a coarse grid (many equal distances), some rows duplicated. */
  static Dataset<Row> overlapping(int[] sizes, int dims, int partitions, long seed) {
    Random rng = new Random(seed);
    List<Row> rows = new ArrayList<>();
    long id = 0;
    for (int c = 0; c < sizes.length; c++) {
      for (int i = 0; i < sizes[c]; i++) {
        double[] x = new double[dims];
        for (int j = 0; j < dims; j++) {
          x[j] = Math.rint((rng.nextGaussian() + (j == 0 ? 0.8 * c : 0)) * 8) / 8;
        }
        rows.add(RowFactory.create(id++, Vectors.dense(x), (double) c));
        if (rng.nextInt(40) == 0) { // the same point in another class
          rows.add(RowFactory.create(id++, Vectors.dense(x.clone()), (double) ((c + 1) % sizes.length)));
        }
      }
    }
    java.util.Collections.shuffle(rows, rng);
    StructType schema = new StructType().add("id", DataTypes.LongType, false)
        .add("features", SQLDataTypes.VectorType(), false).add("label", DataTypes.DoubleType, false);
    return TestSpark.session().createDataFrame(rows, schema).repartition(partitions).cache();
  }

  /** The ids core keeps of the rows in the data set's order. */
  static List<Long> coreKept(Dataset<Row> data, Sampler sampler, int classes) {
    List<Row> rows = data.toJavaRDD().collect();
    int d = ((Vector) rows.get(0).getAs("features")).size();
    float[] x = new float[rows.size() * d];
    int[] y = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      double[] v = ((Vector) rows.get(i).getAs("features")).toArray();
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) v[j];
      }
      y[i] = (int) (double) rows.get(i).<Double>getAs("label");
    }
    org.imbalanced4j.data.Dataset core = org.imbalanced4j.data.Dataset.builder(org.imbalanced4j.data.Schema.numeric(d,
        "label", IntStream.range(0, classes).mapToObj(Integer::toString).toList())).setValues(x, rows.size())
        .setLabels(y).build();
    int[] kept = sampler.fitResample(core).source();
    List<Long> ids = new ArrayList<>();
    for (int i : kept) {
      ids.add(rows.get(i).<Long>getAs("id"));
    }
    ids.sort(null);
    return ids;
  }

  static List<Long> ids(Dataset<Row> d) {
    List<Long> ids = new ArrayList<>(d.select("id").as(org.apache.spark.sql.Encoders.LONG()).collectAsList());
    ids.sort(null);
    return ids;
  }

  @ParameterizedTest
  @CsvSource({"'600,80', 2, 3, auto", "'500,120,40', 3, 4, auto", "'500,120,40', 2, 2, all"})
  void tomekLinksRemoveCoresRows(String sizes, int dims, int partitions, String strategy) {
    int[] s = java.util.Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray();
    Dataset<Row> data = overlapping(s, dims, partitions, s.length * 10L + dims);
    List<Long> spark = ids(new TomekLinks().setSamplingStrategy(strategy).resample(data));
    List<Long> core = coreKept(data, org.imbalanced4j.sampling.under.TomekLinks.builder()
        .optSamplingStrategy(SamplingStrategy.parse(strategy)).build(), s.length);
    assertThat(spark).isEqualTo(core);
    assertThat(spark.size()).as("links were found").isLessThan((int) data.count());
  }

  /**
   * Past the broadcast limit both switch to the approximate search within slabs and say so: they
   * remove rows of the cleaned classes only, and most of the rows core removes.
   */
  @ParameterizedTest
  @CsvSource({"tomek, auto", "enn, auto", "enn, all"})
  void pastTheBroadcastLimitTheyCleanWithinSlabs(String which, String strategy) {
    int[] s = {700, 150, 60};
    Dataset<Row> data = overlapping(s, 2, 3, 77);
    NeighbourSampler spark = which.equals("tomek") ? new TomekLinks() : new EditedNearestNeighbours();
    spark.setMaxBroadcastMb(0).setSamplingStrategy(strategy);
    List<Long> kept = ids(spark.resample(data));
    assertThat(spark.notes()).singleElement().asString().contains("searched approximately");
    Sampler core = which.equals("tomek")
        ? org.imbalanced4j.sampling.under.TomekLinks.builder().optSamplingStrategy(SamplingStrategy.parse(strategy))
            .build()
        : org.imbalanced4j.sampling.under.EditedNearestNeighbours.builder()
            .optSamplingStrategy(SamplingStrategy.parse(strategy)).build();
    List<Long> coreKept = coreKept(data, core, s.length);
    List<Long> all = ids(data);
    java.util.Set<Long> removed = new java.util.HashSet<>(all);
    removed.removeAll(kept);
    java.util.Set<Long> coreRemoved = new java.util.HashSet<>(all);
    coreRemoved.removeAll(coreKept);
    assertThat(removed).isNotEmpty();
    if (strategy.equals("auto")) { // the minority (class 2) is never cleaned
      java.util.Set<Long> minority = new java.util.HashSet<>(ids(data.filter("label = 2")));
      assertThat(removed).doesNotContainAnyElementsOf(minority);
    }
    java.util.Set<Long> both = new java.util.HashSet<>(removed);
    both.retainAll(coreRemoved);
    assertThat((double) both.size() / coreRemoved.size()).as("share of core's removed rows found: %s of %s",
        both.size(), coreRemoved.size()).isGreaterThan(0.5);
  }

  @ParameterizedTest
  @CsvSource({"'600,80', 2, 3, 3, all, auto", "'500,120,40', 3, 4, 3, all, auto", "'500,120,40', 2, 3, 5, mode, all",
      "'400,300', 4, 2, 1, all, auto"})
  void editedNearestNeighboursRemoveCoresRows(String sizes, int dims, int partitions, int k, String kind,
      String strategy) {
    int[] s = java.util.Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray();
    Dataset<Row> data = overlapping(s, dims, partitions, s.length * 100L + dims + k);
    List<Long> spark = ids(new EditedNearestNeighbours().setNNeighbors(k).setKindSel(kind)
        .setSamplingStrategy(strategy).resample(data));
    List<Long> core = coreKept(data, org.imbalanced4j.sampling.under.EditedNearestNeighbours.builder()
        .optNNeighbors(k).optKindSel(KindSel.parse(kind)).optSamplingStrategy(SamplingStrategy.parse(strategy))
        .build(), s.length);
    assertThat(spark).isEqualTo(core);
    assertThat(spark.size()).as("rows were removed").isLessThan((int) data.count());
  }
}
