package org.imbalanced4j.ensemble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.learn.Capability;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.sampling.SamplerCatalog;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.tree.Boosting;
import org.imbalanced4j.tree.TreeParams;

/**
 * The balanced ensembles of the catalogue, with imbalanced-learn's names, parameters and defaults:
 * {@code balanced-bagging} ({@code BalancedBaggingClassifier}), {@code easy-ensemble} ({@code
 * EasyEnsembleClassifier}: AdaBoost on under-sampled bags, Liu, Wu and Zhou, IEEE SMC-B 39, 2009),
 * {@code rusboost} ({@code RUSBoostClassifier}), {@code smoteboost} (SMOTEBoost, as the
 * imbalanced-ensemble library names it) and plain {@code adaboost} (scikit-learn's {@code
 * AdaBoostClassifier}). A deep ensemble is {@code balanced-bagging} with {@code estimator: mlp}.
 */
public final class EnsembleLearners {
  private EnsembleLearners() {}

  private static final Set<Capability> CAN = Set.of(Capability.TABLE, Capability.SAMPLE_WEIGHTS);

  /** AdaBoost of decision stumps. */
  public static final Learner ADABOOST = new Learner("adaboost",
      "AdaBoost of decision stumps (SAMME.R or SAMME), as scikit-learn's AdaBoostClassifier.",
      List.of(new Param("n_estimators", "50", "boosting rounds"), rate(), algorithm(), depth()), CAN,
      p -> boosting("adaboost", p, "n_estimators", null, 0), null);

  /** RUSBoost. */
  public static final Learner RUSBOOST = new Learner("rusboost",
      "RUSBoost: AdaBoost whose every round fits a stump to a random under-sample of the weighted rows, as "
          + "imbalanced-learn's RUSBoostClassifier.",
      List.of(new Param("n_estimators", "50", "boosting rounds"), rate(), algorithm(), depth(), strategy(),
          replacement()), CAN,
      p -> boosting("rusboost", p, "n_estimators", SamplingStrategy.parse(p.text("sampling_strategy", "auto")), 0),
      null);

  /** SMOTEBoost. */
  public static final Learner SMOTEBOOST = new Learner("smoteboost",
      "SMOTEBoost: AdaBoost whose every round fits a stump to the weighted rows plus SMOTE's synthetic rows "
          + "(Chawla et al. 2003).",
      List.of(new Param("n_estimators", "50", "boosting rounds"), rate(), algorithm(), depth(),
          new Param("k_neighbors", "5", "SMOTE's neighbours")), CAN,
      p -> boosting("smoteboost", p, "n_estimators", null, p.positive("k_neighbors", 5)), null);

  /** EasyEnsemble. */
  public static final Learner EASY_ENSEMBLE = new Learner("easy-ensemble",
      "EasyEnsemble: AdaBoost (50 stumps) on each of n_estimators random under-samples, probabilities averaged, "
          + "as imbalanced-learn's EasyEnsembleClassifier.",
      List.of(new Param("n_estimators", "10", "under-sampled bags"), new Param("boost_rounds", "50",
          "AdaBoost rounds in each bag"), rate(), algorithm(), depth(), strategy(), replacement()), CAN,
      p -> {
        Trainer ada = boosting("adaboost", p, "boost_rounds", null, 0);
        Map<String, String> rus = under(p);
        return new BalancedBagging(ada, s -> SamplerCatalog.create("RandomUnderSampler", rus, s),
            p.positive("n_estimators", 10), false);
      }, null);

