package org.imbalanced4j.split;

/**
 * One train/test partition of row indices. Arrays are copied in and out.
 *
 * @param repeat the repetition (0 for a single run)
 * @param fold the fold within the repetition
 */
public record Split(int repeat, int fold, int[] train, int[] test) {
  /** Copies the indices. */
  public Split {
    train = train.clone();
    test = test.clone();
  }

  /** The training rows' indices, a copy. */
  @Override
  public int[] train() {
    return train.clone();
  }

  /** The test rows' indices, a copy. */
  @Override
  public int[] test() {
    return test.clone();
  }

  @Override
  public String toString() {
    return "Split[repeat=" + repeat + ", fold=" + fold + ", train=" + train.length + ", test="
        + test.length + "]";
  }
}
