package org.imbalanced4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.Fixtures;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.learn.LearnerCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code qda} learner gives scikit-learn 1.2's {@code QuadraticDiscriminantAnalysis(reg_param)}
 * after a {@code StandardScaler} (fixtures: qda.json, from {@code scripts/fixtures/generate.py
 * qda}): the log posteriors and the probabilities of held-out and training rows to 1e-12, on a
 * rare Gaussian class with wide scales, three classes, shrinkage, and a class of fewer rows than
 * features; and what it cannot fit is one clear line.
 */
class QuadraticDiscriminantParityTest {
  private static final JsonNode ROOT = Fixtures.json("qda.json");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    ROOT.get("cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
    return out.stream();
  }

  private static Model fit(JsonNode c) {
    return LearnerCatalog.create("qda", Map.of("reg_param", c.get("reg_param").asText()))
        .fit(Fixtures.dataset(c.get("X"), c.get("y")), null, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logPosteriorsAndProbabilitiesEqualScikitLearns(String name, JsonNode c) {
    Model m = fit(c);
    Dataset test = Fixtures.unlabelled(c.get("X_test"));
    assertThat(m.scoreKind()).isEqualTo(ScoreKind.LOGIT);
    double[][] z = m.scores(test);
    for (int i = 0; i < z.length; i++) {
      for (int k = 0; k < z[i].length; k++) {
        double want = c.get("decision").get(i).get(k).asDouble();
        assertThat(z[i][k]).as("row %d class %d", i, k).isCloseTo(want, org.assertj.core.data.Offset.offset(
            1e-12 * Math.max(1, Math.abs(want))));
      }
    }
    Fixtures.assertProba(m.predictProba(test), c.get("proba"), 1e-12);
    Fixtures.assertProba(m.predictProba(Fixtures.dataset(c.get("X"), c.get("y"))), c.get("proba_train"), 1e-12);
  }

  @Test
  void aFeatureConstantWithinAClassNeedsShrinkageAndSaysSo() {
    JsonNode c = ROOT.get("cases").get(0);
    Dataset d = Fixtures.dataset(c.get("X"), c.get("y"));
    float[] v = new float[d.rows() * 3];
    int[] y = new int[d.rows()];
    for (int i = 0; i < d.rows(); i++) {
      v[3 * i] = d.value(i, 0);
      v[3 * i + 1] = d.value(i, 1);
      v[3 * i + 2] = d.label(i) == 1 ? 7f : d.value(i, 0) * d.value(i, 1); // constant within the rare class
      y[i] = d.label(i);
    }
    Dataset flat = Dataset.builder(org.imbalanced4j.data.Schema.numeric(3, "y", List.of("0", "1")))
        .setValues(v, d.rows()).setLabels(y).build();
    long rare = IntStream.of(y).filter(k -> k == 1).count();
    assertThatThrownBy(() -> new QuadraticDiscriminant(0).fit(flat, null, 0)).isInstanceOf(DataException.class)
        .hasMessage("qda: the " + rare + " training rows of class '1' span 2 of 3 input dimensions (collinear, or a feature "
            + "constant within the class); give reg_param > 0, such as reg_param=0.1");
    double[][] p = new QuadraticDiscriminant(0.1).fit(flat, null, 0).predictProba(flat);
    double rareMean = 0;
    double otherMean = 0;
    for (int i = 0; i < p.length; i++) {
      assertThat(p[i][0] + p[i][1]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
      rareMean += y[i] == 1 ? p[i][1] / rare : 0;
      otherMean += y[i] == 0 ? p[i][1] / (p.length - rare) : 0;
    }
    assertThat(rareMean).isGreaterThan(0.5).isGreaterThan(10 * otherMean); // the constant feature singles it out
  }

  @Test
  void tooManyInputColumnsAreOneLine() {
    int n = 40;
    int d = QuadraticDiscriminant.MAX_INPUTS + 1;
    float[] v = new float[n * d];
    int[] y = new int[n];
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
    }
    Dataset wide = Dataset.builder(org.imbalanced4j.data.Schema.numeric(d, "y", List.of("0", "1")))
        .setValues(v, n).setLabels(y).build();
    assertThatThrownBy(() -> new QuadraticDiscriminant(0.1).fit(wide, null, 0)).isInstanceOf(DataException.class)
        .hasMessage("qda: 1025 input columns (categorical features one-hot) would make a 1025 x 1025 covariance "
            + "per class; qda takes at most 1024");
  }

  @Test
  void aClassOfOneRowAndABadShrinkageAreOneLine() {
    JsonNode c = ROOT.get("cases").get(0);
    Dataset d = Fixtures.dataset(c.get("X"), c.get("y"));
    int oneRare = IntStream.range(0, d.rows()).filter(i -> d.label(i) == 1).findFirst().orElseThrow();
    int[] rows = IntStream.range(0, d.rows()).filter(i -> d.label(i) == 0 || i == oneRare).toArray();
    assertThatThrownBy(() -> new QuadraticDiscriminant(0.1).fit(d.subset(rows), null, 0))
        .isInstanceOf(DataException.class)
        .hasMessage("qda: class '1' has 1 training row; its covariance needs at least 2");
    assertThatThrownBy(() -> LearnerCatalog.create("qda", Map.of("reg_param", "1.5")))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("reg_param");
  }

  @Test
  void aClassOfFewerRowsThanInputsHasTheShrunkCovarianceInEveryDirection() {
    // 6 rows of the rare class in 8 inputs: log N(x; mu, (1 - r) Sigma + r I) computed directly
    java.util.Random rnd = new java.util.Random(5);
    int n = 60;
    int d = 8;
    float[] v = new float[n * d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i < 6 ? 1 : 0;
      for (int j = 0; j < d; j++) {
        v[i * d + j] = (float) (rnd.nextGaussian() + y[i] * (j % 3));
      }
    }
    Dataset data = Dataset.builder(org.imbalanced4j.data.Schema.numeric(d, "y", List.of("0", "1")))
        .setValues(v, n).setLabels(y).build();
    double r = 0.2;
    Model m = new QuadraticDiscriminant(r).fit(data, null, 0);
    double[] z = new double[n * d];
    Standardizer std = Standardizer.fit(data);
    double[] row = new double[d];
    for (int i = 0; i < n; i++) {
      std.transformExact(data, i, row);
      System.arraycopy(row, 0, z, i * d, d);
    }
    double[][] got = m.scores(data);
    for (int c = 0; c < 2; c++) {
      int cls = c;
      int[] rows = IntStream.range(0, n).filter(i -> y[i] == cls).toArray();
      double[] mu = new double[d];
      for (int i : rows) {
        for (int j = 0; j < d; j++) {
          mu[j] += z[i * d + j] / rows.length;
        }
      }
      org.ejml.data.DMatrixRMaj cov = new org.ejml.data.DMatrixRMaj(d, d);
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          double sum = 0;
          for (int i : rows) {
            sum += (z[i * d + a] - mu[a]) * (z[i * d + b] - mu[b]);
          }
          cov.set(a, b, (1 - r) * sum / (rows.length - 1) + (a == b ? r : 0));
        }
      }
      org.ejml.data.DMatrixRMaj inv = new org.ejml.data.DMatrixRMaj(d, d);
      assertThat(org.ejml.dense.row.CommonOps_DDRM.invert(cov, inv)).isTrue();
      double logDet = Math.log(org.ejml.dense.row.CommonOps_DDRM.det(cov));
      for (int i = 0; i < n; i++) {
        double quad = 0;
        for (int a = 0; a < d; a++) {
          for (int b = 0; b < d; b++) {
            quad += (z[i * d + a] - mu[a]) * inv.get(a, b) * (z[i * d + b] - mu[b]);
          }
        }
        double want = -0.5 * (quad + logDet) + Math.log((double) rows.length / n);
        assertThat(got[i][c]).as("row %d class %d", i, c).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }

  @Test
  void aSavedModelReadsBackAndADamagedOneIsOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    JsonNode c = ROOT.get("cases").get(3);
    Dataset train = Fixtures.dataset(c.get("X"), c.get("y"));
    Model m = fit(c);
    org.imbalanced4j.model.io.ModelDirectory.save(dir, m,
        org.imbalanced4j.threshold.DecisionRule.ARGMAX.toMap(m.classes()), Map.of(), train);
    Model back = org.imbalanced4j.model.io.ModelDirectory.load(dir).model();
    assertThat(back.kind()).isEqualTo("qda");
    assertThat(back.scores(train)).isDeepEqualTo(m.scores(train));
    java.nio.file.Path json = dir.resolve("model.json");
    com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
    JsonNode meta = om.readTree(json.toFile());
    ((com.fasterxml.jackson.databind.node.ArrayNode) meta.findParent("directions").get("directions")).remove(0);
    java.nio.file.Files.writeString(json, om.writeValueAsString(meta));
    assertThatThrownBy(() -> org.imbalanced4j.model.io.ModelDirectory.load(dir)).isInstanceOf(DataException.class)
        .hasMessageContaining("qda class 0 does not fit 6 inputs");
  }
}
