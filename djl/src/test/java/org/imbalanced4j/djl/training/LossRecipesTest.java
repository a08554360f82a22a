package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.Random;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.losses.LdamLoss;
import org.imbalanced4j.djl.nn.NetworkSpec;
import org.junit.jupiter.api.Test;

class LossRecipesTest {
  /**
   * ldam-drw on resnet32 trains a cosine classifier, whose logits are already 30 cos: LDAM takes
   * them as they are. A network started from a pretrained one with a linear head (a TorchScript
   * backbone, a model directory) keeps plain LDAM, which scales the logits by 30 itself.
   */
  @Test
  void ldamReadsTheLogitsAsTheTrainedNetworksHeadGivesThem() {
    Dataset train = TorchScriptTransferTest.images(3)[0];
    NetworkConfig c = NetworkConfig.parse("resnet32", new Params("resnet32", Map.of("loss", "ldam-drw"),
        NetworkConfig.IMAGE_PARAMS.stream().map(Param::name).toList()));
    assertThat(c.network().cosineHead()).isTrue();
    NetworkSpec linear = c.network().withHead("linear");
    long[] counts = train.classCounts().counts();
    try (NDManager m = PyTorchEngine.get().newBaseManager()) {
      Random r = new Random(4);
      float[][] z = new float[12][3];
      long[] y = new long[12];
      for (int i = 0; i < z.length; i++) {
        for (int k = 0; k < 3; k++) {
          z[i][k] = (float) r.nextGaussian();
        }
        y[i] = r.nextInt(3);
      }
      NDList labels = new NDList(m.create(y));
      NDList logits = new NDList(m.create(z));
      float onCosine = c.trainer(train, 0).loss().evaluate(labels, logits).getFloat();
      float onLinear = c.trainer(train, 0, linear).loss().evaluate(labels, logits).getFloat();
      NDArray scaled = LdamLoss.onScaledCosines(counts, 0.5, 30, null).evaluate(labels, logits);
      NDArray plain = new LdamLoss(counts, 0.5, 30, null).evaluate(labels, logits);
      assertThat(onCosine).isCloseTo(scaled.getFloat(), within(1e-5f));
      assertThat(onLinear).isCloseTo(plain.getFloat(), within(1e-5f));
      assertThat(Math.abs(onLinear - onCosine)).isGreaterThan(1f); // the two readings differ on these logits
    }
  }
}
