package org.imbalanced4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.losses.WeightedCrossEntropyLoss;
import org.imbalanced4j.djl.nn.NetworkSpec;
import org.imbalanced4j.djl.training.EpochLog;
import org.imbalanced4j.djl.training.LearningRate;
import org.imbalanced4j.djl.training.TrainingLoop;
import org.imbalanced4j.images.ImageSet;

/**
 * Training throughput of an image network ({@code cnn} or {@code resnet32}) on N random 28x28 gray
 * images of 10 classes: batch 128, SGD with momentum 0.9, cross-entropy; images per second of the
 * epochs after the first (warm-up), with 8 validation images (so validation costs next to nothing).
 *
 * <p>Usage: {@code ImageTrainSpeedBench NETWORK N epochs}
 */
public final class ImageTrainSpeedBench {
  private ImageTrainSpeedBench() {}

  public static void main(String[] args) {
    String network = args[0];
    int n = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    Random r = new Random(0);
    byte[] px = new byte[n * 784];
    r.nextBytes(px);
    int[] y = new int[n];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      y[i] = i % 10;
      names.add(Integer.toString(i));
    }
    List<String> classes = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    Dataset d = new ImageSet(1, 28, 28, px, y, classes, names).asDataset();
    Dataset val = d.subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    double[] seconds = new double[epochs];
    TrainingLoop.builder().setLoss(new WeightedCrossEntropyLoss(null, 0))
        .optNetwork(new NetworkSpec(network, new int[0], 0)).optBatchSize(128).optEpochs(epochs).optPatience(epochs)
        .optSgd(true).optLearningRate(LearningRate.constant(0.1f))
        .optListener((EpochLog l) -> seconds[l.epoch()] = l.seconds()).build().fit(d, val);
    double total = 0;
    for (int e = 1; e < epochs; e++) {
      total += seconds[e];
    }
    System.out.printf(Locale.ROOT, "{\"network\":\"%s\",\"images\":%d,\"epochs_timed\":%d,\"images_per_second\":%.0f}%n",
        network, n, epochs - 1, n * (epochs - 1) / total);
  }
}
