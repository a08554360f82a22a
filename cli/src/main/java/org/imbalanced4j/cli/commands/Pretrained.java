package org.imbalanced4j.cli.commands;

import java.nio.file.Path;
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
  static org.imbalanced4j.djl.training.Transfer torchScript(Path file, String cut, String normalize,
      org.imbalanced4j.data.Schema schema, Object data, String freeze) {
    if (!schema.isImages()) {
      throw new DataException(file + " is a TorchScript image network; " + data + " is a table, not images");
    }
    org.imbalanced4j.data.ImageShape shape = schema.imageShape();
    float[][] ms = normalization(normalize, shape.channels());
    return org.imbalanced4j.djl.training.Transfer.torchScript(file, cut, shape, ms[0], ms[1], freeze);
  }

  /** {@code --normalize MEAN,STD}: one pair for all channels, or the channels' means then their stds. */
  static float[][] normalization(String spec, int channels) {
    float[] mean = new float[channels];
    float[] std = new float[channels];
    java.util.Arrays.fill(std, 1f);
    if (spec == null) {
      return new float[][] {mean, std};
    }
    String[] parts = spec.split(",", -1);
    if (parts.length != 2 && parts.length != 2 * channels) {
      throw new org.imbalanced4j.InvalidOptionException("--normalize takes a mean and a std, or " + channels
          + " means then " + channels + " stds, separated by commas; got " + parts.length + " values");
    }
    for (int c = 0; c < channels; c++) {
      mean[c] = number(parts[parts.length == 2 ? 0 : c], "mean");
      std[c] = number(parts[parts.length == 2 ? 1 : channels + c], "std");
      if (!(std[c] > 0)) {
        throw new org.imbalanced4j.InvalidOptionException("--normalize: a std must be above 0, got " + std[c]);
      }
    }
    return new float[][] {mean, std};
  }

  private static float number(String s, String what) {
    try {
      float v = Float.parseFloat(s.strip());
      if (Float.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new org.imbalanced4j.InvalidOptionException("--normalize: the " + what + " '" + s.strip()
        + "' is not a number");
  }
}
