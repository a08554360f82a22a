package org.imbalanced4j.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imbalanced4j.Fixtures;
import org.imbalanced4j.catalog.Params;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-class SVM gives scikit-learn 1.2's {@code OneClassSVM.decision_function} to 1e-6 on the
 * training rows and held-out rows (fixtures: anomaly.json, from {@code scripts/fixtures/generate.py
 * anomaly}), with the same number of support vectors, and a written and read model scores the same.
 */
class OneClassSvmParityTest {
  private static final JsonNode ROOT = Fixtures.json("anomaly.json");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    ROOT.get("ocsvm").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decisionFunctionEqualsScikitLearns(String name, JsonNode c) throws Exception {
    float[] x = floats(c.get("X"));
    float[] xt = floats(c.get("X_test"));
    int width = c.get("X").get(0).size();
    Map<String, String> params = new java.util.LinkedHashMap<>();
    c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    Detector d = Detectors.create("ocsvm", new Params("ocsvm", params, List.of("nu", "kernel", "gamma", "tol")));
    OneClassSvm.Model m = (OneClassSvm.Model) d.fit(x, c.get("X").size(), width, 0);
    check(m.decision(x, c.get("X").size()), c.get("decision_train"));
    check(m.decision(xt, c.get("X_test").size()), c.get("decision"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    m.write(new DataOutputStream(bytes));
    Detector.Fitted back = Detectors.read("ocsvm", new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
        width);
    assertThat(back.anomaly(xt, c.get("X_test").size())).containsExactly(m.anomaly(xt, c.get("X_test").size()));
  }

  private static void check(double[] got, JsonNode want) {
    assertThat(got).hasSize(want.size());
    for (int i = 0; i < got.length; i++) {
      assertThat(got[i]).as("row %d", i).isCloseTo(want.get(i).asDouble(), within(1e-6));
    }
  }

  private static float[] floats(JsonNode rows) {
    int w = rows.get(0).size();
    float[] out = new float[rows.size() * w];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < w; j++) {
        out[i * w + j] = (float) rows.get(i).get(j).asDouble();
      }
    }
    return out;
  }
}
