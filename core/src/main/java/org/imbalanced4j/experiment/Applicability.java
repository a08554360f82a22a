package org.imbalanced4j.experiment;

import java.util.List;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.experiment.Candidate;
import org.imbalanced4j.experiment.CrossValidator;
import org.imbalanced4j.numeric.Indices;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.split.Split;

/**
 * Whether a strategy can run on every fold of a comparison, decided before fold 1 from the class
 * counts alone: a tuned threshold needs two classes; a resampler needs enough rows of each class it
 * targets in every set of rows it is given (the training fold, less the networks' validation rows),
 * by its own checks ({@link Sampler#problem}). A strategy that cannot is marked not applicable, with
 * the reason, and the others race on.
 */
final class Applicability {
  private Applicability() {}

  /** The reason {@code c} cannot run on some fold, or null. */
  static String check(Candidate c, Dataset d, CrossValidator cv, List<Split> splits) {
    if (c.tunedThreshold() && d.classCount() > 2) {
      return "a tuned threshold is for two classes; this data has " + d.classCount()
          + " (use thresholds: [argmax])";
    }
    if (c.sampler() == null) {
      return null;
    }
    Sampler sampler;
    try {
      sampler = c.sampler().apply(0);
    } catch (DataException | InvalidOptionException e) {
      return e.getMessage();
    }
    int[] y = d.labels();
    List<String> names = d.schema().classNames();
    for (Split s : splits) {
      for (int[] rows : cv.resamplerInputs(y, d.schema(), c, s)) {
        String why;
        try {
          why = sampler.problem(ClassCounts.of(names, Indices.gather(y, rows)), rows.length, d.schema());
        } catch (DataException | InvalidOptionException e) {
          why = e.getMessage();
        }
        if (why != null) {
          return "in fold " + (s.fold() + 1) + (s.repeat() > 0 ? " of repeat " + (s.repeat() + 1) : "") + ", " + why;
        }
      }
    }
    return null;
  }
}
