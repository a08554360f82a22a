package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimisers' steps equal PyTorch's Adam, AdamW and SGD with momentum, with a rate that
 * changes between steps, to 1e-5 (fixtures: scripts/fixtures/optimizers.py); a state saved and
 * restored halfway continues the same way.
 */
class AdamParityTest {
  static Stream<Arguments> cases() throws IOException {
    try (InputStream in = AdamParityTest.class.getResourceAsStream("/fixtures/optimizers.json")) {
      List<Arguments> out = new ArrayList<>();
      for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
        out.add(Arguments.of(c.get("optimizer").asText() + " wd " + c.get("weight_decay").asDouble(), c));
      }
      return out.stream();
    }
  }

  private static float[] floats(JsonNode a) {
    float[] f = new float[a.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) a.get(i).asDouble();
    }
    return f;
  }

  private static Adam optimizer(JsonNode c) {
    double wd = c.get("weight_decay").asDouble();
    return c.get("optimizer").asText().equals("adam") ? Adam.adam(wd) : Adam.sgd(0.9, wd);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachStepEqualsPyTorch(String name, JsonNode c) {
    for (int resumeAt : new int[] {-1, 4}) {
      try (NDManager m = PyTorchEngine.get().newBaseManager()) {
        NDArray w = m.create(floats(c.get("initial")), new Shape(3, 4));
        w.setRequiresGradient(true);
        Adam opt = optimizer(c);
        for (int s = 0; s < c.get("rates").size(); s++) {
          if (s == resumeAt) {
            NDList saved = opt.state(m);
            opt = optimizer(c);
            opt.restore(NDList.decode(m, saved.encode()), m);
          }
          NDArray g = m.create(floats(c.get("gradients").get(s)), new Shape(3, 4));
          try (GradientCollector gc = PyTorchEngine.get().newGradientCollector()) {
            gc.backward(w.mul(g).sum()); // the gradient of sum(w * g) is g
          }
          PyTorchEngine.noGrad();
          opt.step(List.of(w), (float) c.get("rates").get(s).asDouble());
          float[] expected = floats(c.get("after").get(s));
          float[] actual = w.toFloatArray();
          for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("%s, step %d, resumed at %d, element %d", name, s, resumeAt, i)
                .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-5 * Math.max(1, Math.abs(expected[i]))));
          }
          assertThat(w.getGradient().abs().max().getFloat()).as("the step zeroes the gradient").isZero();
        }
      }
    }
  }
}
