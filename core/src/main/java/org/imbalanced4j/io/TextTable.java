package org.imbalanced4j.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;

/**
 * A delimited text table kept as text, cell for cell: for files whose columns have roles rather
 * than features (predictions: {@code proba_<class>}, {@code predicted}, the true class) and for
 * columns that must pass through unchanged (row ids). Rows are the data rows in file order, blank
 * lines skipped; with {@link ReadOptions#dropMissing()} a row with a missing cell is dropped by the
 * rule {@link CsvDatasetReader} applies, and counted.
 */
public final class TextTable {
  private final String source;
  private final String[] header;
  private final String[][] cells; // [row][column]
  private final long[] lines;
  private final int[] dataRows;
  private final int dropped;

  private TextTable(String source, String[] header, String[][] cells, long[] lines, int[] dataRows, int dropped) {
    this.source = source;
    this.header = header;
    this.cells = cells;
    this.lines = lines;
    this.dataRows = dataRows;
    this.dropped = dropped;
  }

  /** Reads a CSV or TSV file (the delimiter as the data readers choose it). */
  public static TextTable read(DataSource src, ReadOptions opt) {
    return read(src, opt, null);
  }

  /**
   * Reads a CSV or TSV file keeping the text of the named columns only (the others read as empty),
   * for large files of which a command needs one column or just the row numbers.
   *
   * @param keep column names to keep, or null for all
   */
  public static TextTable read(DataSource src, ReadOptions opt, java.util.Collection<String> keep) {
    DataFormat f = DataFormat.of(src.fileName());
    if (f != DataFormat.CSV && f != DataFormat.TSV) {
      throw new InvalidOptionException(src.name() + ": this command reads CSV or TSV files");
    }
    char sep = opt.delimiter() != 0 ? opt.delimiter() : f.separator();
    try (Reader r = new InputStreamReader(src.open(), StandardCharsets.UTF_8);
        CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(sep).skipEmptyLines(true)
            .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(r)) {
      String[] header = null;
      boolean[] kept = null;
      boolean keepNone = keep != null && keep.isEmpty();
      List<String[]> rows = new ArrayList<>();
      long[] lines = new long[64];
      int[] numbers = new int[64];
      int dataRow = 0;
      int dropped = 0;
      for (CsvRecord rec : reader) {
        if (header == null) {
          header = rec.getFields().stream().map(s -> s.replace("\uFEFF", "").strip()).toArray(String[]::new);
          TableLayout.requireDistinct(src.name(), header);
          if (keep != null) {
            kept = new boolean[header.length];
            for (String k : keep) {
              int j = TableLayout.indexOf(header, k);
              if (j < 0) {
                throw InvalidOptionException.unknown("column", k, List.of(header));
              }
              kept[j] = true;
            }
          }
          continue;
        }
        dataRow++;
        if (rec.getFieldCount() != header.length) {
          throw DataException.at(src.name(), rec.getStartingLineNumber(), 0, null,
              "has " + rec.getFieldCount() + " fields but the header has " + header.length);
        }
        String[] row = rec.getFields().stream().map(String::strip).toArray(String[]::new);
        if (opt.dropMissing() && Arrays.stream(row).anyMatch(TextTable::isMissing)) {
          dropped++;
          continue;
        }
        if (kept != null) {
          for (int j = 0; j < row.length; j++) {
            row[j] = kept[j] ? row[j] : "";
          }
          if (keepNone) {
            row = NONE;
          }
        }
        if (rows.size() == lines.length) {
          lines = Arrays.copyOf(lines, lines.length * 2);
          numbers = Arrays.copyOf(numbers, numbers.length * 2);
        }
        lines[rows.size()] = rec.getStartingLineNumber();
        numbers[rows.size()] = dataRow;
        rows.add(row);
      }
      if (header == null) {
        throw new DataException(src.name() + ": is empty");
      }
      int n = rows.size();
      return new TextTable(src.name(), header, rows.toArray(new String[0][]), Arrays.copyOf(lines, n),
          Arrays.copyOf(numbers, n), dropped);
    } catch (IOException e) {
      throw new DataException(src.name() + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static final String[] NONE = new String[0];

  /** Whether a trimmed cell is one of the spellings of a missing value the data readers know. */
  static boolean isMissing(String cell) {
    char[] c = cell.toCharArray();
    return CellValues.isMissing(c, 0, c.length);
  }

  /** The name of the file read, for messages. */
  public String source() {
    return source;
  }

  /** Column names as in the header (trimmed). */
  public List<String> header() {
    return List.of(header);
  }

  /** How many data rows. */
  public int rows() {
    return cells.length;
  }

  /** Data rows dropped for a missing cell. */
  public int dropped() {
    return dropped;
  }

  /** 1-based number of row {@code i} among the file's data rows (dropped ones counted). */
  public int dataRow(int i) {
    return dataRows[i];
  }

  /** Index of a column: exact name first, then ignoring case; -1 if absent. */
  public int indexOf(String name) {
    return TableLayout.indexOf(header, name);
  }

  /** The index of a column that must exist; else an error naming the columns there are. */
  public int require(String name, String what) {
    int j = indexOf(name);
    if (j < 0) {
      throw new InvalidOptionException(what + " '" + name + "' is not in " + source + "; columns: "
          + String.join(", ", header));
    }
    return j;
  }

  /** The cells of column {@code j}. */
  public String[] text(int j) {
    String[] out = new String[cells.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = cells[i][j];
    }
    return out;
  }

  /**
   * Column {@code j} as doubles; a missing, non-numeric or infinite cell is an error naming its
   * line, column and value.
   */
  public double[] numbers(int j) {
    double[] out = new double[cells.length];
    for (int i = 0; i < out.length; i++) {
      String s = cells[i][j];
      double v;
      try {
        v = s.isEmpty() || isMissing(s) ? Double.NaN : JavaDoubleParser.parseDouble(s);
      } catch (NumberFormatException e) {
        throw DataException.at(source, lines[i], j + 1, header[j], "'" + s + "' is not a number");
      }
      if (!Double.isFinite(v)) {
        throw DataException.at(source, lines[i], j + 1, header[j],
            (s.isEmpty() ? "missing value" : "'" + s + "'") + " is not a finite number"
                + (isMissing(s) ? "; use --drop-missing to drop such rows" : ""));
      }
      out[i] = v;
    }
    return out;
  }

  /** The file line of row {@code i}, for messages. */
  public long line(int i) {
    return lines[i];
  }
}
