package org.imbalanced4j.model;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;

/**
 * Turns rows into model inputs, fitted on training rows only: numeric features to z-scores
 * {@code (x - mean) / sd} (sd 1 when constant), categorical features to one-hot columns. Immutable.
 */
public final class Standardizer {
  private final double[] mean;
  private final double[] sd;
  private final int[] levels; // 0 for numeric features
  private final int width;

  private Standardizer(double[] mean, double[] sd, int[] levels) {
    this.mean = mean;
    this.sd = sd;
    this.levels = levels;
    int w = 0;
    for (int l : levels) {
      w += l == 0 ? 1 : l;
    }
    this.width = w;
  }

  /** The mean and standard deviation of each numeric feature of {@code train}; categorical features one-hot. */
  public static Standardizer fit(Dataset train) {
    if (train.schema().isImages()) {
      throw new org.imbalanced4j.DataException("a learner of tables was given images (its rows are image indices)");
    }
    int d = train.features();
    double[] mean = new double[d];
    double[] sd = new double[d];
    int[] levels = new int[d];
    int n = train.rows();
    for (int j = 0; j < d; j++) {
      Feature f = train.schema().feature(j);
      if (f.isCategorical()) {
        levels[j] = f.levels().size();
        continue;
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += train.value(i, j);
      }
      mean[j] = s / n;
      double v = 0;
      for (int i = 0; i < n; i++) {
        double t = train.value(i, j) - mean[j];
        v += t * t;
      }
      sd[j] = Math.sqrt(v / n);
      if (sd[j] == 0) {
        sd[j] = 1;
      }
    }
    return new Standardizer(mean, sd, levels);
  }

  /** The fitted values, for a model file. */
  public java.util.Map<String, Object> toMap() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("mean", mean);
    m.put("sd", sd);
    m.put("levels", levels);
    return m;
  }

  /** The inverse of {@link #toMap()}, from its JSON form. */
  public static Standardizer read(com.fasterxml.jackson.databind.JsonNode n) {
    com.fasterxml.jackson.databind.JsonNode mean = n.get("mean");
    com.fasterxml.jackson.databind.JsonNode sd = n.get("sd");
    com.fasterxml.jackson.databind.JsonNode levels = n.get("levels");
    int d = mean.size();
    if (sd.size() != d || levels.size() != d) {
      throw new IllegalArgumentException("standardizer arrays of different lengths");
    }
    double[] m = new double[d];
    double[] s = new double[d];
    int[] l = new int[d];
    for (int j = 0; j < d; j++) {
      m[j] = mean.get(j).asDouble();
      s[j] = sd.get(j).asDouble();
      l[j] = levels.get(j).asInt();
    }
    return new Standardizer(m, s, l);
  }

  /**
   * For each input column c, the shift and scale with which it is made: {@code z_c = (x - shift[c])
   * / scale[c]}; a numeric feature's mean and sd, a one-hot column's 0 and 1.
   */
  public double[][] shiftsAndScales() {
    double[] shift = new double[width];
    double[] scale = new double[width];
    int at = 0;
    for (int j = 0; j < levels.length; j++) {
      if (levels[j] == 0) {
        shift[at] = mean[j];
        scale[at++] = sd[j];
      } else {
        for (int l = 0; l < levels[j]; l++) {
          scale[at++] = 1;
        }
      }
    }
    return new double[][] {shift, scale};
  }

  /** Number of input columns. */
  public int width() {
    return width;
  }

  /**
   * The input columns with the numeric features' first and the one-hot columns after them, each in
   * feature order: the layout of scikit-learn's {@code ColumnTransformer([("num", ...), ("cat",
   * OneHotEncoder(), ...)])}, whose column order decides which of two equally good splits a
   * {@code DecisionTreeClassifier} keeps.
   */
  public int[] numericFirst() {
    int[] order = new int[width];
    int[] start = new int[levels.length];
    int at = 0;
    for (int j = 0; j < levels.length; j++) {
      start[j] = at;
      at += Math.max(1, levels[j]);
    }
    int made = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < levels.length; j++) {
        if ((levels[j] == 0) == (pass == 0)) {
          for (int l = 0; l < Math.max(1, levels[j]); l++) {
            order[made++] = start[j] + l;
          }
        }
      }
    }
    return order;
  }

  /** Levels of each feature; 0 for a numeric one. */
  int[] levels() {
    return levels.clone();
  }

  /** The z-score of value {@code v} of numeric feature {@code j}, as {@link #transform} computes it. */
  float zScore(int j, float v) {
    return (float) ((v - mean[j]) / sd[j]);
  }

  /**
   * Row {@code i}'s inputs in double precision into {@code out} ({@link #width()} long): {@code (x -
   * mean) / sd} without the rounding to float of {@link #transform}, for models whose parity with
   * scikit-learn's {@code StandardScaler} is asserted to 1e-12.
   */
  public void transformExact(Dataset data, int i, double[] out) {
    int at = 0;
    for (int j = 0; j < levels.length; j++) {
      float v = data.value(i, j);
      if (levels[j] == 0) {
        out[at++] = (v - mean[j]) / sd[j];
      } else {
        java.util.Arrays.fill(out, at, at + levels[j], 0);
        int code = (int) v;
        if (code >= 0 && code < levels[j]) {
          out[at + code] = 1;
        }
        at += levels[j];
      }
    }
  }

  /** The inputs of all rows, row-major. */
  public float[] transform(Dataset data) {
    int[] rows = new int[data.rows()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    return transform(data, rows);
  }

  /** The inputs of the given rows, row-major ({@code rows.length x width()}). */
  public float[] transform(Dataset data, int[] rows) {
    float[] out = new float[rows.length * width];
    for (int r = 0; r < rows.length; r++) {
      int at = r * width;
      for (int j = 0; j < levels.length; j++) {
        float v = data.value(rows[r], j);
        if (levels[j] == 0) {
          out[at++] = zScore(j, v);
        } else {
          int code = (int) v;
          if (code >= 0 && code < levels[j]) {
            out[at + code] = 1f;
          }
          at += levels[j];
        }
      }
    }
    return out;
  }
}
