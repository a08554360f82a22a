package org.imbalanced4j.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class PyTorchEngineTest {
  @Test
  void loadsOfflineFromTheNativeJarAndComputes() {
    Engine e = PyTorchEngine.get();
    assertThat(e.getEngineName()).isEqualTo("PyTorch");
    assertThat(e.getVersion()).startsWith("2.7.1");
    try (NDManager m = e.newBaseManager()) {
      NDArray logits = m.create(new float[] {1f, 2f, 3f});
      float[] p = logits.softmax(0).toFloatArray();
      double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
      assertThat(p[2]).isCloseTo((float) (Math.exp(3) / z), org.assertj.core.data.Offset.offset(1e-6f));
    }
    assertThat(PyTorchEngine.get()).isSameAs(e);
  }
}
