package org.imbalanced4j.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.metrics.LabelMetrics;
import org.junit.jupiter.api.Test;

/** Forests: seeded on any thread count, balanced draws, better than one tree, clear parameter errors. */
class ForestTest {
  private static final Dataset D = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
  private static final Dataset TRAIN = D.subset(IntStream.range(0, D.rows()).filter(i -> i % 4 != 0).toArray()).compact();
  private static final Dataset TEST = D.subset(IntStream.range(0, D.rows()).filter(i -> i % 4 == 0).toArray()).compact();

  private static ForestModel fit(String learner, Map<String, String> params, long seed) {
    return (ForestModel) LearnerCatalog.create(learner, params).fit(TRAIN, null, seed);
  }

  @Test
  void aSeedGivesTheSameForestOnOneThreadAsOnAll() throws Exception {
    for (String learner : new String[] {"forest", "extra-trees", "balanced-forest"}) {
      double[][] all = fit(learner, Map.of("n_estimators", "20"), 7).predictProba(TEST);
      ForkJoinPool one = new ForkJoinPool(1);
      double[][] single = one.submit(() -> fit(learner, Map.of("n_estimators", "20"), 7).predictProba(TEST)).get();
      one.shutdown();
      assertThat(single).as(learner).isDeepEqualTo(all);
      assertThat(fit(learner, Map.of("n_estimators", "20"), 8).predictProba(TEST)).as(learner).isNotEqualTo(all);
    }
  }

  @Test
  void aBalancedForestGrowsEachTreeOnEqualClasses() {
    long[] counts = TRAIN.classCounts().counts();
    assertThat(counts[0]).isNotEqualTo(counts[1]);
    ForestModel m = fit("balanced-forest", Map.of("n_estimators", "10", "bootstrap", "false"), 0);
    for (Tree t : m.trees()) {
      assertThat(t.share(0, 0)).isCloseTo(0.5, within(1e-6));
    }
    // with the bootstrap after the under-sample, each draw is near balanced but not exactly
    ForestModel b = fit("balanced-forest", Map.of("n_estimators", "10"), 0);
    double mean = b.trees().stream().mapToDouble(t -> t.share(0, 0)).average().orElseThrow();
    assertThat(mean).isCloseTo(0.5, within(0.05));
    // a plain forest's bootstrap keeps the training shares
    double share = (double) counts[0] / TRAIN.rows();
    assertThat(fit("forest", Map.of("n_estimators", "10"), 0).trees().get(0).share(0, 0)).isCloseTo(share, within(0.08));
  }

  @Test
  void aForestScoresBetterThanOneTreeOnHeldOutRows() {
    double tree = balancedAccuracy(fit("tree", Map.of(), 0));
    double forest = balancedAccuracy(fit("forest", Map.of(), 0));
    assertThat(forest).isGreaterThan(0.9).isGreaterThan(tree);
    assertThat(balancedAccuracy(fit("extra-trees", Map.of(), 0))).isGreaterThan(0.9);
    assertThat(balancedAccuracy(fit("balanced-forest", Map.of("criterion", "entropy"), 0))).isGreaterThan(0.9);
  }

  @Test
  void depthAndLeafSizeBoundTheTree() {
    Tree t = fit("tree", Map.of("max_depth", "3"), 0).trees().get(0);
    assertThat(t.depth()).isEqualTo(3);
    assertThat(t.leaves()).isLessThanOrEqualTo(8);
    Tree full = fit("tree", Map.of(), 0).trees().get(0);
    Tree leafy = fit("tree", Map.of("min_samples_leaf", "20"), 0).trees().get(0);
    assertThat(leafy.leaves()).isLessThan(full.leaves()).isLessThanOrEqualTo(TRAIN.rows() / 20);
  }

  @Test
  void badParametersAreOneClearLine() {
    assertThatThrownBy(() -> LearnerCatalog.create("forest", Map.of("max_features", "most")))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage("forest: max_features must be sqrt, log2, all, a fraction in (0, 1] or a count, got 'most'");
    assertThatThrownBy(() -> LearnerCatalog.create("balanced-forest", Map.of("class_weight", "heavy")))
        .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("balanced-forest: class_weight must be");
    assertThatThrownBy(() -> LearnerCatalog.create("tree", Map.of("n_estimators", "3")))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("n_estimators");
  }

  private static double balancedAccuracy(ForestModel m) {
    double[][] p = m.predictProba(TEST);
    int[] pred = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      pred[i] = p[i][1] > p[i][0] ? 1 : 0;
    }
    return LabelMetrics.balancedAccuracy(TEST.labels(), pred, 2, false);
  }
}
