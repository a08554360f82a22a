package org.imbalanced4j.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;

/** Writes a {@link Dataset} as CSV, ARFF or LibSVM, atomically. */
final class DatasetWriters {
  private DatasetWriters() {}

  static void csv(Dataset d, Path out) throws IOException {
    Schema s = d.schema();
    AtomicFiles.writeText(out, w -> {
      CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new NoClose(w));
      String[] rec = new String[s.featureCount() + 1];
      for (int j = 0; j < s.featureCount(); j++) {
        rec[j] = s.feature(j).name();
      }
      rec[rec.length - 1] = s.targetName();
      csv.writeRecord(rec);
      for (int i = 0; i < d.rows(); i++) {
        for (int j = 0; j < s.featureCount(); j++) {
          rec[j] = cell(s.feature(j), d.value(i, j));
        }
        rec[rec.length - 1] = d.className(i);
        csv.writeRecord(rec);
      }
      csv.flush();
    });
  }

  static void arff(Dataset d, Path out) throws IOException {
    Schema s = d.schema();
    AtomicFiles.writeText(out, w -> {
      w.write("@relation imbalanced4j\n\n");
      for (Feature f : s.features()) {
        w.write("@attribute " + quote(f.name()) + " "
            + (f.isCategorical() ? nominal(f.levels()) : "numeric") + "\n");
      }
      w.write("@attribute " + quote(s.targetName()) + " " + nominal(s.classNames()) + "\n\n@data\n");
      for (int i = 0; i < d.rows(); i++) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < s.featureCount(); j++) {
          Feature f = s.feature(j);
          sb.append(f.isCategorical() ? quote(cell(f, d.value(i, j))) : cell(f, d.value(i, j)))
              .append(',');
        }
        w.write(sb.append(quote(d.className(i))).append('\n').toString());
      }
    });
  }

  static void libsvm(Dataset d, Path out) throws IOException {
    Schema s = d.schema();
    if (s.hasCategorical()) {
      throw new org.imbalanced4j.DataException(out + ": LibSVM holds numbers only, but "
          + s.features().stream().filter(Feature::isCategorical).map(Feature::name).toList()
          + " are categorical; write CSV or ARFF instead");
    }
    AtomicFiles.writeText(out, w -> {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < d.rows(); i++) {
        sb.setLength(0);
        sb.append(d.className(i));
        for (int j = 0; j < s.featureCount(); j++) {
          float v = d.value(i, j);
          if (v != 0f) {
            sb.append(' ').append(j + 1).append(':').append(number(v));
          }
        }
        w.write(sb.append('\n').toString());
      }
    });
  }

  /** The text of a cell: the level of a categorical value, else the number. */
  static String cell(Feature f, float v) {
    return f.isCategorical() ? f.levels().get((int) v) : number(v);
  }

  /**
   * The shortest text that reads back as the same float: integers without a fraction, others as
   * {@link Float#toString}.
   */
  static String number(float v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9f) {
      return Long.toString((long) v);
    }
    return Float.toString(v);
  }

  private static String nominal(java.util.List<String> levels) {
    return "{" + String.join(",", levels.stream().map(DatasetWriters::quote).toList()) + "}";
  }

  private static String quote(String s) {
    if (s.matches("[A-Za-z0-9_.+\\-]+")) {
      return s;
    }
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** FastCSV closes its writer; the atomic writer owns the stream. */
  private static final class NoClose extends java.io.FilterWriter {
    NoClose(Writer w) {
      super(w);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
