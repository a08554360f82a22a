package org.imbalanced4j.cli.commands;

import java.nio.file.Path;
import org.imbalanced4j.Check;
import org.imbalanced4j.DataException;
import org.imbalanced4j.djl.training.NeuralModel;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.model.io.SavedModel;

/** What {@code --pretrained} names: a model directory's network, or a TorchScript file as a backbone. */
final class Pretrained {
  private Pretrained() {}

  static NeuralModel network(Path dir) {
    SavedModel saved = ModelDirectory.load(dir);
    if (!(saved.model() instanceof NeuralModel network)) {
      throw new DataException(dir + " holds a " + saved.model().kind() + " model; --pretrained and --decouple start "
          + "from a network (kind network)");
    }
    return network;
  }

  /**
   * A TorchScript file as the backbone for {@code schema}'s images, with {@code --normalize}'s
   * per-channel mean and std (none: 0 and 1).
   */
  static org.imbalanced4j.djl.training.Transfer torchScript(Path file, String cut, java.util.List<Double> normalize,
      org.imbalanced4j.data.Schema schema, Object data, String freeze) {
    if (!schema.isImages()) {
      throw new DataException(file + " is a TorchScript image network; " + data + " is a table, not images");
    }
    org.imbalanced4j.data.ImageShape shape = schema.imageShape();
    float[][] ms = normalization(normalize, shape.channels());
    return org.imbalanced4j.djl.training.Transfer.torchScript(file, cut, shape, ms[0], ms[1], freeze);
  }

  /** {@code --normalize MEAN,STD}: one pair for all channels, or the channels' means then their stds. */
  static float[][] normalization(java.util.List<Double> values, int channels) {
    float[] mean = new float[channels];
    float[] std = new float[channels];
    java.util.Arrays.fill(std, 1f);
    if (values == null) {
      return new float[][] {mean, std};
    }
    int n = values.size();
    if (n != 2 && n != 2 * channels) {
      throw new org.imbalanced4j.InvalidOptionException("--normalize takes a mean and a std, or " + channels
          + " means then " + channels + " stds, separated by commas; got " + n + " values");
    }
    for (int c = 0; c < channels; c++) {
      // checked as the floats the network gets: finite, a std above 0
      mean[c] = values.get(n == 2 ? 0 : c).floatValue();
      std[c] = values.get(n == 2 ? 1 : channels + c).floatValue();
      org.imbalanced4j.Check.range("--normalize (a mean)", mean[c], -Float.MAX_VALUE, Float.MAX_VALUE);
      org.imbalanced4j.Check.positive("--normalize (a std)", std[c], Float.MAX_VALUE);
    }
    return new float[][] {mean, std};
  }
}
