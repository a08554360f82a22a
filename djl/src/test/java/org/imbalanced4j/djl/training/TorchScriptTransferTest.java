package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.ImageShape;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.nn.ScriptBackbone;
import org.imbalanced4j.djl.nn.TorchScriptCut;
import org.imbalanced4j.images.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TorchScript files exported by PyTorch (scripts/fixtures/torchscript.py: traced and scripted,
 * heads {@code fc} and {@code classifier}) as backbones: the cut module returns what PyTorch's
 * network gives its head, fine-tuning trains the new head and only the unfrozen layers, and files
 * that do not fit fail with one line.
 */
class TorchScriptTransferTest {
  private static final Path DIR = Path.of("src/test/resources/fixtures/torchscript");
  private static final ImageShape SHAPE = new ImageShape(1, 12, 12);
  private static final float[] ZERO = {0f};
  private static final float[] ONE = {1f};

  private static JsonNode expected() throws IOException {
    return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
  }

  @Test
  void theCutModuleReturnsTheFeaturesPyTorchGivesItsHead() throws IOException {
    JsonNode e = expected();
    float[] input = floats(e.get("input"));
    for (String name : List.of("traced_fc", "scripted_fc", "scripted_classifier", "scripted_s")) {
      JsonNode net = e.get("networks").get(name);
      TorchScriptCut cut = TorchScriptCut.of(DIR.resolve(name + ".pt"), null);
      assertThat(cut.head()).isEqualTo(net.get("head").asText());
      synchronized (TrainingLoop.COLLECTOR) {
        PyTorchEngine.noGrad();
        try (NDManager m = PyTorchEngine.get().newBaseManager()) {
          ScriptBackbone b = new ScriptBackbone(16, cut.head());
          b.load(m, cut.archive());
          NDArray f = b.forward(new ParameterStore(m, false), new NDList(m.create(input, new Shape(2, 1, 12, 12))),
              false).singletonOrThrow();
          assertThat(f.getShape()).isEqualTo(new Shape(2, net.get("feature_size").asInt()));
          float[] want = floats(net.get("features"));
          float[] got = f.toFloatArray();
          for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as(name + " feature " + i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-5f));
          }
          assertThat(b.getDirectParameters().keys()).as("the cut head's parameters are left out")
              .noneMatch(k -> k.startsWith(cut.head() + ".")).contains("conv1.weight");
        }
      }
    }
  }

  @Test
  void fineTunesANewHeadAndKeepsFrozenLayersAsTheyWere() {
    Dataset[] tv = images(3);
    Transfer t = Transfer.torchScript(DIR.resolve("traced_fc.pt"), null, SHAPE, ZERO, ONE, "2");
    assertThat(t.pretrained().network().hidden()).containsExactly(16);
    Map<String, float[]> before = TrainingLoopTest.parameters(t.pretrained());
    NeuralModel tuned = trainer(2).startingFrom(t).fit(tv[0], tv[1], 1);
    assertThat(tuned.result().classes()).isEqualTo(3);
    Map<String, float[]> after = TrainingLoopTest.parameters(tuned.result());
    assertThat(after.get("01ScriptBackbone_conv1.weight")).as("frozen: stage 1 of 4")
        .isEqualTo(before.get("01ScriptBackbone_conv1.weight"));
    assertThat(after.get("01ScriptBackbone_bn1.weight")).as("frozen: stage 2 of 4")
        .isEqualTo(before.get("01ScriptBackbone_bn1.weight"));
    assertThat(after.get("01ScriptBackbone_layer2.0.weight")).as("trained").isNotEqualTo(
        before.get("01ScriptBackbone_layer2.0.weight"));
    assertThat(after.get("02Linear_weight")).hasSize(3 * 16);

    double[][] p = tuned.predictProba(tv[1]);
    assertThat(p).hasNumberOfRows(tv[1].rows());
    assertThat(p[0]).hasSize(3);
    // the spec as model.json holds it, with the parameters as params.bin holds them, scores the same
    TrainingLoop.Result r = tuned.result();
    org.imbalanced4j.djl.nn.NetworkSpec spec = org.imbalanced4j.djl.nn.NetworkSpec.read(
        new ObjectMapper().valueToTree(r.network().toMap()));
    assertThat(spec.cut()).isEqualTo("fc");
    TrainingLoop.Result back = new TrainingLoop.Result(r.parameters().clone(), r.input(), r.example(), r.classes(),
        spec, 0, Double.NaN, List.of(), List.of());
    assertThat(TrainingLoop.predictProba(back, tv[1])).isDeepEqualTo(p);

    assertThatThrownBy(() -> Transfer.torchScript(DIR.resolve("traced_fc.pt"), null, SHAPE, ZERO, ONE, "5").frozen())
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("past the backbone's depth: it has 4");
    java.util.function.ToDoubleFunction<String> rates = t.withBackboneRate(0.1).rates();
    assertThat(rates.applyAsDouble("02Linear_weight")).isEqualTo(1);
    assertThat(rates.applyAsDouble("01ScriptBackbone_layer1.0.conv1.weight")).isEqualTo(0.1);
  }

  @Test
  void filesThatDoNotFitFailWithOneLine(@TempDir Path tmp) throws IOException {
    Path text = Files.writeString(tmp.resolve("model.pt"), "not a model\n");
    assertThatThrownBy(() -> Transfer.torchScript(text, null, SHAPE, ZERO, ONE, "none"))
        .isInstanceOf(DataException.class).hasMessageContaining("is not a TorchScript model");
    assertThatThrownBy(() -> Transfer.torchScript(DIR.resolve("traced_fc.pt"), null, new ImageShape(3, 12, 12),
        new float[3], new float[] {1, 1, 1}, "none"))
        .isInstanceOf(DataException.class).hasMessageContaining("does not take 3x12x12 images").hasMessageContaining("channels")
        .satisfies(x -> assertThat(x.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> Transfer.torchScript(DIR.resolve("traced_fc.pt"), "layer9", SHAPE, ZERO, ONE, "none"))
        .isInstanceOf(DataException.class).hasMessageContaining("--cut layer9").hasMessageContaining("layer2");
    assertThatThrownBy(() -> Transfer.torchScript(DIR.resolve("traced_fc.pt"), "avgpool", SHAPE, ZERO, ONE, "none"))
        .isInstanceOf(DataException.class).hasMessageContaining("without its layer avgpool the network fails");
  }

  private static NeuralTrainer trainer(long epochs) {
    Map<String, String> p = Map.of("epochs", Long.toString(epochs), "batch_size", "16");
    return new NeuralTrainer("cnn", NetworkConfig.parse("cnn", new Params("cnn", p,
        NetworkConfig.PARAMS.stream().map(Param::name).toList())));
  }

  /** Train and validation images of {@code k} classes, 12 x 12 grey, each class a brighter square. */
  static Dataset[] images(int k) {
    SplittableRandom r = new SplittableRandom(3);
    int n = 60;
    byte[] px = new byte[n * 144];
    int[] y = new int[n];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      y[i] = i % k;
      for (int p = 0; p < 144; p++) {
        int row = p / 12;
        px[i * 144 + p] = (byte) (r.nextInt(60) + (row < 4 * (y[i] + 1) ? 120 : 0));
      }
      names.add("img" + i);
    }
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      classes.add("c" + c);
    }
    Dataset all = new ImageSet(1, 12, 12, px, y, classes, names).asDataset();
    int[] train = java.util.stream.IntStream.range(0, 45).toArray();
    int[] val = java.util.stream.IntStream.range(45, 60).toArray();
    return new Dataset[] {all.subset(train), all.subset(val)};
  }

  private static float[] floats(JsonNode a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).asDouble();
    }
    return out;
  }
}
