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
  private static final Set<Capability> IMAGES = Set.of(Capability.IMAGES, Capability.VALIDATION_ROWS);

  @Override
  public List<Learner> learners() {
    List<Learner> all = new java.util.ArrayList<>(List.of(
        new Learner("mlp", "Multilayer perceptron (batch norm, ReLU, dropout), trained until a stratified fifth of "
            + "the training rows, held out before resampling, says stop; the best epoch is kept.",
            NetworkConfig.PARAMS, CAN, p -> trainer("mlp", p), NeuralModel.FORMAT),
        new Learner("attention", "Self-attention over per-feature tokens (after FT-Transformer), trained as mlp.",
            NetworkConfig.PARAMS, CAN, p -> trainer("attention", p), NeuralModel.FORMAT),
        new Learner("cnn", "A small convolutional network for images (two stages of two 3x3 convolutions, batch norm, "
            + "max pooling; global average pooling), trained as mlp.",
            NetworkConfig.IMAGE_PARAMS, IMAGES, p -> trainer("cnn", p), NeuralModel.FORMAT),
        new Learner("resnet32", "The CIFAR ResNet-32 of He et al. 2016 for images (three stages of five basic blocks, "
            + "16/32/64 filters), trained as mlp.",
            NetworkConfig.IMAGE_PARAMS, IMAGES, p -> trainer("resnet32", p), NeuralModel.FORMAT),
        new Learner("bbn", "BBN, the bilateral-branch network of Zhou et al. 2020 on ResNet-32: shared layers, a "
            + "conventional branch and a re-balancing branch fed by a reversed sampler, mixed by the cumulative-learning "
            + "weight 1 - (epoch / epochs)^2; trained as mlp.",
            NetworkConfig.IMAGE_PARAMS, IMAGES, p -> trainer("bbn", p), NeuralModel.FORMAT)));
    detectors().forEach(k -> all.add(org.imbalanced4j.anomaly.RareAsAnomaly.learner(k)));
    return all;
  }

  @Override
  public List<org.imbalanced4j.anomaly.DetectorKind> detectors() {
    return org.imbalanced4j.djl.anomaly.DeepDetectors.ALL;
  }

  private static NeuralTrainer trainer(String type, Params p) {
    return new NeuralTrainer(Params.label(type, p.given()), NetworkConfig.parse(type, p));
  }
}
