package org.imbalanced4j.optim;

/**
 * Minimises a smooth convex function by a trust-region Newton method whose subproblem is solved by
 * conjugate gradients (TRON: C.-J. Lin, R. C. Weng and S. S. Keerthi, "Trust region Newton method
 * for large-scale logistic regression", Journal of Machine Learning Research 9, 2008; the solver of
 * LIBLINEAR). Only Hessian-vector products are needed, so an iteration costs a few passes over the
 * data whatever the number of variables. (LIBLINEAR's diagonal preconditioner was tried: on
 * standardised features it did not reduce the passes, and on a 7-class table it doubled them.)
 *
 * <p>Each iteration solves {@code min_s g.s + s.Hs/2} subject to {@code ||s|| <= delta} by
 * conjugate gradients until {@code ||Hs + g|| <= 0.1 ||g||} or the boundary is reached, accepts
 * {@code x + s} when the actual
 * reduction is at least {@code 1e-4} of the predicted one, and resizes {@code delta} by their ratio
 * (eta = 1e-4, 0.25, 0.75; sigma = 0.25, 0.5, 4). When the predicted reduction is too small for
 * {@code f} to resolve in double precision (below {@code 1e-12 |f|}), a step is accepted if it
 * lowers the gradient instead: a sum over a million rows is still accurate to that tolerance.
 *
 * <p>Stops when {@code max_i |grad f_i| <= tol}, the stopping rule of scikit-learn's {@code lbfgs}
 * solver (SciPy's projected-gradient test without bounds), or after {@code maxIter} iterations:
 * then {@link Solution#converged()} is false, as scikit-learn's {@code ConvergenceWarning} says.
 *
 * <pre>{@code
 * Solution s = TrustRegionNewton.builder().optTolerance(1e-4).optMaxIterations(100).build()
 *     .minimize(objective, new double[objective.dimension()]);
 * }</pre>
 */
public final class TrustRegionNewton {
  private static final double ETA0 = 1e-4;
  private static final double ETA1 = 0.25;
  private static final double ETA2 = 0.75;
  private static final double SIGMA1 = 0.25;
  private static final double SIGMA2 = 0.5;
  private static final double SIGMA3 = 4;
  private static final double CG_TOLERANCE = 0.1;
  /** Relative size of a reduction below which {@code f} alone cannot tell whether a step helped. */
  private static final double RESOLUTION = 1e-12;

  private final double tolerance;
  private final int maxIterations;

