package org.imbalanced4j.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRuleTest {
  private static final double[][] P = {{0.7, 0.3}, {0.5, 0.5}, {0.2, 0.8}, {0.76, 0.24}};

  @Test
  void argmaxTakesTheFirstClassOnATieAndAThresholdCutsOneClassesProbability() {
    assertThat(DecisionRule.ARGMAX.decide(P)).containsExactly(0, 0, 1, 0);
    assertThat(new DecisionRule.Threshold(1, 0.25).decide(P)).containsExactly(1, 1, 1, 0);
    assertThat(new DecisionRule.Threshold(0, 0.75).decide(P)).containsExactly(1, 1, 1, 0);
  }

  @Test
  void theMapFormRoundTripsByClassName() {
    List<String> classes = List.of("bad", "good");
    DecisionRule t = new DecisionRule.Threshold(0, 0.237);
    assertThat(t.toMap(classes)).containsEntry("rule", "threshold").containsEntry("positive", "bad");
    assertThat(DecisionRule.fromMap(t.toMap(classes), classes)).isEqualTo(t);
    assertThat(DecisionRule.fromMap(DecisionRule.ARGMAX.toMap(classes), classes)).isEqualTo(DecisionRule.ARGMAX);
    assertThat(DecisionRule.fromMap(null, classes)).isEqualTo(DecisionRule.ARGMAX);
    assertThatThrownBy(() -> DecisionRule.fromMap(t.toMap(classes), List.of("a", "b", "c")))
        .hasMessageContaining("needs two classes");
  }
}
