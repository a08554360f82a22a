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

  TableChunk(TableLayout layout, int expectedRows) {
    this.layout = layout;
    this.cols = layout.columns();
    this.d = cols - 1;
    int cap = Math.max(16, expectedRows);
    this.values = new float[Math.max(1, d) * cap];
    this.labels = new int[cap];
    this.dicts = new Dictionary[cols];
    this.numericCells = new long[cols];
    this.otherCells = new long[cols];
    this.firstOtherLine = new long[cols];
    this.firstOtherValue = new String[cols];
    dicts[layout.target] = new Dictionary();
  }

  void beginRow(long line) {
    this.line = line;
    this.fields = 0;
    this.rowMissing = false;
    if (rows == labels.length) {
      int cap = labels.length + (labels.length >> 1) + 16;
      labels = Arrays.copyOf(labels, cap);
      values = Arrays.copyOf(values, Math.max(1, d) * cap);
    }
  }

  /** Parses cell {@code column} of the current row; returns false once the chunk has failed. */
  boolean cell(int column, char[] buf, int off, int len) {
    fields = column + 1;
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
      labels[rows] = dicts[column].code(new String(buf, s, e - s));
      return true;
    }
    int at = rows * d + layout.featureOf(column);
    if (CellValues.isMissing(buf, s, e)) {
      return missing(column, buf, s, e);
    }
    if (!layout.forcedCategorical[column] && CellValues.maybeNumber(buf[s])) {
      if (CellValues.isInfinity(buf, s, e)) {
        return fail(column, "'" + new String(buf, s, e - s) + "' is infinite; only finite numbers are allowed");
      }
      double v;
      try {
        v = JavaDoubleParser.parseDouble(buf, s, e - s);
      } catch (NumberFormatException ex) {
        v = Double.NaN;
      }
      if (!Double.isNaN(v)) {
        float f = (float) v;
        if (Float.isInfinite(f)) {
          return fail(column, "'" + new String(buf, s, e - s) + "' is outside the float range (about 3.4e38)");
        }
        values[at] = f;
        numericCells[column]++;
        return true;
      }
    }
    if (dicts[column] == null) {
      dicts[column] = new Dictionary();
    }
    String text = new String(buf, s, e - s);
    if (otherCells[column]++ == 0) {
      firstOtherLine[column] = line;
      firstOtherValue[column] = text;
    }
    values[at] = dicts[column].code(text);
    return true;
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

  /** Strings in order of first appearance, each with its code. */
  static final class Dictionary {
    final Map<String, Integer> codes = new HashMap<>();
    final List<String> strings = new ArrayList<>();

    int code(String s) {
      Integer c = codes.get(s);
      if (c == null) {
        c = strings.size();
        codes.put(s, c);
        strings.add(s);
      }
      return c;
    }
  }
}
