package org.imbalanced4j.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our CIFAR ResNet computes what PyTorch's does from the same parameters: logits in evaluation
 * mode (running statistics) and in training mode (batch statistics), the cross-entropy and every
 * parameter's gradient, and the running statistics a training pass leaves. The PyTorch network is
 * the one the long-tailed benchmark trains (scripts/bench/lt/torch_recipes.py), at depth 8 so the
 * fixture stays small (scripts/fixtures/networks.py); a difference in layer order, padding,
 * shortcut, pooling or batch-norm momentum fails here.
 */
class ResNetParityTest {
  private static JsonNode index;
  private static final Map<String, float[]> ARRAYS = new LinkedHashMap<>();
  private static final Map<String, long[]> SHAPES = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws IOException {
    float[] data;
    try (InputStream j = ResNetParityTest.class.getResourceAsStream("/fixtures/resnet8.json");
        InputStream b = ResNetParityTest.class.getResourceAsStream("/fixtures/resnet8.bin")) {
      index = new ObjectMapper().readTree(j);
      ByteBuffer buf = ByteBuffer.wrap(b.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      data = new float[buf.remaining() / 4];
      buf.asFloatBuffer().get(data);
    }
    for (JsonNode a : index.get("arrays")) {
      long[] shape = new long[a.get("shape").size()];
      long n = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = a.get("shape").get(i).asLong();
        n *= shape[i];
      }
      int off = a.get("offset").asInt();
      ARRAYS.put(a.get("name").asText(), Arrays.copyOfRange(data, off, off + (int) n));
      SHAPES.put(a.get("name").asText(), shape);
    }
  }

  /** PyTorch's parameter names in state_dict order, with the given prefix removed. */
  private static List<String> named(String prefix) {
    List<String> out = new ArrayList<>();
    for (String k : ARRAYS.keySet()) {
      if (k.startsWith(prefix)) {
        out.add(k.substring(prefix.length()));
      }
    }
    return out;
  }

  /** Our network with PyTorch's values, parameter by parameter in order; returns the pairs (ours, PyTorch's name). */
  private static List<Pair<Parameter, String>> load(Block block) {
    List<Pair<Parameter, String>> pairs = new ArrayList<>();
    List<String> torch = named("param:");
    List<Pair<String, Parameter>> ours = block.getParameters().stream().toList();
    assertThat(ours).as("parameter count").hasSize(torch.size());
    for (int i = 0; i < torch.size(); i++) {
      Parameter p = ours.get(i).getValue();
      String name = torch.get(i);
      assertThat(p.getArray().getShape().getShape()).as(ours.get(i).getKey() + " against " + name)
          .containsExactly(SHAPES.get("param:" + name));
      p.getArray().set(ARRAYS.get("param:" + name));
      pairs.add(new Pair<>(p, name));
    }
    return pairs;
  }

  private static void close(float[] actual, float[] expected, double tol, String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) Math.abs(actual[i] - expected[i])).as(what + "[" + i + "]: " + actual[i] + " vs " + expected[i])
          .isLessThanOrEqualTo(tol * Math.max(1, scale));
    }
  }

  @Test
  void evaluationAndTrainingPassesAndGradientsEqualPyTorchs() {
    int classes = index.get("classes").asInt();
    long[] xs = SHAPES.get("input");
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      Block block = ImageNetworks.resnet(index.get("depth").asInt(), classes, "none", "linear");
      block.initialize(m, DataType.FLOAT32, new Shape(xs));
      List<Pair<Parameter, String>> pairs = load(block);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.create(ARRAYS.get("input"), new Shape(xs));

      PyTorchEngine.noGrad();
      float[] eval = block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
      close(eval, ARRAYS.get("eval_logits"), 1e-5, "evaluation-mode logits");

      float[] labels = ARRAYS.get("labels");
      long[] codes = new long[labels.length];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = (long) labels[i];
      }
      NDArray y = m.create(codes);
      float[] train;
      float loss;
      try (GradientCollector gc = PyTorchEngine.get().newGradientCollector()) {
        NDArray z = block.forward(ps, new NDList(x), true).singletonOrThrow();
        NDArray l = z.logSoftmax(1).mul(y.oneHot(classes)).sum(new int[] {1}).neg().mean();
        train = z.toFloatArray();
        loss = l.getFloat();
        gc.backward(l);
      }
      PyTorchEngine.noGrad();
      close(train, ARRAYS.get("train_logits"), 1e-5, "training-mode logits");
      assertThat((double) loss).isCloseTo(ARRAYS.get("loss")[0], within(1e-5));
      int grads = 0;
      int stats = 0;
      for (Pair<Parameter, String> p : pairs) {
        String name = p.getValue();
        float[] g = ARRAYS.get("grad:" + name);
        if (g != null) {
          close(p.getKey().getArray().getGradient().toFloatArray(), g, 1e-4, "gradient of " + name);
          grads++;
        }
        float[] after = ARRAYS.get("after:" + name);
        if (after != null) {
          close(p.getKey().getArray().toFloatArray(), after, 1e-5, "running statistic " + name + " after training");
          stats++;
        }
      }
      assertThat(grads).as("parameters with gradients").isEqualTo(named("grad:").size()).isGreaterThan(20);
      assertThat(stats).as("running statistics").isEqualTo(named("after:").size()).isGreaterThan(10);
    }
  }
}
