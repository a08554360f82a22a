package org.imbalanced4j.djl.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.imbalanced4j.anomaly.Detector;
import org.imbalanced4j.numeric.Percentile;

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
    Model m = new Model(net, c, Double.NaN);
    return new Model(net, c, Percentile.of(m.anomaly(x, rows), 90));
  }

  /** A trained Deep SVDD network, its centre and cut. */
  static final class Model implements Fitted {
    private final DenseStack net;
    private final float[] centre;
    private final double cut;

    Model(DenseStack net, float[] centre, double cut) {
      this.net = net;
      this.centre = centre.clone();
      this.cut = cut;
    }

    @Override
    public double[] anomaly(float[] x, int rows) {
      float[] y = net.forward(x, rows);
      int k = centre.length;
      double[] s = new double[rows];
      for (int i = 0; i < rows; i++) {
        double e = 0;
        for (int j = 0; j < k; j++) {
          double r = y[i * k + j] - centre[j];
          e += r * r;
        }
        s[i] = e;
      }
      return s;
    }

    @Override
    public double defaultCut() {
      return cut;
    }

    @Override
    public String name() {
      return "deep-svdd";
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
      out.writeDouble(cut);
      net.write(out);
      for (float v : centre) {
        out.writeFloat(v);
      }
    }

    static Model read(DataInputStream in, int width) throws IOException {
      double cut = in.readDouble();
      DenseStack net = DenseStack.read(in, width);
      if (net.hasBias()) {
        throw new IOException("a Deep SVDD network with biases");
      }
      int[] w = net.widths();
      float[] c = new float[w[w.length - 1]];
      for (int j = 0; j < c.length; j++) {
        c[j] = in.readFloat();
      }
      return new Model(net, c, cut);
    }
  }
}
