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
 * @param tunedThreshold whether to tune a threshold (two classes only)
 * @param tuner how the threshold is chosen on validation rows (for the ranking metric: {@link
 *     RankMetric#tuner})
 * @param fit the resampler and learner without the decision rule, such as {@code SMOTE + logistic}:
 *     candidates with the same fit are fitted once per split when they share a {@link SharedFits}
 *     (argmax and tuned threshold of one model)
 */
public record Candidate(String name, LongFunction<Sampler> sampler, Trainer trainer, boolean tunedThreshold,
    Tuner tuner, String fit) {
  /** Chooses a threshold on the rare class's scores ({@code positive[i]}: row i is of class {@code rare}). */
  @FunctionalInterface
  public interface Tuner {
    /** The F1-optimal threshold of the rare class. */
    Tuner F1 = (positive, score, rare) -> org.imbalanced4j.threshold.Thresholds.maximizeFbeta(positive, score, 1.0);

    /** The threshold for scores of held-out rows, {@code rare} being the rare class. */
    org.imbalanced4j.threshold.ThresholdChoice choose(boolean[] positive, double[] score, int rare);
  }

  /** A candidate whose tuned threshold maximises F1 of the rare class, sharing its fit with no other. */
  public Candidate(String name, LongFunction<Sampler> sampler, Trainer trainer, boolean tunedThreshold) {
    this(name, sampler, trainer, tunedThreshold, Tuner.F1, name);
  }

  /** A candidate whose tuned threshold maximises F1 of the rare class, its fit named {@code fit}. */
  public Candidate(String name, LongFunction<Sampler> sampler, Trainer trainer, boolean tunedThreshold, String fit) {
    this(name, sampler, trainer, tunedThreshold, Tuner.F1, fit);
  }

  /** This candidate with each fit stopped after about {@code seconds} ({@link Trainer#withTimeLimit}). */
  public Candidate withTimeLimit(double seconds) {
    return new Candidate(name, sampler, trainer.withTimeLimit(seconds), tunedThreshold, tuner, fit);
  }

  /** This candidate with its threshold tuned by {@code t}. */
  public Candidate tunedBy(Tuner t) {
    return new Candidate(name, sampler, trainer, tunedThreshold, t, fit);
  }

  /** The resampler the training rows meet: the candidate's own, or its ensemble's for each member; or null. */
  public LongFunction<Sampler> resampler() {
    return sampler != null ? sampler : trainer instanceof BalancedBagging b ? b.sampler() : null;
  }
}
