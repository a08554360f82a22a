package org.imbalanced4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imbalanced4j.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every metric equals scikit-learn 1.2 / imbalanced-learn 0.10 to 1e-12 (fixtures: metrics.json). */
class MetricsParityTest {
  private static final JsonNode ROOT = Fixtures.json("metrics.json");
  private static final double EPS = 1e-12;

  static Stream<Arguments> labelCases() {
    List<Arguments> out = new ArrayList<>();
    ROOT.get("label_cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
    return out.stream();
  }

  static Stream<Arguments> scoreCases() {
    List<Arguments> out = new ArrayList<>();
    ROOT.get("score_cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
    return out.stream();
  }

  static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelCases")
  void labelMetricsMatch(String name, JsonNode c) {
    int[] y = Fixtures.ints(c.get("y_true"));
    int[] p = Fixtures.ints(c.get("y_pred"));
    int k = c.get("classes").asInt();
    long[][] cm = ConfusionMatrix.of(y, p, k).toArray();
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        assertThat(cm[i][j]).isEqualTo(c.get("confusion_matrix").get(i).get(j).asLong());
      }
    }
    assertThat(LabelMetrics.accuracy(y, p)).isCloseTo(c.get("accuracy_score").asDouble(), within(EPS));
    assertThat(LabelMetrics.balancedAccuracy(y, p, k, false))
        .isCloseTo(c.get("balanced_accuracy_score").asDouble(), within(EPS));
    assertThat(LabelMetrics.balancedAccuracy(y, p, k, true))
        .isCloseTo(c.get("balanced_accuracy_score_adjusted").asDouble(), within(EPS));
    assertThat(LabelMetrics.matthews(y, p, k)).isCloseTo(c.get("matthews_corrcoef").asDouble(), within(EPS));
    assertThat(LabelMetrics.cohenKappa(y, p, k)).isCloseTo(c.get("cohen_kappa_score").asDouble(), within(EPS));
    for (int zd = 0; zd <= 1; zd++) {
      LabelMetrics.PerClass pc = LabelMetrics.perClass(y, p, k, 1.0, zd);
      JsonNode e = c.get("per_class_zd" + zd);
      assertThat(pc.precision()).containsExactly(doubles(e.get("precision")), within(EPS));
      assertThat(pc.recall()).containsExactly(doubles(e.get("recall")), within(EPS));
      assertThat(pc.fscore()).containsExactly(doubles(e.get("f1")), within(EPS));
      for (Average avg : Average.values()) {
        JsonNode prf = c.get("prf_" + avg.key() + "_zd" + zd);
        if (prf == null) {
          continue;
        }
        double[] got = LabelMetrics.precisionRecallFscore(y, p, k, 1.0, avg, 1, zd);
        assertThat(got).as("%s zero_division=%d", avg, zd).containsExactly(doubles(prf), within(EPS));
        assertThat(LabelMetrics.precisionRecallFscore(y, p, k, 2.0, avg, 1, zd)[2]).as("f2 %s", avg)
            .isCloseTo(c.get("f2_" + avg.key() + "_zd" + zd).asDouble(), within(EPS));
      }
    }
    assertThat(LabelMetrics.geometricMean(y, p, k, null, 1, 0.0))
        .isCloseTo(c.get("geometric_mean_score").asDouble(), within(EPS));
    assertThat(LabelMetrics.geometricMean(y, p, k, null, 1, 0.001))
        .isCloseTo(c.get("geometric_mean_score_correction").asDouble(), within(EPS));
    for (Average avg : Average.values()) {
      JsonNode g = c.get("geometric_mean_score_" + avg.key());
      if (g != null) {
        assertThat(LabelMetrics.geometricMean(y, p, k, avg, 1, 0.0)).as("gmean %s", avg)
            .isCloseTo(g.asDouble(), within(EPS));
      }
    }
    LabelMetrics.PerClass pc = LabelMetrics.perClass(y, p, k, 1.0, 0);
    double[] iba = LabelMetrics.indexBalancedAccuracy(pc, 0.1);
    LabelMetrics.reportAverages(pc, 0.1).forEach((key, v) ->
        assertThat(v).as(key).isCloseTo(c.get("report_avg").get(key).asDouble(), within(EPS)));
    for (int i = 0; i < pc.labels().length; i++) {
      JsonNode r = c.get("report").get(Integer.toString(pc.labels()[i]));
      assertThat(pc.precision()[i]).isCloseTo(r.get("pre").asDouble(), within(EPS));
      assertThat(pc.recall()[i]).isCloseTo(r.get("rec").asDouble(), within(EPS));
      assertThat(pc.specificity()[i]).isCloseTo(r.get("spe").asDouble(), within(EPS));
      assertThat(pc.fscore()[i]).isCloseTo(r.get("f1").asDouble(), within(EPS));
      assertThat(Math.sqrt(pc.recall()[i] * pc.specificity()[i])).isCloseTo(r.get("geo").asDouble(), within(EPS));
      assertThat(iba[i]).isCloseTo(r.get("iba").asDouble(), within(EPS));
      assertThat((double) pc.support()[i]).isEqualTo(r.get("sup").asDouble());
    }
  }

