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

  static void delimited(Dataset d, Path out, char separator) throws IOException {
    Schema s = d.schema();
    AtomicFiles.writeText(out, w -> {
      CsvWriter csv = CsvWriter.builder().fieldSeparator(separator).lineDelimiter(LineDelimiter.LF)
          .build(new NoClose(w));
      csv.writeRecord(s.columnNames());
      for (int i = 0; i < d.rows(); i++) {
        csv.writeRecord(record(d, i));
      }
      csv.flush();
    });
  }

  static void arff(Dataset d, Path out) throws IOException {
    Schema s = d.schema();
    AtomicFiles.writeText(out, w -> {
      w.write("@relation imbalanced4j\n\n");
      int t = s.targetColumn();
      for (int c = 0; c <= s.featureCount(); c++) {
        if (c == t) {
          w.write("@attribute " + quote(s.targetName()) + " " + nominal(s.classNames()) + "\n");
        } else {
          Feature f = s.feature(c < t ? c : c - 1);
          w.write("@attribute " + quote(f.name()) + " "
              + (f.isCategorical() ? nominal(f.levels()) : "numeric") + "\n");
        }
      }
      w.write("\n@data\n");
      for (int i = 0; i < d.rows(); i++) {
        String[] rec = record(d, i);
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < rec.length; c++) {
          boolean numeric = c != t && !s.feature(c < t ? c : c - 1).isCategorical();
          sb.append(c == 0 ? "" : ",").append(numeric ? rec[c] : quote(rec[c]));
        }
        w.write(sb.append('\n').toString());
      }
    });
  }

  /**
   * LibSVM labels are numbers: class names that all read as numbers are written as they are,
   * other classes as their codes 0..k-1 (in class order), with the mapping written beside the file
   * as {@code <file>.classes.csv} ({@code code,class}) so that scikit-learn's {@code
   * load_svmlight_file} reads the file and a person can name its classes.
   *
   * @return the mapping file, or null when the names were numbers already
   */
  static Path libsvm(Dataset d, Path out) throws IOException {
    Schema s = d.schema();
    if (s.hasCategorical()) {
      throw new org.imbalanced4j.DataException(out + ": LibSVM holds numbers only, but "
          + s.features().stream().filter(Feature::isCategorical).map(Feature::name).toList()
          + " are categorical; write CSV or ARFF instead");
    }
    boolean numeric = s.classNames().stream().allMatch(DatasetWriters::isNumber);
    Path mapping = null;
    if (!numeric) {
      mapping = out.resolveSibling(out.getFileName() + ".classes.csv");
      AtomicFiles.writeText(mapping, w -> {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new NoClose(w));
        csv.writeRecord("code", "class");
        for (int c = 0; c < s.classNames().size(); c++) {
          csv.writeRecord(Integer.toString(c), s.classNames().get(c));
        }
        csv.flush();
      });
    }
    AtomicFiles.writeText(out, w -> {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < d.rows(); i++) {
        sb.setLength(0);
        sb.append(numeric ? d.className(i).strip() : Integer.toString(d.label(i)));
        for (int j = 0; j < s.featureCount(); j++) {
          float v = d.value(i, j);
          if (v != 0f) {
            sb.append(' ').append(j + 1).append(':').append(number(v));
          }
        }
        w.write(sb.append('\n').toString());
      }
    });
    return mapping;
  }

  private static boolean isNumber(String s) {
    try {
      return Double.isFinite(Double.parseDouble(s.strip()));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Row {@code i} as text, columns in the source file's order. */
  static String[] record(Dataset d, int i) {
    Schema s = d.schema();
    String[] rec = new String[s.featureCount() + 1];
    int t = s.targetColumn();
    for (int j = 0; j < s.featureCount(); j++) {
      rec[j < t ? j : j + 1] = cell(s.feature(j), d.value(i, j));
    }
    rec[t] = d.className(i);
    return rec;
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
