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

  @Test
  void offsetsShiftTheArgmaxAndWithTwoClassesAreAThreshold() {
    double[][] p3 = {{0.5, 0.3, 0.2}, {0.4, 0.35, 0.25}, {0.1, 0.2, 0.7}};
    assertThat(new DecisionRule.Offsets(List.of(0.0, 0.1, 0.0)).decide(p3)).containsExactly(0, 1, 2);
    assertThat(new DecisionRule.Offsets(List.of(0.0, 0.0, 0.3)).decide(p3)).containsExactly(0, 2, 2); // a tie: first
    // offsets (0, 0.2) on two classes: p1 + 0.2 > 1 - p1 iff p1 > 0.4, the threshold 0.4 but for a tie
    double[][] p2 = {{0.7, 0.3}, {0.55, 0.45}, {0.2, 0.8}};
    assertThat(new DecisionRule.Offsets(List.of(0.0, 0.2)).decide(p2)).containsExactly(0, 1, 1)
        .containsExactly(new DecisionRule.Threshold(1, 0.4).decide(p2));
  }

  @Test
  void aCostMatrixPicksTheClassOfLeastExpectedCost() {
    // missing the rare class 1 costs 9, a false alarm 1: predict 1 once p1 > 0.1
    DecisionRule r = new DecisionRule.CostMatrix(List.of(List.of(0.0, 1.0), List.of(9.0, 0.0)));
    assertThat(r.decide(new double[][] {{0.95, 0.05}, {0.85, 0.15}, {0.3, 0.7}})).containsExactly(0, 1, 1);
    // equal costs are argmax
    DecisionRule flat = new DecisionRule.CostMatrix(List.of(List.of(0.0, 1.0, 1.0), List.of(1.0, 0.0, 1.0),
        List.of(1.0, 1.0, 0.0)));
    double[][] p3 = {{0.5, 0.3, 0.2}, {0.1, 0.2, 0.7}, {0.3, 0.4, 0.3}};
    assertThat(flat.decide(p3)).containsExactly(DecisionRule.ARGMAX.decide(p3));
  }

  @Test
  void everyRuleRoundTripsThroughItsMapAndBadMapsAreOneClearLine() {
    List<String> classes = List.of("a", "b", "c");
    for (DecisionRule r : List.of(DecisionRule.ARGMAX, new DecisionRule.Offsets(List.of(0.0, 0.1, -0.2)),
        new DecisionRule.CostMatrix(List.of(List.of(0.0, 1.0, 2.0), List.of(3.0, 0.0, 1.0), List.of(5.0, 1.0, 0.0))))) {
      assertThat(DecisionRule.fromMap(r.toMap(classes), classes)).isEqualTo(r);
    }
    assertThat(new DecisionRule.Offsets(List.of(0.0, 0.1, -0.2)).toMap(classes).get("offsets").toString())
        .isEqualTo("{a=0.0, b=0.1, c=-0.2}");
    assertThatThrownBy(() -> DecisionRule.fromMap(java.util.Map.of("rule", "vote"), classes))
        .hasMessage("unknown decision rule 'vote'; valid: argmax, threshold, offsets, cost");
    assertThatThrownBy(() -> DecisionRule.fromMap(java.util.Map.of("rule", "offsets", "offsets",
        java.util.Map.of("a", 0.1)), classes)).hasMessageContaining("a number for each of [a, b, c]");
  }
}
