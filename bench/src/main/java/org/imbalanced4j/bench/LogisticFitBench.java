package org.imbalanced4j.bench;

import java.util.Arrays;
import java.util.Locale;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.model.LinearModel;
import org.imbalanced4j.model.LogisticRegression;

/**
 * Times {@code LogisticRegression.fit} (standardising included, as scikit-learn's {@code
 * StandardScaler} + {@code LogisticRegression} pipeline) on all rows of one CSV: the median of
 * {@code repeats} fits after warm-up fits (until two seconds or ten fits have passed). One JSON
 * line with the time, the Newton steps and whether the fit converged.
 *
 * <p>Usage: {@code LogisticFitBench FILE repeats CLASS_WEIGHT}
 */
public final class LogisticFitBench {
  private LogisticFitBench() {}

  public static void main(String[] args) throws Exception {
    Dataset d = Datasets.read(args[0], ReadOptions.defaults());
    int repeats = Integer.parseInt(args[1]);
    LogisticRegression lr = LogisticRegression.builder().optClassWeight(args[2]).build();
    long warmStart = System.nanoTime();
    for (int w = 0; w < 10 && (w == 0 || System.nanoTime() - warmStart < 2_000_000_000L); w++) {
      lr.fit(d, null, 0);
    }
    double[] t = new double[repeats];
    LinearModel m = null;
    for (int r = 0; r < repeats; r++) {
      long t0 = System.nanoTime();
      m = lr.fit(d, null, 0);
      t[r] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    System.out.printf(Locale.ROOT, "{\"rows\":%d,\"median_seconds\":%.4f,\"n_iter\":%s,\"converged\":%b}%n",
        d.rows(), t[repeats / 2], m.provenance().parameters().get("n_iter"), m.warnings().isEmpty());
  }
}
