package org.imbalanced4j.experiment;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Fits that candidates of one split share: the argmax and tuned-threshold variants of a resampler
 * and learner ({@link Candidate#fit()}) fit the same model on the same rows with the same seed,
 * so the first to ask fits it and the other waits for it or takes it. Thread-safe. A caller
 * makes one per split (or per round of rows) and drops it when that round is done, which frees
 * the models.
 */
public final class SharedFits {
  private final ConcurrentHashMap<String, FutureTask<Object>> fits = new ConcurrentHashMap<>();

  /** The value for {@code key}, computed by {@code fit} once; a failure is every caller's failure. */
  @SuppressWarnings("unchecked")
  <T> T get(String key, Supplier<T> fit) {
    FutureTask<Object> task = fits.computeIfAbsent(key, k -> new FutureTask<>(fit::get));
    task.run(); // runs the fit once; another caller returns at once and waits below
    try {
      return (T) task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted while waiting for a shared fit");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
