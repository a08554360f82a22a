package org.imbalanced4j.spark.sampling;

import java.util.function.Supplier;

/** A value made on first use and kept: the same object for every caller, made once. */
public final class Once<T> implements Supplier<T> {
  private Supplier<T> make;
  private T value;

  /** A value that {@code make} makes on first use. */
  public Once(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public synchronized T get() {
    if (make != null) {
      value = make.get();
      make = null;
    }
    return value;
  }
}
