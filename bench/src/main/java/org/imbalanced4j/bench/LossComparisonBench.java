package org.imbalanced4j.bench;

import ai.djl.training.loss.Loss;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.losses.FocalLoss;
import org.imbalanced4j.djl.losses.LogitAdjustedLoss;
import org.imbalanced4j.djl.losses.WeightedCrossEntropyLoss;
import org.imbalanced4j.djl.training.TrainingLoop;
import org.imbalanced4j.djl.training.NeuralModel;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.model.io.SavedModel;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.metrics.Average;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedShuffleSplit;
import org.imbalanced4j.weights.ClassWeights;

/**
 * Does an imbalance-aware loss beat plain cross-entropy? For each data set: a stratified
 * 60/20/20 train/validation/test split, the same MLP, epoch budget and seeds for every loss; the
 * best validation epoch (macro-F1) is scored on the untouched test rows with argmax predictions.
 * Prints macro-F1 and minority recall, mean of the seeds.
 *
 * <p>Usage: {@code LossComparisonBench epochs seeds DATASET...}
 */
public final class LossComparisonBench {
  private LossComparisonBench() {}

  public static void main(String[] args) throws Exception {
    int epochs = Integer.parseInt(args[0]);
    int seeds = Integer.parseInt(args[1]);
    for (int a = 2; a < args.length; a++) {
      Dataset all = Datasets.read(args[a], ReadOptions.defaults());
      Map<String, Function<long[], Loss>> losses = new LinkedHashMap<>();
      losses.put("ce", c -> new WeightedCrossEntropyLoss(null, 0));
      losses.put("focal", c -> new FocalLoss(2, null));
      losses.put("class-balanced", c -> new WeightedCrossEntropyLoss(ClassWeights.effectiveNumber(c, 0.999), 0));
      losses.put("logit-adjusted", c -> new LogitAdjustedLoss(c, 1.0));
      for (Map.Entry<String, Function<long[], Loss>> l : losses.entrySet()) {
        double f1 = 0;
        double rec = 0;
        for (int s = 0; s < seeds; s++) {
          Split outer = StratifiedShuffleSplit.trainTestSplit(all.labels(), 0.2, s);
          Dataset rest = all.subset(outer.train());
          Dataset test = all.subset(outer.test());
          Split inner = StratifiedShuffleSplit.trainTestSplit(rest.labels(), 0.25, s);
          Dataset train = rest.subset(inner.train()).compact();
          Dataset val = rest.subset(inner.test());
          long[] counts = train.classCounts().counts();
          TrainingLoop.Result r = TrainingLoop.builder().setLoss(l.getValue().apply(counts))
              .optEpochs(epochs).optPatience(epochs).optSeed(s).build().fit(train, val);
          java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cmp");
          ModelDirectory.save(dir, new NeuralModel(train.schema(), r, new Provenance(l.getKey(), Map.of(), s, "")),
              org.imbalanced4j.threshold.DecisionRule.ARGMAX.toMap(train.schema().classNames()), Map.of(), train);
          SavedModel m = ModelDirectory.load(dir);
          int[] pred = m.predictClass(m.predictProba(test));
          int[] y = test.labels();
          int rare = train.classCounts().minority();
          f1 += LabelMetrics.precisionRecallFscore(y, pred, all.classCount(), 1, Average.MACRO, 0, 0)[2];
          LabelMetrics.PerClass pc = LabelMetrics.perClass(y, pred, all.classCount(), 1, 0);
          for (int i = 0; i < pc.labels().length; i++) {
            if (pc.labels()[i] == rare) {
              rec += pc.recall()[i];
            }
          }
        }
        System.out.printf(Locale.ROOT, "{\"data\":\"%s\",\"loss\":\"%s\",\"macro_f1\":%.4f,\"minority_recall\":%.4f,\"seeds\":%d,\"epochs\":%d}%n",
            args[a], l.getKey(), f1 / seeds, rec / seeds, seeds, epochs);
      }
    }
  }
}
