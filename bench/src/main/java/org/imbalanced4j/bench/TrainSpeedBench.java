package org.imbalanced4j.bench;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.djl.losses.FocalLoss;
import org.imbalanced4j.djl.samplers.ClassSamplers;
import org.imbalanced4j.djl.training.EpochLog;
import org.imbalanced4j.djl.training.TrainingLoop;

/**
 * Training throughput of an MLP 20-256-256-2 (batch norm, ReLU), batch 256, Adam, focal loss,
 * class-balanced sampler, on N generated rows (1% minority): samples per second of the epochs
 * after the first (warm-up), validation excluded.
 *
 * <p>Usage: {@code TrainSpeedBench N epochs}
 */
public final class TrainSpeedBench {
  private TrainSpeedBench() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int epochs = Integer.parseInt(args[1]);
    Random r = new Random(0);
    float[] x = new float[n * 20];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < 0.01 ? 1 : 0;
      for (int j = 0; j < 20; j++) {
        x[i * 20 + j] = (float) (r.nextGaussian() + (y[i] == 1 && j < 5 ? 1 : 0));
      }
    }
    Dataset d = Dataset.builder(Schema.numeric(20, "y", List.of("0", "1"))).setValues(x, n).setLabels(y).build();
    Dataset val = d.subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    double[] seconds = new double[epochs];
    TrainingLoop.builder().setLoss(new FocalLoss(2, null)).optSampler(ClassSamplers.classBalanced(y, 1))
        .optNetwork(new org.imbalanced4j.djl.nn.NetworkSpec("mlp", new int[] {256, 256}, 0)).optBatchSize(256).optEpochs(epochs).optPatience(epochs)
        .optListener((EpochLog l) -> seconds[l.epoch()] = l.seconds()).build().fit(d, val);
    double total = 0;
    for (int e = 1; e < epochs; e++) {
      total += seconds[e];
    }
    System.out.printf(Locale.ROOT, "{\"rows\":%d,\"epochs_timed\":%d,\"samples_per_second\":%.0f,\"threads\":%d}%n",
        n, epochs - 1, n * (epochs - 1) / total, Runtime.getRuntime().availableProcessors());
  }
}
