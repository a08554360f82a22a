package org.imbalanced4j.djl.anomaly;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.imbalanced4j.DataException;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.training.Adam;

/**
 * Trains a {@link DenseStack} on DJL's PyTorch engine to minimise the mean of a per-row loss with
 * Adam, in shuffled mini-batches, until the loss on a seeded tenth of the rows held out (none below
 * 20 rows) has not improved for {@code patience} epochs, at most {@code epochs}; the best epoch's
 * weights are kept. Every native array lives in one manager closed when the fit returns; the
 * result is plain Java.
 */
final class StackFit {
  /** The loss of each row of a batch (a vector), from the network's outputs and its inputs. */
  @FunctionalInterface
  interface RowLoss {
    NDArray of(NDArray out, NDArray x);
  }

  /** The training budget and step: a cap on epochs, the patience, rows per step, rate, decay. */
  record Options(int epochs, int patience, int batchSize, double lr, double weightDecay) {}

  private StackFit() {}

  static DenseStack fit(DenseStack init, float[] x, int rows, RowLoss loss, Options o, long seed) {
    int[] widths = init.widths();
    int width = widths[0];
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    shuffle(order, rng);
    int held = rows >= 20 ? Math.max(2, rows / 10) : 0;
    int[] val = java.util.Arrays.copyOfRange(order, 0, held);
    int[] train = java.util.Arrays.copyOfRange(order, held, rows);
    Engine engine = PyTorchEngine.get();
    try (NDManager m = engine.newBaseManager()) {
      PyTorchEngine.noGrad();
      List<NDArray> params = new ArrayList<>();
      for (int l = 0; l < init.layers(); l++) {
        params.add(m.create(init.weight(l), new Shape(widths[l + 1], widths[l])));
        if (init.hasBias()) {
          params.add(m.create(init.bias(l), new Shape(widths[l + 1])));
        }
      }
      params.forEach(p -> p.setRequiresGradient(true));
      Adam adam = Adam.adam(o.weightDecay());
      DenseStack best = init;
      double bestLoss = Double.POSITIVE_INFINITY;
      int stale = 0;
      for (int e = 0; e < o.epochs() && stale < o.patience(); e++) {
        shuffle(train, rng);
        double sum = 0;
        int steps = 0;
        for (int b = 0; b < train.length; b += o.batchSize()) {
          int end = Math.min(train.length, b + o.batchSize());
          try (NDManager sub = m.newSubManager()) {
            NDArray xb = batch(sub, x, width, train, b, end);
            float value;
            try (GradientCollector gc = engine.newGradientCollector()) {
              NDArray l = loss.of(forward(params, init.hasBias(), xb), xb).mean();
              value = l.getFloat();
              if (Float.isFinite(value)) {
                gc.backward(l);
              }
            }
            PyTorchEngine.noGrad();
            if (Float.isFinite(value) && adam.step(params, (float) o.lr())) {
              sum += value;
              steps++;
            }
          }
        }
        if (steps == 0) {
          throw new DataException("training diverged: every batch gave a non-finite loss or gradient; lower lr");
        }
        double now = held == 0 ? sum / steps : meanLoss(m, params, init.hasBias(), x, width, val, loss);
        if (now < bestLoss) {
          bestLoss = now;
          best = snapshot(widths, params, init.hasBias());
          stale = 0;
        } else {
          stale++;
        }
      }
      return best;
    }
  }

  static NDArray forward(List<NDArray> params, boolean bias, NDArray x) {
    int step = bias ? 2 : 1;
    NDArray h = x;
    for (int i = 0; i < params.size(); i += step) {
      h = h.matMul(params.get(i).transpose());
      if (bias) {
        h = h.add(params.get(i + 1));
      }
      if (i + step < params.size()) {
        h = Activation.relu(h);
      }
    }
    return h;
  }

  private static double meanLoss(NDManager m, List<NDArray> params, boolean bias, float[] x, int width, int[] rows,
      RowLoss loss) {
    double sum = 0;
    for (int b = 0; b < rows.length; b += 4096) {
      int end = Math.min(rows.length, b + 4096);
      try (NDManager sub = m.newSubManager()) {
        NDArray xb = batch(sub, x, width, rows, b, end);
        sum += loss.of(forward(params, bias, xb), xb).sum().getFloat();
      }
    }
    return sum / rows.length;
  }

  private static NDArray batch(NDManager sub, float[] x, int width, int[] rows, int from, int to) {
    float[] xb = new float[(to - from) * width];
    for (int i = from; i < to; i++) {
      System.arraycopy(x, rows[i] * width, xb, (i - from) * width, width);
    }
    return sub.create(xb, new Shape(to - from, width));
  }

  private static DenseStack snapshot(int[] widths, List<NDArray> params, boolean bias) {
    int layers = widths.length - 1;
    float[][] w = new float[layers][];
    float[][] b = bias ? new float[layers][] : null;
    int step = bias ? 2 : 1;
    for (int l = 0; l < layers; l++) {
      w[l] = params.get(l * step).toFloatArray();
      if (bias) {
        b[l] = params.get(l * step + 1).toFloatArray();
      }
    }
    return new DenseStack(widths, w, b);
  }

  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