  /** Balanced bagging of any learner with any resampler. */
  public static final Learner BALANCED_BAGGING = new Learner("balanced-bagging",
      "balanced bagging: each bag a bootstrap sample, resampled (RandomUnderSampler by default), then a learner "
          + "(a decision tree by default) fitted to it, probabilities averaged, as imbalanced-learn's "
          + "BalancedBaggingClassifier.",
      List.of(new Param("n_estimators", "10", "bags"), new Param("estimator", "tree", "the learner of each bag, "
          + "as NAME or NAME(key=value, ...): tree(max_depth=4), mlp(loss=focal) for a deep ensemble"), new Param("sampler", "RandomUnderSampler", "the resampler of each bag (imb "
          + "resample --list)"), strategy(), replacement(), new Param("bootstrap", "true", "each bag resamples "
          + "a bootstrap sample of the rows (false: the rows themselves)")),
      Set.of(Capability.TABLE), // sample weights reach the bags' learner, which may or may not honour them
      p -> {
        Map.Entry<String, Map<String, String>> estimator = spec(p.text("estimator", "tree"));
        if (estimator.getKey().equalsIgnoreCase("balanced-bagging")) {
          throw new InvalidOptionException("balanced-bagging: estimator cannot be balanced-bagging itself");
        }
        Trainer base = LearnerCatalog.create(estimator.getKey(), estimator.getValue());
        String sampler = p.text("sampler", "RandomUnderSampler");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sampling_strategy", p.text("sampling_strategy", "auto"));
        if (SamplerCatalog.get(sampler).name().equals("RandomUnderSampler")) {
          params.put("replacement", Boolean.toString(p.bool("replacement", false)));
        }
        SamplerCatalog.create(sampler, params, 0); // bad parameters fail now
        return new BalancedBagging(base, s -> SamplerCatalog.create(sampler, params, s),
            p.positive("n_estimators", 10), p.bool("bootstrap", true));
      }, null);

  /** All of them, in catalogue order. */
  public static final List<Learner> ALL = List.of(BALANCED_BAGGING, EASY_ENSEMBLE, RUSBOOST, SMOTEBOOST, ADABOOST);

  private static Trainer boosting(String name, Params p, String roundsKey, SamplingStrategy under, int smote) {
    int depth = p.positive("max_depth", 1);
    return new Boosting(name, p.positive(roundsKey, 50), p.real("learning_rate", 1.0, Double.MIN_VALUE, 1e6),
        p.choice("algorithm", "SAMME.R", List.of("SAMME.R", "SAMME")).equals("SAMME.R"),
        new TreeParams(false, depth, 1, "all", false), under, p.bool("replacement", false), smote, p.given());
  }

  /** {@code NAME} or {@code NAME(key=value, ...)}: a learner's name and parameters. */
  static Map.Entry<String, Map<String, String>> spec(String text) {
    String t = text.strip();
    int open = t.indexOf('(');
    if (open < 0) {
      return Map.entry(t, Map.of());
    }
    if (!t.endsWith(")")) {
      throw new InvalidOptionException("balanced-bagging: estimator must be NAME or NAME(key=value, ...), got '" + text
          + "'");
    }
    Map<String, String> params = new LinkedHashMap<>();
    String inner = t.substring(open + 1, t.length() - 1).strip();
    for (String kv : inner.isEmpty() ? new String[0] : inner.split(",")) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new InvalidOptionException("balanced-bagging: estimator must be NAME or NAME(key=value, ...), got '"
            + text + "'");
      }
      params.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
    }
    return Map.entry(t.substring(0, open).strip(), params);
  }

  private static Map<String, String> under(Params p) {
    SamplingStrategy.parse(p.text("sampling_strategy", "auto")); // a bad strategy fails now
    return Map.of("sampling_strategy", p.text("sampling_strategy", "auto"), "replacement",
        Boolean.toString(p.bool("replacement", false)));
  }

  private static Param rate() {
    return new Param("learning_rate", "1.0", "shrinks each round's contribution");
  }

  private static Param algorithm() {
    return new Param("algorithm", "SAMME.R", "SAMME.R (real, from the stumps' probabilities) | SAMME (discrete)");
  }

  private static Param depth() {
    return new Param("max_depth", "1", "depth of each boosted tree (1: a stump)");
  }

  private static Param strategy() {
    return new Param("sampling_strategy", "auto", "the under-sampling target, as RandomUnderSampler's");
  }

  private static Param replacement() {
    return new Param("replacement", "false", "under-sample with replacement");
  }
}
