package org.imbalanced4j.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which string labels and categorical levels get their codes: sorted, as
 * scikit-learn's {@code np.unique} sorts them. When every value is a number (as pandas would read a
 * numeric target column) they are sorted by value ({@code "2" < "10"}); otherwise by their UTF-16
 * code units, which is NumPy's order for strings of the Basic Multilingual Plane.
 */
public final class Levels {
  private Levels() {}

  /** The distinct values in code order. */
  public static List<String> sorted(Collection<String> values) {
    List<String> out = new ArrayList<>(values.stream().distinct().toList());
    if (!out.isEmpty() && out.stream().allMatch(Levels::isNumber)) {
      out.sort(Comparator.comparing((String s) -> new BigDecimal(s.strip()))
          .thenComparing(Comparator.naturalOrder()));
    } else {
      out.sort(Comparator.naturalOrder());
    }
    return out;
  }

  static boolean isNumber(String s) {
    try {
      new BigDecimal(s.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
