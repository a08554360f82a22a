package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.imbalanced4j.DataException;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.nn.NetworkSpec;
import org.junit.jupiter.api.Test;

/**
 * A saved network's parameters load only when they have the layout of the network model.json
 * describes: files written at another batch size and with other values load; a damaged size field,
 * a truncated file or another network's parameters are one-line data errors, before DJL allocates
 * what the file declares.
 */
class ParameterLayoutTest {
  private static final Shape IMAGE = new Shape(1, 8, 8);

  /** What training writes: the block initialised at a training batch size, its values its own. */
  private static byte[] saved(NetworkSpec spec, Shape example, int classes, int batch) throws IOException {
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      Block b = spec.build((int) example.get(0), classes);
      b.initialize(m, DataType.FLOAT32, new Shape(batch).addAll(example));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      b.saveParameters(new DataOutputStream(out));
      return out.toByteArray();
    }
  }

  @Test
  void everyNetworkSavedAtAnyBatchSizeLoads() throws IOException {
    List<NetworkSpec> images = List.of(new NetworkSpec("cnn", new int[0], 0.1f, "cbam"),
        new NetworkSpec("resnet32", new int[0], 0, "se"), new NetworkSpec("bbn", new int[0], 0, "none"),
        new NetworkSpec("resnet32", new int[0], 0, "none").withHead("cosine"));
    for (NetworkSpec spec : images) {
      for (int batch : new int[] {1, 64, 256}) {
        byte[] p = saved(spec, IMAGE, 3, batch);
        assertThatCode(() -> ParameterLayout.check(spec, IMAGE, 3, p)).as(spec.type() + " at " + batch)
            .doesNotThrowAnyException();
      }
    }
    NetworkSpec attention = new NetworkSpec("attention", new int[] {16}, 0.1f);
    byte[] p = saved(attention, new Shape(5), 2, 512);
    assertThatCode(() -> ParameterLayout.check(attention, new Shape(5), 2, p)).doesNotThrowAnyException();
  }

  @Test
  void aTrainedNetworksParametersLoadAndOtherValuesToo() {
    NeuralModel m = TransferTest.trainer(2).fit(TrainingLoopTest.ionosphere()[0], TrainingLoopTest.ionosphere()[1], 1);
    TrainingLoop.Result r = m.result();
    ParameterLayout.check(r.network(), r.example(), r.classes(), r.parameters());
    byte[] other = r.parameters().clone();
    other[other.length - 1] ^= 0x40; // the last value of the last parameter
    ParameterLayout.check(r.network(), r.example(), r.classes(), other);
  }

  @Test
  void damagedFilesAreDataErrorsBeforeAllocating() throws IOException {
    NetworkSpec spec = new NetworkSpec("mlp", new int[] {32, 16}, 0.1f);
    Shape example = new Shape(6);
    byte[] good = saved(spec, example, 2, 32);

    byte[] huge = good.clone(); // the first weight's declared byte length (32 x 6 floats) made 2 GB
    int firstArray = ParameterLayout.indexOf(huge, "NDAR".getBytes(), 0);
    int len = ParameterLayout.indexOf(huge, ByteBuffer.allocate(4).putInt(4 * 32 * 6).array(), firstArray);
    assertThat(len).isPositive();
    ByteBuffer.wrap(huge).putInt(len, Integer.MAX_VALUE - 8);
    assertThatThrownBy(() -> ParameterLayout.check(spec, example, 2, huge)).isInstanceOf(DataException.class)
        .hasMessageContaining("params.bin does not hold the parameters of the network").hasMessageNotContaining("\n");

    assertThatThrownBy(() -> ParameterLayout.check(spec, example, 2, Arrays.copyOf(good, good.length - 3)))
        .isInstanceOf(DataException.class).hasMessageContaining("bytes where the network in model.json has");
    byte[] wider = saved(new NetworkSpec("mlp", new int[] {32, 17}, 0.1f), example, 2, 32);
    assertThatThrownBy(() -> ParameterLayout.check(spec, example, 2, wider)).isInstanceOf(DataException.class);
    assertThatThrownBy(() -> ParameterLayout.check(spec, example, 2, new byte[0])).isInstanceOf(DataException.class);
  }

  @Test
  void hiddenWidthsADamagedModelCouldAskForAreRefused() {
    assertThatThrownBy(() -> new NetworkSpec("mlp", new int[] {1 << 30}, 0)).hasMessageContaining("hidden widths");
    assertThatThrownBy(() -> new NetworkSpec("mlp", new int[17], 0)).hasMessageContaining("hidden widths");
  }
}
