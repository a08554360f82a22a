package org.imbalanced4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.imbalanced4j.images.Idx;
import org.imbalanced4j.images.ImageSet;

/**
 * Tiny images a network learns in a few steps: 8x8 gray, class 0 a bright left half, class 1 a
 * bright right half, both with noise; every third image of class 1, so the classes are imbalanced.
 */
final class TinyImages {
  private TinyImages() {}

  static ImageSet set(int n, long seed) {
    Random r = new Random(seed);
    byte[] px = new byte[n * 64];
    int[] y = new int[n];
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      y[i] = i % 3 == 2 ? 1 : 0;
      for (int row = 0; row < 8; row++) {
        for (int col = 0; col < 8; col++) {
          boolean bright = (col < 4) == (y[i] == 0);
          px[i * 64 + row * 8 + col] = (byte) Math.max(0, Math.min(255, (bright ? 180 : 60) + r.nextGaussian() * 40));
        }
      }
      names.add(Integer.toString(i));
    }
    return new ImageSet(1, 8, 8, px, y, List.of("0", "1"), names);
  }

  /** The set written as IDX files: {images, labels}. */
  static Path[] idx(Path dir, int n, long seed) throws IOException {
    ImageSet s = set(n, seed);
    byte[] px = new byte[n * 64];
    byte[] y = new byte[n];
    for (int i = 0; i < n; i++) {
      s.copyImage(i, px, i * 64);
      y[i] = (byte) s.label(i);
    }
    Path images = dir.resolve("images-idx3-ubyte.gz");
    Path labels = dir.resolve("labels-idx1-ubyte.gz");
    Idx.write(images, new int[] {n, 8, 8}, px);
    Idx.write(labels, new int[] {n}, y);
    return new Path[] {images, labels};
  }
}
