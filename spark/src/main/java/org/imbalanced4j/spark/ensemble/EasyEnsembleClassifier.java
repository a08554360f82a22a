package org.imbalanced4j.spark.ensemble;

import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.util.Identifiable;

/**
 * EasyEnsemble on Spark, after imbalanced-learn's {@code EasyEnsembleClassifier} (Liu, Wu and
 * Zhou, "Exploratory undersampling for class-imbalance learning", IEEE SMC-B 39(2), 2009): a
 * boosted learner on each of {@code nEstimators} random under-samples of the majority drawn
 * without bootstrap, probabilities averaged. Spark has no AdaBoost; the boosted learner is its
 * {@code GBTClassifier} (50 rounds of depth 3), which takes two classes; give another base
 * estimator for more.
 */
public final class EasyEnsembleClassifier extends BalancedBaggingClassifier {
  private static final long serialVersionUID = 1L;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public EasyEnsembleClassifier(String uid) {
    super(uid);
    setDefault(bootstrap(), false);
    setBaseEstimator(new GBTClassifier().setMaxIter(50).setMaxDepth(3));
  }

  /** A stage with a random unique id and the defaults. */
  public EasyEnsembleClassifier() {
    this(Identifiable.randomUID("easyEnsemble"));
  }
}
