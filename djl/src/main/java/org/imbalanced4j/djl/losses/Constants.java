package org.imbalanced4j.djl.losses;

import ai.djl.ndarray.NDArray;

/**
 * Constants of a loss, as scalar arrays owned by the batch's manager.
 *
 * <p>Never write {@code x.mul(2f)} in a loss: DJL makes that scalar from a Java direct buffer and
 * closes it as soon as the product is computed, but autograd keeps the scalar for the backward
 * pass (a product keeps its factors, a power its exponent). Once the garbage collector has freed
 * the buffer, the backward pass reads whatever lies there, and training silently diverges or
 * turns to NaN (seen with a small heap). An array from {@link #of} lives as long as the batch's
 * manager, which closes after the backward pass.
 */
final class Constants {
  private Constants() {}

  /** {@code value} as a float scalar in {@code like}'s manager. */
  static NDArray of(NDArray like, double value) {
    return like.getManager().create((float) value);
  }
}
