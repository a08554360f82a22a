package org.imbalanced4j.djl.losses;

import ai.djl.ndarray.NDArray;

/**
 * Softmax focal loss: {@code mean_i(-alpha_yi (1 - p_i,yi)^gamma log p_i,yi)}. Easy, confident
 * rows weigh less; {@code gamma = 0} without alpha is cross-entropy.
 *
 * <p>Reference: T.-Y. Lin, P. Goyal, R. Girshick, K. He and P. Dollár, "Focal loss for dense
 * object detection", ICCV 2017.
 */
public final class FocalLoss extends LogitLoss {
  private final float gamma;
  private final float[] alpha;

  /** @param alpha per-class weights, or null */
  public FocalLoss(double gamma, double[] alpha) {
    super("Focal");
    this.gamma = (float) gamma;
    this.alpha = toFloat(alpha);
  }

  @Override
  protected NDArray compute(NDArray logits, NDArray labels) {
    int k = (int) logits.getShape().get(1);
    NDArray oh = oneHot(labels, k);
    NDArray lp = oh.mul(logits.logSoftmax(1)).sum(new int[] {1});
    NDArray one = Constants.of(logits, 1);
    NDArray focal = one.sub(lp.exp()).pow(Constants.of(logits, gamma)).mul(lp).neg();
    if (alpha != null) {
      focal = focal.mul(oh.mul(logits.getManager().create(alpha)).sum(new int[] {1}));
    }
    return focal.mean();
  }
}
