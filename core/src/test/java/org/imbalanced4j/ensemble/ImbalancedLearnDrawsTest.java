package org.imbalanced4j.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imbalanced4j.Fixtures;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The random ensembles draw what imbalanced-learn 0.10 draws for the same seed (fixtures:
 * ensembles.json, from {@code scripts/fixtures/generate.py ensembles}): each bag's learner and
 * resampler seeds and its bootstrap rows, each RUSBoost round's stump and resampler seeds, each
 * stump's order of columns ({@code our_rand_r}, which decides between columns that split alike), and
 * so, where our binned stumps are exact, {@code EasyEnsembleClassifier}'s, {@code
 * RUSBoostClassifier}'s and {@code AdaBoostClassifier}'s probabilities.
 */
class ImbalancedLearnDrawsTest {
  private static final JsonNode ROOT = Fixtures.json("ensembles.json");

  @Test
  void bagsAndRoundsAreSeededAsImbalancedLearnSeedsThem() {
    for (JsonNode s : ROOT.get("seeds")) {
      long seed = s.get("seed").asLong();
      JsonNode bags = s.get("bags");
      long[][] ours = BalancedBagging.memberSeeds(seed, bags.size());
      for (int b = 0; b < bags.size(); b++) {
        assertThat(ours[b][1]).as("seed %d, bag %d: learner", seed, b).isEqualTo(bags.get(b).get(0).asLong());
        assertThat(ours[b][2]).as("seed %d, bag %d: sampler", seed, b).isEqualTo(bags.get(b).get(1).asLong());
      }
      JsonNode boot = s.get("bootstrap");
      long[][] bagged = BalancedBagging.memberSeeds(seed, boot.size());
      for (int b = 0; b < boot.size(); b++) {
        int[] want = Fixtures.ints(boot.get(b));
        assertThat(Arrays.copyOf(BalancedBagging.draw(200, bagged[b][0]), want.length)).isEqualTo(want);
      }
      // RUSBoost: one stream for the whole fit, the stump's seed then the sampler's each round
      NumpyRandom rounds = new NumpyRandom(seed);
      for (JsonNode r : s.get("rounds")) {
        assertThat(rounds.randint(Integer.MAX_VALUE)).isEqualTo(r.get(0).asInt());
        assertThat(rounds.randint(Integer.MAX_VALUE)).isEqualTo(r.get(1).asInt());
      }
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    ROOT.get("cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
    return out.stream();
  }

  /** The same seed as imbalanced-learn's random_state gives its ensemble's probabilities. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fitsImbalancedLearnsEnsembleForTheSameSeed(String name, JsonNode c) {
    Dataset train = Fixtures.dataset(c.get("X"), c.get("y"));
    JsonNode xt = c.get("X_test");
    Dataset test = Fixtures.unlabelled(xt);
    Map<String, String> params = new LinkedHashMap<>();
    c.get("params").fields().forEachRemaining(e -> {
      if (!e.getKey().equals("random_state")) {
        params.put(e.getKey(), e.getValue().asText());
      }
    });
    long seed = c.get("params").get("random_state").asLong();
    double[][] got = LearnerCatalog.create(c.get("learner").asText(), params).fit(train, null, seed).predictProba(test);
    Fixtures.assertProba(got, c.get("proba"), 1e-6);
    if (c.get("learner").asText().equals("adaboost")) {
      return; // its two fixtures, seeds 0 and 1, differ: the seed orders the columns
    }
    // another seed draws other bags
    double[][] other = LearnerCatalog.create(c.get("learner").asText(), params).fit(train, null, seed + 1)
        .predictProba(test);
    assertThat(Arrays.stream(other).mapToDouble(p -> p[1]).toArray())
        .isNotEqualTo(Arrays.stream(got).mapToDouble(p -> p[1]).toArray());
  }
}
