package org.imbalanced4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The columns of a {@link Dataset}: its features, the name of the target column and the class
 * names in code order (class {@code k} is {@code classNames().get(k)}).
 *
 * <p>Immutable.
 */
public final class Schema {
  private final List<Feature> features;
  private final String targetName;
  private final List<String> classNames;

  public Schema(List<Feature> features, String targetName, List<String> classNames) {
    this.features = List.copyOf(features);
    this.targetName = Objects.requireNonNull(targetName, "targetName");
    this.classNames = List.copyOf(classNames);
    if (this.classNames.size() != this.classNames.stream().distinct().count()) {
      throw new IllegalArgumentException("class names must be distinct: " + classNames);
    }
  }

  /** A schema of numeric features named {@code x0..x(d-1)}. */
  public static Schema numeric(int featureCount, String targetName, List<String> classNames) {
    List<Feature> fs = new ArrayList<>(featureCount);
    for (int j = 0; j < featureCount; j++) {
      fs.add(Feature.numeric("x" + j));
    }
    return new Schema(fs, targetName, classNames);
  }

  public List<Feature> features() {
    return features;
  }

  public Feature feature(int j) {
    return features.get(j);
  }

  public int featureCount() {
    return features.size();
  }

  public List<String> featureNames() {
    return features.stream().map(Feature::name).toList();
  }

  public String targetName() {
    return targetName;
  }

  public List<String> classNames() {
    return classNames;
  }

  public int classCount() {
    return classNames.size();
  }

  /** The code of a class name, or -1. */
  public int classIndex(String name) {
    return classNames.indexOf(name);
  }

  /** Indices of the categorical features, in column order. */
  public int[] categoricalIndices() {
    int[] idx = new int[features.size()];
    int n = 0;
    for (int j = 0; j < features.size(); j++) {
      if (features.get(j).isCategorical()) {
        idx[n++] = j;
      }
    }
    return java.util.Arrays.copyOf(idx, n);
  }

  public boolean hasCategorical() {
    return features.stream().anyMatch(Feature::isCategorical);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s
        && features.equals(s.features)
        && targetName.equals(s.targetName)
        && classNames.equals(s.classNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(features, targetName, classNames);
  }

  @Override
  public String toString() {
    return "Schema" + featureNames() + " -> " + targetName + classNames;
  }
}
