package org.imbalanced4j.bench;

import java.util.Arrays;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;

/**
 * Times {@link Datasets#read} on one CSV file: the first (cold) read, then the median of {@code
 * repeats} further reads. Prints one JSON line for scripts/bench/read_csv.sh.
 *
 * <p>Usage: {@code ReadCsvBench FILE [repeats]}
 */
public final class ReadCsvBench {
  private ReadCsvBench() {}

  public static void main(String[] args) {
    String file = args[0];
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long t0 = System.nanoTime();
    Dataset d = Datasets.read(file, ReadOptions.defaults());
    double cold = (System.nanoTime() - t0) / 1e9;
    double[] times = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long t = System.nanoTime();
      d = Datasets.read(file, ReadOptions.defaults());
      times[r] = (System.nanoTime() - t) / 1e9;
    }
    Arrays.sort(times);
    double median = times[repeats / 2];
    System.out.printf(java.util.Locale.ROOT,
        "{\"rows\":%d,\"features\":%d,\"cold_seconds\":%.4f,\"median_seconds\":%.4f,\"threads\":%d}%n",
        d.rows(), d.features(), cold, median, Runtime.getRuntime().availableProcessors());
  }
}
