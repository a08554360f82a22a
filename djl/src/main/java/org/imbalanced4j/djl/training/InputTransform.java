package org.imbalanced4j.djl.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.model.Standardizer;

/**
 * How a network's rows become its inputs, fitted on the training rows only and saved with the
 * network: a table's standardisation ({@link Table}), or an image's scaling to [0, 1] and per-channel
 * normalisation ({@link Images}, torchvision's {@code ToTensor} then {@code Normalize(mean, std)}).
 */
public sealed interface InputTransform permits InputTransform.Table, InputTransform.Images {
  /** The batches of {@code data} as the network takes them. */
  BatchSource source(Dataset data);

  /**
   * The batches of training rows, transformed by {@code augmentation} (images only; null for
   * none).
   */
  default BatchSource trainingSource(Dataset data, org.imbalanced4j.images.augment.Augmentation augmentation) {
    if (augmentation == null) {
      return source(data);
    }
    if (!(this instanceof Images im)) {
      throw new IllegalArgumentException("augmentation is for images");
    }
    return new ImageBatches(data, im.mean(), im.std(), augmentation);
  }

  /** The transform as a saved network holds it. */
  Map<String, Object> toMap();

  /** The transform that suits the training rows, fitted on them. */
  static InputTransform fit(Dataset train) {
    return train.schema().isImages() ? Images.fit(train) : new Table(Standardizer.fit(train));
  }

  /** The inverse of {@link #toMap()}; a saved network of format 1 holds a bare standardizer. */
  static InputTransform read(JsonNode section) {
    JsonNode images = section.get("image_normalization");
    if (images != null) {
      return new Images(floats(images.get("mean")), floats(images.get("std")));
    }
    return new Table(Standardizer.read(section.get("standardizer")));
  }

  private static float[] floats(JsonNode a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).asDouble();
    }
    return out;
  }

  /** A table's rows, standardised ({@link TabularBatches}). */
  record Table(Standardizer standardizer) implements InputTransform {
    @Override
    public BatchSource source(Dataset data) {
      return new TabularBatches(data, standardizer);
    }

    @Override
    public Map<String, Object> toMap() {
      return Map.of("standardizer", standardizer.toMap());
    }
  }

  /**
   * Images scaled to [0, 1] and normalised per channel, {@code (x / 255 - mean_c) / std_c}, with
   * the training images' channel means and standard deviations ({@link ImageBatches}).
   */
  record Images(float[] mean, float[] std) implements InputTransform {
    /** Checks the shape and the normalisation. */
    public Images {
      mean = mean.clone();
      std = std.clone();
    }

    static Images fit(Dataset train) {
      org.imbalanced4j.images.ImageSet set = train.images();
      int c = set.channels();
      int plane = set.height() * set.width();
      double[] sum = new double[c];
      double[] sq = new double[c];
      byte[] img = new byte[set.imageSize()];
      for (int r = 0; r < train.rows(); r++) {
        set.copyImage(train.imageIndex(r), img, 0);
        for (int k = 0; k < c; k++) {
          for (int p = 0; p < plane; p++) {
            double v = (img[k * plane + p] & 0xff) / 255.0;
            sum[k] += v;
            sq[k] += v * v;
          }
        }
      }
      float[] mean = new float[c];
      float[] std = new float[c];
      double n = (double) train.rows() * plane;
      for (int k = 0; k < c; k++) {
        double m = sum[k] / n;
        mean[k] = (float) m;
        std[k] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, sq[k] / n - m * m)));
      }
      return new Images(mean, std);
    }

    @Override
    public BatchSource source(Dataset data) {
      return new ImageBatches(data, mean, std);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mean", mean);
      m.put("std", std);
      return Map.of("image_normalization", m);
    }
  }
}
