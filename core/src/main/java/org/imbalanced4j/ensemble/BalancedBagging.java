package org.imbalanced4j.ensemble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.model.LinearModel;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.sampling.Sampler;

/**
 * Balanced bagging: the base learner fitted on {@code members} independent draws of a resampler
 * (each draw and each member with its own seed, derived from the fit's), their predictions
 * averaged (Breiman, "Bagging predictors", Machine Learning 24, 1996; with balanced bags as
 * imbalanced-learn's {@code BalancedBaggingClassifier}, Maclin and Opitz 1997). A trainer wrapping
 * a trainer: any base learner, any resampler.
 *
 * <p>Linear members are averaged exactly in logit space into one linear model ({@link
 * LinearModel#averageOfLogits}, so a bagged logistic regression scores and saves as cheaply as one);
 * other members are kept and their probabilities averaged ({@link MeanModel}).
 *
 * <p>With {@code bootstrap}, each member first draws n rows with replacement and resamples those,
 * as imbalanced-learn's {@code BalancedBaggingClassifier(bootstrap=True)} (a bag of scikit-learn's
 * {@code BaggingClassifier} holding a sampler-then-learner pipeline).
 *
 * <p>Seeds are drawn as scikit-learn 1.2's {@code BaggingClassifier} and imbalanced-learn 0.10's
 * balanced ensembles draw them, so that a fit with seed s draws the same bags as theirs with {@code
 * random_state=s}: the bag seeds are {@code RandomState(s).randint(2^31 - 1, size=members)}; bag
 * b's learner and resampler get the first and second {@code randint(2^31 - 1)} of {@code
 * RandomState(bag seed)} (the order in which {@code _set_random_states} sets a {@code
 * Pipeline([("sampler", ...), ("classifier", ...)])}: sorted parameter names), and its bootstrap is
 * {@code RandomState(bag seed).randint(0, n, n)} ({@link #memberSeeds}). The bootstrap and the
 * resampler thus draw from different streams (one shared Mersenne Twister stream once left
 * lending_club's balanced bagging 0.013 below imbalanced-learn's over 6 seeds: the same 32-bit
 * draws chose a bag's rows and which of them the sampler kept). Members fit on all cores when the
 * base trainer allows it ({@link Trainer#concurrentFits}), with the same result as one by one.
 * Validation rows, when the base
 * learner uses them, are the same real rows for every member.
 */
public final class BalancedBagging implements Trainer {
  private final Trainer base;
  private final LongFunction<Sampler> sampler;
  private final int members;
  private final boolean bootstrap;

  /**
   * @param sampler the resampler of a seed, drawn once per member
   * @param members how many members (at least 1)
   */
  public BalancedBagging(Trainer base, LongFunction<Sampler> sampler, int members) {
    this(base, sampler, members, false);
  }

  /** @param bootstrap whether each member resamples a bootstrap sample of the rows rather than the rows */
  public BalancedBagging(Trainer base, LongFunction<Sampler> sampler, int members, boolean bootstrap) {
    if (members < 1) {
      throw new IllegalArgumentException("bags must be at least 1, got " + members);
    }
    this.base = base;
    this.sampler = sampler;
    this.members = members;
    this.bootstrap = bootstrap;
  }

  /** The resampler each member's rows are drawn with. */
  public LongFunction<Sampler> sampler() {
    return sampler;
  }

  /** How many bags, each with its own model. */
  public int members() {
    return members;
  }

  @Override
  public String describe() {
    return "bagging(" + base.describe() + ", bags=" + members + ")";
  }

  @Override
  public boolean usesValidation() {
    return base.usesValidation();
  }

  @Override
  public Trainer withMonitor(org.imbalanced4j.model.FitMonitor monitor) {
    return new BalancedBagging(base.withMonitor(monitor), sampler, members, bootstrap);
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    Model[] member = new Model[members];
    long[][] seeds = memberSeeds(seed, members);
    java.util.stream.IntStream range = java.util.stream.IntStream.range(0, members);
    (base.concurrentFits() ? range.parallel() : range).forEach(b -> {
      Dataset bag = bootstrap ? train.subset(draw(train.rows(), seeds[b][0])).compact() : train;
      member[b] = base.fit(sampler.apply(seeds[b][2]).fitResample(bag).data(), validation, seeds[b][1]);
    });
    List<Model> fitted = List.of(member);
    Provenance p = fitted.get(0).provenance();
    Map<String, Object> params = new LinkedHashMap<>(p.parameters());
    params.put("bags", members);
    Provenance prov = new Provenance(p.trainer(), params, seed, train.rows() + " rows");
    if (fitted.stream().allMatch(m -> m instanceof LinearModel)) {
      return LinearModel.averageOfLogits(fitted.stream().map(m -> (LinearModel) m).toList(), prov);
    }
    return new MeanModel(fitted, prov);
  }

  /** n row indices drawn with replacement. */
  static int[] draw(int n, long seed) {
    org.imbalanced4j.random.NumpyRandom rng = new org.imbalanced4j.random.NumpyRandom(seed);
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = rng.randint(n);
    }
    return rows;
  }

  /**
   * Each member's seeds for a fit with {@code seed}, as scikit-learn draws them: {bag seed (which
   * also seeds the bootstrap), learner seed, resampler seed}.
   */
  public static long[][] memberSeeds(long seed, int members) {
    org.imbalanced4j.random.NumpyRandom bags = new org.imbalanced4j.random.NumpyRandom(seed & 0xffffffffL);
    long[][] out = new long[members][];
    for (int b = 0; b < members; b++) {
      long bag = bags.randint(Integer.MAX_VALUE);
      org.imbalanced4j.random.NumpyRandom r = new org.imbalanced4j.random.NumpyRandom(bag);
      long learner = r.randint(Integer.MAX_VALUE);
      out[b] = new long[] {bag, learner, r.randint(Integer.MAX_VALUE)};
    }
    return out;
  }
}
