package org.imbalanced4j.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.io.AtomicFiles;

/**
 * Reading and writing image sets: a class-per-folder directory ({@link ImageFolder}) or IDX files
 * ({@link Idx}: images {@code N x H x W}, or {@code N x H x W x C} with 1 or 3 channels, and a
 * label file of {@code N} bytes).
 */
public final class ImageSets {
  /** The names {@link #write} gives IDX output. */
  public static final String IMAGES_FILE = "images-idx3-ubyte.gz";
  /** The labels file of a saved image set. */
  public static final String LABELS_FILE = "labels-idx1-ubyte.gz";

  private ImageSets() {}

  /** Whether {@code path} holds images: a directory, or an IDX file. */
  public static boolean isImages(Path path) {
    return Files.isDirectory(path) || (Files.isRegularFile(path) && Idx.looksLikeIdx(path));
  }

  /** {@code 28} or {@code 32x28} (width x height) as {@code {height, width}}. */
  public static int[] parseSize(String s) {
    String[] p = s.strip().toLowerCase(java.util.Locale.ROOT).split("x");
    try {
      int w = Integer.parseInt(p[0].strip());
      int h = p.length == 2 ? Integer.parseInt(p[1].strip()) : w;
      if (p.length > 2 || w < 1 || h < 1 || w > 8192 || h > 8192) {
        throw new NumberFormatException();
      }
      return new int[] {h, w};
    } catch (NumberFormatException e) {
      throw new InvalidOptionException("--size must be a side (28) or WIDTHxHEIGHT (32x28) from 1 to 8192, got '"
          + s + "'");
    }
  }

