package org.imbalanced4j.spark.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.distributed.DistributedJobs.CompareRequest;
import org.imbalanced4j.distributed.DistributedJobs.CompareResult;
import org.imbalanced4j.distributed.DistributedJobs.FoldScore;
import org.imbalanced4j.distributed.DistributedJobs.StrategyResult;
import org.imbalanced4j.metrics.LabelReport;
import org.imbalanced4j.spark.data.Labels;
import org.imbalanced4j.spark.ensemble.BalancedBaggingClassifier;
import org.imbalanced4j.spark.ensemble.EasyEnsembleClassifier;
import org.imbalanced4j.spark.metrics.SparkMetrics;
import org.imbalanced4j.spark.sampling.RandomUnderSampler;
import org.imbalanced4j.spark.sampling.Smote;
import org.imbalanced4j.spark.split.StratifiedFolds;
import org.imbalanced4j.spark.weights.ClassWeighter;

/**
 * {@code imb compare --spark}: strategies (a sampler and a Spark learner) under stratified k-fold
 * cross-validation ({@link StratifiedFolds}), leak-free: each fold's sampler and learner see its
 * training rows only. Each test fold is scored with core's metrics as the in-memory compare scores
 * it (balanced accuracy, macro F1, G-mean, MCC, average precision of the rarest class, ROC AUC),
 * and the out-of-fold predictions give each strategy's summed confusion matrix and, for two
 * classes, its ROC and precision-recall curves at 200 probability bins.
 */
final class SparkCompare {
  static final List<String> STRATEGIES = List.of("none + logistic", "none + logistic(class_weight=balanced)",
      "RandomUnderSampler + logistic", "SMOTE + logistic", "none + balanced-bagging(logistic)",
      "none + easy-ensemble", "none + random-forest(class_weight=balanced)");
  private static final int BINS = 200;

  private SparkCompare() {}

  static CompareResult run(SparkSession spark, CompareRequest r) {
    List<String> strategies = r.strategies() == null ? STRATEGIES : r.strategies();
    for (String s : strategies) {
      if (!STRATEGIES.contains(s)) {
        throw InvalidOptionException.unknown("strategy with --spark", s, STRATEGIES);
      }
    }
    Dataset<Row> raw = Tables.read(spark, r.input());
    String[] cols = raw.columns();
    String target = r.target() != null ? r.target() : cols[cols.length - 1];
    Labels.field(raw.schema(), target);
    Labels.Counted counted = Labels.counted(raw, target);
    List<String> names = counted.labels().names();
    long[] counts = counted.counts().counts();
    int k = names.size();
    if (k < 2) {
      throw new DataException("the class column '" + target + "' has a single class: there is nothing to compare");
    }
    Column x = Tables.featureVector(raw, target, "compare on Spark learns from numeric columns", "drop it first");
    Column code = SparkModels.code(raw, target, counted.labels()); // 0..k-1, as Spark's classifiers want
    Dataset<Row> data = raw.select(x.as("features"),
        code.as("label"));
    Dataset<Row> folded = new StratifiedFolds().setNumFolds(r.folds()).setSeed(r.seed()).transform(data)
        .persist(StorageLevel.MEMORY_AND_DISK());
    int rare = counted.counts().minority();
    Map<String, long[][]> confusion = new LinkedHashMap<>();
    Map<String, long[][]> hist = new LinkedHashMap<>();
    Map<String, List<FoldScore>> mine = new LinkedHashMap<>();
    Map<String, String> why = new LinkedHashMap<>();
    Map<String, Integer> dropped = new LinkedHashMap<>();
    for (String s : strategies) {
      confusion.put(s, new long[k][k]);
      hist.put(s, new long[BINS + 1][2]);
      mine.put(s, new ArrayList<>());
    }
    List<String> alive = new ArrayList<>(strategies);
    org.imbalanced4j.experiment.ResultStore store = r.resultsFile() == null ? null
        : new org.imbalanced4j.experiment.ResultStore(java.nio.file.Path.of(r.resultsFile()), r.runId());
    int computed = 0;
    int reused = 0;
    try {
      for (int f = 0; f < r.folds() && !alive.isEmpty(); f++) { // fold by fold, so that racing can drop
        Dataset<Row> train = folded.filter(functions.col("fold").notEqual(f)).drop("fold");
        Dataset<Row> test = folded.filter(functions.col("fold").equalTo(f)).drop("fold");
        for (String s : alive) {
          java.util.Optional<org.imbalanced4j.experiment.FoldResult> stored = store == null
              ? java.util.Optional.empty() : store.get(s, 0, f);
          if (stored.isPresent()) {
            mine.get(s).add(restore(stored.get(), confusion.get(s), hist.get(s)));
            reused++;
            continue;
          }
          long t0 = System.nanoTime();
          try {
            Dataset<Row> predicted = fit(s, train, r.seed() * 31 + f, k).transform(test)
                .select("label", "prediction", "probability").persist(StorageLevel.MEMORY_AND_DISK());
            try {
              long[][] cm = new long[k][k];
              long[][] h = new long[BINS + 1][2];
              FoldScore score = new FoldScore(s, f, metrics(predicted, k, rare, cm, h), (System.nanoTime() - t0) / 1e9);
              add(confusion.get(s), cm);
              add(hist.get(s), h);
              mine.get(s).add(score);
              computed++;
              if (store != null) {
                store.put(stored(score, cm, h));
              }
            } finally {
              predicted.unpersist();
            }
          } catch (DataException e) {
            why.put(s, e.getMessage());
          }
        }
        alive.removeIf(why::containsKey);
        if (r.race() && f + 1 >= 3 && alive.size() > 1) {
          alive = race(alive, mine, f + 1, dropped);
        }
      }
    } finally {
      folded.unpersist();
      if (store != null) {
        store.close();
      }
    }
    List<FoldScore> scores = new ArrayList<>();
    List<StrategyResult> results = new ArrayList<>();
    for (String s : strategies) {
      if (why.containsKey(s)) {
        results.add(new StrategyResult(s, null, null, null, 0, why.get(s)));
      } else {
        scores.addAll(mine.get(s));
        results.add(new StrategyResult(s, confusion.get(s), k == 2 ? roc(hist.get(s)) : null,
            k == 2 ? pr(hist.get(s)) : null, dropped.getOrDefault(s, 0), null));
      }
    }
    return new CompareResult(names, counts, rare, scores, results, computed, reused);
  }

