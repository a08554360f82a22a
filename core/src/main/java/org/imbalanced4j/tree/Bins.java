package org.imbalanced4j.tree;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Features pre-binned for histogram split search (as LightGBM and scikit-learn's
 * HistGradientBoosting do): each column's values become bin codes 0..b-1, stored column by column.
 * A table of at most {@link #EXACT_ROWS} rows (a boosting round's under-sample, a balanced bag)
 * gets one bin per distinct value in every column, so its splits are exactly CART's; in a larger
 * table a column with at most {@link #MAX_BINS} distinct values gets one bin per value and a column
 * with more gets {@code MAX_BINS} bins of about equal row counts.
 * A split "code &lt;= b" is the threshold "x &lt;= edge(j, b)", with edges half-way between
 * neighbouring values as CART places them. Immutable after construction; built on all cores.
 */
final class Bins {
  /** The most bins a column of a table larger than {@link #EXACT_ROWS} gets. */
  static final int MAX_BINS = 256;
  /** Tables of at most this many rows get one bin per distinct value (codes fit in a char). */
  static final int EXACT_ROWS = 4096;

  private final int rows;
  private final int cols;
  private final char[] codes;
  private final float[][] edges;
  private final float[][] low;
  private final float[][] high;

  private Bins(int rows, int cols, char[] codes, float[][] edges, float[][] low, float[][] high) {
    this.rows = rows;
    this.cols = cols;
    this.codes = codes;
    this.edges = edges;
    this.low = low;
    this.high = high;
  }

  /** Bins of a row-major {@code rows x cols} matrix. */
  static Bins of(float[] x, int rows, int cols) {
    char[] codes = new char[rows * cols];
    float[][] edges = new float[cols][];
    float[][] low = new float[cols][];
    float[][] high = new float[cols][];
    IntStream.range(0, cols).parallel().forEach(j -> {
      float[] col = new float[rows];
      for (int i = 0; i < rows; i++) {
        col[i] = x[i * cols + j];
      }
      edges[j] = edges(col.clone(), rows <= EXACT_ROWS ? rows : MAX_BINS);
      float[] e = edges[j];
      int base = j * rows;
      low[j] = new float[e.length + 1];
      high[j] = new float[e.length + 1];
      java.util.Arrays.fill(low[j], Float.POSITIVE_INFINITY);
      java.util.Arrays.fill(high[j], Float.NEGATIVE_INFINITY);
      for (int i = 0; i < rows; i++) {
        int b = bin(e, col[i]);
        codes[base + i] = (char) b;
        low[j][b] = Math.min(low[j][b], col[i]);
        high[j][b] = Math.max(high[j][b], col[i]);
      }
    });
    return new Bins(rows, cols, codes, edges, low, high);
  }

  /**
   * These bins with {@code extraRows} more rows (row-major {@code extra}), coded on the same edges:
   * rows {@code rows()..} of the result are the new ones. For rows made during training (SMOTEBoost's
   * synthetic rows) that must split where the original rows do.
   */
  Bins extend(float[] extra, int extraRows) {
    int total = rows + extraRows;
    char[] c = new char[total * cols];
    float[][] lo = new float[cols][];
    float[][] hi = new float[cols][];
    for (int j = 0; j < cols; j++) {
      System.arraycopy(codes, j * rows, c, j * total, rows);
      lo[j] = low[j].clone();
      hi[j] = high[j].clone();
      for (int i = 0; i < extraRows; i++) {
        float v = extra[i * cols + j];
        int b = bin(edges[j], v);
        c[j * total + rows + i] = (char) b;
        lo[j][b] = Math.min(lo[j][b], v);
        hi[j][b] = Math.max(hi[j][b], v);
      }
    }
    return new Bins(total, cols, c, edges, lo, hi);
  }

  /** The bin of value v: the first b with {@code v <= edges[b]}, else the last bin. */
  static int bin(float[] edges, float v) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (v <= edges[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Split points of one column (sorted in place): between bins of about equal row counts. */
  private static float[] edges(float[] v, int maxBins) {
    Arrays.sort(v);
    int n = v.length;
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || v[i] != v[i - 1]) {
        distinct++;
      }
    }
    float[] out = new float[Math.max(0, Math.min(distinct, maxBins) - 1)];
    int made = 0;
    if (distinct <= maxBins) {
      for (int i = 1; i < n && made < out.length; i++) {
        if (v[i] != v[i - 1]) {
          out[made++] = midpoint(v[i - 1], v[i]);
        }
      }
      return out;
    }
    // quantile bins: close a bin at a change of value once it holds its share of the rows
    int start = 0;
    for (int i = 1; i < n && made < out.length; i++) {
      if (v[i] != v[i - 1] && (long) (i - start) * maxBins >= n) {
        out[made++] = midpoint(v[i - 1], v[i]);
        start = i;
      }
    }
    return Arrays.copyOf(out, made);
  }

  /** Half-way between a &lt; b, as CART places a threshold; a itself when float rounding reaches b. */
  static float midpoint(float a, float b) {
    float m = (float) (((double) a + b) / 2);
    return m >= b ? a : m;
  }

  int rows() {
    return rows;
  }

  int cols() {
    return cols;
  }

  /** Number of bins of column j. */
  int binCount(int j) {
    return edges[j].length + 1;
  }

  /** The largest number of bins of any column. */
  int maxBinCount() {
    int m = 1;
    for (float[] e : edges) {
      m = Math.max(m, e.length + 1);
    }
    return m;
  }

  /** The code of row i in column j. */
  int code(int j, int i) {
    return codes[j * rows + i];
  }

  /** All codes, column-major: {@code codes[j * rows + i]}. */
  char[] codes() {
    return codes;
  }

  /**
   * The threshold between bins {@code b} and {@code c > b} of column j when the bins between them
   * hold none of a node's rows: half-way between the largest value of b and the smallest of c, as
   * CART places it between the node's neighbouring values.
   */
  double threshold(int j, int b, int c) {
    return cut(high[j][b], low[j][c]);
  }

  /**
   * CART's threshold between neighbouring values a &lt; b, {@code a/2 + b/2} in double precision
   * as scikit-learn's splitter computes it ({@code a} itself when that reaches b). Not rounded to
   * float: a float midpoint can land on a value of the fold that the node's rows do not hold (an
   * under-sample's, say) and send it to the other side than scikit-learn does.
   */
  static double cut(float a, float b) {
    double m = a / 2.0 + b / 2.0;
    return m >= b || Double.isInfinite(m) ? a : m;
  }

  /** The bin of value v in column j. */
  int binOf(int j, float v) {
    return bin(edges[j], v);
  }

  /** The threshold of the split "bin &lt;= b" of column j. */
  float edge(int j, int b) {
    return edges[j][b];
  }
}
