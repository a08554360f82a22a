package libsvm;

import java.util.stream.IntStream;

/**
 * The one-class SVM's dual (Schölkopf et al. 2001) solved by LIBSVM's own {@code Solver} (the SMO
 * of Fan, Chen and Lin, JMLR 6, 2005, with shrinking), exactly as {@code svm_train} solves it — the
 * same start ({@code alpha_i = 1} for the first {@code floor(nu l)} rows, the remainder on the next),
 * the same kernel values in the same order of summation, the same cache — but with the kernel
 * matrix's columns computed from a dense float matrix on every core instead of from LIBSVM's node
 * arrays on one. This class sits in LIBSVM's package because {@code Solver}, {@code QMatrix} and
 * {@code Cache} are package-private there; it uses nothing else of LIBSVM's internals.
 */
public final class DenseOneClass {
  static {
    svm.svm_set_print_string_function(s -> { });
  }

  /** Columns shorter than this are computed on the calling thread. */
  private static final int PARALLEL_FROM = 4096;

  private DenseOneClass() {}

  /** The dual solution: {@code alpha_i} per row (0 outside the support vectors) and {@code rho}. */
  public record Solution(double[] alpha, double rho) {}

  /**
   * Solves the one-class SVM on {@code rows} rows of {@code width} values (row-major).
   *
   * @param linear a linear kernel {@code x.y}; else RBF {@code exp(-gamma |x - y|^2)}
   * @param eps the stopping tolerance on the maximal violating pair (LIBSVM's {@code eps})
   * @param cacheMb the kernel cache in megabytes (LIBSVM's {@code cache_size})
   */
  public static Solution solve(float[] x, int rows, int width, boolean linear, double gamma, double nu, double eps,
      double cacheMb) {
    int l = rows;
    double[] alpha = new double[l];
    int n = (int) (nu * l);
    for (int i = 0; i < n; i++) {
      alpha[i] = 1;
    }
    if (n < l) {
      alpha[n] = nu * l - n;
    }
    double[] zeros = new double[l];
    byte[] ones = new byte[l];
    java.util.Arrays.fill(ones, (byte) 1);
    Solver.SolutionInfo si = new Solver.SolutionInfo();
    new Solver().Solve(l, new DenseQ(x, l, width, linear, gamma, cacheMb), zeros, ones, alpha, 1.0, 1.0, eps, si, 1);
    return new Solution(alpha, si.rho);
  }

  /** {@code Q_ij = K(x_i, x_j)} for the one-class problem, LIBSVM's {@code ONE_CLASS_Q} on dense rows. */
  private static final class DenseQ extends QMatrix {
    private final float[] x;
    private final int width;
    private final boolean linear;
    private final double gamma;
    /** {@code idx[i]}: the row now at position i (the solver swaps positions as it shrinks). */
    private final int[] idx;
    /** {@code |x_r|^2} by row. */
    private final double[] square;
    private final double[] qd;
    private final Cache cache;

    DenseQ(float[] x, int l, int width, boolean linear, double gamma, double cacheMb) {
      this.x = x;
      this.width = width;
      this.linear = linear;
      this.gamma = gamma;
      idx = new int[l];
      square = new double[l];
      qd = new double[l];
      for (int i = 0; i < l; i++) {
        idx[i] = i;
        square[i] = dot(i, i);
      }
      for (int i = 0; i < l; i++) {
        qd[i] = kernel(i, i);
      }
      cache = new Cache(l, (long) (cacheMb * (1 << 20)));
    }

    /** LIBSVM's {@code dot}: products of the float values in double, summed in column order. */
    private double dot(int a, int b) {
      double s = 0;
      int oa = a * width;
      int ob = b * width;
      for (int k = 0; k < width; k++) {
        s += (double) x[oa + k] * x[ob + k];
      }
      return s;
    }

    /** LIBSVM's {@code kernel_function} of rows a and b. */
    private double kernel(int a, int b) {
      return fromDot(a, b, dot(a, b));
    }

    @Override
    float[] get_Q(int i, int len) {
      float[][] data = new float[1][];
      int start = cache.get_data(i, data, len);
      if (start < len) {
        float[] d = data[0];
        int a = idx[i];
        if (len - start < PARALLEL_FROM) {
          column(a, start, len, d);
        } else {
          int chunks = 16;
          IntStream.range(0, chunks).parallel().forEach(c -> column(a, start + (int) ((long) (len - start) * c / chunks),
              start + (int) ((long) (len - start) * (c + 1) / chunks), d));
        }
      }
      return data[0];
    }

    /**
     * {@code d[j] = K(x_a, x_idx[j])} for j in [from, to): four rows at a time, four independent
     * dot products, each summed in column order as {@link #dot} sums it (the same values).
     */
    private void column(int a, int from, int to, float[] d) {
      int oa = a * width;
      int j = from;
      for (; j + 4 <= to; j += 4) {
        int o0 = idx[j] * width;
        int o1 = idx[j + 1] * width;
        int o2 = idx[j + 2] * width;
        int o3 = idx[j + 3] * width;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < width; k++) {
          double v = x[oa + k];
          s0 += v * x[o0 + k];
          s1 += v * x[o1 + k];
          s2 += v * x[o2 + k];
          s3 += v * x[o3 + k];
        }
        d[j] = (float) fromDot(a, idx[j], s0);
        d[j + 1] = (float) fromDot(a, idx[j + 1], s1);
        d[j + 2] = (float) fromDot(a, idx[j + 2], s2);
        d[j + 3] = (float) fromDot(a, idx[j + 3], s3);
      }
      for (; j < to; j++) {
        d[j] = (float) kernel(a, idx[j]);
      }
    }

    /** The kernel of rows a and b from their dot product. */
    private double fromDot(int a, int b, double dot) {
      return linear ? dot : Math.exp(-gamma * (square[a] + square[b] - 2 * dot));
    }

    @Override
    double[] get_QD() {
      return qd;
    }

    @Override
    void swap_index(int i, int j) {
      cache.swap_index(i, j);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      double q = qd[i];
      qd[i] = qd[j];
      qd[j] = q;
    }
  }
}
