package org.imbalanced4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.imbalanced4j.data.Dataset;

/** The table formats imbalanced4j reads and writes, told apart by the file name's ending. */
public enum DataFormat {
  /** Delimited text with a header row ({@code .csv}, {@code .tsv}, {@code .txt}). */
  CSV,
  /** Weka's Attribute-Relation File Format ({@code .arff}). */
  ARFF,
  /** LibSVM / svmlight sparse text ({@code .libsvm}, {@code .svm}, {@code .svmlight}). */
  LIBSVM;

  /** The format of a file name; CSV unless the ending says otherwise. */
  public static DataFormat of(String fileName) {
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
    return CSV;
  }

  public Dataset read(DataSource src, ReadOptions opt) throws IOException {
    return switch (this) {
      case CSV -> CsvDatasetReader.read(src, opt);
      case ARFF -> ArffDatasetReader.read(src, opt);
      case LIBSVM -> LibSvmDatasetReader.read(src, opt);
    };
  }

  /** Writes atomically: the file appears whole or not at all. */
  public void write(Dataset d, Path out) throws IOException {
    switch (this) {
      case CSV -> DatasetWriters.csv(d, out);
      case ARFF -> DatasetWriters.arff(d, out);
      case LIBSVM -> DatasetWriters.libsvm(d, out);
    }
  }
}
