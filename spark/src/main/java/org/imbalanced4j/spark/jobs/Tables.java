package org.imbalanced4j.spark.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;

/**
 * Tables in and out on Spark: CSV (with a header) or Parquet (a {@code .parquet} file or a
 * directory of parts), the kind by the name. Outputs are written beside the target and renamed
 * into place, so a failed run leaves no half-written file: a CSV output is one file, a Parquet
 * output a directory.
 */
public final class Tables {
  private Tables() {}

  static boolean isParquet(String path) {
    return path.toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  /** The table at {@code path}. */
  public static Dataset<Row> read(SparkSession spark, String path) {
    Path p = Path.of(path);
    if (!path.contains("://") && !Files.exists(p)) {
      throw new DataException("no such file: " + path);
    }
    try {
      if (isParquet(path) || (Files.isDirectory(p) && !path.contains("://"))) {
        return spark.read().parquet(path);
      }
      String lower = path.toLowerCase(Locale.ROOT);
      if (!lower.endsWith(".csv") && !lower.endsWith(".csv.gz") && !lower.endsWith(".txt")) {
        throw new InvalidOptionException("with --spark, inputs are CSV (.csv) or Parquet (.parquet or a "
            + "directory); " + path + " is neither");
      }
      return spark.read().option("header", "true").option("inferSchema", "true").option("mode", "FAILFAST")
          .csv(path);
    } catch (DataException | InvalidOptionException e) {
      throw e;
    } catch (Exception e) { // Spark's AnalysisException, undeclared
      throw new DataException(path + ": " + firstLine(e.getMessage()));
    }
  }

  /** Writes {@code data} to {@code path} (CSV or Parquet by the name), atomically. */
  public static void write(Dataset<Row> data, String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    boolean parquet = isParquet(path);
    if (!parquet && !lower.endsWith(".csv")) {
      throw new InvalidOptionException("with --spark, outputs are CSV (.csv) or Parquet (.parquet); " + path
          + " is neither");
    }
    org.imbalanced4j.spark.data.Stages.name(data.sparkSession().sparkContext(), "write " + path);
    Path target = Path.of(path).toAbsolutePath();
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + System.nanoTime());
    try {
      if (parquet) {
        data.write().parquet(tmp.toString());
        replace(tmp, target);
      } else {
        data.coalesce(1).write().option("header", "true").csv(tmp.toString());
        Path part;
        try (Stream<Path> files = Files.list(tmp)) {
          part = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst()
              .orElseThrow(() -> new DataException("Spark wrote no part file to " + tmp));
        }
        Path file = target.resolveSibling("." + target.getFileName() + ".part-" + System.nanoTime());
        Files.move(part, file);
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        delete(tmp);
      }
    } catch (IOException e) {
      delete(tmp);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      delete(tmp);
      throw e;
    }
  }

  /** Puts directory {@code from} where {@code to} is, the old one (if any) removed after. */
  private static void replace(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      Path old = to.resolveSibling("." + to.getFileName() + ".old-" + System.nanoTime());
      Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      delete(old);
    } else {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(walk.toList());
      java.util.Collections.reverse(all);
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary left behind is not worth failing the run
    }
  }

  /**
   * Every column but {@code target} as one features vector, an empty cell as NaN (which the
   * samplers refuse by row); a column that is not numeric is a data error: "{@code need}; column
   * 'x' is string ({@code hint})".
   */
  static org.apache.spark.sql.Column featureVector(Dataset<Row> raw, String target, String need, String hint) {
    List<org.apache.spark.sql.Column> x = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : raw.schema().fields()) {
      if (f.name().equals(target)) {
        continue;
      }
      if (!(f.dataType() instanceof org.apache.spark.sql.types.NumericType)) {
        throw new DataException(need + "; column '" + f.name() + "' is " + f.dataType().simpleString() + " (" + hint
            + ")");
      }
      x.add(org.apache.spark.sql.functions.coalesce(org.imbalanced4j.spark.data.Labels.col(raw, f.name())
          .cast("double"), org.apache.spark.sql.functions.lit(Double.NaN)));
    }
    if (x.isEmpty()) {
      throw new DataException("no feature columns beside the class column '" + target + "'");
    }
    return org.apache.spark.ml.functions.array_to_vector(org.apache.spark.sql.functions.array(
        x.toArray(org.apache.spark.sql.Column[]::new)));
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String s = message.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
