package org.imbalanced4j.cli.options;

import java.util.LinkedHashSet;
import java.util.List;
import org.imbalanced4j.io.ReadOptions;
import picocli.CommandLine.Option;

/** How to read the input table; shared by every command that reads one. */
public final class DataOptions {
  @Option(
      names = "--target",
      paramLabel = "COL",
      description = "Target column (default: a column named 'label' or 'class', else the last).")
  String target;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description = "CSV field separator (default: ',' or tab for .tsv); 'tab' for a tab.")
  String delimiter;

  @Option(
      names = "--drop-missing",
      description = "Drop rows with a missing value (empty, NA, NaN, ?) instead of failing.")
  boolean dropMissing;

  @Option(
      names = "--categorical",
      paramLabel = "COLS",
      split = ",",
      description = "Columns to read as categorical, comma-separated (default: columns whose values"
          + " are mostly not numbers).")
  List<String> categorical = List.of();

  /** The target column named by {@code --target}, or null. */
  public String target() {
    return target;
  }

  /** The read options these flags describe. */
  public ReadOptions toReadOptions() {
    return ReadOptions.builder()
        .optTarget(target)
        .optDelimiter(delimiterChar())
        .optDropMissing(dropMissing)
        .optCategorical(new LinkedHashSet<>(categorical))
        .build();
  }

  private char delimiterChar() {
    if (delimiter == null) {
      return 0;
    }
    String d = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
    if (d.length() != 1) {
      throw new org.imbalanced4j.InvalidOptionException(
          "--delimiter must be one character or 'tab', got '" + delimiter + "'");
    }
    return d.charAt(0);
  }
}
