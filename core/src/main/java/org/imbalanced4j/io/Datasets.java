package org.imbalanced4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;

/**
 * Reads and writes data sets by name: a file path (format from its ending) or {@code
 * builtin:NAME}.
 *
 * <pre>{@code
 * Dataset d = Datasets.read("data/fraud.csv", ReadOptions.builder().optTarget("Class").build());
 * Dataset demo = Datasets.read("builtin:satimage", ReadOptions.defaults());
 * Datasets.write(d, Path.of("out.arff"));
 * }</pre>
 */
public final class Datasets {
  private Datasets() {}

  /** Reads a file path or {@code builtin:NAME}; its format from its extension. */
  public static Dataset read(String spec, ReadOptions opt) {
    return read(DataSource.of(spec), opt);
  }

  /** Reads a source; its format from its name's extension. */
  public static Dataset read(DataSource src, ReadOptions opt) {
    try {
      return DataFormat.of(src.fileName()).read(src, opt);
    } catch (IOException | UncheckedIOException e) {
      String m = e.getMessage();
      throw new DataException(src.name() + ": cannot be read" + (m == null ? "" : " (" + m + ")"), e);
    }
  }

  /**
   * Writes {@code d} to {@code out} in the format of its ending ({@link DataFormat#forOutput}),
   * atomically.
   *
   * @return a file written beside {@code out} (LibSVM's class-code mapping), or null
   */
  public static Path write(Dataset d, Path out) {
    DataFormat f = DataFormat.forOutput(out);
    try {
      return f.write(d, out);
    } catch (IOException e) {
      throw new DataException(out + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }
}
