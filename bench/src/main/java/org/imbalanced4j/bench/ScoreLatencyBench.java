package org.imbalanced4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.api.Models;
import org.imbalanced4j.api.ScoringModel;

/**
 * Latency of scoring one row through the library, warm: {@code Models.load(dir)}, then each row
 * of a CSV scored alone, as a map of feature name to value as a service receives it ({@code map})
 * or as a {@code double[]} in feature order ({@code array}, numeric tables). Warm-up for two
 * seconds, then {@code n} timed calls cycling over the rows. One JSON line: p50, p99 and mean in
 * microseconds.
 *
 * <p>Usage: {@code ScoreLatencyBench MODEL_DIR FILE.csv map|array N}
 */
public final class ScoreLatencyBench {
  private ScoreLatencyBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the model directory, the CSV, the row form and the number of timed calls
   */
  public static void main(String[] args) throws Exception {
    ScoringModel m = Models.load(Path.of(args[0]));
    List<String> lines = Files.readAllLines(Path.of(args[1]));
    boolean map = args[2].equals("map");
    int n = Integer.parseInt(args[3]);
    String[] header = lines.get(0).split(",");
    List<Map<String, Object>> maps = new ArrayList<>();
    List<double[]> arrays = new ArrayList<>();
    for (String line : lines.subList(1, Math.min(lines.size(), 1001))) {
      String[] f = line.split(",");
      Map<String, Object> row = new HashMap<>();
      for (int j = 0; j < header.length; j++) {
        row.put(header[j], f[j]);
      }
      maps.add(row);
      if (!map) {
        arrays.add(m.features().stream().mapToDouble(name -> Double.parseDouble((String) row.get(name))).toArray());
      }
    }
    double sink = 0;
    long warm = System.nanoTime();
    for (int i = 0; System.nanoTime() - warm < 2_000_000_000L; i++) {
      sink += map ? m.predictProba(maps.get(i % maps.size()))[0] : m.predictProba(arrays.get(i % arrays.size()))[0];
    }
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      double[] p = map ? m.predictProba(maps.get(i % maps.size())) : m.predictProba(arrays.get(i % arrays.size()));
      t[i] = System.nanoTime() - t0;
      sink += p[0];
    }
    Arrays.sort(t);
    double mean = Arrays.stream(t).average().orElse(0) / 1e3;
    System.out.printf(Locale.ROOT, "{\"p50_us\":%.1f,\"p99_us\":%.1f,\"mean_us\":%.1f,\"calls\":%d,\"sink\":%.3f}%n",
        t[n / 2] / 1e3, t[(int) (n * 0.99)] / 1e3, mean, n, sink);
  }
}
