package org.imbalanced4j.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense table of float features with one int class label per row and optional sample weights.
 *
 * <p>Features are stored row-major in one {@code float[]} (a 1M x 20 table takes 80 MB), labels
 * as class codes {@code 0..k-1} whose names are in the {@link Schema}, categorical features as
 * their level codes. A dataset is immutable: {@link #subset(int[])} returns a view that shares the
 * storage through an index array, so folds and samplers never copy feature rows until they must.
 *
 * <pre>{@code
 * Dataset d = Dataset.builder(schema).setValues(rowMajor, rows).setLabels(y).build();
 * Dataset fold = d.subset(trainIdx);     // a view, no copy
 * float v = fold.value(0, 3);
 * }</pre>
 */
public final class Dataset {
  private final Schema schema;
  private final float[] values; // base storage, row-major baseRows x d
  private final int[] labels; // per base row
  private final double[] weights; // per base row, or null
  private final int[] index; // view row -> base row, or null for identity
  private final int rows;
  private final int d;
  private final org.imbalanced4j.images.ImageSet images; // what the rows' image indices point into, or null

  private Dataset(Schema schema, float[] values, int[] labels, double[] weights, int[] index, int rows,
      org.imbalanced4j.images.ImageSet images) {
    this.schema = schema;
    this.images = images;
    this.values = values;
    this.labels = labels;
    this.weights = weights;
    this.index = index;
    this.rows = rows;
    this.d = schema.featureCount();
  }

  /** A builder of a dataset with this schema. */
  public static Builder builder(Schema schema) {
    return new Builder(schema);
  }

  /** The features, their types and the classes. */
  public Schema schema() {
    return schema;
  }

  /**
   * For rows that stand for images ({@link Schema#isImages()}): the images, which each row's one
   * feature indexes; null for a table. Views, copies and resampled row selections keep it.
   */
  public org.imbalanced4j.images.ImageSet images() {
    return images;
  }

  /** The index in {@link #images()} of row {@code i}'s image. */
  public int imageIndex(int row) {
    return (int) value(row, 0);
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Number of feature columns (the target is not one). */
  public int features() {
    return d;
  }

  /** How many classes the schema names. */
  public int classCount() {
    return schema.classCount();
  }

  /** Row {@code i}'s position in the base storage. */
  private int base(int i) {
    Objects.checkIndex(i, rows);
    return index == null ? i : index[i];
  }

  /** One feature value (a category's code for a categorical feature). */
  public float value(int row, int col) {
    Objects.checkIndex(col, d);
    return values[base(row) * d + col];
  }

  /** Copies row {@code i}'s features into {@code dst} at {@code offset}. */
  public void copyRow(int row, float[] dst, int offset) {
    System.arraycopy(values, base(row) * d, dst, offset, d);
  }

  /** Row {@code i}'s features as a new array. */
  public float[] row(int row) {
    float[] r = new float[d];
    copyRow(row, r, 0);
    return r;
  }

  /** All feature rows, row-major, as a new array of {@code rows() * features()} floats. */
  public float[] toRowMajor() {
    float[] out = new float[rows * d];
    copyRows(out, 0);
    return out;
  }

  /** Copies all feature rows, row-major, into {@code dst} from {@code offset}. */
  public void copyRows(float[] dst, int offset) {
    if (index == null) {
      System.arraycopy(values, 0, dst, offset, rows * d);
      return;
    }
    for (int i = 0; i < rows; i++) {
      System.arraycopy(values, index[i] * d, dst, offset + i * d, d);
    }
  }

  /** Feature column {@code col} as a new array. */
  public float[] column(int col) {
    Objects.checkIndex(col, d);
    float[] out = new float[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = values[(index == null ? i : index[i]) * d + col];
    }
    return out;
  }

  /** The class code of a row. */
  public int label(int row) {
    return labels[base(row)];
  }

  /** The class codes of all rows as a new array. */
  public int[] labels() {
    if (index == null) {
      return Arrays.copyOf(labels, rows);
    }
    int[] out = new int[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = labels[index[i]];
    }
    return out;
  }

  /** The class name of a row. */
  public String className(int row) {
    return schema.classNames().get(label(row));
  }

  /** Whether the rows carry sample weights. */
  public boolean hasWeights() {
    return weights != null;
  }

  /** Row {@code i}'s sample weight (1 when the dataset has none). */
  public double weight(int row) {
    return weights == null ? 1.0 : weights[base(row)];
  }

  /** The sample weights as a new array, or null when the dataset has none. */
  public double[] weights() {
    if (weights == null) {
      return null;
    }
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = weights[index == null ? i : index[i]];
    }
    return out;
  }

  /** The same rows with the given sample weights (one per row; copied). */
  public Dataset withWeights(double[] w) {
    if (w != null && w.length != rows) {
      throw new IllegalArgumentException(w.length + " weights for " + rows + " rows");
    }
    Dataset flat = compact();
    return new Dataset(schema, flat.values, flat.labels, w == null ? null : w.clone(), null, rows, images);
  }

  /** The rows of each class. */
  public ClassCounts classCounts() {
    long[] c = new long[schema.classCount()];
    for (int i = 0; i < rows; i++) {
      c[labels[index == null ? i : index[i]]]++;
    }
    return new ClassCounts(schema.classNames(), c);
  }

  /**
   * A view of the given rows, in the given order (repeats allowed). Shares storage; the index
   * array is copied.
   */
  public Dataset subset(int[] rowIndices) {
    int[] idx = new int[rowIndices.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = base(rowIndices[i]);
    }
    return new Dataset(schema, values, labels, weights, idx, idx.length, images);
  }

  /** Whether this dataset is a view over a larger or reordered storage. */
  public boolean isView() {
    return index != null;
  }

  /** This dataset with its own contiguous storage (itself when it already is). */
  public Dataset compact() {
    if (index == null && values.length == rows * d) {
      return this;
    }
    return new Dataset(schema, toRowMajor(), labels(), weights(), null, rows, images);
  }

  @Override
  public String toString() {
    return "Dataset[" + rows + " x " + d + ", " + classCounts() + "]";
  }

  /** Builds a dataset; {@link #build()} validates shapes, labels and finiteness. */
  public static final class Builder {
    private final Schema schema;
    private float[] values;
    private int rows = -1;
    private int[] labels;
    private double[] weights;
    private org.imbalanced4j.images.ImageSet images;

    private Builder(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * The features, row-major ({@code rows * features} floats). The array is taken, not copied:
     * the caller must not change it afterwards.
     */
    public Builder setValues(float[] rowMajor, int rows) {
      this.values = rowMajor;
      this.rows = rows;
      return this;
    }

    /** The features as one array per row (copied). */
    public Builder setRows(float[][] x) {
      int d = schema.featureCount();
      float[] v = new float[Math.multiplyExact(x.length, d)];
      for (int i = 0; i < x.length; i++) {
        if (x[i].length != d) {
          throw new IllegalArgumentException(
              "row " + i + " has " + x[i].length + " values, expected " + d);
        }
        System.arraycopy(x[i], 0, v, i * d, d);
      }
      return setValues(v, x.length);
    }

    /** The class codes, one per row. Taken, not copied. */
    public Builder setLabels(int[] labels) {
      this.labels = labels;
      return this;
    }

    /** The images the rows stand for (a schema with an image shape); see {@link Dataset#images()}. */
    public Builder optImages(org.imbalanced4j.images.ImageSet images) {
      this.images = images;
      return this;
    }

    /** Optional sample weights, one per row. Taken, not copied. */
    public Builder optWeights(double[] weights) {
      this.weights = weights;
      return this;
    }

    /** Builds the {@code Dataset}. */
    public Dataset build() {
      if (values == null || labels == null) {
        throw new IllegalStateException("values and labels are required");
      }
      int d = schema.featureCount();
      if ((long) rows * d != values.length) {
        throw new IllegalArgumentException(
            values.length + " values do not make " + rows + " rows of " + d + " features");
      }
      if (labels.length != rows) {
        throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
      }
      if (weights != null && weights.length != rows) {
        throw new IllegalArgumentException(weights.length + " weights for " + rows + " rows");
      }
      int k = schema.classCount();
      for (int i = 0; i < rows; i++) {
        if (labels[i] < 0 || labels[i] >= k) {
          throw new IllegalArgumentException(
              "row " + i + ": label " + labels[i] + " is not a class code 0.." + (k - 1));
        }
      }
      for (int i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          throw new IllegalArgumentException(
              "row " + (i / Math.max(d, 1)) + ", feature '" + schema.feature(i % d).name()
                  + "': " + values[i] + " is not a finite number");
        }
      }
      if (weights != null) {
        for (double w : weights) {
          if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("sample weight " + w + " is not finite and >= 0");
          }
        }
      }
      if ((images != null) != schema.isImages()) {
        throw new IllegalArgumentException("images go with a schema of an image shape, and only with one");
      }
      return new Dataset(schema, values, labels, weights, null, rows, images);
    }
  }
}
