package org.imbalanced4j.learn;

import java.util.List;
import org.imbalanced4j.model.io.ModelFormat;

/**
 * A module's learners and model formats, found with {@link java.util.ServiceLoader}: a module
 * lists its provider in {@code META-INF/services/org.imbalanced4j.learn.LearnerProvider}, and its
 * learners appear in grids, {@code imb train --model}, {@code imb compare --list-learners} and
 * model directories without any change elsewhere.
 */
public interface LearnerProvider {
  /** The module's learners, in catalogue order. */
  List<Learner> learners();

  /** Formats of model kinds that no learner entry carries (such as ensembles of any member). */
  default List<ModelFormat> formats() {
    return List.of();
  }

  /**
   * The module's anomaly detectors, for {@code imb detect --method}; a module that offers one as a
   * grid learner also lists {@link org.imbalanced4j.anomaly.RareAsAnomaly#learner} of it.
   */
  default List<org.imbalanced4j.anomaly.DetectorKind> detectors() {
    return List.of();
  }
}
