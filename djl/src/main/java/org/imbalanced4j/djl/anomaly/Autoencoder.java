package org.imbalanced4j.djl.anomaly;

import org.imbalanced4j.anomaly.Detector;

/**
 * An autoencoder's reconstruction error as the anomaly score (Sakurada and Yairi, "Anomaly
 * detection using autoencoders with nonlinear dimensionality reduction", MLSDA 2014; PyOD's {@code
 * AutoEncoder}): a network {@code g(f(x))} with encoder widths {@code hidden} and the mirrored
 * decoder (ReLU between layers, a linear output) is trained on the rows to minimise {@code s(x) =
 * (1/d) ||g(f(x)) - x||^2}; rows unlike those it was trained on reconstruct worse. Its own cut
 * ({@link Fitted#defaultCut}) is PyOD's: the 90th percentile of the training rows' scores
 * (contamination 0.1).
 */
public final class Autoencoder implements Detector {
  private final int[] hidden;
  private final StackFit.Options options;

  /** @param hidden the encoder's widths, the last one the code; the decoder mirrors them */
  public Autoencoder(int[] hidden, StackFit.Options options) {
    this.hidden = hidden.clone();
    this.options = options;
  }

  @Override
  public String name() {
    return "autoencoder";
  }

  @Override
  public Fitted fit(float[] x, int rows, int width, long seed) {
    int[] widths = new int[2 * hidden.length + 2];
    widths[0] = width;
    widths[widths.length - 1] = width;
    for (int i = 0; i < hidden.length; i++) {
      widths[1 + i] = hidden[i];
      widths[widths.length - 2 - i] = hidden[i];
    }
    float inv = 1f / width;
    DenseStack net = StackFit.fit(DenseStack.init(widths, true, seed), x, rows,
        (out, in) -> out.sub(in).square().sum(new int[] {1}).mul(inv), options, seed ^ 0x5DEECE66DL);
    return DistanceModel.withOwnCut("autoencoder", net, null, x, rows);
  }
}
