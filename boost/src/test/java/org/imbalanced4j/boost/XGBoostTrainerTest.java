package org.imbalanced4j.boost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.threshold.DecisionRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code xgboost} learner: XGBoost's Java API runs without Scala on the class path, imbalance
 * weights lift the rare class's recall, early stopping keeps the best round, a seed gives the same
 * model, models save and load, and the booster's native memory outlives forced collections while
 * its model is held.
 */
class XGBoostTrainerTest {
  private static final Dataset D = Datasets.read("builtin:satimage", ReadOptions.defaults());
  private static final Dataset TRAIN = D.subset(IntStream.range(0, D.rows()).filter(i -> i % 4 != 0).toArray()).compact();
  private static final Dataset TEST = D.subset(IntStream.range(0, D.rows()).filter(i -> i % 4 == 0).toArray()).compact();
  private static final Dataset FIT = TRAIN.subset(IntStream.range(0, TRAIN.rows()).filter(i -> i % 5 != 0).toArray()).compact();
  private static final Dataset VALIDATION = TRAIN.subset(IntStream.range(0, TRAIN.rows()).filter(i -> i % 5 == 0).toArray()).compact();

  @TempDir Path dir;

  @Test
  void xgboostsJavaApiNeedsNoScala() {
    assertThatThrownBy(() -> Class.forName("scala.Predef")).isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("scala.collection.immutable.List")).isInstanceOf(ClassNotFoundException.class);
    Model m = LearnerCatalog.create("xgboost", Map.of("n_estimators", "5", "early_stopping_rounds", "0"))
        .fit(FIT, null, 0);
    assertThat(m.predictProba(TEST)).hasNumberOfRows(TEST.rows());
  }

  @Test
  void weightsLiftTheRareClassAndEarlyStoppingKeepsTheBestRound() {
    int rare = TRAIN.classCounts().minority();
    XGBoostModel plain = (XGBoostModel) LearnerCatalog.create("xgboost", Map.of()).fit(FIT, VALIDATION, 0);
    XGBoostModel weighted = (XGBoostModel) LearnerCatalog.create("xgboost", Map.of("scale_pos_weight", "auto"))
        .fit(FIT, VALIDATION, 0);
    XGBoostModel balanced = (XGBoostModel) LearnerCatalog.create("xgboost", Map.of("class_weight", "balanced"))
        .fit(FIT, VALIDATION, 0);
    double[] p = recallAndBalancedAccuracy(plain, rare);
    for (XGBoostModel m : new XGBoostModel[] {weighted, balanced}) {
      double[] w = recallAndBalancedAccuracy(m, rare);
      assertThat(w[0]).isGreaterThan(p[0] + 0.1);
      assertThat(w[1]).isGreaterThan(p[1]).isGreaterThan(0.85);
    }
    assertThat(plain.rounds()).isBetween(2, 299);
    XGBoostModel again = (XGBoostModel) LearnerCatalog.create("xgboost", Map.of()).fit(FIT, VALIDATION, 0);
    assertThat(again.predictProba(TEST)).isDeepEqualTo(plain.predictProba(TEST));
    assertThat(again.rounds()).isEqualTo(plain.rounds());
  }

  @Test
  void aModelSavesLoadsAndOutlivesCollectionsWhileHeld() throws Exception {
    Dataset three = Datasets.read("builtin:glass", ReadOptions.defaults());
    Model m = LearnerCatalog.create("xgboost", Map.of("n_estimators", "30", "early_stopping_rounds", "0"))
        .fit(three, null, 1);
    double[][] before = m.predictProba(three);
    for (int i = 0; i < 20; i++) {
      LearnerCatalog.create("xgboost", Map.of("n_estimators", "5", "early_stopping_rounds", "0")).fit(three, null, i);
      System.gc();
      Thread.sleep(5);
    }
    assertThat(m.predictProba(three)).isDeepEqualTo(before);
    ModelDirectory.save(dir, m, DecisionRule.ARGMAX.toMap(m.classes()), Map.of(), three);
    assertThat(ModelDirectory.load(dir).predictProba(three)).isDeepEqualTo(before);
    for (double[] row : before) {
      assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  @Test
  void badParametersAreOneClearLine() {
    assertThatThrownBy(() -> LearnerCatalog.create("xgboost", Map.of("scale_pos_weight", "lots")))
        .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("xgboost: scale_pos_weight must be");
    assertThatThrownBy(() -> LearnerCatalog.create("xgboost", Map.of("learning_rate", "2")))
        .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("xgboost: learning_rate must be");
  }

  /** {rare-class recall, balanced accuracy} on the test rows at argmax. */
  private static double[] recallAndBalancedAccuracy(Model m, int rare) {
    double[][] p = m.predictProba(TEST);
    int[] pred = new int[p.length];
    int hit = 0;
    int of = 0;
    for (int i = 0; i < p.length; i++) {
      pred[i] = p[i][1] > p[i][0] ? 1 : 0;
      if (TEST.label(i) == rare) {
        of++;
        hit += pred[i] == rare ? 1 : 0;
      }
    }
    return new double[] {(double) hit / of, LabelMetrics.balancedAccuracy(TEST.labels(), pred, 2, false)};
  }
}
