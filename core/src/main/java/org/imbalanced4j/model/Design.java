package org.imbalanced4j.model;

import org.imbalanced4j.data.Dataset;

/**
 * A standardised design matrix as the logistic objectives read it: the z-scores of the numeric
 * features dense, and for each categorical feature the one column its one-hot block sets (or none
 * for a level unseen in training), kept as an index. A row of 17 numbers and 5 categories over
 * 100 levels costs 22 multiply-adds, not 117: products and sums skip the one-hot zeros.
 */
final class Design {
  final int rows;
  final int width;
  private final int[] numericColumn; // output column of each numeric feature
  private final float[] numeric; // rows x numericColumn.length
  private final int categoricals;
  private final int[] hot; // rows x categoricals: the column set to 1, or -1

  private Design(int rows, int width, int[] numericColumn, float[] numeric, int categoricals, int[] hot) {
    this.rows = rows;
    this.width = width;
    this.numericColumn = numericColumn;
    this.numeric = numeric;
    this.categoricals = categoricals;
    this.hot = hot;
  }

  /** The rows of {@code data} as {@code std} encodes them. */
  static Design of(Standardizer std, Dataset data) {
    int[] levels = std.levels();
    int dn = 0;
    for (int l : levels) {
      dn += l == 0 ? 1 : 0;
    }
    int dc = levels.length - dn;
    int[] numericColumn = new int[dn];
    int[] start = new int[levels.length];
    int at = 0;
    for (int j = 0, k = 0; j < levels.length; j++) {
      start[j] = at;
      if (levels[j] == 0) {
        numericColumn[k++] = at;
      }
      at += levels[j] == 0 ? 1 : levels[j];
    }
    int n = data.rows();
    float[] numeric = new float[n * dn];
    int[] hot = new int[n * dc];
    for (int i = 0; i < n; i++) {
      for (int j = 0, a = 0, b = 0; j < levels.length; j++) {
        float v = data.value(i, j);
        if (levels[j] == 0) {
          numeric[i * dn + a++] = std.zScore(j, v);
        } else {
          int code = (int) v;
          hot[i * dc + b++] = code >= 0 && code < levels[j] ? start[j] + code : -1;
        }
      }
    }
    return new Design(n, std.width(), numericColumn, numeric, dc, hot);
  }

  /** {@code sum_j v[base + j] x_ij} over the row's columns (no intercept). */
  double dot(double[] v, int base, int i) {
    int dn = numericColumn.length;
    int off = i * dn;
    if (categoricals == 0) { // numeric column j is column j: four lanes, which the JIT keeps apart
      double z0 = 0;
      double z1 = 0;
      double z2 = 0;
      double z3 = 0;
      int j = 0;
      for (; j + 3 < dn; j += 4) {
        z0 += v[base + j] * numeric[off + j];
        z1 += v[base + j + 1] * numeric[off + j + 1];
        z2 += v[base + j + 2] * numeric[off + j + 2];
        z3 += v[base + j + 3] * numeric[off + j + 3];
      }
      for (; j < dn; j++) {
        z0 += v[base + j] * numeric[off + j];
      }
      return (z0 + z1) + (z2 + z3);
    }
    double z0 = 0;
    double z1 = 0;
    for (int j = 0; j < dn; j++) {
      z0 += v[base + numericColumn[j]] * numeric[off + j];
    }
    int h = i * categoricals;
    for (int c = 0; c < categoricals; c++) {
      int col = hot[h + c];
      if (col >= 0) {
        z1 += v[base + col];
      }
    }
    return z0 + z1;
  }

  /** {@code part[base + j] += a x_ij} over the row's columns (no intercept). */
  void addRow(double[] part, int base, int i, double a) {
    int dn = numericColumn.length;
    int off = i * dn;
    if (categoricals == 0) {
      for (int j = 0; j < dn; j++) {
        part[base + j] += a * numeric[off + j];
      }
      return;
    }
    for (int j = 0; j < dn; j++) {
      part[base + numericColumn[j]] += a * numeric[off + j];
    }
    int h = i * categoricals;
    for (int c = 0; c < categoricals; c++) {
      int col = hot[h + c];
      if (col >= 0) {
        part[base + col] += a;
      }
    }
  }
}
