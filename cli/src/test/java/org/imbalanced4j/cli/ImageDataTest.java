package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.imbalanced4j.images.Idx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images through imb inspect and imb resample: IDX files and class folders, and what is refused. */
class ImageDataTest {
  @TempDir Path dir;

  /** 200 images of 4x4: class c has 50, 30, 20 ... as given; pixel values from the index. */
  private Path[] idx(int... perClass) throws IOException {
    int n = java.util.Arrays.stream(perClass).sum();
    byte[] px = new byte[n * 16];
    byte[] y = new byte[n];
    int i = 0;
    for (int c = 0; c < perClass.length; c++) {
      for (int j = 0; j < perClass[c]; j++, i++) {
        y[i] = (byte) c;
        java.util.Arrays.fill(px, i * 16, i * 16 + 16, (byte) i);
      }
    }
    Path images = dir.resolve("images.idx.gz");
    Path labels = dir.resolve("labels.idx");
    Idx.write(images, new int[] {n, 4, 4}, px);
    Idx.write(labels, new int[] {n}, y);
    return new Path[] {images, labels};
  }

  @Test
  void inspectShowsImagesSizeChannelsAndClassCounts() throws IOException {
    Path[] f = idx(50, 30, 20);
    CliRun r = CliRun.of("inspect", f[0].toString(), "--labels", f[1].toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("100 images, 4x4 pixels (width x height), 1 channel (gray)")
        .contains("Imbalance ratio (majority/minority): 2.50");
    JsonNode j = new ObjectMapper().readTree(CliRun.of("inspect", f[0].toString(), "--labels", f[1].toString(),
        "--json").out());
    assertThat(j.get("images").asInt()).isEqualTo(100);
    assertThat(j.get("classes").toString()).isEqualTo("{\"0\":50,\"1\":30,\"2\":20}");
    assertThat(CliRun.of("inspect", f[0].toString()).out()).contains("No classes: give --labels");

    Path folder = dir.resolve("photos");
    for (String c : new String[] {"cat", "dog"}) {
      Files.createDirectories(folder.resolve(c));
      ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), "png", folder.resolve(c).resolve("1.png").toFile());
    }
    CliRun p = CliRun.of("inspect", folder.toString());
    assertThat(p.out()).contains("2 images, 8x6 pixels (width x height), 3 channels (RGB)").contains("cat").contains("dog");
    assertThat(CliRun.of("inspect", folder.toString(), "--size", "4").out()).contains("4x4 pixels");
  }

  @Test
  void resampleMakesALongTailOrRandomlyResamplesWholeImages() throws IOException {
    Path[] f = idx(100, 100, 100);
    Path out = dir.resolve("lt");
    CliRun r = CliRun.of("resample", f[0].toString(), "--labels", f[1].toString(), "--method", "long-tail",
        "--param", "ratio=10", "--seed", "2", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("300 images -> 141 images").contains("imbalance ratio 1.00 -> 10.00");
    JsonNode j = new ObjectMapper().readTree(CliRun.of("inspect", out.resolve("images-idx3-ubyte.gz").toString(),
        "--labels", out.resolve("labels-idx1-ubyte.gz").toString(), "--json").out());
    assertThat(j.get("classes").toString()).isEqualTo("{\"0\":100,\"1\":31,\"2\":10}");

    Path under = dir.resolve("under");
    CliRun u = CliRun.of("resample", out.resolve("images-idx3-ubyte.gz").toString(), "--labels",
        out.resolve("labels-idx1-ubyte.gz").toString(), "--method", "RandomUnderSampler", "--out", under.toString());
    assertThat(u.exit()).as(u.err()).isZero();
    assertThat(u.out()).contains("141 images -> 30 images");

    CliRun nearMiss = CliRun.of("resample", f[0].toString(), "--labels", f[1].toString(), "--method", "NearMiss",
        "--out", dir.resolve("x").toString());
    assertThat(nearMiss.exit()).isEqualTo(2);
    assertThat(nearMiss.err().strip()).isEqualTo("imb: NearMiss works on feature values; images are resampled with "
        + "long-tail, RandomOverSampler, RandomUnderSampler (without shrinkage)");
    CliRun noLabels = CliRun.of("resample", f[0].toString(), "--method", "long-tail", "--out", dir.resolve("x").toString());
    assertThat(noLabels.exit()).isEqualTo(2);
    assertThat(noLabels.err()).contains("give --labels LABELS.idx");
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }

  @Test
  void badImageInputIsOneLineAndExitOne() throws IOException {
    Path[] f = idx(3, 3);
    Idx.write(f[1], new int[] {5}, new byte[5]);
    CliRun count = CliRun.of("inspect", f[0].toString(), "--labels", f[1].toString());
    assertThat(count.exit()).isEqualTo(1);
    assertThat(count.err().strip()).isEqualTo("imb: " + f[1] + " holds 5 labels for the 6 images of " + f[0]);
    Path folder = dir.resolve("photos");
    Files.createDirectories(folder.resolve("empty"));
    Files.createDirectories(folder.resolve("full"));
    ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), "png", folder.resolve("full/a.png").toFile());
    CliRun empty = CliRun.of("inspect", folder.toString());
    assertThat(empty.exit()).isEqualTo(1);
    assertThat(empty.err().strip()).startsWith("imb: " + folder.resolve("empty") + ": a class folder with no images");
    CliRun size = CliRun.of("inspect", folder.toString(), "--size", "0");
    assertThat(size.exit()).isEqualTo(2);
  }
}
