package org.imbalanced4j.optim;

/**
 * A twice-differentiable convex function for {@link TrustRegionNewton}, evaluated as a trust-region
 * Newton method asks: the value at a trial point, then (if the point is accepted) the gradient there,
 * then products of the Hessian at that accepted point with directions.
 *
 * <p>The contract is stateful, as in LIBLINEAR's function objects: {@link #gradient} is taken at
 * the last point given to {@link #value}, and {@link #hessianTimes} at the last point whose gradient
 * was taken (a rejected trial point between them does not move it).
 */
public interface SmoothObjective {
  /** Number of variables. */
  int dimension();

  /** {@code f(x)}; remembers {@code x} for the next {@link #gradient}. */
  double value(double[] x);

  /** Writes {@code grad f} at the last point given to {@link #value} into {@code out}. */
  void gradient(double[] out);

  /** Writes {@code H v}, H the Hessian at the last point whose gradient was taken, into {@code out}. */
  void hessianTimes(double[] v, double[] out);
}
