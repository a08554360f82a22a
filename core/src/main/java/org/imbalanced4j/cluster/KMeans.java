package org.imbalanced4j.cluster;

import java.util.Arrays;
import org.imbalanced4j.random.NumpyRandom;

/**
 * k-means clustering by Lloyd's iterations from greedy k-means++ seeds, best of {@code nInit}
 * runs by inertia (the sum of squared distances to the nearest centre), as scikit-learn's {@code
 * KMeans} does by default.
 *
 * <p>References: S. Lloyd, "Least squares quantization in PCM", IEEE Transactions on Information
 * Theory 28(2), 129-137, 1982; D. Arthur and S. Vassilvitskii, "k-means++: the advantages of
 * careful seeding", SODA 2007, 1027-1035.
 *
 * <pre>{@code
 * KMeans.Result r = KMeans.builder().setK(10).optSeed(42).build().fit(points, n, d);
 * float[] centres = r.centres();
 * }</pre>
 */
public final class KMeans {
  private final int k;
  private final int nInit;
  private final int maxIter;
  private final double tol;
  private final long seed;

  private KMeans(Builder b) {
    this.k = b.k;
    this.nInit = b.nInit;
    this.maxIter = b.maxIter;
    this.tol = b.tol;
    this.seed = b.seed;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A clustering: centres row-major ({@code k x d}), each point's cluster, and the inertia.
   */
  public record Result(float[] centres, int[] assignment, double inertia, int k, int d) {
    /** Checks the sizes agree. */
    public Result {
      centres = centres.clone();
      assignment = assignment.clone();
    }

    /** The centres, row-major, {@code k x d}. */
    @Override
    public float[] centres() {
      return centres.clone();
    }

    /** The cluster of each row. */
    @Override
    public int[] assignment() {
      return assignment.clone();
    }
  }

  /** Clusters {@code n} points of {@code d} floats, row-major. */
  public Result fit(float[] x, int n, int d) {
    if (k > n) {
      throw new IllegalArgumentException("cannot make " + k + " clusters of " + n + " points");
    }
    NumpyRandom rng = new NumpyRandom(seed);
    Result best = null;
    for (int run = 0; run < nInit; run++) {
      Result r = lloyd(x, n, d, seeds(x, n, d, rng));
      if (best == null || r.inertia() < best.inertia()) {
        best = r;
      }
    }
    return best;
  }

  /** Greedy k-means++: each new centre is the best of 2 + ln(k) candidates drawn by D^2. */
  private double[] seeds(float[] x, int n, int d, NumpyRandom rng) {
    double[] c = new double[k * d];
    int first = rng.randint(n);
    for (int j = 0; j < d; j++) {
      c[j] = x[first * d + j];
    }
    double[] closest = new double[n];
    for (int i = 0; i < n; i++) {
      closest[i] = dist2(x, i * d, c, 0, d);
    }
    int trials = 2 + (int) Math.log(k);
    for (int ci = 1; ci < k; ci++) {
      double total = 0;
      for (double v : closest) {
        total += v;
      }
      int bestCand = -1;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        double r = rng.uniform() * total;
        int cand = 0;
        double acc = 0;
        for (; cand < n - 1; cand++) {
          acc += closest[cand];
          if (acc > r) {
            break;
          }
        }
        double pot = 0;
        for (int i = 0; i < n; i++) {
          pot += Math.min(closest[i], dist2f(x, i * d, x, cand * d, d));
        }
        if (pot < bestPot) {
          bestPot = pot;
          bestCand = cand;
        }
      }
      for (int j = 0; j < d; j++) {
        c[ci * d + j] = x[bestCand * d + j];
      }
      for (int i = 0; i < n; i++) {
        closest[i] = Math.min(closest[i], dist2f(x, i * d, x, bestCand * d, d));
      }
    }
    return c;
  }

  private Result lloyd(float[] x, int n, int d, double[] c) {
    int[] assign = new int[n];
    double inertia = 0;
    double scale = 0;
    for (int i = 0; i < n * d; i++) {
      scale += (double) x[i] * x[i];
    }
    double tolerance = tol * scale / Math.max(1, n * d);
    for (int it = 0; it < maxIter; it++) {
      inertia = 0;
      for (int i = 0; i < n; i++) {
        double best = Double.POSITIVE_INFINITY;
        for (int ci = 0; ci < k; ci++) {
          double s = dist2(x, i * d, c, ci * d, d);
          if (s < best) {
            best = s;
            assign[i] = ci;
          }
        }
        inertia += best;
      }
      double[] next = new double[k * d];
      int[] count = new int[k];
      for (int i = 0; i < n; i++) {
        count[assign[i]]++;
        for (int j = 0; j < d; j++) {
          next[assign[i] * d + j] += x[i * d + j];
        }
      }
      double shift = 0;
      for (int ci = 0; ci < k; ci++) {
        for (int j = 0; j < d; j++) {
          double v = count[ci] == 0 ? c[ci * d + j] : next[ci * d + j] / count[ci];
          shift += (v - c[ci * d + j]) * (v - c[ci * d + j]);
          next[ci * d + j] = v;
        }
      }
      c = next;
      if (shift <= tolerance) {
        break;
      }
    }
    float[] cf = new float[k * d];
    for (int i = 0; i < cf.length; i++) {
      cf[i] = (float) c[i];
    }
    return new Result(cf, assign, inertia, k, d);
  }

  private static double dist2(float[] x, int xo, double[] c, int co, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double t = x[xo + j] - c[co + j];
      s += t * t;
    }
    return s;
  }

  private static double dist2f(float[] x, int xo, float[] y, int yo, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double t = (double) x[xo + j] - y[yo + j];
      s += t * t;
    }
    return s;
  }

  /** Builder: {@code setK} (required), {@code optNInit} (10), {@code optMaxIter} (300), {@code optTol} (1e-4), {@code optSeed} (0). */
  public static final class Builder {
    private int k = -1;
    private int nInit = 10;
    private int maxIter = 300;
    private double tol = 1e-4;
    private long seed;

    /** Sets the number of clusters (required). */
    public Builder setK(int k) {
      this.k = k;
      return this;
    }

    /** Sets scikit-learn's {@code n_init}: how many seeded starts, the best kept. */
    public Builder optNInit(int n) {
      this.nInit = n;
      return this;
    }

    /** Sets scikit-learn's {@code max_iter}: the most Lloyd iterations per start. */
    public Builder optMaxIter(int n) {
      this.maxIter = n;
      return this;
    }

    /** Sets scikit-learn's {@code tol}: convergence when the centres move less (relative to the data's variance). */
    public Builder optTol(double tol) {
      this.tol = tol;
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the {@code KMeans}. */
    public KMeans build() {
      if (k < 1) {
        throw new IllegalArgumentException("k must be set and at least 1");
      }
      return new KMeans(this);
    }
  }
}
