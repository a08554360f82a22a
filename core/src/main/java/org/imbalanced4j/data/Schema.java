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
  private final int targetColumn;
  private final ImageShape imageShape;

  /** A schema whose target is the last column. */
  public Schema(List<Feature> features, String targetName, List<String> classNames) {
    this(features, targetName, classNames, features.size());
  }

  /**
   * A schema whose target stood at position {@code targetColumn} (0 = first) among the source
   * file's columns; writers put it back there.
   */
  public Schema(List<Feature> features, String targetName, List<String> classNames, int targetColumn) {
    this(features, targetName, classNames, targetColumn, null);
  }

  private Schema(List<Feature> features, String targetName, List<String> classNames, int targetColumn,
      ImageShape imageShape) {
    this.imageShape = imageShape;
    if (targetColumn < 0 || targetColumn > features.size()) {
      throw new IllegalArgumentException("target column " + targetColumn + " is not in 0.." + features.size());
    }
    this.targetColumn = targetColumn;
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

  /**
   * This schema for rows that stand for images of {@code shape}: each row's one feature is the
   * index of its image in the data set's {@link Dataset#images()}.
   */
  public Schema withImageShape(ImageShape shape) {
    return new Schema(features, targetName, classNames, targetColumn, shape);
  }

  /** The shape of the images the rows stand for, or null for a table. */
  public ImageShape imageShape() {
    return imageShape;
  }

  /** Whether the rows are images (pixels as features, with an {@link ImageShape}). */
  public boolean isImages() {
    return imageShape != null;
  }

  /** The features, in column order. */
  public List<Feature> features() {
    return features;
  }

  /** The feature of column {@code j}. */
  public Feature feature(int j) {
    return features.get(j);
  }

  /** How many features. */
  public int featureCount() {
    return features.size();
  }

  /** The feature names, in column order. */
  public List<String> featureNames() {
    return features.stream().map(Feature::name).toList();
  }

  /** The target column's name. */
  public String targetName() {
    return targetName;
  }

  /** The target's position among all columns (features and target) of the source file. */
  public int targetColumn() {
    return targetColumn;
  }

  /** The names of all columns in file order, the target at {@link #targetColumn()}. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>(featureNames());
    names.add(targetColumn, targetName);
    return names;
  }

  /** The class names, in code order. */
  public List<String> classNames() {
    return classNames;
  }

  /** How many classes. */
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

  /** Whether any feature is categorical. */
  public boolean hasCategorical() {
    return features.stream().anyMatch(Feature::isCategorical);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s
        && features.equals(s.features)
        && targetName.equals(s.targetName)
        && targetColumn == s.targetColumn
        && classNames.equals(s.classNames)
        && Objects.equals(imageShape, s.imageShape);
  }

  @Override
  public int hashCode() {
    return Objects.hash(features, targetName, classNames, targetColumn, imageShape);
  }

  @Override
  public String toString() {
    return "Schema" + featureNames() + " -> " + targetName + classNames;
  }
}
