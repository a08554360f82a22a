package org.imbalanced4j.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.metrics.Average;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.metrics.ProbabilityMetrics;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.split.RepeatedStratifiedKFold;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedKFold;
import org.imbalanced4j.split.StratifiedShuffleSplit;
import org.imbalanced4j.threshold.Thresholds;

/**
 * Scores a candidate under (repeated) stratified k-fold cross-validation, leak-free by
 * construction: for each split, everything that learns — the resampler, the model's scaling and
 * fit, the threshold — sees only the training fold (the threshold a validation part of it); the
 * test fold is only scored.
 *
 * <pre>{@code
 * List<FoldResult> r = CrossValidator.builder().optFolds(5).optSeed(1).build().run(data, candidate);
 * }</pre>
 */
public final class CrossValidator {
  private final int folds;
  private final int repeats;
  private final long seed;

  private CrossValidator(int folds, int repeats, long seed) {
    this.folds = folds;
    this.repeats = repeats;
    this.seed = seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The splits, the same for every candidate. */
  public List<Split> splits(int[] labels) {
    return repeats <= 1
        ? StratifiedKFold.builder().optNSplits(folds).optShuffle(true).optSeed(seed).build().split(labels)
        : RepeatedStratifiedKFold.builder().optNSplits(folds).optNRepeats(repeats).optSeed(seed).build().split(labels);
  }

  public List<FoldResult> run(Dataset data, Candidate c) {
    List<FoldResult> out = new ArrayList<>();
    for (Split s : splits(data.labels())) {
      out.add(runFold(data, c, s));
    }
    return out;
  }

  /** One candidate on one split. */
  public FoldResult runFold(Dataset data, Candidate c, Split s) {
    long t0 = System.nanoTime();
    long foldSeed = (seed + 1000L * s.repeat() + s.fold()) & 0xffffffffL;
    Dataset train = data.subset(s.train());
    Dataset test = data.subset(s.test());
    int k = data.classCount();
    boolean binary = train.classCounts().presentClassCount() == 2 && k == 2;
    Dataset fitOn = train;
    Dataset validation = null;
    if (c.tunedThreshold() && binary) {
      Split inner = StratifiedShuffleSplit.trainTestSplit(train.labels(), 0.25, foldSeed);
      fitOn = train.subset(inner.train());
      validation = train.subset(inner.test());
    }
    if (c.sampler() != null) {
      fitOn = c.sampler().apply(foldSeed).fitResample(fitOn).data();
    }
    Model model = c.trainer().fit(fitOn, validation, foldSeed);
    double[][] p = model.predictProba(test);
    int rare = train.classCounts().minority();
    int[] predicted;
    if (validation != null) {
      double[][] pv = model.predictProba(validation);
      int[] yv = validation.labels();
      boolean[] pos = new boolean[yv.length];
      double[] sv = new double[yv.length];
      for (int i = 0; i < yv.length; i++) {
        pos[i] = yv[i] == rare;
        sv[i] = pv[i][rare];
      }
      double t = Thresholds.maximizeFbeta(pos, sv, 1.0).threshold();
      predicted = new int[test.rows()];
      for (int i = 0; i < predicted.length; i++) {
        predicted[i] = p[i][rare] >= t ? rare : 1 - rare;
      }
    } else {
      predicted = Thresholds.applyOffsets(p, new double[k]);
    }
    return new FoldResult(c.name(), s.repeat(), s.fold(), metrics(test.labels(), predicted, p, k, rare),
        (System.nanoTime() - t0) / 1e9);
  }

  /** The metrics of a fold, keyed as {@code imb evaluate --json} keys them. */
  static Map<String, Double> metrics(int[] y, int[] pred, double[][] p, int k, int rare) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("balanced_accuracy_score", LabelMetrics.balancedAccuracy(y, pred, k, false));
    m.put("f1_score_macro", LabelMetrics.precisionRecallFscore(y, pred, k, 1, Average.MACRO, 0, 0)[2]);
    m.put("geometric_mean_score", LabelMetrics.geometricMean(y, pred, k, null, 0, 0.0));
    m.put("matthews_corrcoef", LabelMetrics.matthews(y, pred, k));
    boolean[] pos = new boolean[y.length];
    double[] s = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      pos[i] = y[i] == rare;
      s[i] = p[i][rare];
    }
    m.put("average_precision_score", ScoreMetrics.averagePrecision(pos, s));
    m.put("roc_auc_score", k == 2 ? ScoreMetrics.rocAuc(pos, s) : ProbabilityMetrics.rocAucOvr(y, p, Average.MACRO));
    LabelMetrics.PerClass pc = LabelMetrics.perClass(y, pred, k, 1, 0);
    for (int i = 0; i < pc.labels().length; i++) {
      m.put("recall_class_" + pc.labels()[i], pc.recall()[i]);
    }
    return m;
  }

  /** Builder: {@code optFolds} (5), {@code optRepeats} (1), {@code optSeed} (0). */
  public static final class Builder {
    private int folds = 5;
    private int repeats = 1;
    private long seed;

    public Builder optFolds(int folds) {
      this.folds = folds;
      return this;
    }

    public Builder optRepeats(int repeats) {
      this.repeats = repeats;
      return this;
    }

    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public CrossValidator build() {
      return new CrossValidator(folds, repeats, seed);
    }
  }
}
