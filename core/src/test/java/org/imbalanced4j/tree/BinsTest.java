package org.imbalanced4j.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.threshold.DecisionRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binned columns: one bin per value up to 256 values (every value in a table of at most 4,096 rows),
 * equal-count bins above; codes follow the values.
 */
class BinsTest {
  @TempDir Path dir;

  @Test
  void fewValuesGetABinEachAndManyGetBinsOfEqualCounts() {
    int n = 10_000;
    float[] x = new float[n * 2];
    Random r = new Random(1);
    for (int i = 0; i < n; i++) {
      x[2 * i] = r.nextInt(40); // 40 distinct values
      x[2 * i + 1] = (float) r.nextGaussian(); // all distinct
    }
    Bins b = Bins.of(x, n, 2);
    assertThat(b.binCount(0)).isEqualTo(40);
    assertThat(b.binCount(1)).isBetween(200, Bins.MAX_BINS);
    int[] perBin = new int[b.binCount(1)];
    for (int i = 0; i < n; i++) {
      perBin[b.code(1, i)]++;
      assertThat(b.code(0, i)).isEqualTo((int) x[2 * i]); // the k-th smallest value has code k
      for (int j = i + 1; j < Math.min(n, i + 50); j++) { // codes are monotone in the values
        if (x[2 * i + 1] < x[2 * j + 1]) {
          assertThat(b.code(1, i)).isLessThanOrEqualTo(b.code(1, j));
        }
      }
    }
    assertThat(IntStream.of(perBin).max().orElseThrow()).isLessThan(3 * n / Bins.MAX_BINS);
    assertThat(b.threshold(0, 3, 4)).isEqualTo(3.5f);
  }

  @Test
  void aThresholdIsTheDoubleMidpointSoAValueBetweenNeighboursFallsWhereScikitLearnSendsIt() {
    float a = 1f;
    float c = Math.nextUp(Math.nextUp(a)); // a value of the fold the node does not hold
    float b = Math.nextUp(c);
    Bins bins = Bins.of(new float[] {a, b}, 2, 1);
    double t = bins.threshold(0, 0, 1);
    assertThat(t).isEqualTo(a / 2.0 + b / 2.0).isLessThan(c); // a float midpoint would round up to c
    Tree tree = new TreeGrower(bins, new int[] {0, 1}, 2, new TreeParams(false, 0, 1, "all", false), new int[] {0})
        .grow(new int[] {0, 1}, new double[] {1, 1}, new RandR(0));
    double[] v = new double[2];
    tree.addProba(new float[] {c}, 0, 1, v);
    assertThat(v).containsExactly(0, 1); // c > a/2 + b/2: right, as DecisionTreeClassifier
  }

  @Test
  void aSmallTableGetsOneBinPerValue() {
    int n = Bins.EXACT_ROWS;
    float[] x = new float[n];
    Random r = new Random(2);
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextGaussian();
    }
    Bins b = Bins.of(x, n, 1);
    assertThat(b.binCount(0)).isEqualTo(n); // every value distinct: one bin each, CART's thresholds
    float[] sorted = x.clone();
    java.util.Arrays.sort(sorted);
    for (int i = 0; i < n; i++) {
      assertThat(b.code(0, i)).isEqualTo(java.util.Arrays.binarySearch(sorted, x[i]));
    }
    assertThat(Bins.of(java.util.Arrays.copyOf(x, n + 1), n + 1, 1).binCount(0)).isBetween(200, Bins.MAX_BINS);
  }

  @Test
  void aForestSavedWithFloatThresholdsStillLoads() throws Exception {
    Dataset d = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
    Model m = LearnerCatalog.create("forest", Map.of("n_estimators", "3", "max_depth", "3")).fit(d, null, 0);
    ModelDirectory.save(dir, m, DecisionRule.ARGMAX.toMap(m.classes()), Map.of(), d);
    // rewrite the model as earlier versions did: thresholds as floats, no "thresholds" key
    var in = new java.io.DataInputStream(Files.newInputStream(dir.resolve("trees.bin")));
    var bytes = new java.io.ByteArrayOutputStream();
    var out = new java.io.DataOutputStream(bytes);
    int trees = in.readInt();
    out.writeInt(trees);
    for (int t = 0; t < trees; t++) {
      int nodes = in.readInt();
      out.writeInt(nodes);
      for (int i = 0; i < nodes; i++) {
        out.writeInt(in.readInt());
        out.writeFloat((float) in.readDouble());
        out.writeInt(in.readInt());
        out.writeInt(in.readInt());
        out.writeDouble(in.readDouble());
        out.writeDouble(in.readDouble());
      }
    }
    in.close();
    Files.write(dir.resolve("trees.bin"), bytes.toByteArray());
    Path json = dir.resolve("model.json");
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var meta = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json.toFile());
    assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) meta.get("model")).remove("thresholds").asText())
        .isEqualTo("double");
    mapper.writeValue(json.toFile(), meta);
    assertThat(Files.readString(json)).doesNotContain("thresholds");
    double[][] expected = m.predictProba(d);
    double[][] loaded = ModelDirectory.load(dir).model().predictProba(d);
    int same = 0;
    for (int i = 0; i < d.rows(); i++) {
      same += java.util.Arrays.equals(expected[i], loaded[i]) ? 1 : 0;
    }
    assertThat(same).isGreaterThan(d.rows() * 9 / 10); // float-rounded thresholds move few rows
  }

  @Test
  void aDamagedForestFileIsOneClearLine() throws Exception {
    Dataset d = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
    Model m = LearnerCatalog.create("forest", Map.of("n_estimators", "3")).fit(d, null, 0);
    ModelDirectory.save(dir, m, DecisionRule.ARGMAX.toMap(m.classes()), Map.of(), d);
    byte[] trees = Files.readAllBytes(dir.resolve("trees.bin"));
    Files.write(dir.resolve("trees.bin"), java.util.Arrays.copyOf(trees, trees.length / 2));
    assertThatThrownBy(() -> ModelDirectory.load(dir)).isInstanceOf(DataException.class)
        .hasMessage(dir + ": trees.bin ends early");
  }
}
