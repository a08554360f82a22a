package org.imbalanced4j.cli.commands;

import java.nio.file.Path;
import org.imbalanced4j.DataException;
import org.imbalanced4j.djl.training.NeuralModel;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.model.io.SavedModel;

/** The network of a {@code --pretrained} model directory. */
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
}
