package org.imbalanced4j.io;

import java.util.Set;

/**
 * How to read a table.
 *
 * <pre>{@code
 * ReadOptions o = ReadOptions.builder().optTarget("Class").optDropMissing(true).build();
 * }</pre>
 *
 * @param target the target column's name; null means a column named {@code label} or {@code
 *     class} (any case), else the last column
 * @param delimiter the CSV field separator; 0 means {@code \t} for {@code .tsv} files, else comma
 * @param dropMissing drop rows with a missing value instead of failing
 * @param categorical columns to read as categorical whatever their values look like
 * @param minClasses the fewest classes the target may have (2 for learning, 1 to score)
 * @param threads how many threads may parse; 0 means one per available core
 * @param withoutTarget every column is a feature (data to score); labels are all 0 of one
 *     placeholder class
 */
public record ReadOptions(
    String target,
    char delimiter,
    boolean dropMissing,
    Set<String> categorical,
    int minClasses,
    int threads,
    boolean withoutTarget) {

  /** Copies the categorical columns. */
  public ReadOptions {
    categorical = Set.copyOf(categorical);
  }

  /** The defaults: target found by name or last, comma, no missing values, two classes at least. */
  public static ReadOptions defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of parsing threads to use. */
  int threadCount() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder()
        .optTarget(target)
        .optDelimiter(delimiter)
        .optDropMissing(dropMissing)
        .optCategorical(categorical)
        .optMinClasses(minClasses)
        .optThreads(threads)
        .optWithoutTarget(withoutTarget);
  }

  /** Builder; every option is optional. */
  public static final class Builder {
    private String target;
    private char delimiter;
    private boolean dropMissing;
    private Set<String> categorical = Set.of();
    private int minClasses = 2;
    private int threads;
    private boolean withoutTarget;

    /** Sets whether every column is a feature (data to score). */
    public Builder optWithoutTarget(boolean withoutTarget) {
      this.withoutTarget = withoutTarget;
      return this;
    }

    /** Sets the target column's name. */
    public Builder optTarget(String target) {
      this.target = target;
      return this;
    }

    /** Sets the CSV field separator. */
    public Builder optDelimiter(char delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    /** Sets whether rows with a missing value are dropped instead of failing. */
    public Builder optDropMissing(boolean dropMissing) {
      this.dropMissing = dropMissing;
      return this;
    }

    /** Sets the columns read as categorical whatever their values look like. */
    public Builder optCategorical(Set<String> columns) {
      this.categorical = columns;
      return this;
    }

    /** Sets the fewest classes the target may have. */
    public Builder optMinClasses(int minClasses) {
      this.minClasses = minClasses;
      return this;
    }

    /** Sets how many threads may parse (0: one per core). */
    public Builder optThreads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Builds the {@code ReadOptions}. */
    public ReadOptions build() {
      return new ReadOptions(target, delimiter, dropMissing, categorical, minClasses, threads,
          withoutTarget);
    }
  }
}
