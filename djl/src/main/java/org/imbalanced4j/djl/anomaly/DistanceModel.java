package org.imbalanced4j.djl.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.imbalanced4j.anomaly.Detector;
import org.imbalanced4j.numeric.Percentile;

/**
 * A fitted network detector: the squared distance between the network's output for a row and a
 * target — the row itself for an autoencoder ({@code centre} null; the mean over the columns), a
 * fixed centre for Deep SVDD (the sum) — and its own cut, the 90th percentile of the training rows'
 * scores (PyOD's contamination 0.1). Written as the cut, the network, then the centre if any.
 */
final class DistanceModel implements Detector.Fitted {
  private final String name;
  private final DenseStack net;
  private final float[] centre;
  private final double cut;

  DistanceModel(String name, DenseStack net, float[] centre, double cut) {
    this.name = name;
    this.net = net;
    this.centre = centre == null ? null : centre.clone();
    this.cut = cut;
  }

  /** The fitted detector with its cut taken from the training rows {@code x}. */
  static DistanceModel withOwnCut(String name, DenseStack net, float[] centre, float[] x, int rows) {
    double[] s = new DistanceModel(name, net, centre, Double.NaN).anomaly(x, rows);
    return new DistanceModel(name, net, centre, Percentile.of(s, 90));
  }

  @Override
  public double[] anomaly(float[] x, int rows) {
    float[] y = net.forward(x, rows);
    int d = y.length / Math.max(1, rows);
    double[] s = new double[rows];
    for (int i = 0; i < rows; i++) {
      double e = 0;
      for (int j = 0; j < d; j++) {
        double r = y[i * d + j] - (centre == null ? x[i * d + j] : centre[j]);
        e += r * r;
      }
      s[i] = centre == null ? e / d : e;
    }
    return s;
  }

  @Override
  public double defaultCut() {
    return cut;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void write(DataOutputStream out) throws IOException {
    out.writeDouble(cut);
    net.write(out);
    if (centre != null) {
      for (float v : centre) {
        out.writeFloat(v);
      }
    }
  }

  /** An autoencoder as {@link #write} wrote it: its output as wide as its input. */
  static DistanceModel readAutoencoder(DataInputStream in, int width) throws IOException {
    double cut = in.readDouble();
    DenseStack net = DenseStack.read(in, width);
    if (net.widths()[net.widths().length - 1] != width) {
      throw new IOException("an autoencoder whose output is not its input's width");
    }
    return new DistanceModel("autoencoder", net, null, cut);
  }

  /** A Deep SVDD network as {@link #write} wrote it: no biases, then the centre. */
  static DistanceModel readDeepSvdd(DataInputStream in, int width) throws IOException {
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
    return new DistanceModel("deep-svdd", net, c, cut);
  }
}
