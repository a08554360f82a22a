package org.imbalanced4j.spark.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imbalanced4j.sampling.over.BorderlineSmote.Kind;
import org.imbalanced4j.spark.TestSpark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Borderline-SMOTE on Spark makes as many rows per class as core's for the same seed (both
 * variants, where the split between them follows Beta(10, 10)), and borderline-1's new rows lie
 * on segments from a row in danger (found here by brute force) to one of its k nearest rows of
 * the class.
 */
class BorderlineSmoteTest {
  @ParameterizedTest
  @ValueSource(strings = {"borderline-1", "borderline-2"})
  void countsEqualCoresAndRowsStartInDanger(String kind) {
    Dataset<Row> data = CleaningParityTest.overlapping(new int[] {500, 70, 30}, 2, 3, 41);
    int k = 3;
    int m = 8;
    Dataset<Row> out = new BorderlineSmote().setKind(kind).setMNeighbors(m).setKNeighbors(k).setSeed(6)
        .resample(data);
    Map<Double, Long> counts = new HashMap<>();
    for (Row r : out.groupBy("label").count().collectAsList()) {
      counts.put(r.getDouble(0), r.getLong(1));
    }
    List<Row> rows = data.toJavaRDD().collect();
    int[] y = rows.stream().mapToInt(r -> (int) (double) r.<Double>getAs("label")).toArray();
    int[] coreY = coreLabels(rows, y, org.imbalanced4j.sampling.over.BorderlineSmote.builder().optKind(Kind.parse(kind))
        .optMNeighbors(m).optKNeighbors(k).optSeed(6).build());
    Map<Double, Long> expected = new HashMap<>();
    for (int c : coreY) {
      expected.merge((double) c, 1L, Long::sum);
    }
    assertThat(counts).isEqualTo(expected);
    assertThat(counts.get(1.0)).as("rows were made").isGreaterThan(70L);
    if (kind.equals("borderline-1")) {
      for (double c : new double[] {1.0, 2.0}) {
        List<double[]> all = SmoteTest.vectors(data);
        List<double[]> cls = SmoteTest.vectors(data.filter("label = " + c));
        int[] allY = data.select("label").collectAsList().stream().mapToInt(r -> (int) r.getDouble(0)).toArray();
        int[][] nnAll = SmoteTest.bruteForce(all, m);
        List<double[]> danger = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          if (allY[i] != (int) c) {
            continue;
          }
          final int row = i;
          long other = IntStream.of(nnAll[row]).filter(j -> allY[j] != (int) c).count();
          if (other >= m / 2.0 && other < m) {
            danger.add(all.get(row));
          }
        }
        int[][] nnCls = SmoteTest.bruteForce(cls, k);
        List<double[]> made = SmoteTest.vectors(out.filter("id is null and label = " + c));
        for (double[] p : made) {
          boolean found = false;
          for (int a = 0; a < cls.size() && !found; a++) {
            if (contains(danger, cls.get(a))) {
              found = onSegmentFrom(p, cls, a, nnCls[a]);
            }
          }
          assertThat(found).as("a new row from a row in danger of class %s", c).isTrue();
        }
      }
    }
  }

  private static boolean contains(List<double[]> list, double[] x) {
    return list.stream().anyMatch(v -> java.util.Arrays.equals(v, x));
  }

  private static boolean onSegmentFrom(double[] p, List<double[]> cls, int a, int[] nn) {
    int[][] only = new int[cls.size()][0];
    only[a] = nn;
    return SmoteTest.onSegment(p, cls, only);
  }

  private static int[] coreLabels(List<Row> rows, int[] y, org.imbalanced4j.sampling.Sampler sampler) {
    int d = ((Vector) rows.get(0).getAs("features")).size();
    float[] x = new float[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      double[] v = ((Vector) rows.get(i).getAs("features")).toArray();
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) v[j];
      }
    }
    int classes = IntStream.of(y).max().getAsInt() + 1;
    org.imbalanced4j.data.Dataset core = org.imbalanced4j.data.Dataset.builder(org.imbalanced4j.data.Schema.numeric(d,
        "label", IntStream.range(0, classes).mapToObj(Integer::toString).toList())).setValues(x, rows.size())
        .setLabels(y).build();
    return sampler.fitResample(core).data().labels();
  }
}
