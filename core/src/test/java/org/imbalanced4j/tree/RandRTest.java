package org.imbalanced4j.tree;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.imbalanced4j.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@link RandR} is scikit-learn's splitter generator: seeded from a tree's {@code random_state} as
 * scikit-learn seeds it, its first draw picks the column that {@code DecisionTreeClassifier(
 * max_features=1, random_state=s)} splits on, for 60 seeds (fixture: ensembles.json).
 */
class RandRTest {
  @Test
  void picksTheColumnScikitLearnsSplitterVisitsFirst() {
    JsonNode first = Fixtures.json("ensembles.json").get("first_column_of_5");
    for (int s = 0; s < first.size(); s++) {
      assertThat(new RandR(s).nextInt(5)).as("random_state %d", s).isEqualTo(first.get(s).asInt());
    }
  }
}
