package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.losses.FocalLoss;
import org.imbalanced4j.djl.losses.WeightedCrossEntropyLoss;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedShuffleSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {
  @TempDir Path dir;

  static Dataset[] ionosphere() {
    Dataset d = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
    Split s = StratifiedShuffleSplit.trainTestSplit(d.labels(), 0.3, 0);
    return new Dataset[] {d.subset(s.train()), d.subset(s.test())};
  }

  @Test
  void learnsARealDataSetAndKeepsTheBestEpoch() {
    Dataset[] tv = ionosphere();
    TrainingLoop.Result r = TrainingLoop.builder().setLoss(new FocalLoss(2, null))
        .optEpochs(25).optBatchSize(32).optLearningRate(3e-3f).optSeed(1).build().fit(tv[0], tv[1]);
    assertThat(r.bestMetric()).isGreaterThan(0.85);
    assertThat(r.history()).isNotEmpty();
    assertThat(r.history().get(r.bestEpoch()).metric()).isEqualTo(r.bestMetric());
    assertThat(r.history().get(r.history().size() - 1).loss()).isLessThan(r.history().get(0).loss());
  }

  @Test
  void singleRowsScoredByKeptNetworksEqualTheBatchFromEightThreadsAndAcrossEviction() throws Exception {
    Dataset[] tv = ionosphere();
    java.util.List<TrainingLoop.Result> results = new java.util.ArrayList<>();
    for (int seed = 0; seed < 6; seed++) { // more networks than are kept: the first ones are evicted and rebuilt
      results.add(TrainingLoop.builder().setLoss(new WeightedCrossEntropyLoss(null, 0)).optEpochs(2).optBatchSize(32)
          .optSeed(seed).build().fit(tv[0], tv[1]));
    }
    Dataset test = tv[1];
    assertThat(test.rows()).isGreaterThan(TrainingLoop.SMALL_BATCH); // the batch builds its own network
    for (int round = 0; round < 2; round++) {
      if (round == 1) { // freed native memory reused and overwritten: a kept network must not have used it
        for (int i = 0; i < 3; i++) {
          System.gc();
          Thread.sleep(20);
        }
        java.util.List<java.nio.ByteBuffer> churn = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
          java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(4 + 4 * (i % 8));
          while (b.hasRemaining()) {
            b.put((byte) 0xff);
          }
          churn.add(b);
        }
      }
      for (TrainingLoop.Result r : results) {
        double[][] batch = TrainingLoop.logits(r, test);
        double[][] single = new double[test.rows()][];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
          java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
          for (int t = 0; t < 8; t++) {
            int from = t;
            done.add(pool.submit(() -> {
              for (int i = from; i < test.rows(); i += 8) {
                single[i] = TrainingLoop.logits(r, test.subset(new int[] {i}))[0];
              }
            }));
          }
          for (var f : done) {
            f.get();
          }
        } finally {
          pool.shutdown();
        }
        for (int i = 0; i < test.rows(); i++) {
          // float32 matrix products of one row and of many sum in different orders: equal to rounding
          assertThat(single[i]).as("row " + i).containsExactly(batch[i], org.assertj.core.data.Offset.offset(1e-5));
        }
      }
    }
  }

  @Test
  void aResumedRunEndsWithTheSameParametersAsAnUninterruptedOne() {
    Dataset[] tv = ionosphere();
    TrainingLoop.Result whole = trainer(dir.resolve("a"), 4).fit(tv[0], tv[1]);
    trainer(dir.resolve("b"), 2).fit(tv[0], tv[1]); // "interrupted" after epoch 2
    TrainingLoop.Result resumed = trainer(dir.resolve("b"), 4).fit(tv[0], tv[1]);
    assertThat(resumed.history()).hasSize(4);
    for (int e = 0; e < 4; e++) {
      assertThat(resumed.history().get(e).loss()).isEqualTo(whole.history().get(e).loss());
      assertThat(resumed.history().get(e).metric()).isEqualTo(whole.history().get(e).metric());
    }
    assertThat(resumed.parameters()).isEqualTo(whole.parameters());
  }

  @Test
  void aCosineScheduleWarmsUpAndDecays() {
    Dataset[] tv = ionosphere();
    java.util.List<EpochLog> logs = new java.util.ArrayList<>();
    TrainingLoop.Result r = TrainingLoop.builder().setLoss(new WeightedCrossEntropyLoss(null, 0))
        .optLearningRate(LearningRate.cosine(3e-3f, 12, 2)).optEpochs(12).optPatience(100).optBatchSize(32)
        .optMetric(ValidationMetric.BALANCED_ACCURACY).optListener(logs::add).optSeed(3).build().fit(tv[0], tv[1]);
    assertThat(logs).hasSize(12);
    assertThat(logs.get(0).learningRate()).isLessThan(logs.get(3).learningRate());
    assertThat(logs.get(11).learningRate()).isLessThan(logs.get(3).learningRate());
    assertThat(r.bestMetric()).isGreaterThan(0.8);
  }

  /** LDAM, then LDAM with effective-number weights (beta 0.999) from the training rows' counts. */
  private static TrainingLoop.Builder ldamDrw(Dataset train) {
    long[] counts = train.classCounts().counts();
    double[] cb = org.imbalanced4j.weights.ClassWeights.effectiveNumber(counts, 0.999);
    return TrainingLoop.builder().setLoss(new org.imbalanced4j.djl.losses.LdamLoss(counts, 0.5, 30, null))
        .optDeferredLoss(new org.imbalanced4j.djl.losses.LdamLoss(counts, 0.5, 30, cb));
  }

  @Test
  void ldamDefersReweightingUntilThePlainLossStopsImprovingThenStopsOnPatience() {
    Dataset[] tv = ionosphere();
    java.util.List<EpochLog> logs = new java.util.ArrayList<>();
    int patience = 4;
    TrainingLoop.Result r = ldamDrw(tv[0]).optLearningRate(3e-3f)
        .optEpochs(500).optPatience(patience).optBatchSize(32).optMetric(ValidationMetric.BALANCED_ACCURACY)
        .optListener(logs::add).optSeed(3).build().fit(tv[0], tv[1]);
    assertThat(logs.size()).as("early stopping, not the cap, ends training").isLessThan(500);
    assertThat(r.warnings()).isEmpty();
    // the rate drops tenfold after ceil(patience / 2) stale epochs and is restored for the deferred loss
    float base = 3e-3f;
    long dropped = logs.stream().filter(l -> Math.abs(l.learningRate() - base / 10) < 1e-9).count();
    assertThat(dropped).isPositive();
    int switched = -1;
    for (int e = 1; e < logs.size(); e++) {
      if (logs.get(e - 1).learningRate() < base / 2 && Math.abs(logs.get(e).learningRate() - base) < 1e-9) {
        switched = e;
      }
    }
    assertThat(switched).as("the deferred loss started with the full rate").isPositive();
    // the second phase ends `patience` epochs after its start or its last improvement
    assertThat(logs.size() - 1).isEqualTo(Math.max(r.bestEpoch(), switched - 1) + patience);
    assertThat(r.bestMetric()).isGreaterThan(0.8);
  }

  @Test
  void ldamDefersReweightingAtTheGivenEpochWhileStillImproving() {
    Dataset[] tv = ionosphere();
    java.util.List<EpochLog> logs = new java.util.ArrayList<>();
    ldamDrw(tv[0]).optDeferAt(4)
        .optLearningRate(LearningRate.cosine(3e-3f, 6, 1)).optEpochs(6).optPatience(100).optBatchSize(32)
        .optMetric(ValidationMetric.BALANCED_ACCURACY).optListener(logs::add).optSeed(3).build().fit(tv[0], tv[1]);
    assertThat(logs).extracting(EpochLog::phase).containsExactly(0, 0, 0, 0, 1, 1);
  }

  @Test
  void aBatchWithANonFiniteLossIsSkippedAndSaid() {
    Dataset[] tv = ionosphere();
    WeightedCrossEntropyLoss ce = new WeightedCrossEntropyLoss(null, 0);
    ai.djl.training.loss.Loss flaky = new ai.djl.training.loss.Loss("flaky") {
      private int calls;

      @Override
      public ai.djl.ndarray.NDArray evaluate(ai.djl.ndarray.NDList labels, ai.djl.ndarray.NDList predictions) {
        ai.djl.ndarray.NDArray l = ce.evaluate(labels, predictions);
        return calls++ == 2 ? l.mul(Float.NaN) : l;
      }
    };
    TrainingLoop.Result r = TrainingLoop.builder().setLoss(flaky).optEpochs(3).optPatience(10).optBatchSize(32)
        .optMetric(ValidationMetric.BALANCED_ACCURACY).optSeed(1).build().fit(tv[0], tv[1]);
    assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("1 batch(es) gave a non-finite loss or gradient"));
    assertThat(r.history()).allSatisfy(l -> assertThat(l.loss()).isFinite());
    assertThat(r.bestMetric()).isGreaterThan(0.7);
  }

  @Test
  void aRunEndedByTheEpochCapWhileImprovingSaysSo() {
    Dataset[] tv = ionosphere();
    TrainingLoop.Result r = TrainingLoop.builder().setLoss(new WeightedCrossEntropyLoss(null, 0))
        .optEpochs(2).optPatience(10).optBatchSize(32).optLearningRate(1e-4f)
        .optMetric(ValidationMetric.BALANCED_LOG_LOSS).optSeed(1).build().fit(tv[0], tv[1]);
    assertThat(r.bestEpoch()).as("a small rate still improves the smooth loss at every epoch").isEqualTo(1);
    assertThat(r.warnings()).singleElement().asString().contains("epoch cap").contains("raise epochs");
    TrainingLoop.Result stopped = TrainingLoop.builder().setLoss(new WeightedCrossEntropyLoss(null, 0))
        .optEpochs(300).optPatience(2).optBatchSize(32).optLearningRate(1e-2f)
        .optMetric(ValidationMetric.BALANCED_LOG_LOSS).optSeed(1).build().fit(tv[0], tv[1]);
    assertThat(stopped.history().size()).as("early stopping ended it").isLessThan(300);
    assertThat(stopped.warnings()).isEmpty();
  }

  private static TrainingLoop trainer(Path checkpoints, int epochs) {
    return TrainingLoop.builder().setLoss(new WeightedCrossEntropyLoss(null, 0))
        .optEpochs(epochs).optBatchSize(32).optPatience(100).optSeed(7).optCheckpoints(checkpoints).build();
  }

  @Test
  void startsFromGivenParametersAndNeverUpdatesFrozenOnes() {
    Dataset[] tv = ionosphere();
    TrainingLoop.Result first = TrainingLoop.builder().setLoss(new WeightedCrossEntropyLoss(null, 0)).optEpochs(3)
        .optBatchSize(32).optSeed(1).build().fit(tv[0], tv[1]);
    java.util.Map<String, float[]> before = parameters(first);
    String head = before.keySet().stream().filter(n -> n.endsWith("Linear_weight")).reduce((a, b) -> b).orElseThrow()
        .replace("_weight", "");
    TrainingLoop.Result second = TrainingLoop.builder().setLoss(new WeightedCrossEntropyLoss(null, 0)).optEpochs(3)
        .optBatchSize(32).optSeed(2).optInitialParameters(first.parameters()).optFreeze(n -> !n.startsWith(head))
        .build().fit(tv[0], tv[1]);
    java.util.Map<String, float[]> after = parameters(second);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String n : before.keySet()) {
      if (n.startsWith(head)) {
        assertThat(after.get(n)).as(n + " trains").isNotEqualTo(before.get(n));
      } else if (!n.contains("running")) { // batch norm's running statistics are not parameters of the fit
        assertThat(after.get(n)).as(n + " frozen").isEqualTo(before.get(n));
      }
    }
  }

  /** A result's parameters by name. */
  static java.util.Map<String, float[]> parameters(TrainingLoop.Result r) {
    java.util.Map<String, float[]> out = new java.util.LinkedHashMap<>();
    try (ai.djl.ndarray.NDManager m = org.imbalanced4j.djl.engine.PyTorchEngine.get().newBaseManager()) {
      ai.djl.nn.Block b = r.network().build((int) r.example().get(0), r.classes());
      b.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1).addAll(r.example()));
      b.loadParameters(m, new java.io.DataInputStream(new java.io.ByteArrayInputStream(r.parameters())));
      b.getParameters().forEach(p -> out.put(p.getKey(), p.getValue().getArray().toFloatArray()));
    } catch (java.io.IOException | ai.djl.MalformedModelException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
