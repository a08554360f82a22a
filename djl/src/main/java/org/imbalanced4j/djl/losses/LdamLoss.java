package org.imbalanced4j.djl.losses;

import ai.djl.ndarray.NDArray;

/**
 * Label-distribution-aware margin loss: the true class's logit is lowered by a margin {@code
 * m_c = C / n_c^(1/4)} (C chosen so the largest margin is {@code max_m}) before a scaled
 * cross-entropy, {@code CE(s (z - m_y e_y), y; w)}. Rare classes get larger margins. With deferred
 * re-weighting (DRW) the weights switch to class-balanced ones late in training (see the trainer).
 * Cao et al.'s z is a cosine ({@link org.imbalanced4j.djl.nn.CosineClassifier}); a network whose
 * classifier already outputs {@code s cos} takes {@link #onScaledCosines}, {@code CE(z - s m_y e_y,
 * y; w)}, the same loss.
 *
 * <p>Reference: K. Cao, C. Wei, A. Gaidon, N. Arechiga and T. Ma, "Learning imbalanced datasets
 * with label-distribution-aware margin loss", NeurIPS 2019.
 */
public final class LdamLoss extends LogitLoss {
  private final float[] margins;
  private final float scale;
  private final float[] weights;

  /**
   * @param counts training rows per class
   * @param maxMargin the largest margin (0.5 in the paper)
   * @param scale the logit scale s (30 in the paper)
   * @param weights per-class weights, or null
   */
  public LdamLoss(long[] counts, double maxMargin, double scale, double[] weights) {
    this(counts, maxMargin, scale, weights, false);
  }

  /**
   * LDAM on logits that are already {@code s cos} (a {@link
   * org.imbalanced4j.djl.nn.CosineClassifier} of scale {@code scale}): {@code CE(z - s m_y e_y, y;
   * w)}.
   */
  public static LdamLoss onScaledCosines(long[] counts, double maxMargin, double scale, double[] weights) {
    return new LdamLoss(counts, maxMargin, scale, weights, true);
  }

  private LdamLoss(long[] counts, double maxMargin, double scale, double[] weights, boolean scaledInput) {
    super("LDAM");
    double[] m = new double[counts.length];
    double max = 0;
    for (int c = 0; c < counts.length; c++) {
      m[c] = 1.0 / Math.pow(Math.max(counts[c], 1), 0.25);
      max = Math.max(max, m[c]);
    }
    for (int c = 0; c < m.length; c++) {
      m[c] *= maxMargin / max * (scaledInput ? scale : 1);
    }
    this.margins = toFloat(m);
    this.scale = scaledInput ? 1f : (float) scale;
    this.weights = toFloat(weights);
  }

  @Override
  protected NDArray compute(NDArray logits, NDArray labels) {
    int k = (int) logits.getShape().get(1);
    NDArray oh = oneHot(labels, k);
    NDArray shifted = logits.sub(oh.mul(logits.getManager().create(margins))).mul(Constants.of(logits, scale));
    return crossEntropy(shifted, labels, weights, 0);
  }
}
