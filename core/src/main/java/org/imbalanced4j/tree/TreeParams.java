package org.imbalanced4j.tree;

import java.util.List;
import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;

/**
 * How one tree grows, with scikit-learn's names and meanings: the split criterion, {@code
 * max_depth} (0: until the leaves are pure), {@code min_samples_leaf} (training rows a leaf keeps at
 * least, counted once however much weight they carry), {@code max_features} (input columns tried
 * at each split: {@code sqrt}, {@code log2}, {@code all}, a fraction in (0, 1) or a count) and
 * whether thresholds are drawn at random (extremely randomised trees) rather than searched.
 */
public record TreeParams(boolean entropy, int maxDepth, int minSamplesLeaf, String maxFeatures, boolean randomSplits) {
  /** The documented parameters of one tree, with the default of {@code maxFeatures}. */
  static List<Param> params(String maxFeaturesDefault) {
    return List.of(new Param("criterion", "gini", "gini | entropy"),
        new Param("max_depth", "none", "deepest level of a leaf; none: split until the leaves are pure"),
        new Param("min_samples_leaf", "1", "training rows a leaf keeps at least"),
        new Param("max_features", maxFeaturesDefault, "input columns tried at each split: sqrt | log2 | all | a "
            + "fraction in (0, 1) | a count"));
  }

  /** Reads the parameters of {@link #params}. */
  static TreeParams parse(Params p, String maxFeaturesDefault, boolean randomSplits) {
    String depth = p.text("max_depth", "none");
    TreeParams t = new TreeParams(p.choice("criterion", "gini", List.of("gini", "entropy")).equals("entropy"),
        depth.equalsIgnoreCase("none") ? 0 : p.positive("max_depth", 1), p.positive("min_samples_leaf", 1),
        p.text("max_features", maxFeaturesDefault).strip().toLowerCase(Locale.ROOT), randomSplits);
    t.featuresOf(1); // an invalid max_features fails now
    return t;
  }

  /** The columns tried at each split out of {@code width}, as scikit-learn resolves {@code max_features}. */
  public int featuresOf(int width) {
    int n;
    switch (maxFeatures) {
      case "sqrt", "auto" -> n = (int) Math.sqrt(width);
      case "log2" -> n = (int) (Math.log(width) / Math.log(2));
      case "all", "none" -> n = width;
      default -> {
        double v;
        try {
          v = Double.parseDouble(maxFeatures);
        } catch (NumberFormatException e) {
          v = Double.NaN;
        }
        if (!(v > 0) || (v > 1 && v != Math.rint(v)) || Double.isInfinite(v)) {
          throw new InvalidOptionException("max_features must be sqrt, log2, all, a fraction in (0, 1] or a count, got '"
              + maxFeatures + "'");
        }
        n = v <= 1 && maxFeatures.contains(".") ? (int) (v * width) : (int) v;
      }
    }
    return Math.max(1, Math.min(width, n));
  }
}