  /**
   * Reads images with their classes.
   *
   * @param labels the IDX label file of IDX images (the classes are the label values present, in
   *     numeric order); null for a folder, or for IDX images without classes
   * @param size {@code {height, width}} to resize folder images to, or null
   */
  public static ImageSet read(Path images, Path labels, int[] size) {
    if (!Files.exists(images)) {
      throw new DataException(images + ": no such file or directory");
    }
    if (Files.isDirectory(images)) {
      if (labels != null) {
        throw new InvalidOptionException("--labels is for IDX images; a folder's classes are its sub-folders");
      }
      return ImageFolder.read(images, size);
    }
    if (size != null) {
      throw new InvalidOptionException("--size resizes images of a folder; IDX images have one size");
    }
    Idx.Array a = Idx.read(images);
    int[] d = a.dims();
    if (d.length < 3 || (d.length == 4 && d[3] != 1 && d[3] != 3) || d[1] < 1 || d[2] < 1) {
      throw new DataException(images + ": IDX dimensions " + java.util.Arrays.toString(d)
          + " are not images (N x height x width, or N x height x width x channels with 1 or 3 channels)");
    }
    int n = d[0];
    int h = d[1];
    int w = d[2];
    int c = d.length == 4 ? d[3] : 1;
    byte[] px = c == 1 ? a.data() : planar(a.data(), n, h, w, c);
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(Integer.toString(i));
    }
    if (labels == null) {
      return new ImageSet(c, h, w, px, null, List.of(), names);
    }
    Idx.Array l = Idx.read(labels);
    if (l.dims().length != 1) {
      throw new DataException(labels + ": an IDX label file has one dimension, this one "
          + java.util.Arrays.toString(l.dims()));
    }
    if (l.dims()[0] != n) {
      throw new DataException(String.format(java.util.Locale.ROOT, "%s holds %,d labels for the %,d images of %s",
          labels, l.dims()[0], n, images));
    }
    // the classes are the label values present, in numeric order, as a table's target values are
    boolean[] present = new boolean[256];
    for (int i = 0; i < n; i++) {
      present[l.data()[i] & 0xff] = true;
    }
    int[] code = new int[256];
    List<String> classes = new ArrayList<>();
    for (int v = 0; v < 256; v++) {
      if (present[v]) {
        code[v] = classes.size();
        classes.add(Integer.toString(v));
      }
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = code[l.data()[i] & 0xff];
    }
    return new ImageSet(c, h, w, px, y, classes, names);
  }

  /** {@code N x H x W x C} to {@code N x C x H x W}. */
  private static byte[] planar(byte[] hwc, int n, int h, int w, int c) {
    byte[] out = new byte[hwc.length];
    int plane = h * w;
    for (int i = 0; i < n; i++) {
      int base = i * plane * c;
      for (int p = 0; p < plane; p++) {
        for (int k = 0; k < c; k++) {
          out[base + k * plane + p] = hwc[base + p * c + k];
        }
      }
    }
    return out;
  }

  /**
   * Writes a set to {@code dir}: IDX files ({@link #IMAGES_FILE}, {@link #LABELS_FILE}), or with
   * {@code folders} one sub-folder of PNG files per class. The directory is made beside its place
   * and renamed into it, so a failure never leaves half a set.
   *
   * @return the paths written, for messages
   */
  public static List<Path> write(ImageSet set, Path dir, boolean folders) throws IOException {
    List<Path> written = new ArrayList<>();
    AtomicFiles.writeDirectory(dir, tmp -> {
      if (folders) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < set.count(); i++) {
          String cls = set.classNames().get(set.label(i));
          String name = Path.of(set.names().get(i)).getFileName().toString().replaceFirst("\\.[^.]*$", "");
          int copy = seen.merge(cls + "/" + name, 1, Integer::sum);
          Path f = tmp.resolve(cls).resolve(name + (copy > 1 ? "_" + copy : "") + ".png");
          Files.createDirectories(f.getParent());
          javax.imageio.ImageIO.write(toImage(set, i), "png", f.toFile());
        }
        set.classNames().forEach(c -> written.add(dir.resolve(c)));
        return;
      }
      byte[] px = new byte[set.count() * set.imageSize()];
      for (int i = 0; i < set.count(); i++) {
        set.copyImage(i, px, i * set.imageSize());
      }
      int[] dims = set.channels() == 1 ? new int[] {set.count(), set.height(), set.width()}
          : new int[] {set.count(), set.height(), set.width(), set.channels()};
      Idx.write(tmp.resolve(IMAGES_FILE), dims, set.channels() == 1 ? px : interleaved(set, px));
      // IDX labels are numbers: a class named by one (as read from IDX) keeps it, others their index
      List<String> names = set.classNames();
      boolean numbered = names.stream().allMatch(x -> x.matches("\\d{1,3}") && Integer.parseInt(x) < 256);
      byte[] y = new byte[set.count()];
      for (int i = 0; i < y.length; i++) {
        y[i] = (byte) (numbered ? Integer.parseInt(names.get(set.label(i))) : set.label(i));
      }
      Idx.write(tmp.resolve(LABELS_FILE), new int[] {y.length}, y);
      written.add(dir.resolve(IMAGES_FILE));
      written.add(dir.resolve(LABELS_FILE));
    });
    return written;
  }

  private static byte[] interleaved(ImageSet set, byte[] chw) {
    int plane = set.height() * set.width();
    int c = set.channels();
    byte[] out = new byte[chw.length];
    for (int i = 0; i < set.count(); i++) {
      int base = i * plane * c;
      for (int p = 0; p < plane; p++) {
        for (int k = 0; k < c; k++) {
          out[base + p * c + k] = chw[base + k * plane + p];
        }
      }
    }
    return out;
  }

  /** Image {@code i} as a gray or RGB picture. */
  public static BufferedImage toImage(ImageSet set, int i) {
    int h = set.height();
    int w = set.width();
    if (set.channels() == 1) {
      BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
      byte[] px = new byte[h * w];
      set.copyImage(i, px, 0);
      b.getRaster().setDataElements(0, 0, w, h, px);
      return b;
    }
    BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        b.setRGB(x, y, set.pixel(i, 0, y, x) << 16 | set.pixel(i, 1, y, x) << 8 | set.pixel(i, 2, y, x));
      }
    }
    return b;
  }

}
