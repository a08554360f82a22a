package org.imbalanced4j.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every synthetic row of the SMOTE family lies on a segment between a row of its class and one of
 * that row's k nearest neighbours of the same class (checked against all such pairs).
 */
class SmotePropertyTest {
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
      "SMOTE, binary_5d", "SMOTE, three_class_4d", "SMOTE, binary_20d",
      "ADASYN, binary_5d", "ADASYN, three_class_4d",
      "BorderlineSMOTE, binary_5d", "SMOTETomek, binary_5d", "SMOTEENN, three_class_4d"})
  void syntheticRowsLieOnSegmentsToKNearestSameClassNeighbours(String name, String set) {
    Dataset d = SamplerParityTest.dataset(set);
    Resampled r = SamplerCatalog.create(name, Map.of(), 9).fitResample(d);
    int k = 5;
    int[] src = r.source();
    int[] y = d.labels();
    int synthetic = 0;
    for (int i = 0; i < src.length; i++) {
      if (src[i] >= 0) {
        continue;
      }
      synthetic++;
      float[] p = r.data().row(i);
      int c = r.data().label(i);
      int[] rows = SamplerSupport.rowsOf(y, c);
      var nn = SamplerSupport.index(d, rows).querySelf(k + 1);
      boolean found = false;
      for (int a = 0; a < rows.length && !found; a++) {
        for (int j = 1; j <= k && !found; j++) {
          found = onSegment(d.row(rows[a]), d.row(rows[nn.index(a, j)]), p);
        }
      }
      assertThat(found).as("synthetic row %d of class %d lies on a SMOTE segment", i, c).isTrue();
    }
    assertThat(synthetic).isPositive();
  }

  /** p = a + t (b - a) for one t in [0, 1], up to float rounding. */
  static boolean onSegment(float[] a, float[] b, float[] p) {
    double num = 0;
    double den = 0;
    for (int j = 0; j < a.length; j++) {
      num += (p[j] - a[j]) * (double) (b[j] - a[j]);
      den += (b[j] - a[j]) * (double) (b[j] - a[j]);
    }
    double t = den == 0 ? 0 : num / den;
    if (t < -1e-6 || t > 1 + 1e-6) {
      return false;
    }
    for (int j = 0; j < a.length; j++) {
      double expect = a[j] + t * (b[j] - a[j]);
      if (Math.abs(expect - p[j]) > 1e-5 * (1 + Math.abs(expect))) {
        return false;
      }
    }
    return true;
  }
}
