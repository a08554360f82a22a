package org.imbalanced4j.djl.training;

import java.util.List;
import java.util.Set;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.learn.Capability;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.learn.LearnerProvider;

/** The learners of the djl module: networks trained with imbalance-aware losses on DJL's PyTorch engine. */
public final class NetworkLearners implements LearnerProvider {
  private static final Set<Capability> CAN = Set.of(Capability.TABLE, Capability.VALIDATION_ROWS);

  @Override
  public List<Learner> learners() {
    return List.of(
        new Learner("mlp", "Multilayer perceptron (batch norm, ReLU, dropout), trained until a stratified fifth of "
            + "the training rows, held out before resampling, says stop; the best epoch is kept.",
            NetworkConfig.PARAMS, CAN, p -> trainer("mlp", p), NeuralModel.FORMAT),
        new Learner("attention", "Self-attention over per-feature tokens (after FT-Transformer), trained as mlp.",
            NetworkConfig.PARAMS, CAN, p -> trainer("attention", p), NeuralModel.FORMAT));
  }

  private static NeuralTrainer trainer(String type, Params p) {
    return new NeuralTrainer(Params.label(type, p.given()), NetworkConfig.parse(type, p));
  }
}
