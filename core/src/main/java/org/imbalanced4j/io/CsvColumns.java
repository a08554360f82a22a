package org.imbalanced4j.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.imbalanced4j.DataException;

/**
 * Reads named numeric columns of a CSV file in double precision, for values that must not be
 * rounded to float (scores and probabilities whose metrics are compared to 1e-12). Rows are the
 * data rows in file order, blank lines skipped, as {@link CsvDatasetReader} reads them.
 */
public final class CsvColumns {
  private CsvColumns() {}

  /** {@code result[c][i]}: column {@code names.get(c)} of data row i. */
  public static double[][] readDoubles(DataSource src, ReadOptions opt, List<String> names) {
    char sep = opt.delimiter() != 0 ? opt.delimiter()
        : src.fileName().toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
    try (Reader r = new InputStreamReader(src.open(), StandardCharsets.UTF_8);
        CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(sep).skipEmptyLines(true)
            .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(r)) {
      int[] idx = null;
      double[][] out = new double[names.size()][1024];
      int rows = 0;
      for (CsvRecord rec : reader) {
        if (idx == null) {
          String[] header = rec.getFields().stream()
              .map(f -> f.replace("\uFEFF", "").strip()).toArray(String[]::new);
          idx = new int[names.size()];
          for (int c = 0; c < idx.length; c++) {
            idx[c] = TableLayout.indexOf(header, names.get(c));
            if (idx[c] < 0) {
              throw new DataException(src.name() + ": no column '" + names.get(c) + "'");
            }
          }
          continue;
        }
        if (rows == out[0].length) {
          for (int c = 0; c < out.length; c++) {
            out[c] = java.util.Arrays.copyOf(out[c], rows * 2);
          }
        }
        for (int c = 0; c < idx.length; c++) {
          String f = idx[c] < rec.getFieldCount() ? rec.getField(idx[c]).strip() : "";
          try {
            out[c][rows] = JavaDoubleParser.parseDouble(f);
          } catch (NumberFormatException e) {
            throw DataException.at(src.name(), rec.getStartingLineNumber(), idx[c] + 1, names.get(c),
                "'" + f + "' is not a number");
          }
        }
        rows++;
      }
      for (int c = 0; c < out.length; c++) {
        out[c] = java.util.Arrays.copyOf(out[c], rows);
      }
      return out;
    } catch (IOException e) {
      throw new DataException(src.name() + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
