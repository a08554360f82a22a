package org.imbalanced4j.djl.training;

/**
 * The learning rate at a point of training: {@code epoch} (0-based) and the fraction of the epoch
 * done. Schedules: constant; step decay ({@code lr * gamma^floor(epoch / every)}); cosine
 * annealing to 0 after a linear warm-up (Loshchilov and Hutter, "SGDR: stochastic gradient descent
 * with warm restarts", ICLR 2017; Goyal et al., "Accurate, large minibatch SGD", 2017).
 */
@FunctionalInterface
public interface LearningRate {
  /** The rate at {@code fraction} of the way through {@code epoch} (0-based). */
  float at(int epoch, double fraction);

  /** The same rate throughout. */
  static LearningRate constant(float lr) {
    return (e, f) -> lr;
  }

  /** The rate times {@code gamma} every {@code every} epochs. */
  static LearningRate step(float lr, int every, float gamma) {
    return (e, f) -> (float) (lr * Math.pow(gamma, e / Math.max(1, every)));
  }

  /** Linear warm-up over {@code warmup} epochs, then cosine from {@code lr} to 0 at {@code epochs}. */
  static LearningRate cosine(float lr, int epochs, int warmup) {
    return (e, f) -> {
      double t = e + f;
      if (t < warmup) {
        return (float) (lr * (t + 1e-3) / warmup);
      }
      double span = Math.max(1e-9, epochs - warmup);
      return (float) (lr * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, (t - warmup) / span))));
    };
  }
}
