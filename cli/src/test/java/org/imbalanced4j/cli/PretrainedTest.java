package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imbalanced4j.images.Idx;
import org.imbalanced4j.images.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imb train --pretrained DIR}: training starts from a network of our own model directory,
 * with a new head for other classes and a freeze rule; the result predicts the new classes; each
 * misuse is one line.
 */
class PretrainedTest {
  private static final ObjectMapper OM = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void fineTunesAPretrainedNetworkOnOtherClasses() throws IOException {
    Path[] f = TinyImages.idx(dir, 240, 3);
    Path model = dir.resolve("model");
    assertThat(CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "cnn", "--epochs", "2",
        "--batch-size", "32", "--out", model.toString()).exit()).isZero();
    // three classes now: the images of class 1 at even positions become class 2
    ImageSet s = TinyImages.set(240, 3);
    byte[] y = new byte[240];
    for (int i = 0; i < 240; i++) {
      y[i] = (byte) (s.label(i) == 1 && i % 2 == 0 ? 2 : s.label(i));
    }
    Path three = dir.resolve("three-labels.gz");
    Idx.write(three, new int[] {240}, y);
    Path tuned = dir.resolve("tuned");
    CliRun t = CliRun.of("train", f[0].toString(), "--labels", three.toString(), "--pretrained", model.toString(),
        "--freeze", "all", "--epochs", "2", "--batch-size", "32", "--out", tuned.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    JsonNode meta = OM.readTree(tuned.resolve("model.json").toFile());
    assertThat(meta.get("model").get("network").get("type").asText()).as("--model implied").isEqualTo("cnn");
    assertThat(meta.get("config").get("pretrained").asText()).isEqualTo(model.toString());
    assertThat(meta.get("config").get("freeze").asText()).isEqualTo("all");
    Path pred = dir.resolve("p.csv");
    CliRun p = CliRun.of("predict", tuned.toString(), f[0].toString(), "--labels", three.toString(), "--out",
        pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    List<String> lines = Files.readAllLines(pred);
    assertThat(lines.get(0)).isEqualTo("image,proba_0,proba_1,proba_2,predicted,class");

    CliRun.expectOneLine(2, "imb: --freeze 99 is past the backbone's depth: it has ", "train", f[0].toString(), "--labels",
        three.toString(), "--pretrained", model.toString(), "--freeze", "99", "--out", dir.resolve("x").toString());
    CliRun.expectOneLine(2, "imb: --freeze must be all, none or a number of layers, got 'most'", "train", f[0].toString(),
        "--labels", three.toString(), "--pretrained", model.toString(), "--freeze", "most", "--out",
        dir.resolve("x").toString());
    CliRun.expectOneLine(2, "imb: --freeze applies to a --pretrained network", "train", f[0].toString(), "--labels",
        three.toString(), "--freeze", "all", "--out", dir.resolve("x").toString());
    CliRun.expectOneLine(2, "imb: --model resnet32: " + model + " holds a cnn network, which --pretrained implies", "train",
        f[0].toString(), "--labels", three.toString(), "--pretrained", model.toString(), "--model", "resnet32",
        "--out", dir.resolve("x").toString());
    CliRun.expectOneLine(1, "imb: the model reads images, not a table", "train", "builtin:ionosphere", "--pretrained",
        model.toString(), "--out", dir.resolve("x").toString());
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }
}
