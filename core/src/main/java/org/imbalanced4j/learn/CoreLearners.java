package org.imbalanced4j.learn;

import java.util.List;
import org.imbalanced4j.ensemble.MeanModel;
import org.imbalanced4j.model.KNeighbors;
import org.imbalanced4j.model.LogisticRegression;
import org.imbalanced4j.model.io.ModelFormat;

/** The learners of the core module: logistic regression, k nearest neighbours, quadratic discriminant analysis, trees, forests, balanced ensembles and anomaly detectors. */
public final class CoreLearners implements LearnerProvider {
  @Override
  public List<Learner> learners() {
    List<Learner> all = new java.util.ArrayList<>(List.of(LogisticRegression.LEARNER, KNeighbors.LEARNER,
        org.imbalanced4j.model.QuadraticDiscriminant.LEARNER));
    all.addAll(org.imbalanced4j.tree.TreeLearners.ALL);
    all.addAll(org.imbalanced4j.ensemble.EnsembleLearners.ALL);
    org.imbalanced4j.anomaly.Detectors.BUILT_IN.forEach(k -> all.add(org.imbalanced4j.anomaly.RareAsAnomaly.learner(k)));
    return all;
  }

  @Override
  public List<ModelFormat> formats() {
    return List.of(MeanModel.FORMAT);
  }

  @Override
  public List<org.imbalanced4j.anomaly.DetectorKind> detectors() {
    return org.imbalanced4j.anomaly.Detectors.BUILT_IN;
  }
}
