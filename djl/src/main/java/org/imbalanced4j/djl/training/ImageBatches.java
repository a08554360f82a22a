package org.imbalanced4j.djl.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.images.ImageSet;
import org.imbalanced4j.images.augment.Augmentation;

/**
 * The images of a data set's rows as {@code (n, channels, height, width)} float tensors, scaled to
 * [0, 1] and normalised per channel ({@link InputTransform.Images}); a batch is made on all cores.
 */
public final class ImageBatches implements BatchSource {
  private final Dataset data;
  private final ImageSet images;
  private final float[] mean;
  private final float[] std;
  private final Augmentation augmentation;

  /** Batches without augmentation, for prediction. */
  public ImageBatches(Dataset data, float[] mean, float[] std) {
    this(data, mean, std, null);
  }

  /**
   * @param augmentation applied to each image of a training batch, on [0, 1] values before the
   *     normalisation, with a generator per image derived from the batch's seed; null for none
   */
  public ImageBatches(Dataset data, float[] mean, float[] std, Augmentation augmentation) {
    this.augmentation = augmentation;
    if (data.images() == null) {
      throw new IllegalArgumentException("the rows are not images");
    }
    this.data = data;
    this.images = data.images();
    this.mean = mean.clone();
    this.std = std.clone();
  }

  @Override
  public int size() {
    return data.rows();
  }

  @Override
  public int[] labels() {
    return data.labels();
  }

  @Override
  public Shape inputShape(int n) {
    return new Shape(n, images.channels(), images.height(), images.width());
  }

  @Override
  public NDList inputs(NDManager manager, int[] rows, boolean training, long seed) {
    int size = images.imageSize();
    int plane = images.height() * images.width();
    float[] x = new float[rows.length * size];
    IntStream range = IntStream.range(0, rows.length);
    boolean augment = training && augmentation != null;
    (augment || rows.length * (long) size > 1 << 16 ? range.parallel() : range).forEach(i -> {
      byte[] img = new byte[size];
      images.copyImage(data.imageIndex(rows[i]), img, 0);
      float[] v = new float[size];
      for (int p = 0; p < size; p++) {
        v[p] = (img[p] & 0xff) / 255f;
      }
      if (augment) {
        v = augmentation.apply(v, images.channels(), images.height(), images.width(),
            new SplittableRandom(org.imbalanced4j.random.Seeds.mix(seed, i)));
      }
      for (int c = 0; c < images.channels(); c++) {
        float m = mean[c];
        float s = 1f / std[c];
        int at = i * size + c * plane;
        for (int p = 0; p < plane; p++) {
          x[at + p] = (v[c * plane + p] - m) * s;
        }
      }
    });
    return new NDList(manager.create(x, inputShape(rows.length)));
  }
}
