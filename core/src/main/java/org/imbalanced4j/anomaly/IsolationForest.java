package org.imbalanced4j.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Isolation Forest (Liu, Ting and Zhou, "Isolation forest", ICDM 2008), as scikit-learn's {@code
 * IsolationForest} defines it: each of {@code n_estimators} trees is grown on {@code psi =
 * min(max_samples, n)} rows drawn without replacement, splitting on a random non-constant column at
 * a threshold uniform between the node's smallest and largest value, down to single rows or depth
 * {@code ceil(log2(psi))}. A row's path length in a tree is the depth of its leaf plus {@code
 * c(m)}, the average path length of an unsuccessful search among the leaf's m training rows,
 * {@code c(m) = 2 (ln(m - 1) + 0.5772...) - 2 (m - 1) / m} ({@code c(2) = 1}, {@code c(1) = 0});
 * its anomaly score is {@code s(x) = 2^(-E[h(x)] / c(psi))} (scikit-learn's {@code
 * -score_samples}), near 1 for anomalies and below 0.5 for normal rows. Trees grow on all cores, each
 * from its own seed, so a forest is the same on any number of threads.
 */
public final class IsolationForest implements Detector {
  private static final double EULER = 0.5772156649015329;
  private final int trees;
  private final int maxSamples;

  /** @param maxSamples rows per tree, at most the rows given (scikit-learn's {@code 'auto'}: 256) */
  public IsolationForest(int trees, int maxSamples) {
    if (trees < 1 || maxSamples < 1) {
      throw new IllegalArgumentException("n_estimators and max_samples must be at least 1");
    }
    this.trees = trees;
    this.maxSamples = maxSamples;
  }

  @Override
  public String name() {
    return "iforest";
  }

  @Override
  public Fitted fit(float[] x, int rows, int width, long seed) {
    int psi = Math.min(maxSamples, rows);
    int depth = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
    ITree[] grown = new ITree[trees];
    IntStream.range(0, trees).parallel().forEach(t -> {
      SplittableRandom rng = new SplittableRandom(org.imbalanced4j.random.Seeds.mix(seed, t));
      int[] idx = new int[rows];
      for (int i = 0; i < rows; i++) {
        idx[i] = i;
      }
      for (int i = 0; i < psi; i++) { // the first psi of a partial Fisher-Yates shuffle
        int j = i + rng.nextInt(rows - i);
        int s = idx[i];
        idx[i] = idx[j];
        idx[j] = s;
      }
      grown[t] = ITree.grow(x, width, java.util.Arrays.copyOf(idx, psi), depth, rng);
    });
    return new Forest(grown, width, psi);
  }

  /** {@code c(m)}: the average path length of an unsuccessful search in a binary tree of m rows. */
  static double averagePath(int m) {
    if (m <= 1) {
      return 0;
    }
    if (m == 2) {
      return 1;
    }
    return 2 * (Math.log(m - 1.0) + EULER) - 2.0 * (m - 1) / m;
  }

  /** A fitted isolation forest. */
  static final class Forest implements Fitted {
    private final ITree[] trees;
    private final int width;
    private final int psi;

    Forest(ITree[] trees, int width, int psi) {
      this.trees = trees;
      this.width = width;
      this.psi = psi;
    }

    @Override
    public double[] anomaly(float[] x, int rows) {
      double[] out = new double[rows];
      double norm = trees.length * averagePath(psi);
      IntStream.range(0, (rows + 1023) / 1024).parallel().forEach(b -> {
        int end = Math.min(rows, (b + 1) * 1024);
        for (int i = b * 1024; i < end; i++) {
          double h = 0;
          for (ITree t : trees) {
            h += t.pathLength(x, i * width);
          }
          out[i] = norm == 0 ? 1 : Math.pow(2, -h / norm);
        }
      });
      return out;
    }

    @Override
    public double defaultCut() {
      return 0.5; // scikit-learn's offset_ = -0.5 under contamination='auto'
    }

    @Override
    public String name() {
      return "iforest";
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
      out.writeInt(width);
      out.writeInt(psi);
      out.writeInt(trees.length);
      for (ITree t : trees) {
        t.write(out);
      }
    }

    static Forest read(DataInputStream in, int width) throws IOException {
      int w = in.readInt();
      int psi = in.readInt();
      int n = in.readInt();
      if (w != width || psi < 1 || n < 1 || n > 1_000_000) {
        throw new IOException("an isolation forest of " + n + " trees on " + w + " inputs (expected " + width + ")");
      }
      ITree[] t = new ITree[n];
      for (int i = 0; i < n; i++) {
        t[i] = ITree.read(in, width);
      }
      return new Forest(t, width, psi);
    }
  }
}
