package org.imbalanced4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedKFold;
import org.junit.jupiter.api.Test;

class HalvingTest {
  @Test
  void roundsAsScikitLearnsHalvingWithExhaustedResources() {
    // 30 strategies: 30 -> 10 -> 4 -> 2 in four rounds, the last on the whole fold
    Halving big = Halving.plan(800_000, 0.01, 30);
    assertThat(big.rows()).containsExactly(29_630, 88_889, 266_667, 800_000);
    assertThat(big.keep()).containsExactly(30, 10, 4, 2);
    // fewer rows allow fewer rounds (the smallest at least 10,000 rows)
    Halving mid = Halving.plan(80_000, 0.01, 30);
    assertThat(mid.rows()).containsExactly(26_667, 80_000);
    assertThat(mid.keep()).containsExactly(30, 10);
    assertThat(Halving.plan(8_000, 0.01, 30).rounds()).isEqualTo(1);
    assertThat(Halving.plan(29_999, 0.01, 30).rounds()).isEqualTo(1);
    assertThat(Halving.plan(30_000, 0.01, 30).rounds()).isEqualTo(2);
    // a round's subsample keeps at least 50 rows of the rarest class: 0.01% rare needs 500,000 rows
    assertThat(Halving.plan(800_000, 0.0001, 30).rounds()).isEqualTo(1);
    assertThat(Halving.plan(1_500_000, 0.0001, 30).rows()).containsExactly(500_000, 1_500_000);
    // three strategies or fewer are not halved
    assertThat(Halving.plan(800_000, 0.01, 3).rounds()).isEqualTo(1);
    assertThat(Halving.plan(800_000, 0.01, 4).keep()).containsExactly(4, 2);
  }

  @Test
  void aRoundTrainsOnAStratifiedSeededSubsampleOfTheFoldAndTestsOnTheWholeFold() {
    int n = 60_000;
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 50 == 0 ? 1 : 0; // 2% rare
    }
    List<Split> splits = StratifiedKFold.builder().optNSplits(2).optShuffle(true).optSeed(0).build().split(y);
    Halving h = Halving.plan(30_000, 0.02, 9);
    assertThat(h.rows()).containsExactly(10_000, 30_000);
    for (Split s : splits) {
      Split r0 = h.round(s, 0, y, 4);
      assertThat(r0.train().length).isBetween(9_999, 10_000);
      assertThat(r0.test()).isEqualTo(s.test());
      int[] fold = s.train().clone();
      Arrays.sort(fold);
      assertThat(Arrays.stream(r0.train()).allMatch(i -> Arrays.binarySearch(fold, i) >= 0)).isTrue();
      assertThat(Arrays.stream(r0.train()).distinct().count()).isEqualTo(r0.train().length);
      long rare = Arrays.stream(r0.train()).filter(i -> y[i] == 1).count();
      assertThat(rare).isBetween(199L, 201L); // 2% of 10,000
      assertThat(h.round(s, 0, y, 4).train()).isEqualTo(r0.train()); // seeded
      assertThat(h.round(s, 0, y, 5).train()).isNotEqualTo(r0.train());
      assertThat(h.round(s, 1, y, 4)).isSameAs(s); // the last round: the whole fold
      // also when this fold is a row larger than the one the plan was made for
      assertThat(new Halving(List.of(s.train().length - 1), List.of(3)).round(s, 0, y, 4)).isSameAs(s);
    }
    assertThat(h.round(splits.get(0), 0, y, 4).train()).isNotEqualTo(h.round(splits.get(1), 0, y, 4).train());
  }
}
