package org.imbalanced4j.split;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imbalanced4j.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Same seed, same indices as scikit-learn 1.2 (fixtures from scripts/fixtures/generate.py). */
class SplitParityTest {
  private static final JsonNode ROOT = Fixtures.json("splits.json");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : ROOT.get("cases")) {
      out.add(Arguments.of(c.get("kind").asText() + " " + c.get("labels").asText() + " "
          + c.toString().replaceAll("\\[[^\\]]*\\]", "[..]").replaceAll("\\[.*", ""), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesScikitLearn(String name, JsonNode c) {
    int[] y = Fixtures.ints(ROOT.get("labels").get(c.get("labels").asText()));
    switch (c.get("kind").asText()) {
      case "skf" -> {
        List<Split> folds = StratifiedKFold.builder()
            .optNSplits(c.get("n_splits").asInt())
            .optShuffle(c.get("shuffle").asBoolean())
            .optSeed(c.get("seed").asLong())
            .build()
            .split(y);
        assertFolds(folds, c.get("test_folds"), y.length);
      }
      case "rskf" -> {
        List<Split> folds = RepeatedStratifiedKFold.builder()
            .optNSplits(c.get("n_splits").asInt())
            .optNRepeats(c.get("n_repeats").asInt())
            .optSeed(c.get("seed").asLong())
            .build()
            .split(y);
        assertFolds(folds, c.get("test_folds"), y.length);
      }
      case "tts" -> {
        Split s = StratifiedShuffleSplit.trainTestSplit(y, c.get("test_size").asDouble(),
            c.get("seed").asLong());
        assertThat(s.train()).containsExactly(Fixtures.ints(c.get("train")));
        assertThat(s.test()).containsExactly(Fixtures.ints(c.get("test")));
      }
      default -> throw new AssertionError(c.get("kind"));
    }
  }

  private static void assertFolds(List<Split> folds, JsonNode expected, int n) {
    assertThat(folds).hasSize(expected.size());
    for (int f = 0; f < folds.size(); f++) {
      int[] test = folds.get(f).test();
      assertThat(test).containsExactly(Fixtures.ints(expected.get(f)));
      assertThat(folds.get(f).train().length + test.length).isEqualTo(n);
    }
  }
}
