package org.imbalanced4j.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.learn.Capability;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.sampling.SamplingStrategy;

/**
 * The tree learners of the catalogue, with scikit-learn's and imbalanced-learn's parameter names:
 * {@code tree} ({@code DecisionTreeClassifier}), {@code forest} ({@code RandomForestClassifier}),
 * {@code extra-trees} ({@code ExtraTreesClassifier}) and {@code balanced-forest} ({@code
 * BalancedRandomForestClassifier}).
 */
public final class TreeLearners {
  private TreeLearners() {}

  private static final Set<Capability> CAN = Set.of(Capability.TABLE, Capability.SAMPLE_WEIGHTS);

  /** One CART tree. */
  public static final Learner TREE = new Learner("tree",
      "one CART decision tree (Gini or entropy splits on binned columns), as scikit-learn's DecisionTreeClassifier.",
      concat(TreeParams.params("all"), List.of(classWeight(false))), CAN,
      p -> new Forest("tree", 1, TreeParams.parse(p, "all", false), Forest.Draw.ALL, p.choice("class_weight",
          "none", List.of("none", "balanced")), null, false, p.given()), ForestModel.FORMAT);

  /** Breiman's random forest. */
  public static final Learner FOREST = new Learner("forest",
      "random forest: trees on bootstrap samples, sqrt(columns) tried per split, probabilities averaged, as "
          + "scikit-learn's RandomForestClassifier.",
      concat(List.of(trees()), TreeParams.params("sqrt"), List.of(bootstrap(true), classWeight(true))), CAN,
      p -> new Forest("forest", p.positive("n_estimators", 100), TreeParams.parse(p, "sqrt", false),
          p.bool("bootstrap", true) ? Forest.Draw.BOOTSTRAP : Forest.Draw.ALL, weights(p), null, false, p.given()),
      null);

  /** Extremely randomised trees. */
  public static final Learner EXTRA_TREES = new Learner("extra-trees",
      "extremely randomised trees: a random threshold per tried column, all rows per tree, as scikit-learn's "
          + "ExtraTreesClassifier.",
      concat(List.of(trees()), TreeParams.params("sqrt"), List.of(bootstrap(false), classWeight(true))), CAN,
      p -> new Forest("extra-trees", p.positive("n_estimators", 100), TreeParams.parse(p, "sqrt", true),
          p.bool("bootstrap", false) ? Forest.Draw.BOOTSTRAP : Forest.Draw.ALL, weights(p), null, false, p.given()),
      null);

  /** Chen, Liaw and Breiman's balanced random forest. */
  public static final Learner BALANCED_FOREST = new Learner("balanced-forest",
      "balanced random forest: each tree on a random under-sample of the classes, then a bootstrap of it, as "
          + "imbalanced-learn's BalancedRandomForestClassifier.",
      concat(List.of(trees()), TreeParams.params("sqrt"), List.of(bootstrap(true), new Param("sampling_strategy",
          "auto", "the under-sampling target of each tree, as RandomUnderSampler's"), new Param("replacement",
          "false", "under-sample with replacement"), classWeight(true))), CAN,
      p -> new Forest("balanced-forest", p.positive("n_estimators", 100), TreeParams.parse(p, "sqrt", false),
          p.bool("bootstrap", true) ? Forest.Draw.BALANCED_BOOTSTRAP : Forest.Draw.BALANCED, weights(p),
          SamplingStrategy.parse(p.text("sampling_strategy", "auto")), p.bool("replacement", false), p.given()),
      null);

  /** All of them, in catalogue order. */
  public static final List<Learner> ALL = List.of(TREE, FOREST, EXTRA_TREES, BALANCED_FOREST);

  private static Param trees() {
    return new Param("n_estimators", "100", "number of trees");
  }

  private static Param bootstrap(boolean on) {
    return new Param("bootstrap", Boolean.toString(on), "each tree on a bootstrap sample of its rows");
  }

  private static Param classWeight(boolean subsample) {
    return new Param("class_weight", "none", "none | balanced" + (subsample ? " | balanced_subsample (balanced "
        + "over each tree's draw)" : ""));
  }

  private static String weights(Params p) {
    return p.choice("class_weight", "none", List.of("none", "balanced", "balanced_subsample"));
  }

  @SafeVarargs
  private static List<Param> concat(List<Param>... parts) {
    List<Param> out = new ArrayList<>();
    for (List<Param> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}
