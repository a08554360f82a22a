package org.imbalanced4j.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.losses.LdamLoss;
import org.junit.jupiter.api.Test;

/** Cao et al.'s normed classifier: scaled cosines, and LDAM on them. */
class CosineClassifierTest {
  @Test
  void logitsAreTheScaleTimesTheCosinesOfFeaturesAndClassWeights() {
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      CosineClassifier head = new CosineClassifier(3, 30f);
      head.setInitializer(new NormalInitializer(1f), Parameter.Type.WEIGHT);
      head.initialize(m, DataType.FLOAT32, new Shape(4, 5));
      Random r = new Random(3);
      float[][] x = new float[4][5];
      for (float[] row : x) {
        for (int j = 0; j < 5; j++) {
          row[j] = (float) r.nextGaussian();
        }
      }
      x[3] = new float[5]; // a zero row: lengths floored, logits 0, not NaN
      float[] w = null;
      for (Pair<String, Parameter> p : head.getParameters()) {
        w = p.getValue().getArray().toFloatArray();
      }
      NDArray in = m.create(x);
      float[] z = head.forward(new ParameterStore(m, false), new NDList(in), false).singletonOrThrow().toFloatArray();
      float[] doubled = head.forward(new ParameterStore(m, false), new NDList(in.mul(2)), false).singletonOrThrow()
          .toFloatArray();
      for (int i = 0; i < 4; i++) {
        for (int c = 0; c < 3; c++) {
          double dot = 0;
          double nx = 0;
          double nw = 0;
          for (int j = 0; j < 5; j++) {
            dot += x[i][j] * w[c * 5 + j];
            nx += x[i][j] * x[i][j];
            nw += w[c * 5 + j] * w[c * 5 + j];
          }
          double expected = nx == 0 ? 0 : 30 * dot / Math.sqrt(nx) / Math.sqrt(nw);
          assertThat((double) z[i * 3 + c]).isCloseTo(expected, within(1e-4));
          assertThat(doubled[i * 3 + c]).isCloseTo(z[i * 3 + c], within(1e-4f)); // the length of x does not count
        }
      }
    }
  }

  @Test
  void ldamOnScaledCosinesIsLdamOnTheCosines() {
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      Random r = new Random(9);
      float[][] cos = new float[16][4];
      long[] y = new long[16];
      for (int i = 0; i < 16; i++) {
        for (int c = 0; c < 4; c++) {
          cos[i][c] = (float) (2 * r.nextDouble() - 1);
        }
        y[i] = r.nextInt(4);
      }
      long[] counts = {500, 80, 12, 3};
      double[] w = {0.2, 0.5, 1.3, 2};
      NDArray c = m.create(cos);
      NDArray labels = m.create(y);
      float onCosines = new LdamLoss(counts, 0.5, 30, w).evaluate(new NDList(labels), new NDList(c)).getFloat();
      float onScaled = LdamLoss.onScaledCosines(counts, 0.5, 30, w).evaluate(new NDList(labels), new NDList(c.mul(30)))
          .getFloat();
      assertThat(onScaled).isCloseTo(onCosines, within(1e-4f));
    }
  }

  @Test
  void theHeadIsPartOfTheSpecAndOnlyForCnnAndResnet() throws Exception {
    NetworkSpec spec = new NetworkSpec("resnet32", new int[0], 0, "se").withHead("cosine");
    NetworkSpec back = NetworkSpec.read(new ObjectMapper().valueToTree(spec.toMap()));
    assertThat(back.head()).isEqualTo("cosine");
    assertThat(back.attention()).isEqualTo("se");
    assertThat(NetworkSpec.read(new ObjectMapper().valueToTree(new NetworkSpec("cnn", new int[0], 0).toMap())).head())
        .isEqualTo("linear");
    assertThat(new NetworkSpec("cnn", new int[0], 0).toMap()).doesNotContainKey("head"); // older model.json unchanged
    assertThatThrownBy(() -> new NetworkSpec("mlp", new int[] {8}, 0).withHead("cosine"))
        .hasMessageContaining("cosine classifier head is for the image networks");
    assertThatThrownBy(() -> spec.withHead("arc")).hasMessageContaining("head");
  }
}
