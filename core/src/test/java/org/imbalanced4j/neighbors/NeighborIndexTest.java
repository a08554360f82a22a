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

  @Test
  void crowdedCountsPointsStrictlyInsideTheRadiusIncludingTies() {
    for (boolean grid : new boolean[] {false, true}) {
      for (int d : new int[] {3, 30}) {
        int n = 600;
        float[] pts = points(n, d, 11 + d, grid);
        int[] rows = new int[n];
        double[] r2 = new double[n];
        Random r = new Random(5);
        for (int i = 0; i < n; i++) {
          rows[i] = i;
          r2[i] = grid ? r.nextInt(4) : r.nextDouble() * d; // on the grid, radii equal to distances
        }
        for (int count : new int[] {1, 4, 9}) {
          boolean[] tree = new KdTree(pts, n, d).crowded(pts, n, r2, count);
          boolean[] brute = new BruteForce(pts, n, d).crowded(pts, n, r2, count);
          for (int i = 0; i < n; i++) {
            int c = 0;
            for (int p = 0; p < n; p++) {
              double s = 0;
              for (int j = 0; j < d; j++) {
                double t = (double) pts[i * d + j] - pts[p * d + j];
                s += t * t;
              }
              c += s < r2[i] ? 1 : 0;
            }
            assertThat(tree[i]).as("tree grid=%s d=%d row %d count %d", grid, d, i, count).isEqualTo(c >= count);
            assertThat(brute[i]).isEqualTo(c >= count);
          }
        }
      }
    }
  }

  @Test
  void localBoundIsAnUpperBoundOfTheCountThEligibleDistance() {
    int n = 2000;
    int d = 4;
    float[] pts = points(n, d, 3, false);
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    java.util.function.IntPredicate even = i -> i % 2 == 0;
    double[] bound = new KdTree(pts, n, d).localBound(rows, 3, even);
    int finite = 0;
    for (int i = 0; i < n; i++) {
      double[] dist = new double[n / 2];
      for (int p = 0; p < n; p += 2) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          double t = (double) pts[i * d + j] - pts[p * d + j];
          s += t * t;
        }
        dist[p / 2] = s;
      }
      java.util.Arrays.sort(dist);
      assertThat(bound[i]).isGreaterThanOrEqualTo(dist[2]);
      finite += bound[i] < Double.POSITIVE_INFINITY ? 1 : 0;
    }
    assertThat(finite).as("the own leaf mostly holds three eligible points").isGreaterThan(n / 2);
  }

  @Test
  void anIndexReadingADataSetInPlaceFindsWhatTheCopyingTreeFinds() {
    for (boolean grid : new boolean[] {false, true}) {
      int n = 1500;
      int d = 6;
      float[] pts = points(n, d, 21, grid);
      int[] labels = new int[n];
      var data = org.imbalanced4j.data.Dataset
          .builder(org.imbalanced4j.data.Schema.numeric(d, "y", java.util.List.of("a")))
          .setValues(pts, n).setLabels(labels).build();
      int[] order = new int[n]; // a view in reverse order: rows are read through its index
      for (int i = 0; i < n; i++) {
        order[i] = n - 1 - i;
      }
      var view = data.subset(order);
      NeighborIndex copied = NeighborIndex.of(view);
      NeighborIndex inPlace = NeighborIndex.inPlace(view);
      Neighbors a = copied.querySelf(5);
      Neighbors b = inPlace.querySelf(5);
      float[] q = points(80, d, 5, grid);
      Neighbors qa = copied.query(q, 80, 3);
      Neighbors qb = inPlace.query(q, 80, 3);
      for (int i = 0; i < n; i++) {
        assertThat(b.indices(i)).as("grid=%s row %d", grid, i).containsExactly(a.indices(i));
        assertThat(b.distance(i, 4)).isEqualTo(a.distance(i, 4));
      }
      for (int i = 0; i < 80; i++) {
        assertThat(qb.indices(i)).containsExactly(qa.indices(i));
      }
      double[] r2 = new double[80];
      java.util.Arrays.fill(r2, grid ? 2 : 1.5);
      assertThat(inPlace.crowded(q, 80, r2, 3)).containsExactly(copied.crowded(q, 80, r2, 3));
      int[] rows = {0, 7, 700, 1499};
      java.util.function.IntPredicate odd = i -> i % 2 == 1;
      assertThat(inPlace.localBound(rows, 2, odd)).containsExactly(copied.localBound(rows, 2, odd));
    }
  }
}
