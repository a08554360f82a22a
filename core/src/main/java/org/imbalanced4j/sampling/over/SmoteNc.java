package org.imbalanced4j.sampling.over;

import java.util.Arrays;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.Synthesis;

/**
 * SMOTE-NC, SMOTE for mixed numeric and categorical features. Distances use the numeric features
 * plus, for each categorical feature, a one-hot code scaled by {@code m / 2}, where {@code m} is
 * the median standard deviation of the numeric features in the minority class: two rows that
 * differ in a category are {@code m^2 / 2} apart in squared distance. A new row interpolates the
 * numeric features as SMOTE does and takes, for each categorical feature, the value most frequent
 * among the base row's {@code k_neighbors} neighbours (ties broken at random).
 *
 * <p>Which features are categorical comes from the data's schema (the reader's detection or
 * {@code --categorical}). Reference: N. V. Chawla, K. W. Bowyer, L. O. Hall and W. P. Kegelmeyer,
 * "SMOTE: synthetic minority over-sampling technique", JAIR 16, 321-357, 2002 (section 6.1). Class
 * counts equal imbalanced-learn's {@code SMOTENC}.
 */
public final class SmoteNc extends SmoteBase {
  private SmoteNc(SamplingStrategy s, int k, long seed) {
    super(s, k, seed);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "SMOTENC";
  }

  @Override
  protected boolean acceptsCategorical() {
    return true;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    Schema s = data.schema();
    int[] cat = s.categoricalIndices();
    int d = data.features();
    if (cat.length == 0) {
      throw new DataException("SMOTENC needs categorical features and the data has none; use SMOTE"
          + " (or mark columns with --categorical)");
    }
    if (cat.length == d) {
      throw new DataException("SMOTENC needs numeric features too; every feature is categorical: use SMOTEN");
    }
    boolean[] isCat = new boolean[d];
    for (int j : cat) {
      isCat[j] = true;
    }
    int[] y = data.labels();
    int minority = data.classCounts().minority();
    double halfMedianStd = medianStd(data, SamplerSupport.rowsOf(y, minority), isCat) / 2;
    int width = 0;
    int[] offset = new int[d];
    for (int j = 0; j < d; j++) {
      offset[j] = width;
      width += isCat[j] ? s.feature(j).levels().size() : 1;
    }
    Synthesis out = new Synthesis(data, totalToAdd(target));
    for (int k : target.classes()) {
      int n = target.get(k);
      if (n == 0) {
        continue;
      }
      int[] rows = SamplerSupport.rowsOf(y, k);
      float[] enc = new float[rows.length * width];
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < d; j++) {
          float v = data.value(rows[i], j);
          if (isCat[j]) {
            enc[i * width + offset[j] + (int) v] = (float) halfMedianStd;
          } else {
            enc[i * width + offset[j]] = v;
          }
        }
      }
      Neighbors nn = NeighborIndex.of(enc, rows.length, width).querySelf(kNeighbors + 1);
      float[] xk = SamplerSupport.rows(data, rows);
      generate(out, data, xk, rows, nn, n, k, isCat);
    }
    return out.build();
  }

  private void generate(Synthesis out, Dataset data, float[] xk, int[] rows, Neighbors nn, int n,
      int label, boolean[] isCat) {
    NumpyRandom rng = new NumpyRandom(seed);
    NumpyRandom ties = new NumpyRandom(seed);
    int d = data.features();
    int m = rows.length;
    int[] pick = new int[n];
    for (int i = 0; i < n; i++) {
      pick[i] = rng.randint(m * kNeighbors);
    }
    float[] row = new float[d];
    for (int i = 0; i < n; i++) {
      double step = rng.uniform();
      int r = pick[i] / kNeighbors;
      int other = nn.index(r, pick[i] % kNeighbors + 1);
      for (int j = 0; j < d; j++) {
        if (isCat[j]) {
          row[j] = vote(xk, nn, r, j, d, data.schema().feature(j).levels().size(), ties);
        } else {
          double b = xk[r * d + j];
          row[j] = (float) (b + step * (xk[other * d + j] - b));
        }
      }
      double wb = data.weight(rows[r]);
      out.addRow(row, label, wb + step * (data.weight(rows[other]) - wb));
    }
  }

  /** The most frequent level of feature j among row r's k neighbours; ties at random. */
  private int vote(float[] xk, Neighbors nn, int r, int j, int d, int levels, NumpyRandom rng) {
    int[] count = new int[levels];
    for (int c = 1; c <= kNeighbors; c++) {
      count[(int) xk[nn.index(r, c) * d + j]]++;
    }
    int max = Arrays.stream(count).max().orElse(0);
    int tied = 0;
    for (int c : count) {
      tied += c == max ? 1 : 0;
    }
    int choose = tied == 1 ? 0 : rng.randint(tied);
    for (int l = 0; l < levels; l++) {
      if (count[l] == max && choose-- == 0) {
        return l;
      }
    }
    throw new IllegalStateException();
  }

  /** Median over numeric features of their population standard deviation in {@code rows}. */
  private static double medianStd(Dataset data, int[] rows, boolean[] isCat) {
    double[] sd = new double[data.features()];
    int n = 0;
    for (int j = 0; j < data.features(); j++) {
      if (isCat[j]) {
        continue;
      }
      double mean = 0;
      for (int i : rows) {
        mean += data.value(i, j);
      }
      mean /= rows.length;
      double var = 0;
      for (int i : rows) {
        double t = data.value(i, j) - mean;
        var += t * t;
      }
      sd[n++] = Math.sqrt(var / rows.length);
    }
    double[] v = Arrays.copyOf(sd, n);
    Arrays.sort(v);
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Builder: {@code optSamplingStrategy} (auto), {@code optKNeighbors} (5), {@code optSeed} (0). */
  public static final class Builder extends SmoteBase.Builder<Builder> {
    Builder() {
      super(5);
    }

    /** Builds the {@code SmoteNc}. */
    public SmoteNc build() {
      return new SmoteNc(strategy, kNeighbors, seed);
    }
  }
}
