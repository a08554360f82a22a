package org.imbalanced4j.sampling.over;

import java.util.Arrays;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.Synthesis;

/**
 * SMOTE-N, for data whose features are all categorical. Rows are compared by the value
 * difference metric, {@code VDM(x, y) = sum_f (sum_c |P(c | x_f) - P(c | y_f)|)^2}, with the class
 * probabilities of each feature value estimated on the whole data; a new row takes, feature by
 * feature, the most common value (the smallest code on ties) among a random row of the class and
 * its {@code k_neighbors} nearest rows of the class.
 *
 * <p>References: N. V. Chawla, K. W. Bowyer, L. O. Hall and W. P. Kegelmeyer, "SMOTE: synthetic
 * minority over-sampling technique", JAIR 16, 321-357, 2002 (section 6.2); C. Stanfill and D.
 * Waltz, "Toward memory-based reasoning", CACM 29(12), 1213-1228, 1986 (VDM). As imbalanced-learn's
 * {@code SMOTEN} with its defaults (k = 1, r = 2), its neighbours taken by the VDM itself.
 */
public final class SmoteN extends SmoteBase {
  private SmoteN(SamplingStrategy s, int k, long seed) {
    super(s, k, seed);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "SMOTEN";
  }

  @Override
  protected boolean acceptsCategorical() {
    return true;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    int d = data.features();
    if (data.schema().categoricalIndices().length != d) {
      throw new DataException("SMOTEN needs every feature categorical; for mixed features use SMOTENC");
    }
    int[] y = data.labels();
    int classes = data.classCount();
    // P(class | value) for each feature
    double[][][] proba = new double[d][][];
    for (int j = 0; j < d; j++) {
      int levels = data.schema().feature(j).levels().size();
      double[][] p = new double[levels][classes];
      for (int i = 0; i < data.rows(); i++) {
        p[(int) data.value(i, j)][y[i]]++;
      }
      for (double[] row : p) {
        double s = Arrays.stream(row).sum();
        for (int c = 0; c < classes && s > 0; c++) {
          row[c] /= s;
        }
      }
      proba[j] = p;
    }
    Synthesis out = new Synthesis(data, totalToAdd(target));
    for (int k : target.classes()) {
      int n = target.get(k);
      if (n == 0) {
        continue;
      }
      int[] rows = SamplerSupport.rowsOf(y, k);
      int m = rows.length;
      int[][] nn = new int[m][];
      double[] dist = new double[m];
      Integer[] order = new Integer[m];
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          double s = 0;
          for (int j = 0; j < d; j++) {
            double[] pa = proba[j][(int) data.value(rows[a], j)];
            double[] pb = proba[j][(int) data.value(rows[b], j)];
            double l1 = 0;
            for (int c = 0; c < classes; c++) {
              l1 += Math.abs(pa[c] - pb[c]);
            }
            s += l1 * l1;
          }
          dist[b] = b == a ? -1 : s;
          order[b] = b;
        }
        Arrays.sort(order, (u, v) -> dist[u] != dist[v] ? Double.compare(dist[u], dist[v]) : Integer.compare(u, v));
        nn[a] = new int[kNeighbors + 1];
        for (int t = 0; t <= kNeighbors; t++) {
          nn[a][t] = order[t];
        }
      }
      NumpyRandom rng = new NumpyRandom(seed);
      float[] row = new float[d];
      for (int i = 0; i < n; i++) {
        int base = rng.randint(m);
        for (int j = 0; j < d; j++) {
          int[] count = new int[data.schema().feature(j).levels().size()];
          for (int t : nn[base]) {
            count[(int) data.value(rows[t], j)]++;
          }
          int best = 0;
          for (int l = 1; l < count.length; l++) {
            if (count[l] > count[best]) {
              best = l;
            }
          }
          row[j] = best;
        }
        out.addRow(row, k, data.weight(rows[base]));
      }
    }
    return out.build();
  }

  /** Builder: {@code optSamplingStrategy} (auto), {@code optKNeighbors} (5), {@code optSeed} (0). */
  public static final class Builder extends SmoteBase.Builder<Builder> {
    Builder() {
      super(5);
    }

    /** Builds the {@code SmoteN}. */
    public SmoteN build() {
      return new SmoteN(strategy, kNeighbors, seed);
    }
  }
}
