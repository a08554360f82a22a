package org.imbalanced4j.experiment;

import java.util.function.LongFunction;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.sampling.Sampler;

/**
 * One strategy to race: how the training rows are prepared (a resampler made per seed, or none),
 * how the model is trained, and how the decision is made (argmax, or for two classes a threshold
 * tuned on a validation part of the training rows).
 *
 * @param name a label for reports, such as {@code SMOTE + logistic(balanced) + threshold}
 * @param sampler the resampler for a seed, or null for none
 * @param trainer the model's trainer
 * @param tunedThreshold whether to tune an F1-optimal threshold (two classes only)
 * @param bags with a resampler: the model is fitted on this many independent draws of it and
 *     their logits averaged ({@link org.imbalanced4j.model.LinearModel#averageOfLogits}; linear
 *     models only); 1 for one draw
 */
public record Candidate(String name, LongFunction<Sampler> sampler, Trainer trainer, boolean tunedThreshold,
    int bags) {
  public Candidate {
    if (bags < 1) {
      throw new IllegalArgumentException("bags must be at least 1, got " + bags);
    }
  }

  /** A candidate with one draw of its resampler. */
  public Candidate(String name, LongFunction<Sampler> sampler, Trainer trainer, boolean tunedThreshold) {
    this(name, sampler, trainer, tunedThreshold, 1);
  }
}
