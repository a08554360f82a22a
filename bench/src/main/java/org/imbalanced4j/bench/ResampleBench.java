package org.imbalanced4j.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerCatalog;

/**
 * Times {@code fitResample} of each named sampler on one CSV: median of {@code repeats} runs
 * after warm-up runs (at least one, and more until two seconds have passed or ten runs, so that
 * the JIT has compiled the code of small inputs, as it has in any longer-lived process), and the peak heap growth during a run (sampled every 5 ms) relative to the
 * input's feature storage. One JSON line per method.
 *
 * <p>Usage: {@code ResampleBench FILE repeats METHOD...}
 */
public final class ResampleBench {
  private ResampleBench() {}

  public static void main(String[] args) throws Exception {
    Dataset d = Datasets.read(args[0], ReadOptions.defaults());
    int repeats = Integer.parseInt(args[1]);
    long inputBytes = (long) d.rows() * d.features() * Float.BYTES;
    for (String method : Arrays.copyOfRange(args, 2, args.length)) {
      Sampler s = SamplerCatalog.create(method, Map.of(), 0);
      int rows = 0;
      double[] t = new double[repeats];
      long peak = 0;
      long warmStart = System.nanoTime();
      for (int w = 0; w < 10 && (w == 0 || System.nanoTime() - warmStart < 2_000_000_000L); w++) {
        s.fitResample(d);
      }
      for (int r = 0; r < repeats; r++) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long base = rt.totalMemory() - rt.freeMemory();
        long[] max = {base};
        Thread watch = new Thread(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            max[0] = Math.max(max[0], rt.totalMemory() - rt.freeMemory());
            try {
              Thread.sleep(5);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
        watch.setDaemon(true);
        watch.start();
        long t0 = System.nanoTime();
        Resampled res = s.fitResample(d);
        double secs = (System.nanoTime() - t0) / 1e9;
        watch.interrupt();
        watch.join();
        rows = res.data().rows();
        res = null; // not held while the next run measures
        t[r] = secs;
        peak = Math.max(peak, max[0] - base);
      }
      Arrays.sort(t);
      System.out.printf(Locale.ROOT,
          "{\"method\":\"%s\",\"rows_in\":%d,\"rows_out\":%d,\"median_seconds\":%.4f,"
              + "\"peak_heap_growth_bytes\":%d,\"input_bytes\":%d}%n",
          method, d.rows(), rows, t[repeats / 2], peak, inputBytes);
    }
  }
}
