package org.imbalanced4j.djl.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The fitted weights of a stack of fully connected layers, {@code h_{l+1} = relu(W_l h_l + b_l)}
 * with no ReLU after the last layer, and optionally no biases (Deep SVDD's networks have none).
 * Immutable: the forward pass of scoring runs in plain Java on all cores, so a fitted detector
 * holds no native memory and scores from any number of threads.
 */
final class DenseStack {
  /** Layer widths, inputs first. */
  private final int[] widths;
  /** {@code w[l]}: {@code widths[l + 1] x widths[l]}, row-major. */
  private final float[][] w;
  /** {@code b[l]}, or null for bias-free layers. */
  private final float[][] b;

  DenseStack(int[] widths, float[][] w, float[][] b) {
    this.widths = widths.clone();
    this.w = w;
    this.b = b;
  }

  /**
   * PyTorch's default initialisation of {@code nn.Linear}: weights and biases uniform in {@code
   * (-1/sqrt(fan_in), 1/sqrt(fan_in))}.
   */
  static DenseStack init(int[] widths, boolean bias, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int layers = widths.length - 1;
    float[][] w = new float[layers][];
    float[][] b = bias ? new float[layers][] : null;
    for (int l = 0; l < layers; l++) {
      double bound = 1 / Math.sqrt(widths[l]);
      w[l] = new float[widths[l + 1] * widths[l]];
      for (int i = 0; i < w[l].length; i++) {
        w[l][i] = (float) ((2 * rng.nextDouble() - 1) * bound);
      }
      if (bias) {
        b[l] = new float[widths[l + 1]];
        for (int i = 0; i < b[l].length; i++) {
          b[l][i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
      }
    }
    return new DenseStack(widths, w, b);
  }

  int[] widths() {
    return widths.clone();
  }

  int layers() {
    return w.length;
  }

  boolean hasBias() {
    return b != null;
  }

  float[] weight(int l) {
    return w[l];
  }

  float[] bias(int l) {
    return b[l];
  }

  /** The outputs of {@code rows} rows, {@code rows x widths[last]}, row-major. */
  float[] forward(float[] x, int rows) {
    int out = widths[widths.length - 1];
    float[] y = new float[rows * out];
    IntStream.range(0, (rows + 255) / 256).parallel().forEach(blk -> {
      int max = 0;
      for (int v : widths) {
        max = Math.max(max, v);
      }
      float[] h = new float[max];
      float[] next = new float[max];
      for (int i = blk * 256, end = Math.min(rows, (blk + 1) * 256); i < end; i++) {
        System.arraycopy(x, i * widths[0], h, 0, widths[0]);
        for (int l = 0; l < w.length; l++) {
          int in = widths[l];
          int o = widths[l + 1];
          for (int j = 0; j < o; j++) {
            double s = b == null ? 0 : b[l][j];
            int base = j * in;
            for (int k = 0; k < in; k++) {
              s += w[l][base + k] * h[k];
            }
            next[j] = (float) (l + 1 < w.length && s < 0 ? 0 : s);
          }
          float[] t = h;
          h = next;
          next = t;
        }
        System.arraycopy(h, 0, y, i * out, out);
      }
    });
    return y;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(widths.length);
    for (int v : widths) {
      out.writeInt(v);
    }
    out.writeBoolean(b != null);
    for (int l = 0; l < w.length; l++) {
      for (float v : w[l]) {
        out.writeFloat(v);
      }
      if (b != null) {
        for (float v : b[l]) {
          out.writeFloat(v);
        }
      }
    }
  }

  /** Reads a stack whose first width must be {@code inputs}; sizes are checked before allocating. */
  static DenseStack read(DataInputStream in, int inputs) throws IOException {
    int n = in.readInt();
    if (n < 2 || n > 64) {
      throw new IOException("a network of " + (n - 1) + " layers");
    }
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = in.readInt();
      if (widths[i] < 1 || widths[i] > 1 << 16) {
        throw new IOException("a layer of width " + widths[i]);
      }
    }
    if (widths[0] != inputs) {
      throw new IOException("a network on " + widths[0] + " inputs (expected " + inputs + ")");
    }
    boolean bias = in.readBoolean();
    long total = 0;
    for (int l = 0; l + 1 < n; l++) {
      total += (long) widths[l + 1] * (widths[l] + (bias ? 1 : 0));
    }
    if (4 * total > in.available()) { // the stream holds the rest of the model in memory
      throw new IOException("the network's weights are cut short");
    }
    float[][] w = new float[n - 1][];
    float[][] b = bias ? new float[n - 1][] : null;
    for (int l = 0; l < n - 1; l++) {
      w[l] = new float[widths[l + 1] * widths[l]];
      for (int i = 0; i < w[l].length; i++) {
        w[l][i] = in.readFloat();
      }
      if (bias) {
        b[l] = new float[widths[l + 1]];
        for (int i = 0; i < b[l].length; i++) {
          b[l][i] = in.readFloat();
        }
      }
    }
    return new DenseStack(widths, w, b);
  }
}
