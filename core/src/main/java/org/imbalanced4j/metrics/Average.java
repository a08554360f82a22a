package org.imbalanced4j.metrics;

import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;

/** How per-class values are combined, as scikit-learn's {@code average} parameter. */
public enum Average {
  /** The value of the positive class only. */
  BINARY,
  /** From the summed counts of all classes. */
  MICRO,
  /** The unweighted mean over classes. */
  MACRO,
  /** The mean over classes weighted by their support. */
  WEIGHTED;

  /** The average of scikit-learn's {@code average} value, such as {@code macro}. */
  public static Average parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidOptionException.unknown("average", s, java.util.List.of("binary", "micro", "macro", "weighted"));
    }
  }

  /** The name used in metric keys, such as {@code macro}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
