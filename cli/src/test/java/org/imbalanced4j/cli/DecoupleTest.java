package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    // tiny data: cRT may lower validation balanced accuracy, and then the head is kept as it was
    assertThat(c.out()).matches("(?s)(re-trained the classifier head on class-balanced batches \\(192 rows; best "
        + "epoch \\d+\\): balanced accuracy on 48 validation rows|warning: crt lowered balanced accuracy on the 48 "
        + "validation rows).*");
    assertThat(c.err()).contains("epoch   1/2  loss ").contains("epoch   2/2  loss ");
    assertThat(OM.readTree(crt.resolve("model.json").toFile()).get("config").get("decouple").asText()).isEqualTo("crt");
    assertThat(CliRun.of("predict", crt.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
        dir.resolve("c.csv").toString()).exit()).isZero();
    Path lws = dir.resolve("lws");
    CliRun l = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--pretrained", model.toString(),
        "--decouple", "lws", "--out", lws.toString());
    assertThat(l.exit()).as(l.err()).isZero();
    assertThat(l.out()).matches("(?s)(scaled each class's head by a learnt factor \\(.*on 192 rows|warning: lws "
        + "lowered balanced accuracy on the 48 validation rows).*");
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
    Path bbn = dir.resolve("bbn");
    assertThat(CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "bbn", "--epochs", "1",
        "--batch-size", "32", "--out", bbn.toString()).exit()).isZero();
    CliRun.expectOneLine(1, "imb: the network is BBN, whose two branches each have a classifier head; decoupling "
        + "re-balances a network with one linear head", "train", f[0].toString(), "--labels", f[1].toString(),
        "--pretrained", bbn.toString(), "--decouple", "tau", "--out", dir.resolve("x").toString());
    CliRun.expectOneLine(2, "imb: bbn: decouple re-balances one classifier head; BBN has two", "train", f[0].toString(),
        "--labels", f[1].toString(), "--model", "bbn", "--decouple", "crt", "--out", dir.resolve("x").toString());
    // ldam-drw trains an image network with Cao et al.'s cosine classifier: saved, read back and
    // scored as any network, but there is no linear head to re-balance or replace
    Path ldam = dir.resolve("ldam");
    CliRun lt = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "cnn", "--loss", "ldam-drw",
        "--epochs", "2", "--batch-size", "32", "--out", ldam.toString());
    assertThat(lt.exit()).as(lt.err()).isZero();
    assertThat(OM.readTree(ldam.resolve("model.json").toFile()).get("model").get("network").get("head").asText())
        .isEqualTo("cosine");
    Path ldamPred = dir.resolve("ldam.csv");
    CliRun lp = CliRun.of("predict", ldam.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
        ldamPred.toString());
    assertThat(lp.exit()).as(lp.err()).isZero();
    assertThat(Files.readAllLines(ldamPred)).hasSize(241)
        .allSatisfy(line -> assertThat(line).doesNotContain("NaN"));
    CliRun.expectOneLine(1, "imb: the network ends in a cosine classifier (trained with ldam-drw); re-balancing or "
        + "replacing a head needs a linear one (train the backbone with another loss)", "train", f[0].toString(),
        "--labels", f[1].toString(), "--pretrained", ldam.toString(), "--decouple", "tau", "--out",
        dir.resolve("x").toString());
    CliRun.expectOneLine(2, "imb: cnn: decouple re-balances a linear classifier head; ldam-drw trains the image "
        + "networks with a cosine classifier, whose weights are normalised already", "train", f[0].toString(),
        "--labels", f[1].toString(), "--model", "cnn", "--loss", "ldam-drw", "--decouple", "crt", "--out",
        dir.resolve("x").toString());
    CliRun.expectOneLine(2, "imb: unknown --decouple 'crt2'; valid: tau, crt, lws", "train", f[0].toString(), "--labels", f[1].toString(),
        "--pretrained", model.toString(), "--decouple", "crt2", "--out", dir.resolve("x").toString());
    CliRun.expectOneLine(1, "imb: the model reads images, not a table", "train", "builtin:ionosphere", "--pretrained",
        model.toString(), "--decouple", "tau", "--out", dir.resolve("x").toString());
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }

  @Test
  void decouplesTheNetworkJustTrainedWithoutPretrained() throws IOException {
    Path[] f = TinyImages.idx(dir, 240, 4);
    String[] common = {"train", f[0].toString(), "--labels", f[1].toString(), "--model", "cnn", "--epochs", "2",
        "--batch-size", "32", "--seed", "3"};
    Path joint = dir.resolve("joint");
    assertThat(CliRun.of(cat(common, "--out", joint.toString())).exit()).isZero();
    Path model = dir.resolve("joint-crt");
    CliRun t = CliRun.of(cat(common, "--decouple", "crt", "--out", model.toString()));
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(OM.readTree(model.resolve("model.json").toFile()).get("config").get("decouple").asText())
        .isEqualTo("crt");
    List<String> a = predict(joint, f);
    List<String> b = predict(model, f);
    // the same joint training (same seed), then either a re-trained head or the joint head kept with a warning
    if (t.err().contains("decouple crt lowered the validation rows' balanced accuracy")) {
      assertThat(b).isEqualTo(a);
    } else {
      assertThat(b).isNotEqualTo(a);
    }
  }

  private List<String> predict(Path model, Path[] f) throws IOException {
    Path p = dir.resolve(model.getFileName() + ".csv");
    assertThat(CliRun.of("predict", model.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
        p.toString()).exit()).isZero();
    return Files.readAllLines(p);
  }

  private static String[] cat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
