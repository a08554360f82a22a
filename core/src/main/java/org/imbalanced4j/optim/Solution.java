package org.imbalanced4j.optim;

/**
 * Where a minimisation stopped.
 *
 * @param x the point (a copy)
 * @param value {@code f(x)}
 * @param gradientNorm {@code max_i |grad f(x)_i|}
 * @param iterations accepted Newton steps
 * @param converged whether {@code gradientNorm} reached the tolerance (false: stopped at the
 *     iteration cap, or could make no further progress before reaching it)
 */
public record Solution(double[] x, double value, double gradientNorm, int iterations, boolean converged) {
  /** Checks the solution is finite. */
  public Solution {
    x = x.clone();
  }

  /** The minimiser found, a copy. */
  @Override
  public double[] x() {
    return x.clone();
  }
}
