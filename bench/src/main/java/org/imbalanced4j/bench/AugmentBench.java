package org.imbalanced4j.bench;

import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.imbalanced4j.images.augment.Augmentation;

/**
 * Augmentation throughput: {@code RandomHorizontalFlip(0.5)}, {@code RandomRotation(15)}, {@code
 * ColorJitter(0.2, 0.2, 0.2)}, then scaling to [0, 1] and normalising, on N random uint8 images of
 * {@code c x size x size}, as {@code ImageBatches} makes a training batch (one generator per image);
 * images per second, the median of 5 passes after 2 warm-up passes, on {@code threads} threads.
 *
 * <p>Usage: {@code AugmentBench CHANNELS SIZE N THREADS}
 */
public final class AugmentBench {
  private AugmentBench() {}

  public static void main(String[] args) throws Exception {
    int c = Integer.parseInt(args[0]);
    int size = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    int s = c * size * size;
    byte[] px = new byte[n * s];
    new Random(0).nextBytes(px);
    Augmentation a = Augmentation.compose(Augmentation.horizontalFlip(0.5), Augmentation.rotation(15, 0),
        Augmentation.colorJitter(0.2, 0.2, 0.2, 0));
    float[] out = new float[n * s];
    ForkJoinPool pool = new ForkJoinPool(threads);
    double[] t = new double[7];
    for (int pass = 0; pass < t.length; pass++) {
      long seed = pass;
      long t0 = System.nanoTime();
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
        float[] v = new float[s];
        for (int p = 0; p < s; p++) {
          v[p] = (px[i * s + p] & 0xff) / 255f;
        }
        v = a.apply(v, c, size, size, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i));
        for (int p = 0; p < s; p++) {
          out[i * s + p] = (v[p] - 0.5f) / 0.25f;
        }
      })).get();
      t[pass] = (System.nanoTime() - t0) / 1e9;
    }
    double[] timed = java.util.Arrays.copyOfRange(t, 2, t.length);
    java.util.Arrays.sort(timed);
    System.out.printf(Locale.ROOT, "{\"images_per_second\":%.0f,\"threads\":%d}%n", n / timed[timed.length / 2], threads);
  }
}
