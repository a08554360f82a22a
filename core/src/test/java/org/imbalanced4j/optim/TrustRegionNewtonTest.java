package org.imbalanced4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrustRegionNewtonTest {
  /** {@code f(x) = sum_i a_i (x_i - c_i)^2 / 2 + log(1 + e^{x_0 + x_1})}: smooth, convex, ill-scaled. */
  static final class Bowl implements SmoothObjective {
    final double[] a;
    final double[] c;
    double[] at;
    int hessianCalls;

    Bowl(double[] a, double[] c) {
      this.a = a;
      this.c = c;
    }

    @Override
    public int dimension() {
      return a.length;
    }

    @Override
    public double value(double[] x) {
      at = x.clone();
      double f = Math.log1p(Math.exp(x[0] + x[1]));
      for (int i = 0; i < a.length; i++) {
        f += a[i] * (x[i] - c[i]) * (x[i] - c[i]) / 2;
      }
      return f;
    }

    double sig() {
      return 1 / (1 + Math.exp(-(at[0] + at[1])));
    }

    double[] hessAt;

    @Override
    public void gradient(double[] out) {
      hessAt = at.clone();
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i] * (at[i] - c[i]);
      }
      out[0] += sig();
      out[1] += sig();
    }

    @Override
    public void hessianTimes(double[] v, double[] out) {
      hessianCalls++;
      double s = 1 / (1 + Math.exp(-(hessAt[0] + hessAt[1])));
      double q = s * (1 - s) * (v[0] + v[1]);
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i] * v[i];
      }
      out[0] += q;
      out[1] += q;
    }
  }

  @Test
  void findsTheMinimumToTheToleranceOnTheGradient() {
    Bowl f = new Bowl(new double[] {1, 1000, 0.01, 5}, new double[] {3, -2, 40, 0.5});
    Solution s = TrustRegionNewton.builder().optTolerance(1e-10).build().minimize(f, new double[4]);
    assertThat(s.converged()).isTrue();
    assertThat(s.gradientNorm()).isLessThanOrEqualTo(1e-10);
    double[] g = new double[4];
    f.value(s.x());
    f.gradient(g);
    for (double gi : g) {
      assertThat(Math.abs(gi)).isLessThanOrEqualTo(1e-10);
    }
    // coordinates 2 and 3 do not touch the log term: their minimum is c
    assertThat(s.x()[2]).isCloseTo(40, within(1e-6));
    assertThat(s.x()[3]).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void saysWhenItStopsAtTheIterationCap() {
    Bowl f = new Bowl(new double[] {1, 1000, 0.01, 5}, new double[] {3, -2, 40, 0.5});
    Solution s = TrustRegionNewton.builder().optMaxIterations(1).optTolerance(1e-12).build().minimize(f, new double[4]);
    assertThat(s.converged()).isFalse();
    assertThat(s.gradientNorm()).isGreaterThan(1e-12);
  }

  @Test
  void aStartAtTheMinimumTakesNoStep() {
    Bowl f = new Bowl(new double[] {1, 2}, new double[] {0, 0});
    Solution first = TrustRegionNewton.builder().optTolerance(1e-12).build().minimize(f, new double[2]);
    f.hessianCalls = 0;
    Solution again = TrustRegionNewton.builder().optTolerance(1e-6).build().minimize(f, first.x());
    assertThat(again.iterations()).isZero();
    assertThat(again.converged()).isTrue();
    assertThat(f.hessianCalls).isZero();
  }
}
