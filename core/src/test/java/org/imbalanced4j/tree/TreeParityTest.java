package org.imbalanced4j.tree;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imbalanced4j.Fixtures;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code tree} learner grows scikit-learn 1.2's {@code DecisionTreeClassifier} (fixtures:
 * trees.json, from {@code scripts/fixtures/generate.py trees}): the same number of nodes and depth,
 * and the same probabilities for the training rows and for held-out rows (whose thresholds lie
 * half-way between neighbouring training values, as CART's), with Gini and entropy,
 * depth caps, {@code min_samples_leaf}, balanced class weights and sample weights.
 */
class TreeParityTest {
  private static final JsonNode ROOT = Fixtures.json("trees.json");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    ROOT.get("cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void growsScikitLearnsTree(String name, JsonNode c) {
    Dataset train = Fixtures.dataset(c.get("X"), c.get("y"));
    if (!c.get("sample_weight").isNull()) {
      double[] w = new double[train.rows()];
      for (int i = 0; i < w.length; i++) {
        w[i] = c.get("sample_weight").get(i).asDouble();
      }
      train = train.withWeights(w);
    }
    JsonNode xt = c.get("X_test");
    Dataset test = Fixtures.unlabelled(xt);
    Map<String, String> params = new LinkedHashMap<>();
    c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    Model m = LearnerCatalog.create("tree", params).fit(train, null, 0);
    Tree t = ((ForestModel) m).trees().get(0);
    if (!params.containsKey("class_weight")) {
      // with fractional weights scikit-learn also splits nodes that are pure up to rounding
      // (impurity 4e-16 > its epsilon 2.2e-16) into children of the same class: same predictions
      assertThat(t.nodes()).isEqualTo(c.get("nodes").asInt());
    }
    assertThat(t.depth()).isEqualTo(c.get("depth").asInt());
    Fixtures.assertProba(m.predictProba(train), c.get("proba_train"), 1e-6);
    Fixtures.assertProba(m.predictProba(test), c.get("proba"), 1e-6);
  }

  static Stream<Arguments> boosted() {
    List<Arguments> out = new ArrayList<>();
    ROOT.get("boosted").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
    return out.stream();
  }

  /** {@code adaboost} gives {@code AdaBoostClassifier}'s probabilities, SAMME.R and SAMME, 2 and 3 classes. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("boosted")
  void boostsAsScikitLearnsAdaBoost(String name, JsonNode c) {
    Dataset train = Fixtures.dataset(c.get("X"), c.get("y"));
    JsonNode xt = c.get("X_test");
    Map<String, String> params = new LinkedHashMap<>();
    c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    Model m = LearnerCatalog.create("adaboost", params).fit(train, null, 0);
    assertThat(((ForestModel) m).trees()).hasSize(c.get("rounds").asInt());
    Fixtures.assertProba(m.predictProba(train), c.get("proba_train"), 1e-6);
    Fixtures.assertProba(m.predictProba(Fixtures.unlabelled(xt)), c.get("proba"), 1e-6);
  }
}
