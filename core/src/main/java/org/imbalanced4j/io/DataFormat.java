package org.imbalanced4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;

/**
 * The table formats imbalanced4j reads and writes, told apart by the file name's ending. Reading
 * takes any other ending as CSV; writing refuses an ending it does not know ({@link #forOutput}),
 * so that {@code out.xlsx} is never a CSV file under a misleading name.
 */
public enum DataFormat {
  /** Comma-separated text with a header row ({@code .csv}, {@code .txt}). */
  CSV(',', ".csv"),
  /** Tab-separated text with a header row ({@code .tsv}). */
  TSV('\t', ".tsv"),
  /** Weka's Attribute-Relation File Format ({@code .arff}). */
  ARFF((char) 0, ".arff"),
  /** LibSVM / svmlight sparse text ({@code .libsvm}, {@code .svm}, {@code .svmlight}). */
  LIBSVM((char) 0, ".libsvm");

  private final char separator;
  private final String ending;

  DataFormat(char separator, String ending) {
    this.separator = separator;
    this.ending = ending;
  }

  /** The field separator of a delimited format. */
  public char separator() {
    return separator;
  }

  /** The format of a file name when reading; CSV unless the ending says otherwise. */
  public static DataFormat of(String fileName) {
    DataFormat f = known(fileName);
    return f == null ? CSV : f;
  }

  /**
   * The format of an output file, from its ending (uncompressed); an unknown ending is an
   * error naming the known ones.
   */
  public static DataFormat forOutput(Path out) {
    String name = String.valueOf(out.getFileName());
    DataFormat f = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? null : known(name);
    if (f == null) {
      throw new InvalidOptionException("cannot tell the format of '" + name + "' from its ending; "
          + "known: .csv, .tsv, .txt (CSV), .arff, .libsvm, .svm, .svmlight");
    }
    return f;
  }

  private static DataFormat known(String fileName) {
    String f = fileName.toLowerCase(Locale.ROOT);
    if (f.endsWith(".gz")) {
      f = f.substring(0, f.length() - 3);
    }
    if (f.endsWith(".arff")) {
      return ARFF;
    }
    if (f.endsWith(".libsvm") || f.endsWith(".svm") || f.endsWith(".svmlight")) {
      return LIBSVM;
    }
    if (f.endsWith(".tsv") || f.endsWith(".tab")) {
      return TSV;
    }
    if (f.endsWith(".csv") || f.endsWith(".txt")) {
      return CSV;
    }
    return null;
  }

  /** Whether this is a delimited text format (CSV or TSV). */
  public boolean isDelimited() {
    return this == CSV || this == TSV;
  }

  /** Reads a table of this format. */
  public Dataset read(DataSource src, ReadOptions opt) throws IOException {
    return switch (this) {
      case CSV, TSV -> CsvDatasetReader.read(src, opt);
      case ARFF -> ArffDatasetReader.read(src, opt);
      case LIBSVM -> LibSvmDatasetReader.read(src, opt);
    };
  }

  /**
   * Writes atomically: the file appears whole or not at all.
   *
   * @return a file written beside {@code out} (LibSVM's class mapping), or null
   */
  public Path write(Dataset d, Path out) throws IOException {
    switch (this) {
      case CSV, TSV -> DatasetWriters.delimited(d, out, separator);
      case ARFF -> DatasetWriters.arff(d, out);
      case LIBSVM -> {
        return DatasetWriters.libsvm(d, out);
      }
    }
    return null;
  }

  /** The separator to read {@code src} with: the one given, else the ending's. */
  static char separatorOf(DataSource src, ReadOptions opt) {
    if (opt.delimiter() != 0) {
      return opt.delimiter();
    }
    DataFormat f = of(src.fileName());
    return f == TSV ? '\t' : ',';
  }
}