  private TrustRegionNewton(double tolerance, int maxIterations) {
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Minimises {@code f} from {@code x0} (not changed). */
  public Solution minimize(SmoothObjective f, double[] x0) {
    int n = f.dimension();
    double[] x = x0.clone();
    double[] g = new double[n];
    double[] gNew = new double[n];
    double[] s = new double[n];
    double[] r = new double[n];
    double[] xNew = new double[n];
    double fx = f.value(x);
    f.gradient(g);
    double gmax = maxAbs(g);
    double delta = norm(g);
    int accepted = 0;
    for (int it = 1; it <= maxIterations && gmax > tolerance; it++) {
      conjugateGradient(f, delta, g, s, r);
      for (int i = 0; i < n; i++) {
        xNew[i] = x[i] + s[i];
      }
      double gs = dot(g, s);
      double predicted = -0.5 * (gs - dot(s, r));
      double fNew = f.value(xNew);
      double actual = fx - fNew;
      double snorm = norm(s);
      if (it == 1) {
        delta = Math.min(delta, snorm);
      }
      if (predicted <= RESOLUTION * Math.abs(fx)) {
        // f cannot resolve the step: take it if the gradient shrinks
        f.gradient(gNew);
        if (maxAbs(gNew) < gmax) {
          accepted++;
          System.arraycopy(xNew, 0, x, 0, n);
          System.arraycopy(gNew, 0, g, 0, n);
          fx = fNew;
          gmax = maxAbs(g);
          continue;
        }
        f.value(x); // back to x for the Hessian; no step can be measured from here
        f.gradient(g);
        break;
      }
      double curvature = fNew - fx - gs;
      double alpha = curvature <= 0 ? SIGMA3 : Math.max(SIGMA1, -0.5 * (gs / curvature));
      if (actual < ETA0 * predicted) {
        delta = Math.min(Math.max(alpha, SIGMA1) * snorm, SIGMA2 * delta);
      } else if (actual < ETA1 * predicted) {
        delta = Math.max(SIGMA1 * delta, Math.min(alpha * snorm, SIGMA2 * delta));
      } else if (actual < ETA2 * predicted) {
        delta = Math.max(SIGMA1 * delta, Math.min(alpha * snorm, SIGMA3 * delta));
      } else {
        delta = Math.max(delta, Math.min(alpha * snorm, SIGMA3 * delta));
      }
      if (actual > ETA0 * predicted) {
        accepted++;
        System.arraycopy(xNew, 0, x, 0, n);
        fx = fNew;
        f.gradient(g);
        gmax = maxAbs(g);
      }
    }
    if (gmax > tolerance) {
      f.value(x); // leave the objective at the returned point
    }
    return new Solution(x, fx, gmax, accepted, gmax <= tolerance);
  }

  /**
   * Approximately solves {@code H s = -g} inside {@code ||s|| <= delta}; leaves the residual {@code
   * r = -g - H s} in {@code r}.
   */
  private static void conjugateGradient(SmoothObjective f, double delta, double[] g, double[] s, double[] r) {
    int n = g.length;
    double[] d = new double[n];
    double[] hd = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = 0;
      r[i] = -g[i];
      d[i] = r[i];
    }
    double rr = dot(r, r);
    double tol = CG_TOLERANCE * Math.sqrt(rr);
    int cap = Math.max(2 * n, 20);
    for (int it = 0; it < cap && Math.sqrt(rr) > tol; it++) {
      f.hessianTimes(d, hd);
      double dhd = dot(d, hd);
      if (!(dhd > 1e-16 * dot(d, d))) {
        return; // no curvature left along d
      }
      double alpha = rr / dhd;
      axpy(alpha, d, s);
      if (norm(s) > delta) {
        axpy(-alpha, d, s);
        double sd = dot(s, d);
        double ss = dot(s, s);
        double dd = dot(d, d);
        double dsq = delta * delta;
        double rad = Math.sqrt(Math.max(0, sd * sd + dd * (dsq - ss)));
        double step = sd >= 0 ? (dsq - ss) / (sd + rad) : (rad - sd) / dd;
        axpy(step, d, s);
        axpy(-step, hd, r);
        return;
      }
      axpy(-alpha, hd, r);
      double rrNew = dot(r, r);
      double beta = rrNew / rr;
      for (int i = 0; i < n; i++) {
        d[i] = r[i] + beta * d[i];
      }
      rr = rrNew;
    }
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /** Builder: {@code optTolerance} (1e-4, on {@code max |grad f|}), {@code optMaxIterations} (100). */
  public static final class Builder {
    private double tolerance = 1e-4;
    private int maxIterations = 100;

    /** Sets the stopping tolerance on the gradient's norm. */
    public Builder optTolerance(double tolerance) {
      if (!(tolerance > 0)) {
        throw new IllegalArgumentException("the tolerance must be positive, got " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /** Sets the most Newton iterations (a warning when reached). */
    public Builder optMaxIterations(int maxIterations) {
      if (maxIterations < 1) {
        throw new IllegalArgumentException("at least one iteration is needed, got " + maxIterations);
      }
      this.maxIterations = maxIterations;
      return this;
    }

    /** Builds the {@code TrustRegionNewton}. */
    public TrustRegionNewton build() {
      return new TrustRegionNewton(tolerance, maxIterations);
    }
  }
}
