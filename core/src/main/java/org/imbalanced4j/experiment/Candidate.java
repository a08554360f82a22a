package org.imbalanced4j.experiment;

import java.util.function.LongFunction;
import org.imbalanced4j.ensemble.BalancedBagging;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.sampling.Sampler;

/**
 * One strategy to race: how the training rows are prepared (a resampler made per seed, or none),
 * how the model is trained, and how the decision is made (argmax, or for two classes a threshold
 * tuned on a validation part of the training rows). A balanced ensemble carries its resampler in
 * its trainer ({@link BalancedBagging}) and has none of its own.
 *
 * @param name a label for reports, such as {@code SMOTE + logistic(balanced) + threshold}
 * @param sampler the resampler for a seed, or null for none
 * @param trainer the model's trainer
 * @param tunedThreshold whether to tune an F1-optimal threshold (two classes only)
 */
public record Candidate(String name, LongFunction<Sampler> sampler, Trainer trainer, boolean tunedThreshold) {
  /** The resampler the training rows meet: the candidate's own, or its ensemble's for each member; or null. */
  public LongFunction<Sampler> resampler() {
    return sampler != null ? sampler : trainer instanceof BalancedBagging b ? b.sampler() : null;
  }
}
