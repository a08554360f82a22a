package org.imbalanced4j.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imbalanced4j.Fixtures;
import org.imbalanced4j.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same rows as imbalanced-learn 0.10 (fixtures from scripts/fixtures/generate.py): deterministic
 * and seeded index samplers select identical indices in identical order; synthetic samplers give
 * identical class counts.
 */
class SamplerParityTest {
  private static final JsonNode ROOT = Fixtures.json("samplers.json");

  static Dataset dataset(String name) {
    JsonNode d = ROOT.get("data").get(name);
    return Fixtures.dataset(d.get("X"), d.get("y"));
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : ROOT.get("cases")) {
      out.add(Arguments.of(c.get("sampler").asText() + " " + c.get("data").asText() + " "
          + c.get("params"), c));
    }
    return out.stream();
  }

  /** imbalanced-learn's parameters as the text the catalogue reads. */
  static Map<String, String> params(JsonNode p) {
    Map<String, String> m = new LinkedHashMap<>();
    p.fields().forEachRemaining(e -> {
      if (e.getKey().equals("random_state")) {
        return;
      }
      JsonNode v = e.getValue();
      String text;
      if (v.isObject()) {
        StringBuilder sb = new StringBuilder();
        v.fields().forEachRemaining(kv -> sb.append(sb.length() == 0 ? "" : ",")
            .append(kv.getKey()).append(':').append(kv.getValue().asText()));
        text = sb.toString();
      } else {
        text = v.asText();
      }
      m.put(e.getKey(), text);
    });
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesImbalancedLearn(String name, JsonNode c) {
    Dataset data = dataset(c.get("data").asText());
    long seed = c.get("params").has("random_state") ? c.get("params").get("random_state").asLong() : 0;
    Sampler s = SamplerCatalog.create(c.get("sampler").asText(), params(c.get("params")), seed);
    Resampled r = s.fitResample(data);
    Map<String, Integer> counts = new LinkedHashMap<>();
    c.get("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
    Map<String, Integer> got = new LinkedHashMap<>();
    r.data().classCounts().asMap().forEach((k, v) -> {
      if (v > 0) {
        got.put(k, v.intValue());
      }
    });
    assertThat(got).as("class counts").isEqualTo(counts);
    if (c.get("check").asText().equals("indices")) {
      assertThat(r.sampleIndices()).as("sample_indices_").isPresent();
      assertThat(r.sampleIndices().get()).containsExactly(Fixtures.ints(c.get("sample_indices")));
    }
  }
}
