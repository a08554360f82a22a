package org.imbalanced4j.learn;

import java.util.List;
import org.imbalanced4j.ensemble.MeanModel;
import org.imbalanced4j.model.KNeighbors;
import org.imbalanced4j.model.LogisticRegression;
import org.imbalanced4j.model.io.ModelFormat;

/** The learners of the core module: logistic regression and k nearest neighbours. */
public final class CoreLearners implements LearnerProvider {
  @Override
  public List<Learner> learners() {
    return List.of(LogisticRegression.LEARNER, KNeighbors.LEARNER);
  }

  @Override
  public List<ModelFormat> formats() {
    return List.of(MeanModel.FORMAT);
  }
}
