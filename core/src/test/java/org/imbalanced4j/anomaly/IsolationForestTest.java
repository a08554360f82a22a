package org.imbalanced4j.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ForkJoinPool;
import org.imbalanced4j.Fixtures;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.junit.jupiter.api.Test;

/**
 * Isolation Forest against scikit-learn 1.2 (fixtures: anomaly.json): the average path length
 * {@code c(m)} equal to its {@code _average_path_length}, and the ROC-AUC of the anomaly scores on a
 * data set with wider-spread anomalies within 0.01 of scikit-learn's (mean of 5 seeds each; the
 * random draws differ, the distribution of the result does not). A seed gives the same scores on
 * one thread as on all.
 */
class IsolationForestTest {
  private static final JsonNode ROOT = Fixtures.json("anomaly.json").get("iforest");

  @Test
  void averagePathLengthIsScikitLearns() {
    ROOT.get("average_path_length").fields().forEachRemaining(e -> assertThat(
        IsolationForest.averagePath(Integer.parseInt(e.getKey()))).as("c(%s)", e.getKey())
        .isCloseTo(e.getValue().asDouble(), within(1e-12)));
  }

  @Test
  void rocAucMatchesScikitLearnsAndASeedIsThreadIndependent() throws Exception {
    JsonNode xs = ROOT.get("X");
    int n = xs.size();
    int w = xs.get(0).size();
    float[] x = new float[n * w];
    boolean[] anomaly = new boolean[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < w; j++) {
        x[i * w + j] = (float) xs.get(i).get(j).asDouble();
      }
      anomaly[i] = ROOT.get("y").get(i).asInt() == 1;
    }
    double ours = 0;
    double theirs = 0;
    int seeds = ROOT.get("roc_auc").size();
    for (int s = 0; s < seeds; s++) {
      double[] score = new IsolationForest(100, 256).fit(x, n, w, s).anomaly(x, n);
      for (double v : score) {
        assertThat(v).isBetween(0.0, 1.0);
      }
      ours += ScoreMetrics.rocAuc(anomaly, score) / seeds;
      theirs += ROOT.get("roc_auc").get(s).asDouble() / seeds;
    }
    assertThat(ours).isCloseTo(theirs, within(0.01));
    double[] all = new IsolationForest(50, 128).fit(x, n, w, 9).anomaly(x, n);
    ForkJoinPool one = new ForkJoinPool(1);
    double[] single = one.submit(() -> new IsolationForest(50, 128).fit(x, n, w, 9).anomaly(x, n)).get();
    one.shutdown();
    assertThat(single).containsExactly(all);
  }
}
