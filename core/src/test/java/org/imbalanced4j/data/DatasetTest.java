package org.imbalanced4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
  static Dataset small() {
    return Dataset.builder(Schema.numeric(2, "class", List.of("a", "b", "c")))
        .setRows(new float[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}})
        .setLabels(new int[] {0, 1, 1, 2})
        .build();
  }

  @Test
  void subsetIsAViewInTheGivenOrderWithRepeats() {
    Dataset d = small();
    Dataset s = d.subset(new int[] {3, 1, 1});
    assertThat(s.isView()).isTrue();
    assertThat(s.toRowMajor()).containsExactly(7, 8, 3, 4, 3, 4);
    assertThat(s.labels()).containsExactly(2, 1, 1);
    Dataset ss = s.subset(new int[] {0});
    assertThat(ss.row(0)).containsExactly(7, 8);
    assertThat(s.compact().isView()).isFalse();
  }

  @Test
  void classCountsAndImbalanceRatio() {
    ClassCounts cc = small().classCounts();
    assertThat(cc.counts()).containsExactly(1, 2, 1);
    assertThat(cc.majority()).isEqualTo(1);
    assertThat(cc.minority()).isEqualTo(0);
    assertThat(cc.imbalanceRatio()).isEqualTo(2.0);
    ClassCounts sub = small().subset(new int[] {1, 2, 3}).classCounts();
    assertThat(sub.minority()).isEqualTo(2); // the empty class is ignored
    assertThat(sub.presentClassCount()).isEqualTo(2);
  }

  @Test
  void weightsTravelWithTheirRows() {
    Dataset w = small().withWeights(new double[] {1, 2, 3, 4});
    assertThat(w.subset(new int[] {2, 0}).weights()).containsExactly(3, 1);
    assertThat(small().hasWeights()).isFalse();
    assertThat(small().weight(0)).isEqualTo(1.0);
  }

  @Test
  void builderRejectsBadShapesLabelsAndValues() {
    Schema s = Schema.numeric(2, "y", List.of("a", "b"));
    assertThatThrownBy(() -> Dataset.builder(s).setValues(new float[3], 2).setLabels(new int[2]).build())
        .hasMessageContaining("do not make 2 rows of 2");
    assertThatThrownBy(() -> Dataset.builder(s).setValues(new float[4], 2).setLabels(new int[] {0, 2}).build())
        .hasMessageContaining("not a class code");
    assertThatThrownBy(() -> Dataset.builder(s).setValues(new float[] {0, Float.NaN, 0, 0}, 2)
        .setLabels(new int[2]).build()).hasMessageContaining("row 0, feature 'x1'");
  }

  @Test
  void levelsSortNumbersByValueAndWordsByCodePoint() {
    assertThat(Levels.sorted(List.of("10", "2", "-1", "2.5"))).containsExactly("-1", "2", "2.5", "10");
    assertThat(Levels.sorted(List.of("b", "B", "a", "10"))).containsExactly("10", "B", "a", "b");
  }
}
