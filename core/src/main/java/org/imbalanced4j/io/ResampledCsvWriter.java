package org.imbalanced4j.io;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.data.Dataset;

/**
 * Writes a resampled CSV so that no input value is ever re-typed: every kept input row is copied
 * from the input file's own text, field for field, in input order; then come the extra copies
 * (bootstrap draws) and the synthetic rows, in the sampler's order, the synthetic ones formatted
 * from their float values. Columns keep the input's order. The file is written atomically.
 */
public final class ResampledCsvWriter {
  private ResampledCsvWriter() {}

  /**
   * @param input the CSV the data was read from, with the same options
   * @param out the resampled data
   * @param source for each output row, its input row (as read, after dropped rows) or -1
   */
  public static void write(DataSource input, ReadOptions opt, Dataset out, int[] source, Path target)
      throws IOException {
    char sep = DataFormat.separatorOf(input, opt);
    char outSep = DataFormat.forOutput(target).separator();
    int maxSource = -1;
    for (int s : source) {
      maxSource = Math.max(maxSource, s);
    }
    int[] copies = new int[maxSource + 1];
    for (int s : source) {
      if (s >= 0) {
        copies[s]++;
      }
    }
    Map<Integer, List<String>> extra = new HashMap<>();
    AtomicFiles.writeText(target, w -> {
      CsvWriter csv = CsvWriter.builder().fieldSeparator(outSep).lineDelimiter(LineDelimiter.LF)
          .build(new java.io.FilterWriter(w) {
            @Override
            public void close() throws IOException {
              flush();
            }
          });
      try (Reader r = new InputStreamReader(input.open(), StandardCharsets.UTF_8);
          CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(sep).skipEmptyLines(true)
              .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(r)) {
        boolean header = true;
        int row = 0;
        for (CsvRecord rec : reader) {
          List<String> fields = rec.getFields();
          if (header) {
            if (!fields.isEmpty() && !fields.get(0).isEmpty() && fields.get(0).charAt(0) == '\uFEFF') {
              fields = new java.util.ArrayList<>(fields);
              fields.set(0, fields.get(0).substring(1));
            }
            csv.writeRecord(fields);
            header = false;
            continue;
          }
          if (opt.dropMissing() && hasMissing(fields)) {
            continue; // the reader dropped this row too
          }
          if (row < copies.length && copies[row] > 0) {
            csv.writeRecord(fields);
            if (copies[row] > 1) {
              extra.put(row, fields);
            }
          }
          row++;
        }
      }
      boolean[] seen = new boolean[copies.length];
      for (int i = 0; i < source.length; i++) {
        int s = source[i];
        if (s < 0) {
          csv.writeRecord(DatasetWriters.record(out, i));
        } else if (seen[s]) {
          csv.writeRecord(extra.get(s));
        } else {
          seen[s] = true;
        }
      }
      csv.flush();
    });
  }

  private static boolean hasMissing(List<String> fields) {
    return fields.stream().anyMatch(f -> TextTable.isMissing(f.strip()));
  }
}
