package org.imbalanced4j.sampling.under;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tomek links and ENN skip most neighbour searches (only rows outside the largest class are
 * searched; rows with enough nearer same-class points are settled without a search). The rows
 * they keep must equal the plain rule applied to a full k-nearest-neighbour search, on data with
 * few and many minority rows, ties and duplicates (grid), in a k-d tree's and brute force's
 * dimensions.
 */
class CleaningShortcutTest {
  static Dataset data(int n, int d, int classes, double minorityShare, boolean grid, long seed) {
    Random r = new Random(seed);
    float[] v = new float[n * d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < minorityShare ? 1 + r.nextInt(classes - 1) : 0;
      for (int j = 0; j < d; j++) {
        v[i * d + j] = grid ? r.nextInt(3) + (j == 0 ? y[i] : 0) : (float) (r.nextGaussian() + (j == 0 ? y[i] : 0));
      }
    }
    List<Feature> fs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      fs.add(Feature.numeric("x" + j));
    }
    for (int k = 0; k < classes; k++) {
      names.add(String.valueOf(k));
    }
    return Dataset.builder(new Schema(fs, "y", names)).setValues(v, n).setLabels(y).build();
  }

  static SamplingTarget target(Dataset data, String strategy) {
    return SamplingStrategy.parse(strategy).resolve(data.classCounts(), SamplerKind.CLEANING);
  }

  @ParameterizedTest
  @CsvSource({"3000,5,2,0.01,false", "3000,5,2,0.3,false", "2000,4,3,0.05,true", "1500,30,2,0.02,false",
      "1500,3,2,0.1,true"})
  void tomekLinksEqualThePlainRule(int n, int d, int classes, double share, boolean grid) {
    Dataset data = data(n, d, classes, share, grid, n + d);
    for (String strategy : new String[] {"auto", "all"}) {
      SamplingTarget t = target(data, strategy);
      Neighbors nn = NeighborIndex.of(data).querySelf(2);
      int[] y = data.labels();
      boolean[] expected = new boolean[n];
      for (int i = 0; i < n; i++) {
        int j = nn.index(i, 1);
        expected[i] = t.targets(y[i]) && y[j] != y[i] && nn.index(j, 1) == i;
      }
      assertThat(TomekLinks.links(data, t, NeighborIndex.of(data))).isEqualTo(expected);
      assertThat(TomekLinks.links(data, t, NeighborIndex.inPlace(data))).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @CsvSource({"3000,5,2,0.01,false", "3000,5,2,0.1,false", "2000,4,3,0.05,true", "1500,30,2,0.02,false",
      "1500,3,2,0.1,true"})
  void ennKeepsWhatThePlainRuleKeeps(int n, int d, int classes, double share, boolean grid) {
    Dataset data = data(n, d, classes, share, grid, 7L * n + d);
    int[] y = data.labels();
    for (KindSel kind : KindSel.values()) {
      for (int k : new int[] {1, 3, 5}) {
        SamplingTarget t = target(data, "auto");
        NeighborIndex index = NeighborIndex.of(data);
        List<Integer> expected = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
          int[] rows = SamplerSupport.rowsOf(y, c);
          Neighbors nn = index.querySelf(rows, k + 1);
          for (int q = 0; q < rows.length; q++) {
            int[] labels = new int[k];
            for (int j = 0; j < k; j++) {
              labels[j] = y[nn.index(q, j + 1)];
            }
            if (!t.targets(c) || kind.keeps(c, labels, classes)) {
              expected.add(rows[q]);
            }
          }
        }
        assertThat(EditedNearestNeighbours.keptRows(data, t, k, kind)).as("%s k=%d", kind, k)
            .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }
}
