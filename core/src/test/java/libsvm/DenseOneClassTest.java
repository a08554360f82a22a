package libsvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.imbalanced4j.svm.LibSvm;
import org.junit.jupiter.api.Test;

/**
 * LIBSVM's solver on dense kernel columns computed on all cores finds exactly what {@code
 * svm_train} finds on LIBSVM's own node arrays: the same coefficient for every row and the same
 * {@code rho}, on a problem large enough for the columns to be split across threads and the
 * solver to shrink, RBF and linear.
 */
class DenseOneClassTest {
  @Test
  void solvesAsSvmTrain() {
    int rows = 6000;
    int width = 4;
    Random r = new Random(3);
    float[] x = new float[rows * width];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextGaussian() * (i % width + 1));
    }
    for (boolean linear : new boolean[] {false, true}) {
      double gamma = LibSvm.scaleGamma(x, rows, width);
      svm_parameter p = LibSvm.rbf(svm_parameter.ONE_CLASS, gamma);
      p.nu = 0.3;
      if (linear) {
        p.kernel_type = svm_parameter.LINEAR;
      }
      svm_model m = svm.svm_train(LibSvm.problem(x, rows, width, null), p);
      DenseOneClass.Solution s = DenseOneClass.solve(x, rows, width, linear, gamma, 0.3, p.eps, LibSvm.CACHE_MB);
      assertThat(s.rho()).isEqualTo(m.rho[0]);
      double[] alpha = new double[rows];
      for (int i = 0; i < m.l; i++) {
        alpha[m.sv_indices[i] - 1] = m.sv_coef[0][i];
      }
      assertThat(s.alpha()).containsExactly(alpha);
      assertThat(m.l).isGreaterThan(rows / 4);
    }
  }
}
