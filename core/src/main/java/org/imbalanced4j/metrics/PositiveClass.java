package org.imbalanced4j.metrics;

import java.util.List;
import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;

/**
 * Which of two classes is the positive one, as {@code imb evaluate} decides it everywhere: the one
 * given; else a class named {@code 1}, {@code true}, {@code yes}, {@code pos} or {@code positive};
 * else the smaller class (the first on a tie).
 */
public final class PositiveClass {
  private PositiveClass() {}

  /**
   * The code of the positive class.
   *
   * @param given the class name the user gave, or null
   * @throws InvalidOptionException when {@code given} names no class
   */
  public static int choose(List<String> names, long[] counts, String given) {
    if (given != null) {
      int i = names.indexOf(given);
      if (i < 0) {
        throw InvalidOptionException.unknown("positive label", given, names);
      }
      return i;
    }
    for (String cand : List.of("1", "true", "yes", "pos", "positive")) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).toLowerCase(Locale.ROOT).equals(cand)) {
          return i;
        }
      }
    }
    return counts[1] < counts[0] ? 1 : 0;
  }
}
