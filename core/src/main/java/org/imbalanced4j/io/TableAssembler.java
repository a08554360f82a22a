package org.imbalanced4j.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Levels;
import org.imbalanced4j.data.Schema;

/**
 * Joins the chunks of a text table into one {@link Dataset}: decides each column's type over all
 * rows, reports the first problem in file order, gives categorical levels and class names their
 * sorted codes, and checks the classes.
 *
 * <p>A column is categorical when the user or the file format says so, or when most of its cells
 * are not numbers; a column that is mostly numbers but has a non-numeric cell is an error at that
 * cell. When a column turns out categorical but also has cells that look like numbers, those cells'
 * text is needed: {@link #assemble} then returns null and the caller reads again with {@link
 * #rereadLayout()}.
 */
final class TableAssembler {
  private final TableLayout layout;
  private final List<TableChunk> chunks;
  private final long[] firstLines;
  private Set<Integer> reread = Set.of();

  /**
   * @param firstLines the file line of each chunk's local line 1
   */
  TableAssembler(TableLayout layout, List<TableChunk> chunks, long[] firstLines) {
    this.layout = layout;
    this.chunks = chunks;
    this.firstLines = firstLines;
  }

  /** The layout to read with again after {@link #assemble} returned null. */
  TableLayout rereadLayout() {
    return layout.withForced(reread);
  }

  Dataset assemble() {
    return assemble(false);
  }

  /**
   * The table, or null when a column must be read again as text. With {@code typesDeclared} (an
   * ARFF header), a column is categorical only as declared: a value that is not a number in a
   * numeric column is an error, not a vote for a categorical column.
   */
  Dataset assemble(boolean typesDeclared) {
    int cols = layout.columns();
    long[] numeric = new long[cols];
    long[] other = new long[cols];
    long[] firstOtherLine = new long[cols];
    String[] firstOtherValue = new String[cols];
    long bestLine = Long.MAX_VALUE;
    DataException first = null;
    for (int c = 0; c < chunks.size(); c++) {
      TableChunk ch = chunks.get(c);
      for (int j = 0; j < cols; j++) {
        numeric[j] += ch.numericCells[j];
        if (ch.otherCells[j] > 0 && other[j] == 0) {
          firstOtherLine[j] = global(c, ch.firstOtherLine[j]);
          firstOtherValue[j] = ch.firstOtherValue[j];
        }
        other[j] += ch.otherCells[j];
      }
      if (ch.problem != null && first == null) {
        bestLine = global(c, ch.problem.line());
        first = problem(bestLine, ch.problem.column(), ch.problem.what());
      }
    }
    boolean[] categorical = new boolean[cols];
    Set<Integer> needText = new TreeSet<>();
    for (int j = 0; j < cols; j++) {
      if (j == layout.target) {
        continue;
      }
      categorical[j] = layout.forcedCategorical[j] || !typesDeclared && other[j] > numeric[j];
      if (categorical[j] && !layout.forcedCategorical[j] && numeric[j] > 0) {
        needText.add(j);
      }
      if (!categorical[j] && other[j] > 0 && firstOtherLine[j] < bestLine) {
        bestLine = firstOtherLine[j];
        first = problem(bestLine, j + 1, "'" + firstOtherValue[j] + "' is not a number (the column is "
            + (typesDeclared ? "declared numeric" : "numeric in " + numeric[j] + " rows; name it in --categorical if "
                + "it is categorical") + ")");
      }
    }
    if (first != null) {
      throw first;
    }
    if (!needText.isEmpty()) {
      reread = needText;
      return null;
    }
    return build(categorical);
  }

