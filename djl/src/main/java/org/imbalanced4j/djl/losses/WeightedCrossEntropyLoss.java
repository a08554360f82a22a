package org.imbalanced4j.djl.losses;

import ai.djl.ndarray.NDArray;

/**
 * Softmax cross-entropy with per-class weights and label smoothing, as PyTorch's {@code
 * F.cross_entropy(weight=w, label_smoothing=eps)}: {@code sum_i w_yi l_i / sum_i w_yi} with
 * {@code l_i = (1 - eps) (-log p_i,yi) + eps/K sum_c (-w_c/w_yi log p_i,c)}. With equal weights
 * and {@code eps = 0} it is plain cross-entropy.
 *
 * <p>Reference: C. Szegedy et al., "Rethinking the Inception architecture for computer vision",
 * CVPR 2016 (label smoothing).
 */
public final class WeightedCrossEntropyLoss extends LogitLoss {
  private final float[] weights;
  private final float smoothing;

  /** @param weights per-class weights, or null for none */
  public WeightedCrossEntropyLoss(double[] weights, double labelSmoothing) {
    super("WeightedCrossEntropy");
    this.weights = toFloat(weights);
    this.smoothing = (float) labelSmoothing;
  }

  @Override
  protected NDArray compute(NDArray logits, NDArray labels) {
    return crossEntropy(logits, labels, weights, smoothing);
  }
}
