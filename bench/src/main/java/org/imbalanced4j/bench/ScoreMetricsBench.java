package org.imbalanced4j.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.imbalanced4j.metrics.ScoreMetrics;

/**
 * Times ROC AUC and average precision on raw arrays written by numpy ({@code labels.u8}: one byte
 * per row, {@code scores.f64}: little-endian doubles): median of {@code repeats} after a warm-up.
 *
 * <p>Usage: {@code ScoreMetricsBench DIR repeats}
 */
public final class ScoreMetricsBench {
  private ScoreMetricsBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int repeats = Integer.parseInt(args[1]);
    byte[] lab = Files.readAllBytes(dir.resolve("labels.u8"));
    ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("scores.f64"))).order(ByteOrder.LITTLE_ENDIAN);
    boolean[] pos = new boolean[lab.length];
    double[] s = new double[lab.length];
    for (int i = 0; i < s.length; i++) {
      pos[i] = lab[i] != 0;
      s[i] = bb.getDouble();
    }
    for (String m : new String[] {"roc_auc_score", "average_precision_score"}) {
      double[] t = new double[repeats];
      double v = 0;
      for (int r = -1; r < repeats; r++) {
        long t0 = System.nanoTime();
        v = m.equals("roc_auc_score") ? ScoreMetrics.rocAuc(pos, s) : ScoreMetrics.averagePrecision(pos, s);
        if (r >= 0) {
          t[r] = (System.nanoTime() - t0) / 1e9;
        }
      }
      Arrays.sort(t);
      System.out.printf(Locale.ROOT, "{\"metric\":\"%s\",\"value\":%.17g,\"median_seconds\":%.4f}%n", m, v, t[repeats / 2]);
    }
  }
}
