package org.imbalanced4j.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.junit.jupiter.api.Test;

class CosineLinearTest {
  @Test
  void logitsAreCosinesBetweenRowsAndClassWeights() {
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      CosineLinear head = new CosineLinear(3);
      head.initialize(m, DataType.FLOAT32, new Shape(2, 4));
      float[] x = {1, 2, 0, -1, 0, 0, 0, 0};
      float[] z = head.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(2, 4))), false)
          .singletonOrThrow().toFloatArray();
      float[] w = head.getParameters().get("weight").getArray().toFloatArray();
      for (int c = 0; c < 3; c++) {
        double dot = 0;
        double nx = 0;
        double nw = 0;
        for (int j = 0; j < 4; j++) {
          dot += x[j] * w[c * 4 + j];
          nx += x[j] * x[j];
          nw += w[c * 4 + j] * w[c * 4 + j];
        }
        assertThat((double) z[c]).isCloseTo(dot / Math.sqrt(nx) / Math.sqrt(nw), within(1e-6));
        assertThat(z[3 + c]).isZero(); // a zero row: its norm is clamped, no NaN
      }
    }
  }

  @Test
  void aSpecWithACosineHeadBuildsAndRoundTrips() throws Exception {
    NetworkSpec s = new NetworkSpec("resnet32", new int[0], 0, "se", true);
    ObjectMapper om = new ObjectMapper();
    NetworkSpec back = NetworkSpec.read(om.readTree(om.writeValueAsString(s.toMap())));
    assertThat(back.cosineHead()).isTrue();
    assertThat(back.attention()).isEqualTo("se");
    SequentialBlock b = (SequentialBlock) back.build(1, 4);
    assertThat(b.getChildren().get(b.getChildren().size() - 1).getValue()).isInstanceOf(CosineLinear.class);
    assertThat(NetworkSpec.read(om.readTree("{\"type\":\"mlp\",\"hidden\":[8],\"dropout\":0.1}")).cosineHead())
        .isFalse(); // saved before heads were recorded: linear
    assertThatThrownBy(() -> new NetworkSpec("bbn", new int[0], 0, "none", true)).hasMessageContaining("bbn");
  }
}
