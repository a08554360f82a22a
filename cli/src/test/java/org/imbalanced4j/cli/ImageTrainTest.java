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

/** Images are one more input kind: the same train, predict, evaluate and compare as tables. */
class ImageTrainTest {
  private static final ObjectMapper OM = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void trainPredictEvaluateOnImages() throws IOException {
    Path[] f = TinyImages.idx(dir, 240, 3);
    Path model = dir.resolve("model");
    CliRun t = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "cnn", "--loss",
        "class-balanced", "--epochs", "4", "--batch-size", "32", "--augment", "flip", "--out", model.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(t.err()).contains("epoch   4/4");
    JsonNode meta = OM.readTree(model.resolve("model.json").toFile());
    assertThat(meta.get("kind").asText()).isEqualTo("network");
    assertThat(meta.get("image_shape").toString()).isEqualTo("{\"channels\":1,\"height\":8,\"width\":8}");
    assertThat(meta.get("model").get("network").get("type").asText()).isEqualTo("cnn");
    assertThat(meta.get("model").has("image_normalization")).isTrue();
    assertThat(meta.get("config").get("augment").asText()).isEqualTo("flip");
    CliRun tableAugment = CliRun.of("train", "builtin:glass", "--augment", "flip", "--out", dir.resolve("y").toString());
    assertThat(tableAugment.exit()).isEqualTo(2);
    assertThat(tableAugment.err()).contains("--augment: mlp has no parameter 'augment'");

    Path pred = dir.resolve("pred.csv");
    CliRun p = CliRun.of("predict", model.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
        pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    List<String> lines = Files.readAllLines(pred);
    assertThat(lines.get(0)).isEqualTo("image,proba_0,proba_1,predicted,class");
    assertThat(lines).hasSize(241);
    CliRun e = CliRun.of("evaluate", pred.toString(), "--json");
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(OM.readTree(e.out()).get("balanced_accuracy_score").asDouble()).isGreaterThan(0.9);

    // a true class the model does not know: one line naming the image
    Path unknown = dir.resolve("unknown-labels.idx");
    byte[] ys = new byte[240];
    ys[7] = 5;
    org.imbalanced4j.images.Idx.write(unknown, new int[] {240}, ys);
    CliRun u = CliRun.of("predict", model.toString(), f[0].toString(), "--labels", unknown.toString(), "--out",
        dir.resolve("u.csv").toString());
    assertThat(u.exit()).isEqualTo(1);
    assertThat(u.err().strip()).isEqualTo("imb: " + f[0] + ": image 7 has class '5', which the model does not know "
        + "(its classes: 0, 1)");
    assertThat(Files.exists(dir.resolve("u.csv"))).isFalse();

    // images without classes (a folder of files) are scored without a true class
    Path loose = dir.resolve("loose");
    Files.createDirectories(loose);
    org.imbalanced4j.images.ImageSet tiny = TinyImages.set(3, 9);
    for (int i = 0; i < 3; i++) {
      javax.imageio.ImageIO.write(org.imbalanced4j.images.ImageSets.toImage(tiny, i), "png",
          loose.resolve("img" + i + ".png").toFile());
    }
    Path loosePred = dir.resolve("loose.csv");
    CliRun lp = CliRun.of("predict", model.toString(), loose.toString(), "--out", loosePred.toString());
    assertThat(lp.exit()).as(lp.err()).isZero();
    assertThat(Files.readAllLines(loosePred)).hasSize(4).first().isEqualTo("image,proba_0,proba_1,predicted");
    assertThat(Files.readAllLines(loosePred).get(1)).startsWith("img0.png,");
    // images of other sizes and in colour: resized to the model's 8x8 and turned gray on load, as
    // the model's own size and channels say; an 8x8 gray image scores as before
    Path mixed = dir.resolve("mixed");
    Files.createDirectories(mixed);
    Files.copy(loose.resolve("img0.png"), mixed.resolve("img0.png"));
    java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(12, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(3, 4, 0x80ff20);
    javax.imageio.ImageIO.write(rgb, "png", mixed.resolve("img1.png").toFile());
    Path mixedPred = dir.resolve("mixed.csv");
    CliRun mp = CliRun.of("predict", model.toString(), mixed.toString(), "--out", mixedPred.toString());
    assertThat(mp.exit()).as(mp.err()).isZero();
    assertThat(Files.readAllLines(mixedPred)).hasSize(3);
    assertThat(Files.readAllLines(mixedPred).get(1)).isEqualTo(Files.readAllLines(loosePred).get(1));
    CliRun wrongSize = CliRun.of("predict", model.toString(), mixed.toString(), "--size", "9", "--out",
        dir.resolve("m9.csv").toString());
    assertThat(wrongSize.exit()).isEqualTo(1);
    assertThat(wrongSize.err()).contains("the model reads images of 8x8 gray; these are 9x9");
    // a table learner on images, and images of another size, are one line each
    CliRun lr = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "logistic", "--out",
        dir.resolve("x").toString());
    assertThat(lr.exit()).isEqualTo(2);
    assertThat(lr.err().strip()).isEqualTo("imb: logistic learns from tables, not images; learners for images: cnn, resnet32, bbn");
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    org.imbalanced4j.images.Idx.write(other.resolve("x.idx"), new int[] {2, 4, 4}, new byte[32]);
    CliRun size = CliRun.of("predict", model.toString(), other.resolve("x.idx").toString(), "--out",
        dir.resolve("p2.csv").toString());
    assertThat(size.exit()).isEqualTo(1);
    assertThat(size.err().strip()).isEqualTo("imb: the model reads images of 8x8 gray; these are 4x4 gray "
        + "(give --size to resize a folder on load)");
  }

  @Test
  void resnet32WithAttentionModulesTrainsAndReloads() throws IOException {
    Path[] f = TinyImages.idx(dir, 96, 4);
    for (String attention : new String[] {"se", "cbam"}) {
      Path model = dir.resolve(attention);
      CliRun t = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "resnet32",
          "--attention", attention, "--mix", attention.equals("se") ? "cutmix" : "remix", "--epochs", "2",
          "--batch-size", "32", "--out", model.toString());
      assertThat(t.exit()).as(t.err()).isZero();
      assertThat(OM.readTree(model.resolve("model.json").toFile()).get("model").get("network").get("attention")
          .asText()).isEqualTo(attention);
      CliRun p = CliRun.of("predict", model.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
          dir.resolve(attention + ".csv").toString());
      assertThat(p.exit()).as(p.err()).isZero();
    }
    CliRun balanced = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "cnn",
        "--balance-augment", "--epochs", "2", "--batch-size", "32", "--out", dir.resolve("ba").toString());
    assertThat(balanced.exit()).as(balanced.err()).isZero();
    assertThat(OM.readTree(dir.resolve("ba/model.json").toFile()).get("config").get("balance_augment").asText())
        .isEqualTo("balanced");
    CliRun badFactor = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "cnn",
        "--balance-augment", "7:3", "--out", dir.resolve("bf").toString());
    assertThat(badFactor.exit()).isEqualTo(2);
    assertThat(badFactor.err()).contains("unknown class in balance_augment '7'");
    Path bbn = dir.resolve("bbn");
    CliRun b = CliRun.of("train", f[0].toString(), "--labels", f[1].toString(), "--model", "bbn", "--epochs", "3",
        "--batch-size", "32", "--out", bbn.toString());
    assertThat(b.exit()).as(b.err()).isZero();
    CliRun bp = CliRun.of("predict", bbn.toString(), f[0].toString(), "--labels", f[1].toString(), "--out",
        dir.resolve("bbn.csv").toString());
    assertThat(bp.exit()).as(bp.err()).isZero();
    CliRun mlp = CliRun.of("train", "builtin:glass", "--attention", "se", "--out", dir.resolve("m").toString());
    assertThat(mlp.exit()).isEqualTo(2);
    assertThat(mlp.err()).contains("--attention: mlp has no parameter 'attention'");
  }

  @Test
  void compareRacesStrategiesOnImagesAndExportsTheWinner() throws IOException {
    Path[] f = TinyImages.idx(dir, 150, 5);
    Path grid = dir.resolve("g.yaml");
    Files.writeString(grid, "samplers: [none, RandomOverSampler]\nlearners: [{cnn: {epochs: 2, batch_size: 32}}]\n");
    Path out = dir.resolve("cmp");
    CliRun c = CliRun.of("compare", f[0].toString(), "--labels", f[1].toString(), "--grid", grid.toString(), "--folds",
        "2", "--out", out.toString());
    assertThat(c.exit()).as(c.err()).isZero();
    JsonNode r = OM.readTree(out.resolve("results.json").toFile());
    assertThat(r.get("candidates")).hasSize(2);
    assertThat(OM.readTree(out.resolve("best/model.json").toFile()).get("image_shape")).isNotNull();
    Files.writeString(grid, "samplers: [SMOTE]\nlearners: [cnn]\n");
    CliRun smote = CliRun.of("compare", f[0].toString(), "--labels", f[1].toString(), "--grid", grid.toString(),
        "--out", dir.resolve("x").toString());
    assertThat(smote.exit()).isEqualTo(2);
    assertThat(smote.err()).contains("SMOTE works on feature values; images are resampled with RandomOverSampler, "
        + "RandomUnderSampler");
  }
}
