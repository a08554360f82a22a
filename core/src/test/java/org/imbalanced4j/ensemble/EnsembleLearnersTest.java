package org.imbalanced4j.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.model.Model;
import org.junit.jupiter.api.Test;

/**
 * The balanced ensembles on satimage (9.7% rare class): each recalls the rare class far better than
 * plain AdaBoost at the same argmax decision, the bags are the same on one thread as on all, and a
 * bag may hold any learner with any resampler.
 */
class EnsembleLearnersTest {
  private static final Dataset D = Datasets.read("builtin:satimage", ReadOptions.defaults());
  private static final Dataset TRAIN = D.subset(IntStream.range(0, D.rows()).filter(i -> i % 5 != 0).toArray()).compact();
  private static final Dataset TEST = D.subset(IntStream.range(0, D.rows()).filter(i -> i % 5 == 0).toArray()).compact();

  @Test
  void balancedEnsemblesRecallTheRareClassThatAdaBoostMisses() {
    int rare = TRAIN.classCounts().counts()[0] < TRAIN.classCounts().counts()[1] ? 0 : 1;
    double[] plain = scores(LearnerCatalog.create("adaboost", Map.of()).fit(TRAIN, null, 0), rare);
    for (String learner : new String[] {"rusboost", "smoteboost", "easy-ensemble", "balanced-bagging"}) {
      double[] s = new double[2];
      for (int seed = 0; seed < 3; seed++) { // one ensemble's recall moves by a few points from seed to seed
        double[] one = scores(LearnerCatalog.create(learner, Map.of()).fit(TRAIN, null, seed), rare);
        s[0] += one[0] / 3;
        s[1] += one[1] / 3;
      }
      assertThat(s[1]).as(learner + " rare recall").isGreaterThan(plain[1] + 0.15);
      assertThat(s[0]).as(learner + " balanced accuracy").isGreaterThan(plain[0]).isGreaterThan(0.8);
    }
  }

  @Test
  void bagsAreTheSameOnOneThreadAsOnAll() throws Exception {
    Map<String, String> p = Map.of("n_estimators", "4", "boost_rounds", "10");
    double[][] all = LearnerCatalog.create("easy-ensemble", p).fit(TRAIN, null, 3).predictProba(TEST);
    ForkJoinPool one = new ForkJoinPool(1);
    double[][] single = one.submit(() -> LearnerCatalog.create("easy-ensemble", p).fit(TRAIN, null, 3)
        .predictProba(TEST)).get();
    one.shutdown();
    assertThat(single).isDeepEqualTo(all);
  }

  @Test
  void aBagHoldsAnyLearnerWithAnyResampler() {
    Model m = LearnerCatalog.create("balanced-bagging", Map.of("estimator", "knn", "sampler", "SMOTE",
        "n_estimators", "3")).fit(TRAIN, null, 0);
    assertThat(m).isInstanceOf(MeanModel.class);
    int rare = TRAIN.classCounts().counts()[0] < TRAIN.classCounts().counts()[1] ? 0 : 1;
    assertThat(scores(m, rare)[0]).isGreaterThan(0.8);
    Model shallow = LearnerCatalog.create("balanced-bagging", Map.of("estimator", "tree(max_depth=1, criterion=entropy)",
        "n_estimators", "2")).fit(TRAIN, null, 0);
    for (Model member : ((MeanModel) shallow).members()) {
      assertThat(((org.imbalanced4j.tree.ForestModel) member).trees().get(0).depth()).isEqualTo(1);
    }
    assertThatThrownBy(() -> LearnerCatalog.create("balanced-bagging", Map.of("estimator", "tree(max_depth)")))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("NAME(key=value, ...)");
    assertThatThrownBy(() -> LearnerCatalog.create("balanced-bagging", Map.of("estimator", "svm")))
        .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("balanced-bagging: unknown learner 'svm'");
    assertThatThrownBy(() -> LearnerCatalog.create("easy-ensemble", Map.of("algorithm", "SAMME.X")))
        .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("easy-ensemble: algorithm must be");
  }

  /** {balanced accuracy, recall of the rare class} on the test rows at argmax. */
  private static double[] scores(Model m, int rare) {
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
    return new double[] {LabelMetrics.balancedAccuracy(TEST.labels(), pred, 2, false), (double) hit / of};
  }
}
