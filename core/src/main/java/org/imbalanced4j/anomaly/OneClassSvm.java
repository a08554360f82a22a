package org.imbalanced4j.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.stream.IntStream;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_parameter;
import org.imbalanced4j.svm.LibSvm;

/**
 * The one-class SVM (Schölkopf, Platt, Shawe-Taylor, Smola and Williamson, "Estimating the support
 * of a high-dimensional distribution", Neural Computation 13, 2001) on LIBSVM's Java port, as
 * scikit-learn's {@code OneClassSVM} runs the same solver: {@code nu} bounds the share of training
 * rows outside the support, the kernel is RBF with {@code gamma} ({@code scale}: {@code 1 / (width
 * var(X))}) or linear. Its decision function is {@code f(x) = sum_i alpha_i K(x_i, x) - rho}
 * (scikit-learn's {@code decision_function}); the anomaly score is {@code -f(x)}, above 0 outside the
 * estimated support.
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
    svm_parameter p = LibSvm.rbf(svm_parameter.ONE_CLASS, Double.isNaN(gamma) ? LibSvm.scaleGamma(x, rows, width) : gamma);
    p.nu = nu;
    p.eps = tol;
    if (linear) {
      p.kernel_type = svm_parameter.LINEAR;
    }
    return new Model(svm.svm_train(LibSvm.problem(x, rows, width, null), p), width);
  }

  /** A fitted one-class SVM. */
  static final class Model implements Fitted {
    private final svm_model model;
    private final int width;

    Model(svm_model model, int width) {
      this.model = model;
      this.width = width;
    }

    /** {@code f(x)} of each row: scikit-learn's {@code decision_function}. */
    double[] decision(float[] x, int rows) {
      double[] out = new double[rows];
      IntStream.range(0, rows).parallel().forEach(i -> {
        double[] v = new double[1];
        svm.svm_predict_values(model, LibSvm.row(x, i * width, width), v);
        out[i] = v[0];
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

    /** The support vectors, their coefficients, rho and the kernel: what {@code f(x)} needs. */
    @Override
    public void write(DataOutputStream out) throws IOException {
      out.writeInt(width);
      out.writeInt(model.param.kernel_type);
      out.writeDouble(model.param.gamma);
      out.writeDouble(model.rho[0]);
      out.writeInt(model.l);
      for (int i = 0; i < model.l; i++) {
        out.writeDouble(model.sv_coef[0][i]);
        for (libsvm.svm_node node : model.SV[i]) {
          out.writeDouble(node.value);
        }
      }
    }

    static Model read(DataInputStream in, int width) throws IOException {
      int w = in.readInt();
      int kernel = in.readInt();
      double gamma = in.readDouble();
      double rho = in.readDouble();
      int l = in.readInt();
      if (w != width || l < 0 || l > 1 << 26 || (kernel != svm_parameter.RBF && kernel != svm_parameter.LINEAR)) {
        throw new IOException("a one-class SVM of " + l + " support vectors on " + w + " inputs (expected " + width
            + ")");
      }
      svm_model m = new svm_model();
      m.param = LibSvm.rbf(svm_parameter.ONE_CLASS, gamma);
      m.param.kernel_type = kernel;
      m.nr_class = 2;
      m.l = l;
      m.rho = new double[] {rho};
      m.sv_coef = new double[1][l];
      m.SV = new libsvm.svm_node[l][];
      float[] row = new float[width];
      for (int i = 0; i < l; i++) {
        m.sv_coef[0][i] = in.readDouble();
        for (int j = 0; j < width; j++) {
          row[j] = (float) in.readDouble();
        }
        m.SV[i] = LibSvm.row(row, 0, width);
      }
      return new Model(m, width);
    }
  }
}
