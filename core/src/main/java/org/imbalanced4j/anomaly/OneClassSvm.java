package org.imbalanced4j.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.stream.IntStream;
import libsvm.DenseOneClass;
import org.imbalanced4j.svm.LibSvm;

/**
 * The one-class SVM (Schölkopf, Platt, Shawe-Taylor, Smola and Williamson, "Estimating the support
 * of a high-dimensional distribution", Neural Computation 13, 2001) on LIBSVM's Java port, as
 * scikit-learn's {@code OneClassSVM} runs the same solver: {@code nu} bounds the share of training
 * rows outside the support, the kernel is RBF with {@code gamma} ({@code scale}: {@code 1 / (width
 * var(X))}) or linear. Its decision function is {@code f(x) = sum_i alpha_i K(x_i, x) - rho}
 * (scikit-learn's {@code decision_function}); the anomaly score is {@code -f(x)}, above 0 outside the
 * estimated support. LIBSVM's solver runs on kernel columns computed on all cores ({@link
 * DenseOneClass}); the solution is the one {@code svm_train} finds.
 */
public final class OneClassSvm implements Detector {
  private final double nu;
  private final boolean linear;
  private final double gamma;
  private final double tol;

  /**
   * @param gamma the RBF width, or NaN for {@code scale}
   * @param tol the solver's stopping tolerance (scikit-learn's default 1e-3)
   */
  public OneClassSvm(double nu, boolean linear, double gamma, double tol) {
    if (!(nu > 0 && nu <= 1)) {
      throw new IllegalArgumentException("nu must be in (0, 1], got " + nu);
    }
    this.nu = nu;
    this.linear = linear;
    this.gamma = gamma;
    this.tol = tol;
  }

  @Override
  public String name() {
    return "ocsvm";
  }

  @Override
  public Fitted fit(float[] x, int rows, int width, long seed) {
    double g = linear ? 0 : Double.isNaN(gamma) ? LibSvm.scaleGamma(x, rows, width) : gamma;
    DenseOneClass.Solution s = DenseOneClass.solve(x, rows, width, linear, g, nu, tol, LibSvm.CACHE_MB);
    int l = 0;
    for (double a : s.alpha()) {
      l += a != 0 ? 1 : 0;
    }
    float[] sv = new float[l * width];
    double[] coef = new double[l];
    for (int i = 0, j = 0; i < rows; i++) {
      if (s.alpha()[i] != 0) {
        System.arraycopy(x, i * width, sv, j * width, width);
        coef[j++] = s.alpha()[i];
      }
    }
    return new Model(sv, coef, s.rho(), linear, g, width);
  }

  /**
   * A fitted one-class SVM: its support vectors (dense), their coefficients, {@code rho} and the
   * kernel, scored on all cores with LIBSVM's {@code k_function} (RBF: {@code exp(-gamma sum_k (x_k
   * - s_k)^2)}, summed in column order, then over the support vectors in order).
   */
  static final class Model implements Fitted {
    private static final int RBF = 2;
    private static final int LINEAR = 0;
    private final float[] sv;
    private final double[] coef;
    private final double rho;
    private final boolean linear;
    private final double gamma;
    private final int width;

    Model(float[] sv, double[] coef, double rho, boolean linear, double gamma, int width) {
      this.sv = sv;
      this.coef = coef;
      this.rho = rho;
      this.linear = linear;
      this.gamma = gamma;
      this.width = width;
    }

    /** {@code f(x)} of each row: scikit-learn's {@code decision_function}. */
    double[] decision(float[] x, int rows) {
      double[] out = new double[rows];
      IntStream.range(0, (rows + 63) / 64).parallel().forEach(b -> {
        for (int i = b * 64, end = Math.min(rows, (b + 1) * 64); i < end; i++) {
          int o = i * width;
          double sum = 0;
          int s = 0;
          if (!linear) { // four support vectors at a time: four independent sums, each in column order
            for (; s + 4 <= coef.length; s += 4) {
              int q = s * width;
              double k0 = 0;
              double k1 = 0;
              double k2 = 0;
              double k3 = 0;
              for (int c = 0; c < width; c++) {
                double v = x[o + c];
                double d0 = v - sv[q + c];
                double d1 = v - sv[q + width + c];
                double d2 = v - sv[q + 2 * width + c];
                double d3 = v - sv[q + 3 * width + c];
                k0 += d0 * d0;
                k1 += d1 * d1;
                k2 += d2 * d2;
                k3 += d3 * d3;
              }
              sum += coef[s] * Math.exp(-gamma * k0);
              sum += coef[s + 1] * Math.exp(-gamma * k1);
              sum += coef[s + 2] * Math.exp(-gamma * k2);
              sum += coef[s + 3] * Math.exp(-gamma * k3);
            }
          }
          for (; s < coef.length; s++) {
            int q = s * width;
            double k = 0;
            if (linear) {
              for (int c = 0; c < width; c++) {
                k += (double) x[o + c] * sv[q + c];
              }
            } else {
              for (int c = 0; c < width; c++) {
                double d = (double) x[o + c] - sv[q + c];
                k += d * d;
              }
              k = Math.exp(-gamma * k);
            }
            sum += coef[s] * k;
          }
          out[i] = sum - rho;
        }
      });
      return out;
    }

    @Override
    public double[] anomaly(float[] x, int rows) {
      double[] f = decision(x, rows);
      for (int i = 0; i < rows; i++) {
        f[i] = -f[i];
      }
      return f;
    }

    @Override
    public double defaultCut() {
      return 0; // outside the support: f(x) < 0
    }

    @Override
    public String name() {
      return "ocsvm";
    }

    /** The support vectors, their coefficients, rho and the kernel (LIBSVM's kernel codes): what {@code f(x)} needs. */
    @Override
    public void write(DataOutputStream out) throws IOException {
      out.writeInt(width);
      out.writeInt(linear ? LINEAR : RBF);
      out.writeDouble(gamma);
      out.writeDouble(rho);
      out.writeInt(coef.length);
      for (int i = 0; i < coef.length; i++) {
        out.writeDouble(coef[i]);
        for (int j = 0; j < width; j++) {
          out.writeDouble(sv[i * width + j]);
        }
      }
    }

    static Model read(DataInputStream in, int width) throws IOException {
      int w = in.readInt();
      int kernel = in.readInt();
      double gamma = in.readDouble();
      double rho = in.readDouble();
      int l = in.readInt();
      if (w != width || l < 0 || (long) l * (width + 1) * 8 > in.available() || (kernel != RBF && kernel != LINEAR)) {
        throw new IOException("a one-class SVM of " + l + " support vectors on " + w + " inputs (expected " + width
            + ")");
      }
      float[] sv = new float[l * width];
      double[] coef = new double[l];
      for (int i = 0; i < l; i++) {
        coef[i] = in.readDouble();
        for (int j = 0; j < width; j++) {
          sv[i * width + j] = (float) in.readDouble();
        }
      }
      return new Model(sv, coef, rho, kernel == LINEAR, gamma, width);
    }
  }
}
