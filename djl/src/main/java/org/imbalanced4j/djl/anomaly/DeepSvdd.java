package org.imbalanced4j.djl.anomaly;

import org.imbalanced4j.anomaly.Detector;

/**
 * One-class Deep SVDD (Ruff et al., "Deep one-class classification", ICML 2018): a network
 * {@code phi} without bias terms (a bias would let it map every row to the centre) is trained to
 * minimise {@code (1/n) sum_i ||phi(x_i) - c||^2} plus Adam's weight decay, with the centre {@code
 * c} fixed as the mean of {@code phi(x)} over the training rows under the initial weights, each
 * coordinate pushed to at least {@code eps = 0.1} in magnitude as the authors' code does. The
 * anomaly score is {@code ||phi(x) - c||^2}; its own cut is the 90th percentile of the training
 * rows' scores (PyOD's contamination 0.1).
 */
public final class DeepSvdd implements Detector {
  private static final float EPS = 0.1f;
  private final int[] hidden;
  private final StackFit.Options options;

  /** @param hidden the widths of the layers, the last one the representation's */
  public DeepSvdd(int[] hidden, StackFit.Options options) {
    this.hidden = hidden.clone();
    this.options = options;
  }

  @Override
  public String name() {
    return "deep-svdd";
  }

  @Override
  public Fitted fit(float[] x, int rows, int width, long seed) {
    int[] widths = new int[hidden.length + 1];
    widths[0] = width;
    System.arraycopy(hidden, 0, widths, 1, hidden.length);
    DenseStack init = DenseStack.init(widths, false, seed);
    int k = hidden[hidden.length - 1];
    float[] phi = init.forward(x, rows);
    float[] c = new float[k];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        c[j] += phi[i * k + j] / rows;
      }
    }
    for (int j = 0; j < k; j++) {
      if (Math.abs(c[j]) < EPS) {
        c[j] = c[j] < 0 ? -EPS : EPS;
      }
    }
    DenseStack net = StackFit.fit(init, x, rows,
        (out, in) -> out.sub(out.getManager().create(c)).square().sum(new int[] {1}), options, seed ^ 0x5DEECE66DL);
    return DistanceModel.withOwnCut("deep-svdd", net, c, x, rows);
  }
}
