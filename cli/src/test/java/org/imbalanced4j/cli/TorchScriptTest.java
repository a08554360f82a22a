package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imbalanced4j.images.Idx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imb train --pretrained model.pt}: a TorchScript network exported by PyTorch (the djl
 * module's fixture) fine-tuned with its head cut, then predict and evaluate chained on the model
 * directory; each file or option that does not fit is one line.
 */
class TorchScriptTest {
  private static final Path PT = Path.of("../djl/src/test/resources/fixtures/torchscript/traced_fc.pt");
  private static final ObjectMapper OM = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void fineTunesATorchScriptBackboneThenPredictsAndEvaluates() throws IOException {
    Path[] f = TinyImages.idx(dir, 150, 5);
    Path model = dir.resolve("model");
    CliRun t = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--pretrained", PT.toString(),
        "--freeze", "2", "--backbone-lr", "0.1", "--normalize", "0.5,0.25", "--epochs", "2", "--batch-size", "32",
        "--out", model.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    JsonNode meta = OM.readTree(model.resolve("model.json").toFile());
    JsonNode net = meta.get("model").get("network");
    assertThat(net.get("type").asText()).isEqualTo("torchscript");
    assertThat(net.get("cut").asText()).as("found by name").isEqualTo("fc");
    assertThat(net.get("hidden").get(0).asInt()).as("found by the dry run").isEqualTo(16);
    assertThat(meta.get("model").get("image_normalization").get("mean").get(0).asDouble()).isEqualTo(0.5);
    assertThat(meta.get("config").get("backbone_lr").asDouble()).isEqualTo(0.1);

    Path pred = dir.resolve("p.csv");
    CliRun p = CliRun.of("predict", model.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
        pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    List<String> lines = Files.readAllLines(pred);
    assertThat(lines).hasSize(151);
    assertThat(lines.get(0)).isEqualTo("image,proba_0,proba_1,predicted,class");
    CliRun e = CliRun.of("evaluate", pred.toString());
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(e.out()).contains("balanced_accuracy");
  }

  @Test
  void filesAndOptionsThatDoNotFitAreOneLine() throws IOException {
    Path[] f = TinyImages.idx(dir, 60, 5);
    String x = dir.resolve("x").toString();
    Path notModel = Files.writeString(dir.resolve("model.pt"), "PK but not really\n");
    CliRun.expectOneLine(1, "imb: " + notModel + " is not a TorchScript model", "train", f[0].toString(), "--labels", f[1].toString(),
        "--pretrained", notModel.toString(), "--out", x);
    CliRun.expectOneLine(1, "imb: " + dir.resolve("missing.pt") + ": no such file or directory (--pretrained takes a "
        + "model directory or a TorchScript file)", "train", f[0].toString(), "--labels", f[1].toString(),
        "--pretrained", dir.resolve("missing.pt").toString(), "--out", x);
    // three-channel images for a one-channel network
    byte[] px = new byte[60 * 8 * 8 * 3];
    Path rgb = dir.resolve("rgb-idx3-ubyte");
    Idx.write(rgb, new int[] {60, 8, 8, 3}, px);
    CliRun.expectOneLine(1, "imb: " + PT + " does not take 3x8x8 images (channels x height x width)", "train", rgb.toString(),
        "--labels", f[1].toString(), "--pretrained", PT.toString(), "--out", x);
    Path fixed = PT.resolveSibling("fixed_size.pt");
    CliRun.expectOneLine(1, "imb: " + fixed + " does not take 1x8x8 images (channels x height x width): ", "train",
        f[0].toString(), "--labels", f[1].toString(), "--pretrained", fixed.toString(), "--out", x);
    CliRun.expectOneLine(2, "imb: --freeze 5 is past the backbone's depth: it has 4", "train", f[0].toString(), "--labels",
        f[1].toString(), "--pretrained", PT.toString(), "--freeze", "5", "--out", x);
    CliRun.expectOneLine(1, "imb: " + PT + ": --cut layer9: the network has no top-level layer of that name", "train", f[0].toString(),
        "--labels", f[1].toString(), "--pretrained", PT.toString(), "--cut", "layer9", "--out", x);
    CliRun.expectOneLine(2, "imb: --normalize takes a mean and a std, or 1 means then 1 stds", "train", f[0].toString(),
        "--labels", f[1].toString(), "--pretrained", PT.toString(), "--normalize", "0.5", "--out", x);
    CliRun.expectOneLine(2, "imb: --normalize (a std) must be above 0", "train", f[0].toString(), "--labels",
        f[1].toString(), "--pretrained", PT.toString(), "--normalize", "0.5,1e-50", "--out", x);
    CliRun.expectOneLine(2, "imb: --cut applies to a TorchScript file given with --pretrained", "train", f[0].toString(),
        "--labels", f[1].toString(), "--cut", "fc", "--out", x);
    CliRun.expectOneLine(2, "imb: --model cnn: ", "train", f[0].toString(), "--labels", f[1].toString(), "--pretrained",
        PT.toString(), "--model", "cnn", "--out", x);
    CliRun.expectOneLine(2, "imb: --decouple re-balances the head of a model directory", "train", f[0].toString(),
        "--labels", f[1].toString(), "--pretrained", PT.toString(), "--decouple", "tau", "--out", x);
    CliRun.expectOneLine(2, "imb: --backbone-lr must be above 0 and at most 1", "train", f[0].toString(), "--labels",
        f[1].toString(), "--pretrained", PT.toString(), "--backbone-lr", "2", "--out", x);
  }
}