  private Dataset build(boolean[] categorical) {
    int cols = layout.columns();
    int d = layout.features();
    long total = 0;
    long dropped = 0;
    for (TableChunk ch : chunks) {
      total += ch.rows;
      dropped += ch.dropped;
    }
    if (total == 0) {
      throw new DataException(layout.source + ": "
          + (dropped > 0 ? "every row (" + dropped + ") has a missing value" : "has a header but no data rows"));
    }
    if (total * Math.max(d, 1) > Integer.MAX_VALUE - 8) {
      throw new DataException(layout.source + ": " + total + " rows x " + d
          + " features is more than one table holds (2^31 values)");
    }
    // final codes: sorted levels, or the declared ones (ARFF)
    List<Feature> features = new ArrayList<>(d);
    int[][][] remap = new int[cols][][]; // column -> chunk -> local code -> global code
    List<String> classNames = null;
    for (int j = 0; j < cols; j++) {
      boolean isTarget = j == layout.target;
      if (!isTarget && !categorical[j]) {
        features.add(Feature.numeric(layout.names[j]));
        continue;
      }
      Set<String> seen = new LinkedHashSet<>();
      for (TableChunk ch : chunks) {
        if (ch.dicts[j] != null) {
          seen.addAll(ch.dicts[j].strings);
        }
      }
      List<String> declared = isTarget ? null : layout.declared(j);
      List<String> levels = declared != null ? declared : Levels.sorted(seen);
      Map<String, Integer> code = new HashMap<>();
      for (int k = 0; k < levels.size(); k++) {
        code.put(levels.get(k), k);
      }
      remap[j] = new int[chunks.size()][];
      for (int c = 0; c < chunks.size(); c++) {
        TableChunk.Dictionary dict = chunks.get(c).dicts[j];
        List<String> local = dict == null ? List.of() : dict.strings;
        int[] m = new int[local.size()];
        for (int k = 0; k < m.length; k++) {
          m[k] = code.get(local.get(k));
        }
        remap[j][c] = m;
      }
      if (isTarget) {
        classNames = levels;
      } else {
        features.add(Feature.categorical(layout.names[j], levels));
      }
    }
    int n = (int) total;
    // move each chunk's rows down to their final place (chunks may share one pair of arrays)
    TableChunk first = chunks.get(0);
    boolean shared = chunks.stream().allMatch(ch -> ch.values == first.values);
    float[] values = shared ? first.values : new float[n * d];
    int[] labels = shared ? first.labels : new int[n];
    int row = 0;
    for (int c = 0; c < chunks.size(); c++) {
      TableChunk ch = chunks.get(c);
      System.arraycopy(ch.values, ch.offset * d, values, row * d, ch.rows * d);
      if (layout.target >= 0) {
        int[] lm = remap[layout.target][c];
        for (int i = 0; i < ch.rows; i++) {
          labels[row + i] = lm[ch.labels[ch.offset + i]];
        }
      } else {
        java.util.Arrays.fill(labels, row, row + ch.rows, 0);
      }
      for (int j = 0; j < cols; j++) {
        if (j == layout.target || !categorical[j]) {
          continue;
        }
        int f = layout.featureOf(j);
        int[] m = remap[j][c];
        for (int i = 0; i < ch.rows; i++) {
          int at = (row + i) * d + f;
          values[at] = m[(int) values[at]];
        }
      }
      row += ch.rows;
    }
    if (values.length != n * d) {
      values = java.util.Arrays.copyOf(values, n * d);
    }
    if (labels.length != n) {
      labels = java.util.Arrays.copyOf(labels, n);
    }
    Schema schema = layout.target < 0
        ? new Schema(features, "", List.of(TableLayout.NO_CLASS), features.size())
        : new Schema(features, layout.names[layout.target].strip(), classNames, layout.target);
    checkClasses(layout.source, schema, labels, layout.minClasses);
    return Dataset.builder(schema).setValues(values, n).setLabels(labels).build();
  }

  /** Fails unless the target has at least {@code minClasses} classes. */
  static void checkClasses(String source, Schema schema, int[] labels, int minClasses) {
    if (schema.classCount() < minClasses) {
      ClassCounts cc = ClassCounts.of(schema.classNames(), labels);
      throw new DataException(source + ": the target column '" + schema.targetName() + "' has "
          + (schema.classCount() == 1 ? "a single class " : schema.classCount() + " classes ")
          + cc.asMap() + "; at least " + minClasses + " are needed");
    }
  }

  private long global(int chunk, long localLine) {
    return firstLines[chunk] + localLine - 1;
  }

  private DataException problem(long line, int column, String what) {
    return DataException.at(layout.source, line, column,
        column > 0 && column <= layout.names.length ? layout.names[column - 1] : null, what);
  }
}
