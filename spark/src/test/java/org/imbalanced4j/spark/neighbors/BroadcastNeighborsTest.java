package org.imbalanced4j.spark.neighbors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.imbalanced4j.spark.TestSpark;
import org.junit.jupiter.api.Test;

/** The neighbours found in tasks over broadcast points are those core finds on the driver, ties included. */
class BroadcastNeighborsTest {
  @Test
  void tasksFindWhatTheDriverFinds() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 2000;
    int d = 3;
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.rint(r.nextGaussian() * 4) / 4; // a coarse grid: many equal distances
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
    for (int slices : new int[] {1, 3, 7}) {
      assertThat(BroadcastNeighbors.distributed(jsc, x, n, d, 5, slices))
          .isEqualTo(BroadcastNeighbors.onDriver(x, n, d, 5));
    }
  }
}
