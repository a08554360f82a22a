package org.imbalanced4j.boost;

import java.util.List;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.learn.LearnerProvider;

/** The learners of the boost module: {@code xgboost}. */
public final class BoostLearners implements LearnerProvider {
  @Override
  public List<Learner> learners() {
    return List.of(XGBoostTrainer.LEARNER);
  }
}
