package org.imbalanced4j.neighbors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NeighborIndexTest {
  static float[] points(int n, int d, long seed, boolean grid) {
    Random r = new Random(seed);
    float[] p = new float[n * d];
    for (int i = 0; i < p.length; i++) {
      p[i] = grid ? r.nextInt(4) : (float) r.nextGaussian();
    }
    return p;
  }

  /** Plain O(n^2) reference with the documented order: distance, then index; self first. */
  static int[] reference(float[] pts, int n, int d, float[] q, int qo, int k, int self) {
    Integer[] order = new Integer[n];
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      double s = 0;
      for (int j = 0; j < d; j++) {
        double t = (double) q[qo + j] - pts[i * d + j];
        s += t * t;
      }
      dist[i] = i == self ? -1 : s;
    }
    java.util.Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
    int[] out = new int[k];
    for (int j = 0; j < k; j++) {
      out[j] = order[j];
    }
    return out;
  }

  @Test
  void treeAndBruteForceAgreeWithTheReferenceIncludingTiesAndDuplicates() {
    for (boolean grid : new boolean[] {false, true}) {
      for (int d : new int[] {2, 5, 30}) {
        int n = 700;
        float[] pts = points(n, d, d, grid);
        NeighborIndex tree = new KdTree(pts, n, d);
        NeighborIndex brute = new BruteForce(pts, n, d);
        Neighbors a = tree.querySelf(6);
        Neighbors b = brute.querySelf(6);
        for (int i = 0; i < n; i++) {
          int[] ref = reference(pts, n, d, pts, i * d, 6, i);
          assertThat(a.indices(i)).as("tree grid=%s d=%d row %d", grid, d, i).containsExactly(ref);
          assertThat(b.indices(i)).as("brute grid=%s d=%d row %d", grid, d, i).containsExactly(ref);
          assertThat(a.distance(i, 0)).isZero();
        }
        float[] q = points(50, d, 99, grid);
        Neighbors qa = tree.query(q, 50, 4);
        Neighbors qb = brute.query(q, 50, 4);
        for (int i = 0; i < 50; i++) {
          int[] ref = reference(pts, n, d, q, i * d, 4, -1);
          assertThat(qa.indices(i)).containsExactly(ref);
          assertThat(qb.indices(i)).containsExactly(ref);
          for (int j = 0; j < 4; j++) {
            assertThat(qa.distance(i, j)).isEqualTo(qb.distance(i, j));
          }
        }
      }
    }
  }

  @Test
  void subsetSelfQueriesFindThemselvesFirst() {
    float[] pts = points(300, 3, 7, true);
    NeighborIndex idx = NeighborIndex.of(pts, 300, 3);
    int[] rows = {5, 17, 250};
    Neighbors nn = idx.querySelf(rows, 3);
    for (int i = 0; i < rows.length; i++) {
      assertThat(nn.index(i, 0)).isEqualTo(rows[i]);
      assertThat(nn.indices(i)).containsExactly(reference(pts, 300, 3, pts, rows[i] * 3, 3, rows[i]));
    }
  }
}
