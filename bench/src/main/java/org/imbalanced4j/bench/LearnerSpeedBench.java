package org.imbalanced4j.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.imbalanced4j.anomaly.Detector;
import org.imbalanced4j.anomaly.Detectors;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.metrics.OneVsRest;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.model.Trainer;

/**
 * Times a learner or a detector on one CSV, median of {@code repeats} runs (seeds 0, 1, ...) after a
 * warm-up, and prints one JSON line with the time and the mean ROC-AUC (and, for a learner, balanced
 * accuracy at argmax) over the runs, so the peer's figures can be checked beside it.
 *
 * <ul>
 *   <li>{@code learner NAME}: fit on rows {@code i % 5 != 4} and {@code predict_proba} of rows {@code
 *       i % 5 == 4} (the ROC-AUC is the rare class's there);
 *   <li>{@code detector NAME}: standardise, fit on all rows, score all rows, as scikit-learn's {@code
 *       fit} + {@code score_samples} (the ROC-AUC is of the score against "not the majority").
 * </ul>
 *
 * <p>Usage: {@code LearnerSpeedBench FILE repeats learner|detector NAME [key=value...]}
 */
public final class LearnerSpeedBench {
  private static double balancedAccuracy = Double.NaN;

  private LearnerSpeedBench() {}

  public static void main(String[] args) throws Exception {
    Dataset d = Datasets.read(args[0], ReadOptions.defaults());
    int repeats = Integer.parseInt(args[1]);
    boolean detector = args[2].equals("detector");
    String name = args[3];
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 4; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      params.put(kv[0], kv[1]);
    }
    double[] t = new double[repeats];
    double auc = 0;
    double ba = 0;
    for (int r = repeats > 1 ? -1 : 0; r < repeats; r++) { // r = -1: warm-up (for several runs); means over seeds
      long t0 = System.nanoTime();
      double a = detector ? detect(d, name, params, r) : learn(d, name, params, r);
      if (r >= 0) {
        t[r] = (System.nanoTime() - t0) / 1e9;
        auc += a / repeats;
        ba += balancedAccuracy / repeats;
      }
    }
    Arrays.sort(t);
    System.out.printf(Locale.ROOT, "{\"rows\":%d,\"median_seconds\":%.4f,\"roc_auc\":%.6f,"
        + "\"balanced_accuracy\":%.6f}%n", d.rows(), t[repeats / 2], auc, ba);
  }

  private static double learn(Dataset d, String name, Map<String, String> params, long seed) {
    Trainer tr = LearnerCatalog.create(name, params);
    Dataset train = d.subset(IntStream.range(0, d.rows()).filter(i -> i % 5 != 4).toArray()).compact();
    Dataset test = d.subset(IntStream.range(0, d.rows()).filter(i -> i % 5 == 4).toArray()).compact();
    Model m = tr.fit(train, null, seed);
    double[][] p = m.predictProba(test);
    int[] pred = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      for (int c = 1; c < p[i].length; c++) {
        pred[i] = p[i][c] > p[i][pred[i]] ? c : pred[i];
      }
    }
    balancedAccuracy = org.imbalanced4j.metrics.LabelMetrics.balancedAccuracy(test.labels(), pred, d.classCount(), false);
    OneVsRest v = OneVsRest.of(test.labels(), p, d.classCounts().minority());
    return ScoreMetrics.rocAuc(v.positive(), v.score());
  }

  private static double detect(Dataset d, String name, Map<String, String> params, long seed) {
    Detector det = Detectors.create(name, new Params(name, params, Detectors.params(name).stream().map(Param::name)
        .toList()));
    Standardizer std = Standardizer.fit(d);
    float[] x = std.transform(d);
    double[] s = det.fit(x, d.rows(), std.width(), seed).anomaly(x, d.rows());
    int majority = d.classCounts().majority();
    boolean[] rare = new boolean[d.rows()];
    for (int i = 0; i < rare.length; i++) {
      rare[i] = d.label(i) != majority;
    }
    return ScoreMetrics.rocAuc(rare, s);
  }
}
