package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.IntStream;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.losses.WeightedCrossEntropyLoss;
import org.imbalanced4j.model.Provenance;
import org.junit.jupiter.api.Test;

/**
 * tau-normalisation rewrites the network's last linear layer so that its logits are {@code (z_c -
 * b_c) / |w_c|^tau} of the original ones, and keeps a tau only when it beats the original head on
 * the validation rows.
 */
class DecouplingTest {
  /** Ionosphere with the rare class cut to 12 training rows: a cross-entropy network leans to the other. */
  private static Dataset[] skewed() {
    Dataset[] tv = TrainingLoopTest.ionosphere();
    Dataset train = tv[0];
    int rare = train.classCounts().minority();
    int[] kept = IntStream.range(0, train.rows()).filter(i -> train.label(i) != rare || i % 8 == 0).toArray();
    return new Dataset[] {train.subset(kept).compact(), tv[1]};
  }

  private static NeuralModel trained(Dataset[] tv) {
    TrainingLoop.Result r = TrainingLoop.builder().setLoss(new WeightedCrossEntropyLoss(null, 0)).optEpochs(15)
        .optBatchSize(32).optSeed(3).build().fit(tv[0], tv[1]);
    return new NeuralModel(tv[0].schema(), r, new Provenance("mlp", Map.of(), 3, "test"));
  }

  @Test
  void theNormalisedHeadGivesTheFormulasLogits() {
    Dataset[] tv = skewed();
    NeuralModel m = trained(tv);
    Decoupling.Head head = Decoupling.Head.of(m.result());
    double[] norm = head.norms();
    double[][] z = m.scores(tv[1]);
    for (double tau : new double[] {0.0, 1.0, 1.7}) {
      TrainingLoop.Result r = m.result();
      NeuralModel n = new NeuralModel(m.schema(), new TrainingLoop.Result(head.normalized(r, tau), r.input(),
          r.example(), r.classes(), r.network(), r.bestEpoch(), r.bestMetric(), r.history(), r.warnings()),
          m.provenance());
      double[][] zt = n.scores(tv[1]);
      for (int i = 0; i < z.length; i++) {
        for (int c = 0; c < z[i].length; c++) {
          double want = (z[i][c] - head.bias()[c]) / Math.pow(norm[c], tau);
          assertThat(zt[i][c]).as("row %d class %d tau %s", i, c, tau).isCloseTo(want, within(1e-4 * (1 + Math.abs(want))));
        }
      }
    }
  }

  @Test
  void aTauIsKeptOnlyWhenItBeatsTheHeadOnTheValidationRows() {
    Dataset[] tv = skewed();
    NeuralModel m = trained(tv);
    Decoupling.Result r = Decoupling.tauNormalize(m, tv[1]);
    if (Double.isNaN(r.tau())) {
      assertThat(r.model()).isSameAs(m);
      assertThat(r.after()).isEqualTo(r.before());
    } else {
      assertThat(r.after()).isGreaterThan(r.before());
      int[] pred = Decoupling.argmax(r.model().scores(tv[1]), null, null, 0);
      assertThat(org.imbalanced4j.metrics.LabelMetrics.balancedAccuracy(tv[1].labels(), pred, 2, false))
          .isCloseTo(r.after(), within(1e-9));
      assertThat(r.model().provenance().parameters()).containsEntry("decouple", "tau");
    }
    assertThat(Double.valueOf(Decoupling.tauNormalize(m, tv[1]).tau())).as("the same rows, the same tau (or none)")
        .isEqualTo(Double.valueOf(r.tau()));
  }

  @Test
  void cRtTrainsOnlyTheHeadOnClassBalancedBatchesAndRecallsTheRareClass() {
    Dataset[] tv = skewed();
    NeuralModel m = trained(tv);
    java.util.List<EpochLog> heard = new java.util.ArrayList<>();
    Decoupling.Result r = Decoupling.classifierRetrain(m, tv[0], tv[1], 8, 32, 1e-2f, 4, heard::add);
    assertThat(heard).hasSize(r.model().result().history().size());
    java.util.Map<String, float[]> before = TrainingLoopTest.parameters(m.result());
    java.util.Map<String, float[]> after = TrainingLoopTest.parameters(r.model().result());
    String head = Decoupling.Head.of(m.result()).weightName().replace("_weight", "");
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String n : before.keySet()) {
      if (n.startsWith(head)) {
        assertThat(after.get(n)).as(n + " re-trained").isNotEqualTo(before.get(n));
      } else if (!n.contains("running")) {
        assertThat(after.get(n)).as(n + " frozen").isEqualTo(before.get(n));
      }
    }
    int rare = tv[0].classCounts().minority();
    assertThat(recall(r.model(), tv[1], rare)).as("class-balanced batches recall the rare class better")
        .isGreaterThan(recall(m, tv[1], rare));
    assertThat(r.model().provenance().parameters()).containsEntry("decouple", "crt");
  }

  private static double recall(NeuralModel m, Dataset d, int c) {
    int[] pred = Decoupling.argmax(m.scores(d), null, null, 0);
    int hit = 0;
    int n = 0;
    for (int i = 0; i < pred.length; i++) {
      if (d.label(i) == c) {
        n++;
        hit += pred[i] == c ? 1 : 0;
      }
    }
    return (double) hit / n;
  }

  @Test
  void lwsScalesEachClassToTheOptimumOfTheClassBalancedLoss() {
    Dataset[] tv = skewed();
    NeuralModel m = trained(tv);
    double[][] z = m.scores(tv[0]);
    int[] y = tv[0].labels();
    double[] s = Decoupling.scales(z, y, 2);
    double at = balancedLoss(z, y, s);
    for (int c = 0; c < 2; c++) { // a minimum: moving any scale either way costs
      for (double d : new double[] {-1e-3, 1e-3}) {
        double[] t = s.clone();
        t[c] += d;
        assertThat(balancedLoss(z, y, t)).isGreaterThan(at);
      }
    }
    Decoupling.Result r = Decoupling.learnableWeightScaling(m, tv[0], tv[1]);
    double[][] zt = r.model().scores(tv[1]);
    double[][] zv = m.scores(tv[1]);
    for (int i = 0; i < zv.length; i++) {
      for (int c = 0; c < 2; c++) {
        assertThat(zt[i][c]).isCloseTo(s[c] * zv[i][c], within(1e-4 * (1 + Math.abs(zv[i][c]))));
      }
    }
    // the joint head, trained on plain cross-entropy, is not at the class-balanced optimum
    assertThat(at).as("the scales lower the class-balanced loss").isLessThan(balancedLoss(z, y, new double[] {1, 1}) - 1e-3);
  }

  /** LWS's objective: class-balanced cross-entropy of softmax(s * z), with its 1e-4 pull to 1. */
  private static double balancedLoss(double[][] z, int[] y, double[] s) {
    long[] n = new long[2];
    for (int v : y) {
      n[v]++;
    }
    double f = 0;
    for (int i = 0; i < z.length; i++) {
      double a = s[0] * z[i][0];
      double b = s[1] * z[i][1];
      double max = Math.max(a, b);
      double lse = max + Math.log(Math.exp(a - max) + Math.exp(b - max));
      f += (lse - (y[i] == 0 ? a : b)) / (2.0 * n[y[i]]);
    }
    return f + 1e-4 / 2 * ((s[0] - 1) * (s[0] - 1) + (s[1] - 1) * (s[1] - 1));
  }
}
