package org.imbalanced4j.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one contiguous part of a text table, parsed cell by cell without creating a string
 * per number. Non-numeric cells get a code in a per-column dictionary, so that the {@link
 * TableAssembler} can decide afterwards, over all chunks, whether a column is categorical (most of
 * its cells are not numbers) or numeric with a typo (an error naming its line).
 *
 * <p>Line numbers are local to the chunk; the assembler adds the chunk's offset.
 */
final class TableChunk {
  /** A problem found at a (chunk-local) line. */
  record Problem(long line, int column, String what) {}

  private final TableLayout layout;
  private final int cols;
  private final int d;
  float[] values;
  int[] labels;
  /** First row of this chunk in {@link #values} and {@link #labels}. */
  final int offset;
  /** Whether the arrays are shared with other chunks (then they cannot grow). */
  private final boolean shared;
  private int limit;
  int rows;
  long dropped;
  final Dictionary[] dicts;
  final long[] numericCells;
  final long[] otherCells;
  final long[] firstOtherLine;
  final String[] firstOtherValue;
  Problem problem;

  private long line;
  private int fields;
  private boolean rowMissing;

  /** A chunk with arrays of its own that grow as needed. */
  TableChunk(TableLayout layout, int expectedRows) {
    this(layout, new float[Math.max(1, layout.features()) * Math.max(16, expectedRows)],
        new int[Math.max(16, expectedRows)], 0, Math.max(16, expectedRows), false);
  }

  /** A chunk writing rows {@code offset .. offset+capacity-1} of arrays shared with others. */
  TableChunk(TableLayout layout, float[] values, int[] labels, int offset, int capacity) {
    this(layout, values, labels, offset, capacity, true);
  }

  private TableChunk(TableLayout layout, float[] values, int[] labels, int offset, int capacity,
      boolean shared) {
    this.layout = layout;
    this.cols = layout.columns();
    this.d = layout.features();
    this.values = values;
    this.labels = labels;
    this.offset = offset;
    this.limit = offset + capacity;
    this.shared = shared;
    this.dicts = new Dictionary[cols];
    this.numericCells = new long[cols];
    this.otherCells = new long[cols];
    this.firstOtherLine = new long[cols];
    this.firstOtherValue = new String[cols];
    if (layout.target >= 0) {
      dicts[layout.target] = new Dictionary();
    }
  }

  void beginRow(long line) {
    this.line = line;
    this.fields = 0;
    this.rowMissing = false;
  }

  /** Parses cell {@code column} of the current row; returns false once the chunk has failed. */
  boolean cell(int column, char[] buf, int off, int len) {
    fields = column + 1;
    if (column == 0 && offset + rows == limit) {
      grow();
    }
    if (column >= cols) {
      return true; // ragged; reported by endRow
    }
    int s = off;
    int e = off + len;
    while (s < e && (buf[s] == ' ' || buf[s] == '\t')) {
      s++;
    }
    while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t' || buf[e - 1] == '\r')) {
      e--;
    }
    if (column == layout.target) {
      if (CellValues.isMissing(buf, s, e)) {
        return missing(column, buf, s, e);
      }
      labels[offset + rows] = dicts[column].code(buf, s, e);
      return true;
    }
    int at = (offset + rows) * d + layout.featureOf(column);
    if (CellValues.isMissing(buf, s, e)) {
      return missing(column, buf, s, e);
    }
    if (!layout.forcedCategorical[column] && CellValues.maybeNumber(buf[s])) {
      double v;
      try {
        v = JavaDoubleParser.parseDouble(buf, s, e - s);
      } catch (NumberFormatException ex) {
        v = CellValues.isInfinity(buf, s, e) ? Double.POSITIVE_INFINITY : Double.NaN;
      }
      float f = (float) v;
      if (Float.isFinite(f)) {
        values[at] = f;
        numericCells[column]++;
        return true;
      }
      if (Double.isInfinite(v)) {
        return fail(column, "'" + new String(buf, s, e - s) + "' is infinite; only finite numbers are allowed");
      }
      if (!Double.isNaN(v)) {
        return fail(column, "'" + new String(buf, s, e - s) + "' is outside the float range (about 3.4e38)");
      }
    }
    if (dicts[column] == null) {
      dicts[column] = new Dictionary();
    }
    if (otherCells[column]++ == 0) {
      firstOtherLine[column] = line;
      firstOtherValue[column] = new String(buf, s, e - s);
    }
    values[at] = dicts[column].code(buf, s, e);
    return true;
  }

  private void grow() {
    if (shared) {
      throw new IllegalStateException("more rows than line ends in a chunk");
    }
    int cap = labels.length + (labels.length >> 1) + 16;
    labels = Arrays.copyOf(labels, cap);
    values = Arrays.copyOf(values, Math.max(1, d) * cap);
    limit = cap;
  }

  /** Ends the current row; returns false once the chunk has failed. */
  boolean endRow() {
    if (fields != cols) {
      problem = new Problem(line, 0, "has " + fields + " fields but the header has " + cols);
      return false;
    }
    if (rowMissing) {
      dropped++;
      return true;
    }
    rows++;
    return true;
  }

  private boolean missing(int column, char[] buf, int s, int e) {
    if (layout.dropMissing) {
      rowMissing = true;
      return true;
    }
    String v = new String(buf, s, e - s);
    String what = v.isEmpty() ? "missing value (empty field)"
        : v.toLowerCase(java.util.Locale.ROOT).contains("nan")
            ? "'" + v + "' (NaN) is not a number"
            : "missing value '" + v + "'";
    return fail(column, what + "; use --drop-missing to drop such rows");
  }

  boolean fail(int column, String what) {
    problem = new Problem(line, column + 1, what);
    return false;
  }

  /**
   * Strings in order of first appearance, each with its code. Looked up by characters, so that a
   * value seen before (a class label, a level) creates no string: a scan of the few first values,
   * then a hash map.
   */
  static final class Dictionary {
    private static final int SCAN = 8;
    final Map<String, Integer> codes = new HashMap<>();
    final List<String> strings = new ArrayList<>();
    private int last = -1;

    int code(char[] b, int s, int e) {
      if (last >= 0 && same(strings.get(last), b, s, e)) {
        return last;
      }
      int n = Math.min(SCAN, strings.size());
      for (int k = 0; k < n; k++) {
        if (same(strings.get(k), b, s, e)) {
          return last = k;
        }
      }
      String str = new String(b, s, e - s);
      Integer c = codes.get(str);
      if (c == null) {
        c = strings.size();
        codes.put(str, c);
        strings.add(str);
      }
      return last = c;
    }

    private static boolean same(String str, char[] b, int s, int e) {
      if (str.length() != e - s) {
        return false;
      }
      for (int i = 0; i < str.length(); i++) {
        if (str.charAt(i) != b[s + i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** The layout the chunk's rows follow (for messages naming the file). */
  TableLayout layout() {
    return layout;
  }
}
