package org.imbalanced4j.tree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.weights.ClassWeights;

/**
 * Trains trees on draws of the training rows and averages them: one CART tree, a random forest
 * (Breiman, "Random forests", Machine Learning 45, 2001: each tree on a bootstrap sample, {@code
 * max_features} columns tried per split), extremely randomised trees (Geurts et al. 2006: random
 * thresholds, all rows) or a balanced random forest (Chen, Liaw and Breiman, "Using random forest
 * to learn imbalanced data", 2004: each tree on a random under-sample of the classes, then a
 * bootstrap of it, as imbalanced-learn's {@code BalancedRandomForestClassifier} draws them).
 *
 * <p>A drawn row counts as many times as it was drawn: its weight is {@code draws x class weight x
 * sample weight}, with class weights {@code balanced} ({@code n / (K n_c)} over the training rows)
 * or {@code balanced_subsample} (the same over each tree's draw), as scikit-learn computes them.
 * Tree {@code t} draws from its own random stream seeded by {@code (seed, t)}, so a forest is the
 * same for a seed on any number of threads; trees grow on all cores.
 */
public final class Forest implements Trainer {
  /** How each tree's rows are drawn. */
  public enum Draw {
    /** All rows, once each. */
    ALL,
    /** A bootstrap sample: n draws with replacement. */
    BOOTSTRAP,
    /** A random under-sample per class (imbalanced-learn's {@code RandomUnderSampler}), then a bootstrap of it. */
    BALANCED_BOOTSTRAP,
    /** A random under-sample per class, each drawn row once. */
    BALANCED
  }

  private final String name;
  private final int trees;
  private final TreeParams tree;
  private final Draw draw;
  private final String classWeight;
  private final org.imbalanced4j.sampling.SamplingStrategy strategy;
  private final boolean replacement;
  private final Map<String, String> given;

  /**
   * @param name the learner's name, for reports
   * @param classWeight {@code none}, {@code balanced} or {@code balanced_subsample}
   * @param strategy the under-sampling target of balanced draws
   * @param replacement whether balanced draws under-sample with replacement
   * @param given the parameters as given, for reports and provenance
   */
  public Forest(String name, int trees, TreeParams tree, Draw draw, String classWeight,
      org.imbalanced4j.sampling.SamplingStrategy strategy, boolean replacement, Map<String, String> given) {
    if (trees < 1) {
      throw new IllegalArgumentException("n_estimators must be at least 1");
    }
    this.name = name;
    this.trees = trees;
    this.tree = tree;
    this.draw = draw;
    this.classWeight = classWeight;
    this.strategy = strategy;
    this.replacement = replacement;
    this.given = new java.util.TreeMap<>(given);
  }

  @Override
  public String describe() {
    return org.imbalanced4j.catalog.Params.label(name, given);
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    int n = train.rows();
    int k = train.classCount();
    if (n == 0) {
      throw new DataException(name + ": no training rows");
    }
    Standardizer std = Standardizer.fit(train);
    Bins bins = Bins.of(std.transform(train), n, std.width());
    int[] columns = std.numericFirst();
    int[] y = train.labels();
    double[] base = new double[n];
    double[] cw = classWeight.equals("balanced") ? ClassWeights.balanced(train.classCounts().counts()) : null;
    for (int i = 0; i < n; i++) {
      base[i] = (train.hasWeights() ? train.weight(i) : 1) * (cw == null ? 1 : cw[y[i]]);
    }
    Tree[] grown = new Tree[trees];
    IntStream.range(0, trees).parallel().forEach(t -> {
      SplittableRandom rng = new SplittableRandom(org.imbalanced4j.random.Seeds.mix(seed, t));
      int[] draws = draws(y, k, rng, org.imbalanced4j.random.Seeds.mix(seed, t) & 0xffffffffL);
      double[] w = new double[n];
      double[] sub = classWeight.equals("balanced_subsample") ? subsampleWeights(y, k, draws) : null;
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (draws[i] > 0) {
          w[i] = draws[i] * base[i] * (sub == null ? 1 : sub[y[i]]);
          m += w[i] > 0 ? 1 : 0;
        }
      }
      int[] rows = new int[m];
      m = 0;
      for (int i = 0; i < n; i++) {
        if (w[i] > 0) {
          rows[m++] = i;
        }
      }
      if (m == 0) {
        throw new DataException(name + ": a tree drew no rows of positive weight");
      }
      // a lone tree visits its columns in the order DecisionTreeClassifier(random_state=seed) does,
      // which decides between splits of equal impurity (a fully grown tree meets many)
      java.util.random.RandomGenerator order = trees == 1 && draw == Draw.ALL ? new RandR(seed) : rng;
      grown[t] = new TreeGrower(bins, y, k, tree, columns).grow(rows, w, order);
    });
    Map<String, Object> params = new LinkedHashMap<>(given);
    return new ForestModel(train.schema(), std, List.of(grown), ForestModel.Combine.MEAN, null, new Provenance(describe(), params, seed,
        n + " rows"));
  }

  /** How many times tree {@code t} draws each row. */
  private int[] draws(int[] y, int k, SplittableRandom rng, long samplerSeed) {
    int n = y.length;
    int[] count = new int[n];
    switch (draw) {
      case ALL -> java.util.Arrays.fill(count, 1);
      case BOOTSTRAP -> {
        for (int i = 0; i < n; i++) {
          count[rng.nextInt(n)]++;
        }
      }
      case BALANCED, BALANCED_BOOTSTRAP -> {
        int[] kept = org.imbalanced4j.sampling.under.RandomUnderSampler.builder().optSamplingStrategy(strategy)
            .optReplacement(replacement).optSeed(samplerSeed).build().sampleIndices(y, k);
        if (draw == Draw.BALANCED) {
          for (int i : kept) {
            count[i]++;
          }
        } else {
          for (int i = 0; i < kept.length; i++) {
            count[kept[rng.nextInt(kept.length)]]++;
          }
        }
      }
    }
    return count;
  }

  /** scikit-learn's {@code balanced_subsample}: {@code n / (K n_c)} over the drawn rows. */
  private static double[] subsampleWeights(int[] y, int k, int[] draws) {
    long[] c = new long[k];
    for (int i = 0; i < y.length; i++) {
      c[y[i]] += draws[i];
    }
    return ClassWeights.balanced(c);
  }
}
