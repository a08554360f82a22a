package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.imbalanced4j.api.Train;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.junit.jupiter.api.Test;

/**
 * A table network is trained again on its training and validation rows together for the epoch
 * count early stopping chose; the early-stopped network stays its held-out twin, which decisions
 * on the validation rows are fitted with.
 */
class RefitTest {
  @Test
  void everyRowTrainsForTheChosenEpochsAndTheEarlyStoppedTwinDecides() {
    Dataset[] tv = TrainingLoopTest.ionosphere();
    Map<String, String> p = Map.of("epochs", "8", "batch_size", "32", "patience", "3");
    NeuralTrainer t = new NeuralTrainer("mlp", NetworkConfig.parse("mlp", new Params("mlp", p,
        NetworkConfig.PARAMS.stream().map(Param::name).toList())));
    NeuralModel m = t.fit(tv[0], tv[1], 4);
    NeuralModel twin = (NeuralModel) m.heldOut();
    assertThat(twin).isNotSameAs(m);
    assertThat(twin.heldOut()).isSameAs(twin);
    assertThat(m.provenance().parameters()).containsEntry("refit_rows", tv[0].rows() + tv[1].rows());
    assertThat(m.result().bestEpoch()).isEqualTo(twin.result().bestEpoch());
    assertThat(m.result().history()).isEqualTo(twin.result().history()); // what the user reads: the selection run
    assertThat(m.result().parameters()).isNotEqualTo(twin.result().parameters());

    // the refit saw the validation rows: it fits them at least as well as the twin that did not
    double[][] refit = m.predictProba(tv[1]);
    double[][] held = twin.predictProba(tv[1]);
    assertThat(logLoss(tv[1].labels(), refit)).isLessThan(logLoss(tv[1].labels(), held));

    // decisions on the validation rows come from the twin; the same seed gives the same refit
    assertThat(Train.decision(m, tv[1], 1)).isEqualTo(Train.decision(twin, tv[1], 1));
    assertThat(t.fit(tv[0], tv[1], 4).result().parameters()).isEqualTo(m.result().parameters());
  }

  private static double logLoss(int[] y, double[][] p) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s -= Math.log(Math.max(1e-15, p[i][y[i]]));
    }
    return s / y.length;
  }
}
