package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imb train --pretrained DIR --decouple tau}: a trained image network's head re-balanced into
 * a new model directory that {@code imb predict} reads; and one line for each misuse.
 */
class DecoupleTest {
  private static final ObjectMapper OM = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void tauNormalisesATrainedNetworkIntoAModelDirectoryThatPredicts() throws IOException {
    Path[] f = TinyImages.idx(dir, 240, 3);
    Path model = dir.resolve("model");
    CliRun t = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "cnn", "--epochs", "3",
        "--batch-size", "32", "--out", model.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    Path tau = dir.resolve("tau");
    CliRun d = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--pretrained", model.toString(),
        "--decouple", "tau", "--out", tau.toString());
    assertThat(d.exit()).as(d.err()).isZero();
    assertThat(d.out()).matches("(?s)(tau-normalised the classifier head \\(tau [0-2]\\.\\d\\)|no tau in 0\\.\\.2 "
        + "raised).*wrote .*\\n");
    JsonNode meta = OM.readTree(tau.resolve("model.json").toFile());
    assertThat(meta.get("kind").asText()).isEqualTo("network");
    assertThat(meta.get("config").get("decouple").asText()).isEqualTo("tau");
    assertThat(meta.get("config").get("pretrained").asText()).isEqualTo(model.toString());
    CliRun p = CliRun.of("predict", tau.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
        dir.resolve("p.csv").toString());
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("p.csv"))).hasSize(241);

    Path crt = dir.resolve("crt");
    CliRun c = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--pretrained", model.toString(),
        "--decouple", "crt", "--epochs", "2", "--batch-size", "32", "--out", crt.toString());
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.out()).startsWith("re-trained the classifier head on class-balanced batches (192 rows; best epoch ")
        .contains("balanced accuracy on 48 validation rows");
    assertThat(c.err()).contains("epoch   1/2  loss ").contains("epoch   2/2  loss ");
    assertThat(OM.readTree(crt.resolve("model.json").toFile()).get("config").get("decouple").asText()).isEqualTo("crt");
    assertThat(CliRun.of("predict", crt.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
        dir.resolve("c.csv").toString()).exit()).isZero();
    Path lws = dir.resolve("lws");
    CliRun l = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--pretrained", model.toString(),
        "--decouple", "lws", "--out", lws.toString());
    assertThat(l.exit()).as(l.err()).isZero();
    assertThat(l.out()).startsWith("scaled each class's head by a learnt factor (").contains("on 192 rows");
    assertThat(CliRun.of("predict", lws.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
        dir.resolve("l.csv").toString()).exit()).isZero();
    CliRun.expectOneLine(2, "imb: --decouple crt reports on validation rows and fits the decision there; --val-split 0 leaves none", "train", f[0].toString(),
        "--labels", f[1].toString(), "--pretrained", model.toString(), "--decouple", "crt", "--val-split", "0",
        "--out", dir.resolve("x").toString());

    Path logistic = dir.resolve("logistic");
    assertThat(CliRun.of("train", "builtin:ionosphere", "--model", "logistic", "--out", logistic.toString()).exit())
        .isZero();
    CliRun.expectOneLine(1, "imb: " + logistic + " holds a linear model; --pretrained and --decouple start from a network (kind "
        + "network)", "train", "builtin:ionosphere", "--pretrained", logistic.toString(), "--decouple", "tau",
        "--out", dir.resolve("x").toString());
    CliRun.expectOneLine(2, "imb: --decouple re-balances a trained network's head: give its model directory with --pretrained DIR",
        "train", f[0].toString(), "--labels", f[1].toString(), "--decouple", "tau", "--out", dir.resolve("x").toString());
    CliRun.expectOneLine(2, "imb: unknown --decouple 'crt2'; valid: tau, crt, lws", "train", f[0].toString(), "--labels", f[1].toString(),
        "--pretrained", model.toString(), "--decouple", "crt2", "--out", dir.resolve("x").toString());
    CliRun.expectOneLine(1, "imb: the model reads images, not a table", "train", "builtin:ionosphere", "--pretrained",
        model.toString(), "--decouple", "tau", "--out", dir.resolve("x").toString());
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }
}
