package org.imbalanced4j.api;

import java.nio.file.Path;
import org.imbalanced4j.model.io.ModelDirectory;

/**
 * Model directories, as {@code imb train --out} and {@code imb compare} ({@code best/}) write them,
 * loaded for scoring from code. A network model needs the {@code imbalanced4j-djl} artifact on the
 * class path; every other model only this one.
 */
public final class Models {
  private Models() {}

  /**
   * The model saved in {@code dir}, ready to score rows from any number of threads.
   *
   * @throws org.imbalanced4j.DataException when the directory is missing, damaged or of an unknown kind
   */
  public static ScoringModel load(Path dir) {
    return new ScoringModel(ModelDirectory.load(dir));
  }
}
