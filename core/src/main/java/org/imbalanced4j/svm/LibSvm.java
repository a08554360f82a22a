package org.imbalanced4j.svm;

import libsvm.svm;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * What every use of LIBSVM's Java port (Chang and Lin, ACM TIST 2, 2011) here shares: a dense
 * problem from row-major values, scikit-learn's {@code gamma='scale'} and its defaults (tolerance
 * 1e-3, shrinking, 200 MB kernel cache), with LIBSVM's progress printing silenced.
 */
public final class LibSvm {
  static {
    svm.svm_set_print_string_function(s -> { });
  }

  private LibSvm() {}

  /** scikit-learn's kernel cache, megabytes. */
  public static final double CACHE_MB = 200;

  /** A problem of {@code rows} rows of {@code width} values (every value a node, zeros too, as scikit-learn's dense LIBSVM). */
  public static svm_problem problem(float[] x, int rows, int width, double[] y) {
    svm_problem p = new svm_problem();
    p.l = rows;
    p.y = y == null ? new double[rows] : y;
    p.x = new svm_node[rows][];
    for (int i = 0; i < rows; i++) {
      p.x[i] = row(x, i * width, width);
    }
    return p;
  }

  /** One row as LIBSVM nodes, indices from 1. */
  public static svm_node[] row(float[] x, int offset, int width) {
    svm_node[] r = new svm_node[width];
    for (int j = 0; j < width; j++) {
      r[j] = new svm_node();
      r[j].index = j + 1;
      r[j].value = x[offset + j];
    }
    return r;
  }

  /** scikit-learn's {@code gamma='scale'}: {@code 1 / (width * var(X))} over all values; 1 when they are constant. */
  public static double scaleGamma(float[] x, int rows, int width) {
    double sum = 0;
    double sum2 = 0;
    long n = (long) rows * width;
    for (long i = 0; i < n; i++) {
      double v = x[(int) i];
      sum += v;
      sum2 += v * v;
    }
    double mean = sum / n;
    double var = sum2 / n - mean * mean;
    return var > 0 ? 1.0 / (width * var) : 1.0;
  }

  /** Parameters with scikit-learn's defaults for an RBF kernel of {@code gamma}. */
  public static svm_parameter rbf(int type, double gamma) {
    svm_parameter p = new svm_parameter();
    p.svm_type = type;
    p.kernel_type = svm_parameter.RBF;
    p.gamma = gamma;
    p.C = 1;
    p.nu = 0.5;
    p.eps = 1e-3;
    p.cache_size = CACHE_MB;
    p.shrinking = 1;
    p.probability = 0;
    p.nr_weight = 0;
    p.weight_label = new int[0];
    p.weight = new double[0];
    return p;
  }
}
