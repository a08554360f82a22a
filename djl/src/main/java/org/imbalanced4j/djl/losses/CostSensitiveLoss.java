package org.imbalanced4j.djl.losses;

import ai.djl.ndarray.NDArray;

/**
 * Expected misclassification cost under the softmax: {@code mean_i sum_c p_i,c C[y_i][c]}, with
 * {@code C[t][p]} the cost of predicting p for true class t (0 on the diagonal).
 *
 * <p>Reference: C. Elkan, "The foundations of cost-sensitive learning", IJCAI 2001.
 */
public final class CostSensitiveLoss extends LogitLoss {
  private final float[][] cost;

  /** A loss with the cost matrix {@code cost[true][predicted]}. */
  public CostSensitiveLoss(double[][] cost) {
    super("CostSensitive");
    this.cost = new float[cost.length][];
    for (int i = 0; i < cost.length; i++) {
      this.cost[i] = toFloat(cost[i]);
    }
  }

  @Override
  protected NDArray compute(NDArray logits, NDArray labels) {
    int k = (int) logits.getShape().get(1);
    NDArray rows = oneHot(labels, k).matMul(logits.getManager().create(cost));
    return logits.softmax(1).mul(rows).sum(new int[] {1}).mean();
  }
}
