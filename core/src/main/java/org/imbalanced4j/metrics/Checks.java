package org.imbalanced4j.metrics;

import org.imbalanced4j.DataException;

/** Input checks shared by the metrics; each says what is wrong in the user's terms. */
final class Checks {
  private Checks() {}

  static void sameLength(int a, int b) {
    if (a != b) {
      throw new DataException("y_true has " + a + " values but the predictions have " + b);
    }
  }

  static void finite(double[] scores) {
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new DataException("score " + i + " is " + scores[i] + "; scores must be finite numbers");
      }
    }
  }
}
