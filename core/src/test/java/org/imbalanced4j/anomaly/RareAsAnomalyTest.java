package org.imbalanced4j.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.IntStream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.metrics.OneVsRest;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.junit.jupiter.api.Test;

/**
 * The rare class as anomalies on ionosphere (its bad radar returns: scikit-learn's detectors reach
 * ROC-AUC 0.88 and 0.94 there; on satimage the rare class is a compact cluster and neither works):
 * detectors fitted on the majority rows rank the rare rows above the majority's, the chosen cut separates them, and {@code contamination} sets the cut as
 * scikit-learn sets {@code offset_}.
 */
class RareAsAnomalyTest {
  private static final Dataset D = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
  private static final Dataset TRAIN = D.subset(IntStream.range(0, D.rows()).filter(i -> i % 3 != 0).toArray()).compact();
  private static final Dataset TEST = D.subset(IntStream.range(0, D.rows()).filter(i -> i % 3 == 0).toArray()).compact();
  private static final int RARE = TRAIN.classCounts().minority();

  @Test
  void detectorsOfTheMajorityScoreTheRareClassAsAnomalous() {
    for (String d : new String[] {"iforest", "ocsvm"}) {
      AnomalyModel m = (AnomalyModel) LearnerCatalog.create(d, Map.of()).fit(TRAIN, null, 0);
      double[][] p = m.predictProba(TEST);
      OneVsRest r = OneVsRest.of(TEST.labels(), p, RARE);
      assertThat(ScoreMetrics.rocAuc(r.positive(), r.score())).as(d + " ROC-AUC").isGreaterThan(0.75);
      int[] pred = new int[p.length];
      for (int i = 0; i < p.length; i++) {
        pred[i] = p[i][RARE] > p[i][1 - RARE] ? RARE : 1 - RARE;
        assertThat(p[i][0] + p[i][1]).isCloseTo(1.0, within(1e-12));
      }
      assertThat(LabelMetrics.balancedAccuracy(TEST.labels(), pred, 2, false)).as(d + " balanced accuracy")
          .isGreaterThan(0.7);
    }
  }

  @Test
  void contaminationPutsThatShareOfTheMajorityAboveTheCut() {
    AnomalyModel m = (AnomalyModel) LearnerCatalog.create("iforest", Map.of("contamination", "0.2")).fit(TRAIN, null, 1);
    int[] majority = IntStream.range(0, TRAIN.rows()).filter(i -> TRAIN.label(i) != RARE).toArray();
    double[] s = m.anomaly(TRAIN.subset(majority));
    long above = java.util.Arrays.stream(s).filter(v -> v > m.cut()).count();
    assertThat((double) above / s.length).isCloseTo(0.2, within(0.002));
    AnomalyModel auto = (AnomalyModel) LearnerCatalog.create("iforest", Map.of("contamination", "auto")).fit(TRAIN, null, 1);
    assertThat(auto.cut()).isEqualTo(0.5);
  }

  @Test
  void badInputIsOneClearLine() {
    assertThatThrownBy(() -> LearnerCatalog.create("iforest", Map.of("contamination", "0.7")))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("contamination must be");
    Dataset one = TRAIN.subset(IntStream.range(0, TRAIN.rows()).filter(i -> TRAIN.label(i) != RARE).toArray());
    assertThatThrownBy(() -> LearnerCatalog.create("ocsvm", Map.of()).fit(one, null, 0)).isInstanceOf(DataException.class)
        .hasMessageStartingWith("ocsvm: the training rows hold one class");
  }
}
