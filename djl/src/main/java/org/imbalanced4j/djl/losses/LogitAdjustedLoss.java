package org.imbalanced4j.djl.losses;

import ai.djl.ndarray.NDArray;

/**
 * Logit-adjusted cross-entropy, {@code CE(z + tau log pi, y)} with {@code pi} the class priors:
 * training aims at the balanced error. {@code tau = 0} is plain cross-entropy; balanced softmax
 * is {@code tau = 1} (the priors' normalisation cancels in the softmax). The post-hoc variant
 * subtracts {@code tau log pi} from a plain model's logits at prediction ({@link #adjust}).
 *
 * <p>References: A. K. Menon, S. Jayasumana, A. S. Rawat, H. Jain, A. Veit and S. Kumar,
 * "Long-tail learning via logit adjustment", ICLR 2021; J. Ren et al., "Balanced meta-softmax for
 * long-tailed visual recognition", NeurIPS 2020.
 */
public final class LogitAdjustedLoss extends LogitLoss {
  private final float[] offsets;

  /** @param counts training rows per class; @param tau the adjustment strength */
  public LogitAdjustedLoss(long[] counts, double tau) {
    this("LogitAdjusted", counts, tau);
  }

  LogitAdjustedLoss(String name, long[] counts, double tau) {
    super(name);
    this.offsets = toFloat(logPriors(counts, tau));
  }

  /** Balanced softmax: cross-entropy of {@code z + log n_c}. */
  public static LogitAdjustedLoss balancedSoftmax(long[] counts) {
    return new LogitAdjustedLoss("BalancedSoftmax", counts, 1.0);
  }

  /** {@code tau log pi_c} per class. */
  public static double[] logPriors(long[] counts, double tau) {
    double n = 0;
    for (long c : counts) {
      n += c;
    }
    double[] o = new double[counts.length];
    for (int c = 0; c < o.length; c++) {
      o[c] = tau * Math.log(Math.max(counts[c], 1) / n);
    }
    return o;
  }

  /** Post-hoc adjustment of a plain model's logits: {@code z - tau log pi}. */
  public static NDArray adjust(NDArray logits, long[] counts, double tau) {
    return logits.sub(logits.getManager().create(toFloat(logPriors(counts, tau))));
  }

  @Override
  protected NDArray compute(NDArray logits, NDArray labels) {
    return crossEntropy(logits.add(logits.getManager().create(offsets)), labels, null, 0);
  }
}
