package org.imbalanced4j.cli.options;

import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.images.ImageSet;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;

/**
 * A command's FILE as rows to learn from: a table, or images (a folder of class folders, or IDX
 * files with {@code --labels}) as rows that stand for them ({@link ImageSet#asDataset()}), so that
 * every command treats both alike.
 */
public final class Inputs {
  private Inputs() {}

  /** The rows of {@code file}, with their classes. */
  public static Dataset read(String file, DataOptions data, ImageOptions images) {
    if (!ImageOptions.isImages(file)) {
      return Datasets.read(DataSource.of(file), data.toReadOptions());
    }
    ImageSet set = images.read(file);
    if (!set.hasLabels()) {
      throw new InvalidOptionException(file + ": IDX images need their classes to learn from: give --labels LABELS.idx");
    }
    return set.asDataset();
  }

  /** The name of the input {@link #read} read, for messages: {@code builtin:glass}, or the path. */
  public static String name(String file, Dataset read) {
    return read.schema().isImages() ? file : DataSource.of(file).name();
  }
}
