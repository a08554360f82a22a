package org.imbalanced4j.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.Fixtures;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.learn.LearnerCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code knn} learner gives scikit-learn 1.2's {@code make_pipeline(StandardScaler(),
 * KNeighborsClassifier(n_neighbors, weights))} probabilities (fixtures: knn.json, from {@code
 * scripts/fixtures/generate.py knn}), for held-out rows and for the training rows themselves
 * (where weights=distance gives each row's own class probability 1): uniform votes exactly (they
 * are fractions of k), distance-weighted votes to 1e-6 (the rows are standardised into floats
 * here, into doubles there).
 */
class KNeighborsParityTest {
  private static final JsonNode ROOT = Fixtures.json("knn.json");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    ROOT.get("cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void probabilitiesEqualScikitLearns(String name, JsonNode c) {
    Dataset train = Fixtures.dataset(c.get("X"), c.get("y"));
    JsonNode xt = c.get("X_test");
    Dataset test = Fixtures.unlabelled(xt);
    Model m = LearnerCatalog.create("knn", Map.of("n_neighbors", c.get("n_neighbors").asText(),
        "weights", c.get("weights").asText())).fit(train, null, 0);
    double tol = c.get("weights").asText().equals("uniform") ? 1e-15 : 1e-6;
    Fixtures.assertProba(m.predictProba(test), c.get("proba"), tol);
    Fixtures.assertProba(m.predictProba(train), c.get("proba_train"), tol);
  }

  @Test
  void moreNeighboursThanRowsIsOneClearError() {
    JsonNode c = ROOT.get("cases").get(0);
    Dataset train = Fixtures.dataset(c.get("X"), c.get("y"));
    Dataset four = train.subset(new int[] {0, 1, 2, 3});
    assertThatThrownBy(() -> new KNeighbors(5, false).fit(four, null, 0)).isInstanceOf(DataException.class)
        .hasMessage("knn: n_neighbors=5 is more than the 4 training rows");
  }
}
