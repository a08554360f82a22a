package org.imbalanced4j.djl.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each loss's value and input gradient equal PyTorch's to 1e-5 (fixtures: scripts/fixtures/losses.py). */
class LossParityTest {
  static JsonNode root() throws IOException {
    try (InputStream in = LossParityTest.class.getResourceAsStream("/fixtures/losses.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : root().get("cases")) {
      out.add(Arguments.of(c.get("loss").asText() + " " + c.get("params"), c));
    }
    return out.stream();
  }

  static double[] doubles(JsonNode a) {
    if (a == null) {
      return null;
    }
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.get(i).asDouble();
    }
    return d;
  }

  static long[] longs(JsonNode a) {
    long[] d = new long[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (long) a.get(i).asDouble();
    }
    return d;
  }

  static Loss loss(JsonNode c) {
    JsonNode p = c.get("params");
    return switch (c.get("loss").asText()) {
      case "ce" -> new WeightedCrossEntropyLoss(doubles(p.get("weights")),
          p.has("label_smoothing") ? p.get("label_smoothing").asDouble() : 0);
      case "focal" -> new FocalLoss(p.get("gamma").asDouble(), doubles(p.get("alpha")));
      case "ldam" -> new LdamLoss(longs(p.get("counts")), p.get("max_m").asDouble(), p.get("s").asDouble(),
          doubles(p.get("weights")));
      case "balanced_softmax" -> LogitAdjustedLoss.balancedSoftmax(longs(p.get("counts")));
      case "logit_adjusted" -> new LogitAdjustedLoss(longs(p.get("counts")), p.get("tau").asDouble());
      case "cost_sensitive" -> {
        JsonNode m = p.get("cost");
        double[][] cost = new double[m.size()][];
        for (int i = 0; i < cost.length; i++) {
          cost[i] = doubles(m.get(i));
        }
        yield new CostSensitiveLoss(cost);
      }
      case "bce" -> BinaryLosses.bce(p.get("pos_weight").asDouble());
      case "binary_focal" -> BinaryLosses.focal(p.get("alpha").asDouble(), p.get("gamma").asDouble());
      default -> throw new AssertionError(c.get("loss").asText());
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valueAndGradientMatchPyTorch(String name, JsonNode c) throws InterruptedException {
    check(c, false);
  }

  /**
   * The garbage collector runs between the forward and the backward pass, and memory it freed is
   * handed out again, filled with NaN: a constant the backward pass still needs must not live in
   * memory Java owns (it did: {@code x.pow(2f)} made the exponent from a direct buffer that
   * DJL closed at once, and training turned to NaN with a small heap).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientSurvivesAGarbageCollectionBeforeTheBackwardPass(String name, JsonNode c)
      throws InterruptedException {
    check(c, true);
  }

  private static void check(JsonNode c, boolean collect) throws InterruptedException {
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      JsonNode zj = c.get("logits");
      boolean binary = !zj.get(0).isArray();
      NDArray z;
      if (binary) {
        z = m.create(toFloat(doubles(zj)));
      } else {
        float[][] rows = new float[zj.size()][];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = toFloat(doubles(zj.get(i)));
        }
        z = m.create(rows);
      }
      NDArray y = binary ? m.create(toFloat(doubles(c.get("labels")))) : m.create(longs(c.get("labels")));
      z.setRequiresGradient(true);
      Loss loss = loss(c);
      try (GradientCollector gc = PyTorchEngine.get().newGradientCollector()) {
        NDArray l = loss.evaluate(new NDList(y), new NDList(z));
        assertThat((double) l.getFloat()).isCloseTo(c.get("value").asDouble(), within(1e-5));
        List<ByteBuffer> reused = collect ? collectAndReuseFreedMemory() : List.of();
        gc.backward(l);
        assertThat(reused).allMatch(b -> b.capacity() > 0); // kept until after the backward pass
      }
      float[] g = z.getGradient().toFloatArray();
      JsonNode gj = c.get("grad");
      int at = 0;
      for (JsonNode row : gj) {
        if (row.isArray()) {
          for (JsonNode v : row) {
            assertThat((double) g[at++]).isCloseTo(v.asDouble(), within(1e-5));
          }
        } else {
          assertThat((double) g[at++]).isCloseTo(row.asDouble(), within(1e-5));
        }
      }
    }
  }

  /**
   * Runs the garbage collector, lets the cleaners free unreachable direct buffers, then takes
   * small blocks from the native allocator again (which hands out just-freed blocks first) and
   * fills them with NaN.
   */
  private static List<ByteBuffer> collectAndReuseFreedMemory() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(20);
    }
    List<ByteBuffer> out = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ByteBuffer b = ByteBuffer.allocateDirect(4 + 4 * (i % 8));
      while (b.hasRemaining()) {
        b.put((byte) 0xff);
      }
      out.add(b);
    }
    return out;
  }

  static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }
}
