package org.imbalanced4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  /** Three Gaussian classes in 3 dimensions, {@code n} rows, classes in proportion 6:3:1. */
  static Dataset blobs(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * 3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      y[i] = u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
      for (int j = 0; j < 3; j++) {
        v[i * 3 + j] = (float) (r.nextGaussian() + (y[i] == j ? 1.5 : 0));
      }
    }
    return Dataset.builder(Schema.numeric(3, "y", List.of("a", "b", "c"))).setValues(v, n).setLabels(y).build();
  }

  @Test
  void sameResultOnOneThreadAsOnAll() throws Exception {
    Dataset d = blobs(20_000, 1); // ten row blocks
    LogisticRegression lr = LogisticRegression.builder().optClassWeight("balanced").build();
    double[] all = lr.fit(d, null, 0).weights();
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      double[] single = one.submit(() -> lr.fit(d, null, 0).weights()).get();
      assertThat(single).containsExactly(all);
    } finally {
      one.shutdown();
    }
  }

  @Test
  void aFitStoppedAtMaxIterSaysSo() {
    LinearModel m = LogisticRegression.builder().optMaxIter(1).build().fit(blobs(2000, 2), null, 0);
    assertThat(m.warnings()).singleElement().asString()
        .contains("did not converge").contains("max_iter=1").contains("raise max_iter");
    assertThat(LogisticRegression.builder().build().fit(blobs(2000, 2), null, 0).warnings()).isEmpty();
  }

  @Test
  void aClassWithoutTrainingRowsGetsProbabilityZero() {
    Dataset d = blobs(600, 3);
    int[] rows = java.util.stream.IntStream.range(0, d.rows()).filter(i -> d.label(i) != 1).toArray();
    LinearModel m = LogisticRegression.builder().build().fit(d.subset(rows), null, 0);
    double[][] p = m.predictProba(d);
    for (double[] pi : p) {
      assertThat(pi[1]).isZero();
      assertThat(pi[0] + pi[2]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void oneClassIsAClearError() {
    Dataset d = blobs(300, 4);
    int[] rows = java.util.stream.IntStream.range(0, d.rows()).filter(i -> d.label(i) == 2).toArray();
    assertThatThrownBy(() -> LogisticRegression.builder().build().fit(d.subset(rows), null, 0))
        .isInstanceOf(DataException.class).hasMessageContaining("at least two classes").hasMessageContaining("'c'");
  }

  @Test
  void badParametersAreRejectedWhenBuilt() {
    assertThatThrownBy(() -> LogisticRegression.builder().optC(0)).isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("C must be");
    assertThatThrownBy(() -> LogisticRegression.builder().optMaxIter(0)).isInstanceOf(InvalidOptionException.class);
    assertThatThrownBy(() -> LogisticRegression.builder().optTolerance(-1)).isInstanceOf(InvalidOptionException.class);
    assertThatThrownBy(() -> LogisticRegression.builder().optClassWeight("heavy"))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("balanced");
  }
}