  static Stream<Arguments> probaCases() {
    List<Arguments> out = new ArrayList<>();
    ROOT.get("proba_cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probaCases")
  void multiClassProbabilityMetricsMatch(String name, JsonNode c) {
    int[] y = Fixtures.ints(c.get("y_true"));
    double[][] p = new double[y.length][];
    for (int i = 0; i < y.length; i++) {
      p[i] = doubles(c.get("proba").get(i));
    }
    for (Average avg : new Average[] {Average.MACRO, Average.WEIGHTED}) {
      assertThat(ProbabilityMetrics.rocAucOvr(y, p, avg)).as("ovr %s", avg)
          .isCloseTo(c.get("roc_auc_ovr_" + avg.key()).asDouble(), within(EPS));
      assertThat(ProbabilityMetrics.rocAucOvo(y, p, avg)).as("ovo %s", avg)
          .isCloseTo(c.get("roc_auc_ovo_" + avg.key()).asDouble(), within(EPS));
    }
    assertThat(ProbabilityMetrics.logLoss(y, p)).isCloseTo(c.get("log_loss").asDouble(), within(EPS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scoreCases")
  void scoreMetricsMatch(String name, JsonNode c) {
    int[] y = Fixtures.ints(c.get("y_true"));
    boolean[] pos = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      pos[i] = y[i] == 1;
    }
    double[] s = doubles(c.get("score"));
    assertThat(ScoreMetrics.rocAuc(pos, s)).isCloseTo(c.get("roc_auc_score").asDouble(), within(EPS));
    assertThat(ScoreMetrics.rocAuc(pos, s, 0.3)).isCloseTo(c.get("roc_auc_score_max_fpr_0.3").asDouble(), within(EPS));
    Curve roc = ScoreMetrics.roc(pos, s);
    assertThat(roc.x()).containsExactly(doubles(c.get("roc_curve").get("fpr")), within(EPS));
    assertThat(roc.y()).containsExactly(doubles(c.get("roc_curve").get("tpr")), within(EPS));
    assertThat(roc.thresholds()).containsExactly(doubles(c.get("roc_curve").get("thresholds")), within(EPS));
    assertThat(ScoreMetrics.averagePrecision(pos, s)).isCloseTo(c.get("average_precision_score").asDouble(), within(EPS));
    Curve pr = ScoreMetrics.precisionRecall(pos, s);
    assertThat(pr.y()).containsExactly(doubles(c.get("precision_recall_curve").get("precision")), within(EPS));
    assertThat(pr.x()).containsExactly(doubles(c.get("precision_recall_curve").get("recall")), within(EPS));
    assertThat(ScoreMetrics.prAucTrapezoid(pos, s)).isCloseTo(c.get("pr_auc_trapezoid").asDouble(), within(EPS));
    assertThat(ScoreMetrics.brier(pos, doubles(c.get("probability"))))
        .isCloseTo(c.get("brier_score_loss").asDouble(), within(EPS));
    Curve cal = ScoreMetrics.calibration(pos, doubles(c.get("probability")), 10);
    assertThat(cal.y()).containsExactly(doubles(c.get("calibration_curve").get("prob_true")), within(EPS));
    assertThat(cal.x()).containsExactly(doubles(c.get("calibration_curve").get("prob_pred")), within(EPS));
  }
}
