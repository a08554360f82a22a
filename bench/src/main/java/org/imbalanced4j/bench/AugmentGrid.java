package org.imbalanced4j.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.imbalanced4j.images.ImageSet;
import org.imbalanced4j.images.ImageSets;
import org.imbalanced4j.images.augment.Augmentation;
import org.imbalanced4j.images.augment.ImageOps;

/**
 * Writes a PNG grid of augmented images to check by eye: one row per image (the first of each of
 * the first classes), one column per transformation, each cell enlarged 4x.
 *
 * <p>Usage: {@code AugmentGrid IMAGES LABELS OUT.png}
 */
public final class AugmentGrid {
  private AugmentGrid() {}

  public static void main(String[] args) throws Exception {
    ImageSet set = ImageSets.read(Path.of(args[0]), Path.of(args[1]), null);
    int c = set.channels();
    int h = set.height();
    int w = set.width();
    Augmentation policy = Augmentation.named("default");
    List<String> names = List.of("original", "hflip", "rotate 30", "affine", "zoom (crop)", "brightness 1.5",
        "contrast 0.5", "erase", "default #1", "default #2", "default #3");
    List<UnaryOperator<float[]>> ops = List.of(x -> x, x -> ImageOps.hflip(x, c, h, w),
        x -> ImageOps.rotate(x, c, h, w, 30, 0), x -> ImageOps.affine(x, c, h, w, 15, 3, -2, 0.85, 12, 0, 0),
        x -> ImageOps.resizedCrop(x, c, h, w, h / 5, w / 5, 3 * h / 5, 3 * w / 5, h, w),
        x -> ImageOps.brightness(x, 1.5f), x -> ImageOps.contrast(x, c, h, w, 0.5f),
        x -> ImageOps.erase(x, c, h, w, h / 4, w / 3, h / 3, w / 3, 0.5f),
        x -> policy.apply(x, c, h, w, new SplittableRandom(1)), x -> policy.apply(x, c, h, w, new SplittableRandom(2)),
        x -> policy.apply(x, c, h, w, new SplittableRandom(3)));
    int rows = Math.min(6, set.classNames().size());
    int z = 4;
    int cell = Math.max(h, w) * z + 8;
    int top = 24;
    BufferedImage grid = new BufferedImage(cell * ops.size(), top + cell * rows, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int col = 0; col < ops.size(); col++) {
      g.drawString(names.get(col), col * cell + 4, 16);
    }
    for (int r = 0; r < rows; r++) {
      int i = 0;
      while (set.label(i) != r) {
        i++;
      }
      float[] x = new float[set.imageSize()];
      for (int p = 0; p < x.length; p++) {
        x[p] = set.pixel(i, p / (h * w), (p / w) % h, p % w) / 255f;
      }
      for (int col = 0; col < ops.size(); col++) {
        float[] y = ops.get(col).apply(x);
        for (int yy = 0; yy < h * z; yy++) {
          for (int xx = 0; xx < w * z; xx++) {
            int p = (yy / z) * w + xx / z;
            int rgb = 0;
            for (int k = 0; k < 3; k++) {
              int v = Math.round(255 * y[(c == 1 ? 0 : k) * h * w + p]);
              rgb = rgb << 8 | v;
            }
            grid.setRGB(col * cell + 4 + xx, top + r * cell + 4 + yy, rgb);
          }
        }
      }
    }
    g.dispose();
    ImageIO.write(grid, "png", Path.of(args[2]).toFile());
    System.out.println("wrote " + args[2]);
  }
}