  private static void add(long[][] into, long[][] from) {
    for (int i = 0; i < into.length; i++) {
      for (int j = 0; j < into[i].length; j++) {
        into[i][j] += from[i][j];
      }
    }
  }

  /**
   * A fold's score as the results database keeps it: the metrics, and the fold's confusion matrix
   * and probability histogram as entries {@code _cm_t_p} and {@code _hist_b_y} (counts, exact in a
   * double), so that a resumed run adds them up again.
   */
  private static org.imbalanced4j.experiment.FoldResult stored(FoldScore s, long[][] cm, long[][] hist) {
    Map<String, Double> m = new LinkedHashMap<>(s.metrics());
    for (int t = 0; t < cm.length; t++) {
      for (int q = 0; q < cm.length; q++) {
        m.put("_cm_" + t + "_" + q, (double) cm[t][q]);
      }
    }
    for (int b = 0; b < hist.length; b++) {
      for (int y = 0; y < 2; y++) {
        if (hist[b][y] != 0) {
          m.put("_hist_" + b + "_" + y, (double) hist[b][y]);
        }
      }
    }
    return new org.imbalanced4j.experiment.FoldResult(s.strategy(), 0, s.fold(), m, s.seconds(), new float[0],
        new int[0], List.of());
  }

  /** A stored fold: its score, its counts added to the strategy's. */
  private static FoldScore restore(org.imbalanced4j.experiment.FoldResult f, long[][] confusion, long[][] hist) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : f.metrics().entrySet()) {
      String key = e.getKey();
      if (key.startsWith("_cm_")) {
        String[] tq = key.substring(4).split("_");
        confusion[Integer.parseInt(tq[0])][Integer.parseInt(tq[1])] += e.getValue().longValue();
      } else if (key.startsWith("_hist_")) {
        String[] by = key.substring(6).split("_");
        hist[Integer.parseInt(by[0])][Integer.parseInt(by[1])] += e.getValue().longValue();
      } else {
        metrics.put(key, e.getValue());
      }
    }
    return new FoldScore(f.candidate(), f.fold(), metrics, f.seconds());
  }

  /**
   * Racing (as the in-memory compare races): after {@code folds} folds, the strategies whose
   * balanced accuracy a Friedman test and Nemenyi's critical difference put behind the best
   * (alpha 0.05) run no more folds.
   */
  private static List<String> race(List<String> alive, Map<String, List<FoldScore>> mine, int folds,
      Map<String, Integer> dropped) {
    double[][] scores = new double[folds][alive.size()];
    for (int f = 0; f < folds; f++) {
      for (int i = 0; i < alive.size(); i++) {
        scores[f][i] = mine.get(alive.get(i)).get(f).metrics().get("balanced_accuracy_score");
      }
    }
    List<String> next = new ArrayList<>();
    for (int i : org.imbalanced4j.experiment.Racing.survivors(scores, 0.05)) {
      next.add(alive.get(i));
    }
    for (String s : alive) {
      if (!next.contains(s)) {
        dropped.put(s, folds);
      }
    }
    return next;
  }

  /** The strategy fitted on the training rows of a fold. */
  static Transformer fit(String strategy, Dataset<Row> train, long seed, int k) {
    LogisticRegression lr = new LogisticRegression().setMaxIter(100);
    return switch (strategy) {
      case "none + logistic" -> lr.fit(train);
      case "none + logistic(class_weight=balanced)" ->
          lr.setWeightCol("weight").fit(new ClassWeighter().fit(train).transform(train));
      case "RandomUnderSampler + logistic" -> lr.fit(new RandomUnderSampler().setSeed(seed).resample(train));
      case "SMOTE + logistic" -> lr.fit(new Smote().setSeed(seed).resample(train));
      case "none + balanced-bagging(logistic)" -> new BalancedBaggingClassifier().setBaseEstimator(lr.setMaxIter(50))
          .setNEstimators(10).setSeed(seed).fit(train);
      case "none + easy-ensemble" -> {
        if (k != 2) {
          throw new DataException("its boosted learner (Spark's GBTClassifier) takes two classes, the data has " + k);
        }
        yield new EasyEnsembleClassifier().setNEstimators(10).setSeed(seed).fit(train);
      }
      case "none + random-forest(class_weight=balanced)" -> new RandomForestClassifier().setNumTrees(100)
          .setSeed(seed).setWeightCol("weight").fit(new ClassWeighter().fit(train).transform(train));
      default -> throw new IllegalStateException(strategy);
    };
  }

  /** A test fold's metrics; adds its counts to the strategy's confusion matrix and histogram. */
  private static Map<String, Double> metrics(Dataset<Row> p, int k, int rare, long[][] confusion, long[][] hist) {
    SparkMetrics.Confusion cm = SparkMetrics.confusion(p, "label", "prediction");
    if (cm.classes().size() != k) { // stratified folds hold every class: the classes are "0".."k-1"
      throw new IllegalStateException("a test fold with classes " + cm.classes());
    }
    long[][] m = cm.matrix().toArray();
    for (int t = 0; t < k; t++) {
      for (int q = 0; q < k; q++) {
        confusion[t][q] += m[t][q];
      }
    }
    Map<String, Object> report = LabelReport.of(cm.matrix(), -1, cm.classes());
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("balanced_accuracy_score", (Double) report.get("balanced_accuracy_score"));
    out.put("f1_score_macro", (Double) ((Map<?, ?>) report.get("f1_score")).get("macro"));
    out.put("geometric_mean_score", (Double) ((Map<?, ?>) report.get("geometric_mean_score")).get("multiclass"));
    out.put("matthews_corrcoef", (Double) report.get("matthews_corrcoef"));
    SparkMetrics.Scores s = SparkMetrics.scores(p, "label", "probability", Integer.toString(rare));
    out.put("average_precision_score", s.averagePrecision());
    if (k == 2) {
      out.put("roc_auc_score", s.rocAuc());
      Column proba = org.apache.spark.ml.functions.vector_to_array(functions.col("probability"), "float64")
          .getItem(rare);
      for (Row r : p.select(functions.floor(proba.multiply(BINS)).as("b"), functions.col("label"))
          .groupBy("b", "label").count().collectAsList()) {
        hist[(int) Math.min(BINS, r.getLong(0))][r.getDouble(1) == rare ? 1 : 0] += r.getLong(2);
      }
    } else { // one class against the rest, macro-averaged, as the in-memory compare scores it
      double auc = 0;
      for (int c = 0; c < k; c++) {
        auc += c == rare ? s.rocAuc() : SparkMetrics.scores(p, "label", "probability", Integer.toString(c)).rocAuc();
      }
      out.put("roc_auc_score", auc / k);
    }
    return out;
  }

  /** ROC points (false positive rate, true positive rate) from the highest bin down. */
  static double[][] roc(long[][] hist) {
    long pos = 0;
    long neg = 0;
    for (long[] h : hist) {
      neg += h[0];
      pos += h[1];
    }
    double[] fpr = new double[hist.length + 1];
    double[] tpr = new double[hist.length + 1];
    long tp = 0;
    long fp = 0;
    for (int b = hist.length - 1, i = 1; b >= 0; b--, i++) {
      tp += hist[b][1];
      fp += hist[b][0];
      fpr[i] = neg == 0 ? 0 : (double) fp / neg;
      tpr[i] = pos == 0 ? 0 : (double) tp / pos;
    }
    return new double[][] {fpr, tpr};
  }

  /** Precision-recall points (recall, precision) from the highest bin down, bins without rows skipped. */
  static double[][] pr(long[][] hist) {
    long pos = 0;
    for (long[] h : hist) {
      pos += h[1];
    }
    List<double[]> pts = new ArrayList<>();
    long tp = 0;
    long fp = 0;
    for (int b = hist.length - 1; b >= 0; b--) {
      tp += hist[b][1];
      fp += hist[b][0];
      if (tp + fp > 0 && hist[b][0] + hist[b][1] > 0) {
        pts.add(new double[] {pos == 0 ? 0 : (double) tp / pos, (double) tp / (tp + fp)});
      }
    }
    double[][] out = new double[2][pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      out[0][i] = pts.get(i)[0];
      out[1][i] = pts.get(i)[1];
    }
    return out;
  }
}
