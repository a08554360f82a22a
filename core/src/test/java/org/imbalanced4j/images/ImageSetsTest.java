package org.imbalanced4j.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.imbalanced4j.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSetsTest {
  @TempDir Path dir;

  /** A gray image whose pixel (x, y) is {@code seed + 7x + 3y} (mod 256). */
  static BufferedImage gray(int w, int h, int seed) {
    BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        b.getRaster().setSample(x, y, 0, (seed + 7 * x + 3 * y) & 0xff);
      }
    }
    return b;
  }

  static Path folder(Path root, String cls, String name, BufferedImage img) throws IOException {
    Path f = root.resolve(cls).resolve(name);
    Files.createDirectories(f.getParent());
    ImageIO.write(img, name.endsWith(".jpg") ? "jpg" : "png", f.toFile());
    return f;
  }

  @Test
  void channelsConvertAsPilsConvertDoes() {
    // one image of three pixels, RGB planes; PIL 9.4: Image.convert("L") gives 192, 2, 255
    byte[] rgb = {(byte) 128, 1, (byte) 255, (byte) 255, 2, (byte) 255, 32, 3, (byte) 255};
    ImageSet colour = new ImageSet(3, 1, 3, rgb, new int[] {0}, List.of("a"), List.of("x.png"));
    ImageSet gray = colour.withChannels(1);
    assertThat(gray.shape().channels()).isEqualTo(1);
    assertThat(new int[] {gray.pixel(0, 0, 0, 0), gray.pixel(0, 0, 0, 1), gray.pixel(0, 0, 0, 2)})
        .containsExactly(192, 2, 255);
    ImageSet back = gray.withChannels(3);
    for (int c = 0; c < 3; c++) {
      assertThat(back.pixel(0, c, 0, 0)).isEqualTo(192);
    }
    assertThat(back.labels()).containsExactly(0);
    assertThat(colour.withChannels(3)).isSameAs(colour);
    assertThatThrownBy(() -> colour.withChannels(2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClassPerFolderDirectoryReadsAsTorchvisionsImageFolderDoes() throws IOException {
    Path root = dir.resolve("imgs");
    folder(root, "dog", "b.png", gray(5, 4, 10));
    folder(root, "dog", "a.png", gray(5, 4, 20));
    folder(root, "cat", "z.png", gray(5, 4, 30));
    ImageSet s = ImageSets.read(root, null, null);
    assertThat(s.classNames()).containsExactly("cat", "dog"); // sorted, as ImageFolder
    assertThat(s.names()).containsExactly("cat/z.png", "dog/a.png", "dog/b.png");
    assertThat(s.labels()).containsExactly(0, 1, 1);
    assertThat(s.channels()).isEqualTo(1);
    assertThat(s.height()).isEqualTo(4);
    assertThat(s.width()).isEqualTo(5);
    assertThat(s.pixel(1, 0, 2, 3)).isEqualTo(20 + 21 + 6);
    assertThat(s.classCounts().counts()).containsExactly(1, 2);
  }

  @Test
  void colourMakesEveryImageRgbAndSizeResizes() throws IOException {
    Path root = dir.resolve("rgb");
    BufferedImage c = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
    c.setRGB(1, 2, 0x102030);
    folder(root, "a", "c.png", c);
    folder(root, "b", "g.png", gray(6, 6, 0));
    ImageSet s = ImageSets.read(root, null, null);
    assertThat(s.channels()).isEqualTo(3);
    assertThat(new int[] {s.pixel(0, 0, 2, 1), s.pixel(0, 1, 2, 1), s.pixel(0, 2, 2, 1)}).containsExactly(0x10, 0x20, 0x30);
    assertThat(s.pixel(1, 0, 1, 1)).isEqualTo(s.pixel(1, 2, 1, 1)).isEqualTo(10); // gray in all three
    ImageSet small = ImageSets.read(root, null, ImageSets.parseSize("3x2"));
    assertThat(small.height()).isEqualTo(2);
    assertThat(small.width()).isEqualTo(3);
    // resizing a flat gray image keeps its value (no linear-gray colour conversion on the way)
    Path flat = dir.resolve("flat");
    BufferedImage ten = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    java.util.Arrays.fill(((java.awt.image.DataBufferByte) ten.getRaster().getDataBuffer()).getData(), (byte) 10);
    folder(flat, "a", "ten.png", ten);
    ImageSet resized = ImageSets.read(flat, null, new int[] {4, 4});
    assertThat(resized.pixel(0, 0, 2, 2)).isEqualTo(10);
  }

  @Test
  void badFoldersAreOneLineNamingTheFile() throws IOException {
    Path root = dir.resolve("bad");
    folder(root, "a", "1.png", gray(4, 4, 0));
    folder(root, "a", "2.png", gray(5, 4, 0));
    assertThatThrownBy(() -> ImageSets.read(root, null, null)).isInstanceOf(DataException.class)
        .hasMessage("mixed image sizes: a/1.png is 4x4, a/2.png is 5x4; give --size to resize on load");
    assertThat(ImageSets.read(root, null, new int[] {4, 4}).count()).isEqualTo(2);
    Files.createDirectories(root.resolve("empty"));
    assertThatThrownBy(() -> ImageSets.read(root, null, new int[] {4, 4})).isInstanceOf(DataException.class)
        .hasMessage(root.resolve("empty") + ": a class folder with no images (.png, .jpg, .jpeg, .bmp, .gif)");
    Files.delete(root.resolve("empty"));
    Path png = folder(root, "b", "t.png", gray(16, 16, 0));
    byte[] bytes = Files.readAllBytes(png);
    Files.write(png, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ImageSets.read(root, null, new int[] {4, 4})).isInstanceOf(DataException.class)
        .hasMessageStartingWith(png + ": ");
    Files.writeString(png, "not an image");
    assertThatThrownBy(() -> ImageSets.read(root, null, new int[] {4, 4})).isInstanceOf(DataException.class)
        .hasMessage(png + ": not an image the reader knows (PNG, JPEG, BMP, GIF)");
    Path flat = dir.resolve("flat");
    Files.createDirectories(flat);
    assertThatThrownBy(() -> ImageSets.read(flat, null, null)).isInstanceOf(DataException.class)
        .hasMessageContaining("no images and no class folders");
    ImageIO.write(gray(4, 4, 9), "png", flat.resolve("b.png").toFile());
    ImageIO.write(gray(4, 4, 1), "png", flat.resolve("a.png").toFile());
    ImageSet unlabelled = ImageSets.read(flat, null, null);
    assertThat(unlabelled.hasLabels()).isFalse();
    assertThat(unlabelled.names()).containsExactly("a.png", "b.png");
  }

  @Test
  void idxFilesPlainOrGzippedWithLabels() throws IOException {
    byte[] px = new byte[3 * 2 * 2];
    new Random(1).nextBytes(px);
    Idx.write(dir.resolve("x.idx"), new int[] {3, 2, 2}, px);
    Idx.write(dir.resolve("y.idx.gz"), new int[] {3}, new byte[] {2, 0, 2});
    ImageSet s = ImageSets.read(dir.resolve("x.idx"), dir.resolve("y.idx.gz"), null);
    assertThat(s.count()).isEqualTo(3);
    // the classes are the label values present (no empty class 1), and written back as themselves
    assertThat(s.classNames()).containsExactly("0", "2");
    assertThat(s.labels()).containsExactly(1, 0, 1);
    ImageSets.write(s, dir.resolve("again"), false);
    assertThat(Idx.read(dir.resolve("again").resolve(ImageSets.LABELS_FILE)).data()).containsExactly(2, 0, 2);
    assertThat(ImageSets.read(dir.resolve("again").resolve(ImageSets.IMAGES_FILE),
        dir.resolve("again").resolve(ImageSets.LABELS_FILE), null).classNames()).containsExactly("0", "2");
    assertThat(s.pixel(2, 0, 1, 0)).isEqualTo(px[10] & 0xff);
    assertThat(ImageSets.isImages(dir.resolve("x.idx"))).isTrue();
    assertThat(ImageSets.isImages(dir.resolve("y.idx.gz"))).isTrue();
    // four dimensions: N x H x W x C, held channel by channel
    byte[] hwc = {1, 2, 3, 4, 5, 6};
    Idx.write(dir.resolve("rgb.idx"), new int[] {1, 1, 2, 3}, hwc);
    ImageSet rgb = ImageSets.read(dir.resolve("rgb.idx"), null, null);
    assertThat(rgb.channels()).isEqualTo(3);
    assertThat(new int[] {rgb.pixel(0, 0, 0, 0), rgb.pixel(0, 0, 0, 1), rgb.pixel(0, 2, 0, 1)}).containsExactly(1, 4, 6);
  }

  @Test
  void badIdxIsOneLine() throws IOException {
    Idx.write(dir.resolve("x.idx"), new int[] {3, 2, 2}, new byte[12]);
    Idx.write(dir.resolve("y.idx"), new int[] {4}, new byte[4]);
    assertThatThrownBy(() -> ImageSets.read(dir.resolve("x.idx"), dir.resolve("y.idx"), null))
        .isInstanceOf(DataException.class).hasMessage(dir.resolve("y.idx") + " holds 4 labels for the 3 images of "
            + dir.resolve("x.idx"));
    byte[] all = Files.readAllBytes(dir.resolve("x.idx"));
    Files.write(dir.resolve("cut.idx"), java.util.Arrays.copyOf(all, all.length - 5));
    assertThatThrownBy(() -> Idx.read(dir.resolve("cut.idx"))).isInstanceOf(DataException.class)
        .hasMessage(dir.resolve("cut.idx") + ": truncated: the header declares 12 bytes of data, the file holds 7");
    // a header that declares 2^31 bytes is refused before anything is allocated
    Files.write(dir.resolve("huge.idx"), new byte[] {0, 0, 8, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, (byte) 0x80, 0});
    assertThatThrownBy(() -> Idx.read(dir.resolve("huge.idx"))).isInstanceOf(DataException.class)
        .hasMessageContaining("declares more than");
    Idx.write(dir.resolve("vec.idx"), new int[] {4}, new byte[4]);
    assertThatThrownBy(() -> ImageSets.read(dir.resolve("vec.idx"), null, null)).isInstanceOf(DataException.class)
        .hasMessageContaining("are not images");
    Files.writeString(dir.resolve("text.idx"), "hello");
    assertThatThrownBy(() -> Idx.read(dir.resolve("text.idx"))).isInstanceOf(DataException.class)
        .hasMessageContaining("not an IDX file");
  }

  @Test
  void aLongTailKeepsTheExponentialProfileSeeded() {
    int[] y = new int[1000];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 10;
    }
    List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    long[] t = LongTail.targets(org.imbalanced4j.data.ClassCounts.of(classes, y), 100);
    // n_c = floor(100 * 100^(-c/9)): 100, 59, 35, 21, 12, 7, 4, 2, 1, 1
    assertThat(t).containsExactly(100, 59, 35, 21, 12, 7, 4, 2, 1, 1);
    int[] a = LongTail.select(y, classes, 100, 3);
    assertThat(a).hasSize(242).isSorted();
    assertThat(LongTail.select(y, classes, 100, 3)).isEqualTo(a);
    assertThat(LongTail.select(y, classes, 100, 4)).isNotEqualTo(a);
    long[] got = new long[10];
    for (int i : a) {
      got[y[i]]++;
    }
    assertThat(got).isEqualTo(t);
    assertThatThrownBy(() -> LongTail.targets(org.imbalanced4j.data.ClassCounts.of(classes, y), 0.5))
        .hasMessageContaining("ratio must be a number of at least 1");
  }

  @Test
  void writtenSetsReadBackTheSame() throws IOException {
    Path root = dir.resolve("in");
    folder(root, "a", "1.png", gray(3, 3, 1));
    folder(root, "b", "2.png", gray(3, 3, 2));
    ImageSet s = ImageSets.read(root, null, null);
    ImageSet twice = s.subset(new int[] {0, 1, 1});
    ImageSets.write(twice, dir.resolve("out"), true);
    ImageSet back = ImageSets.read(dir.resolve("out"), null, null);
    assertThat(back.names()).containsExactly("a/1.png", "b/2.png", "b/2_2.png");
    assertThat(back.pixel(2, 0, 1, 1)).isEqualTo(s.pixel(1, 0, 1, 1));
    ImageSets.write(twice, dir.resolve("idx"), false);
    ImageSet idx = ImageSets.read(dir.resolve("idx").resolve(ImageSets.IMAGES_FILE),
        dir.resolve("idx").resolve(ImageSets.LABELS_FILE), null);
    assertThat(idx.labels()).containsExactly(0, 1, 1);
    assertThat(idx.pixel(1, 0, 2, 2)).isEqualTo(s.pixel(1, 0, 2, 2));
  }
}
