package org.imbalanced4j.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.ImageShape;
import org.imbalanced4j.data.Schema;

/**
 * Images of one size decoded once into a compact store: {@code count} images of {@code channels x
 * height x width} bytes each, channel by channel (as torchvision's {@code ToTensor} lays them out,
 * before scaling to [0, 1]), with a class per image and a name (the file's path below the folder,
 * or the index in an IDX file). Immutable: the pixel array is never handed out.
 */
public final class ImageSet {
  private final int channels;
  private final int height;
  private final int width;
  private final byte[] pixels;
  private final int[] labels;
  private final List<String> classNames;
  private final List<String> names;

  /**
   * @param pixels {@code labels.length x channels x height x width} bytes (not copied: the caller
   *     hands it over)
   * @param labels class codes, or null when the images come without classes
   * @param classNames the names of the class codes (empty without labels)
   * @param names one name per image
   */
  public ImageSet(int channels, int height, int width, byte[] pixels, int[] labels, List<String> classNames,
      List<String> names) {
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.pixels = Objects.requireNonNull(pixels);
    this.labels = labels == null ? null : labels.clone();
    this.classNames = List.copyOf(classNames);
    this.names = List.copyOf(names);
    long size = (long) channels * height * width;
    if (channels < 1 || height < 1 || width < 1 || pixels.length != size * names.size()
        || (labels != null && labels.length != names.size())) {
      throw new IllegalArgumentException("an image set of " + names.size() + " images of " + channels + "x" + height
          + "x" + width + " needs " + size * names.size() + " bytes, got " + pixels.length);
    }
    if (labels != null) {
      for (int y : labels) {
        if (y < 0 || y >= classNames.size()) {
          throw new IllegalArgumentException("label " + y + " is not one of " + classNames.size() + " classes");
        }
      }
    }
  }

  /** How many images. */
  public int count() {
    return names.size();
  }

  /** Channels per image (1 for grey, 3 for RGB). */
  public int channels() {
    return channels;
  }

  /** Image height in pixels. */
  public int height() {
    return height;
  }

  /** Image width in pixels. */
  public int width() {
    return width;
  }

  /** Bytes per image: {@code channels x height x width}. */
  public int imageSize() {
    return channels * height * width;
  }

  /** Whether the images carry class labels. */
  public boolean hasLabels() {
    return labels != null;
  }

  /** The class code of image {@code i}. */
  public int label(int i) {
    return labels[i];
  }

  /** The class code of each image. */
  public int[] labels() {
    return labels.clone();
  }

  /** The class names, in code order. */
  public List<String> classNames() {
    return classNames;
  }

  /** Each image's name: its file name, or its index in an IDX file. */
  public List<String> names() {
    return names;
  }

  /** Pixel {@code (c, y, x)} of image {@code i}, 0 to 255. */
  public int pixel(int i, int c, int y, int x) {
    return pixels[(int) ((long) i * imageSize() + (c * height + y) * width + x)] & 0xff;
  }

  /** Copies image {@code i}'s bytes into {@code dst} at {@code offset}. */
  public void copyImage(int i, byte[] dst, int offset) {
    System.arraycopy(pixels, i * imageSize(), dst, offset, imageSize());
  }

  /** The images of each class. */
  public ClassCounts classCounts() {
    return ClassCounts.of(classNames, labels);
  }

  /** The images at {@code rows}, in that order (a row may repeat). */
  public ImageSet subset(int[] rows) {
    int s = imageSize();
    byte[] p = new byte[rows.length * s];
    List<String> n = new ArrayList<>(rows.length);
    int[] y = labels == null ? null : new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(pixels, rows[r] * s, p, r * s, s);
      n.add(names.get(rows[r]));
      if (y != null) {
        y[r] = labels[rows[r]];
      }
    }
    return new ImageSet(channels, height, width, p, y, classNames, n);
  }

  /**
   * The same images with {@code c} channels: gray to RGB copies the gray plane into all three (as
   * PIL's {@code convert("RGB")}); RGB to gray takes ITU-R 601-2 luma, {@code L = (19595 R + 38470 G
   * + 7471 B + 2^15) >> 16}, PIL's {@code convert("L")}. This set itself when it has {@code c}.
   *
   * @throws IllegalArgumentException unless {@code c} is 1 or 3
   */
  public ImageSet withChannels(int c) {
    if (c != 1 && c != 3) {
      throw new IllegalArgumentException("images have 1 or 3 channels, not " + c);
    }
    if (c == channels) {
      return this;
    }
    int plane = height * width;
    byte[] p = new byte[count() * c * plane];
    for (int i = 0; i < count(); i++) {
      int from = i * channels * plane;
      int to = i * c * plane;
      for (int k = 0; k < plane; k++) {
        if (c == 3) {
          byte g = pixels[from + k];
          p[to + k] = g;
          p[to + plane + k] = g;
          p[to + 2 * plane + k] = g;
        } else {
          int r = pixels[from + k] & 0xff;
          int g = pixels[from + plane + k] & 0xff;
          int b = pixels[from + 2 * plane + k] & 0xff;
          p[to + k] = (byte) ((19595 * r + 38470 * g + 7471 * b + 0x8000) >> 16);
        }
      }
    }
    return new ImageSet(c, height, width, p, labels, classNames, names);
  }

  /** The shape of one image. */
  public ImageShape shape() {
    return new ImageShape(channels, height, width);
  }

  /**
   * The images as rows of a data set, so that folds, row-selecting samplers, trainers and metrics
   * treat them as any other rows: one numeric feature, {@code image}, the image's index here; the
   * schema holds the image shape and the data set these images ({@link Dataset#images()}). Without
   * classes every row has class 0 of one class {@code ?}.
   */
  public Dataset asDataset() {
    float[] v = new float[count()];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    List<String> classes = hasLabels() ? classNames : List.of("?");
    return Dataset.builder(new Schema(List.of(Feature.numeric("image")), "class", classes).withImageShape(shape()))
        .setValues(v, count()).setLabels(hasLabels() ? labels : new int[count()]).optImages(this).build();
  }

  @Override
  public String toString() {
    return count() + " images of " + channels + "x" + height + "x" + width;
  }
}
