package org.imbalanced4j.sampling;

import java.util.Arrays;
import org.imbalanced4j.data.Dataset;

/**
 * The output of an over-sampler: every input row in order, then synthetic rows appended class by
 * class. A synthetic row's sample weight (when the input has weights) is interpolated between its
 * two parents with the same step as its features, {@code w = w_i + step * (w_nn - w_i)}; a row
 * extrapolated beyond its base (SVM-SMOTE's safe vectors) takes its base row's weight.
 */
public final class Synthesis {
  private final Dataset input;
  private final int d;
  private float[] values;
  private int[] labels;
  private double[] weights;
  private int[] source;
  private int rows;

  /** Starts from the input rows, with room for about {@code expectedExtra} new ones. */
  public Synthesis(Dataset input, int expectedExtra) {
    this.input = input;
    this.d = input.features();
    int cap = input.rows() + Math.max(0, expectedExtra);
    this.values = new float[cap * d];
    this.labels = new int[cap];
    input.copyRows(values, 0);
    System.arraycopy(input.labels(), 0, labels, 0, input.rows());
    this.weights = input.hasWeights() ? Arrays.copyOf(input.weights(), cap) : null;
    this.source = Arrays.copyOf(SamplerSupport.range(input.rows()), cap);
    this.rows = input.rows();
  }

  private void ensure(int extra) {
    if (rows + extra > labels.length) {
      int cap = Math.max(rows + extra, labels.length + labels.length / 2);
      values = Arrays.copyOf(values, cap * d);
      labels = Arrays.copyOf(labels, cap);
      source = Arrays.copyOf(source, cap);
      if (weights != null) {
        weights = Arrays.copyOf(weights, cap);
      }
    }
  }

  /** Appends a copy of input row {@code i} (a bootstrap draw): it keeps its source index. */
  public void addCopy(int i) {
    ensure(1);
    input.copyRow(i, values, rows * d);
    labels[rows] = input.label(i);
    if (weights != null) {
      weights[rows] = input.weight(i);
    }
    source[rows++] = i;
  }

  /**
   * Reserves {@code n} synthetic rows of class {@code label} and returns the first; each is then
   * filled once with {@link #setInterpolated}, from any thread (rows are disjoint).
   */
  public int reserve(int n, int label) {
    ensure(n);
    int first = rows;
    Arrays.fill(labels, first, first + n, label);
    Arrays.fill(source, first, first + n, -1);
    rows += n;
    return first;
  }

  /** Sets reserved row {@code row} to {@code base + step * (other - base)}, as {@link #addInterpolated}. */
  public void setInterpolated(int row, float[] base, int bo, float[] other, int oo, double step,
      double weightBase, double weightOther) {
    int at = row * d;
    for (int j = 0; j < d; j++) {
      double b = base[bo + j];
      values[at + j] = (float) (b + step * ((double) other[oo + j] - b));
    }
    if (weights != null) {
      weights[row] = step >= 0 && step <= 1 ? weightBase + step * (weightOther - weightBase) : weightBase;
    }
  }

  /**
   * Appends {@code base + step * (other - base)} of class {@code label}; {@code weightBase} and
   * {@code weightOther} are the parents' weights.
   */
  public void addInterpolated(float[] base, int bo, float[] other, int oo, double step, int label,
      double weightBase, double weightOther) {
    setInterpolated(reserve(1, label), base, bo, other, oo, step, weightBase, weightOther);
  }

  /** Appends a synthetic row given in full. */
  public void addRow(float[] row, int label, double weight) {
    ensure(1);
    System.arraycopy(row, 0, values, rows * d, d);
    labels[rows] = label;
    if (weights != null) {
      weights[rows] = weight;
    }
    source[rows++] = -1;
  }

  /** Builds the {@code Resampled}. */
  public Resampled build() {
    Dataset out = Dataset.builder(input.schema())
        .setValues(values.length == rows * d ? values : Arrays.copyOf(values, rows * d), rows)
        .setLabels(labels.length == rows ? labels : Arrays.copyOf(labels, rows))
        .optWeights(weights == null || weights.length == rows ? weights : Arrays.copyOf(weights, rows))
        .optImages(input.images())
        .build();
    return new Resampled(out, source.length == rows ? source : Arrays.copyOf(source, rows));
  }
}
