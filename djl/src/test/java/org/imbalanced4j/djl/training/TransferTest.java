package org.imbalanced4j.djl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * A trained network as a start: the same classes keep every parameter, other classes get a new
 * head and keep the rest; frozen parameters do not move in the second training; the freeze rule's
 * layers are the network's own.
 */
class TransferTest {
  static NeuralTrainer trainer(long epochs) {
    Map<String, String> p = Map.of("epochs", Long.toString(epochs), "batch_size", "32");
    return new NeuralTrainer("mlp", NetworkConfig.parse("mlp", new Params("mlp", p,
        NetworkConfig.PARAMS.stream().map(Param::name).toList())));
  }

  @Test
  void startsWithANewHeadForOtherClassesAndTrainsOnlyWhatIsNotFrozen() {
    Dataset[] tv = TrainingLoopTest.ionosphere();
    NeuralModel first = trainer(3).fit(tv[0], tv[1], 1);
    Map<String, float[]> before = TrainingLoopTest.parameters(first.result());
    String head = Decoupling.Head.of(first.result()).weightName().replace("_weight", "");

    Transfer all = new Transfer(first.result(), first.classes(), "all");
    assertThat(all.start(first.classes(), 1)).isEqualTo(first.result().parameters());
    TrainingLoop.Result r = first.result();
    byte[] three = all.start(List.of("a", "b", "c"), 1);
    Map<String, float[]> reheaded = TrainingLoopTest.parameters(new TrainingLoop.Result(three, r.input(), r.example(),
        3, r.network(), 0, Double.NaN, List.of(), List.of()));
    for (String n : before.keySet()) {
      if (n.startsWith(head)) {
        assertThat(reheaded.get(n)).as(n).hasSize(before.get(n).length / 2 * 3);
      } else {
        assertThat(reheaded.get(n)).as(n + " carried over").isEqualTo(before.get(n));
      }
    }

    NeuralModel second = trainer(3).startingFrom(all).fit(tv[0], tv[1], 2);
    Map<String, float[]> after = TrainingLoopTest.parameters(second.result());
    for (String n : before.keySet()) {
      if (n.startsWith(head)) {
        assertThat(after.get(n)).as(n + " trains").isNotEqualTo(before.get(n));
      } else if (!n.contains("running")) {
        assertThat(after.get(n)).as(n + " frozen").isEqualTo(before.get(n));
      }
    }
    assertThat(second.result().input()).as("the first training's preprocessing").isSameAs(first.result().input());

    Predicate<String> one = new Transfer(first.result(), first.classes(), "1").frozen();
    String firstLayer = before.keySet().iterator().next();
    assertThat(one.test(firstLayer)).isTrue();
    assertThat(before.keySet().stream().filter(one)).allMatch(n -> n.startsWith(firstLayer.substring(0, 2)));
    assertThat(one.test(head + "weight")).isFalse();
    assertThat(new Transfer(first.result(), first.classes(), "none").frozen().test(firstLayer)).isFalse();
    assertThatThrownBy(() -> new Transfer(first.result(), first.classes(), "40").frozen())
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("past the backbone's depth");
  }
}
