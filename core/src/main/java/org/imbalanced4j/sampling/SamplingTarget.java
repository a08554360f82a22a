package org.imbalanced4j.sampling;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolved sampling strategy: for each targeted class (by code, ascending), the number of rows
 * to add (over-sampling), to keep (under-sampling) or the smallest class's size (cleaning, where
 * only the class set matters). Immutable.
 */
public final class SamplingTarget {
  private final int[] classes;
  private final int[] values;

  /** A target from the number for each class code. */
  public SamplingTarget(Map<Integer, Integer> byClass) {
    this.classes = byClass.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    this.values = Arrays.stream(classes).map(byClass::get).toArray();
  }

  /** Targeted class codes, ascending. */
  public int[] classes() {
    return classes.clone();
  }

  /** Whether the class is targeted. */
  public boolean targets(int classCode) {
    return Arrays.binarySearch(classes, classCode) >= 0;
  }

  /** The number for a targeted class. */
  public int get(int classCode) {
    int i = Arrays.binarySearch(classes, classCode);
    if (i < 0) {
      throw new IllegalArgumentException("class " + classCode + " is not targeted");
    }
    return values[i];
  }

  /** Class name to number, for messages and reports. */
  public Map<String, Integer> named(List<String> classNames) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < classes.length; i++) {
      m.put(classNames.get(classes[i]), values[i]);
    }
    return m;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < classes.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(classes[i]).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }
}
