package org.imbalanced4j.sampling.over;

import java.util.ArrayList;
import java.util.List;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cluster.KMeans;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.Synthesis;

/**
 * k-means SMOTE: clusters all rows with k-means, keeps the clusters where the class is common
 * (share at least {@code cluster_balance_threshold}; {@code auto}: half its share of the rows to
 * add) and has more than {@code k_neighbors} rows, and runs SMOTE inside each kept cluster. Sparse
 * clusters get more rows: cluster c gets {@code ceil(n * s_c / sum s)} with sparsity {@code s_c =
 * meanDist_c^e / count_c}, {@code e = log_1.6(d)^1.8 * 0.16} ({@code auto}).
 *
 * <p>Reference: G. Douzas, F. Bacao and F. Last, "Improving imbalanced learning through a
 * heuristic oversampling method based on k-means and SMOTE", Information Sciences 465, 1-20,
 * 2018. As imbalanced-learn's {@code KMeansSMOTE}, except that the automatic density exponent
 * uses the number of features, as the paper and imbalanced-learn's documentation define it
 * (imbalanced-learn 0.10's code uses the cluster's row count).
 */
public final class KMeansSmote extends SmoteBase {
  private final int nClusters;
  private final double balanceThreshold; // NaN: auto
  private final double densityExponent; // NaN: auto

  private KMeansSmote(Builder b) {
    super(b.strategy, b.kNeighbors, b.seed);
    this.nClusters = b.nClusters;
    this.balanceThreshold = b.balanceThreshold;
    this.densityExponent = b.densityExponent;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "KMeansSMOTE";
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    int[] y = data.labels();
    int d = data.features();
    int total = totalToAdd(target);
    Synthesis out = new Synthesis(data, total);
    int clusters = Math.min(nClusters, data.rows());
    int[] assign = KMeans.builder().setK(clusters).optNInit(3).optSeed(seed).build()
        .fit(data.toRowMajor(), data.rows(), d).assignment();
    for (int k : target.classes()) {
      int n = target.get(k);
      if (n == 0) {
        continue;
      }
      double threshold = Double.isNaN(balanceThreshold) ? (double) n / total / 2 : balanceThreshold;
      List<int[]> valid = new ArrayList<>();
      List<Double> sparsity = new ArrayList<>();
      for (int c = 0; c < clusters; c++) {
        int size = 0;
        int inClass = 0;
        for (int i = 0; i < y.length; i++) {
          if (assign[i] == c) {
            size++;
            inClass += y[i] == k ? 1 : 0;
          }
        }
        if (size == 0 || (double) inClass / size < threshold || inClass < kNeighbors + 1) {
          continue;
        }
        int[] rows = new int[inClass];
        int at = 0;
        for (int i = 0; i < y.length; i++) {
          if (assign[i] == c && y[i] == k) {
            rows[at++] = i;
          }
        }
        valid.add(rows);
        sparsity.add(sparsity(data, rows));
      }
      if (valid.isEmpty()) {
        throw new DataException("KMeansSMOTE: no cluster has enough rows of class '"
            + data.schema().classNames().get(k) + "'; lower cluster_balance_threshold or raise kmeans_estimator");
      }
      double sum = sparsity.stream().mapToDouble(Double::doubleValue).sum();
      for (int c = 0; c < valid.size(); c++) {
        int[] rows = valid.get(c);
        int nc = (int) Math.ceil(n * sparsity.get(c) / sum);
        float[] xk = SamplerSupport.rows(data, rows);
        var nn = NeighborIndex.of(xk, rows.length, d).querySelf(kNeighbors + 1);
        makeSamples(out, data, xk, rows, SamplerSupport.range(rows.length), xk, rows, nn, nc, 1.0, k);
      }
    }
    return out.build();
  }

  private double sparsity(Dataset data, int[] rows) {
    int m = rows.length;
    int d = data.features();
    double sum = 0;
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          double t = (double) data.value(rows[a], j) - data.value(rows[b], j);
          s += t * t;
        }
        sum += 2 * Math.sqrt(s);
      }
    }
    double mean = sum / ((double) m * m - m);
    double e = Double.isNaN(densityExponent)
        ? Math.pow(Math.log(d) / Math.log(1.6), 1.8) * 0.16 : densityExponent;
    return Math.pow(mean, e) / m;
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optKNeighbors} (2), {@code optNClusters}
   * (8), {@code optClusterBalanceThreshold} (auto), {@code optDensityExponent} (auto), {@code
   * optSeed} (0).
   */
  public static final class Builder extends SmoteBase.Builder<Builder> {
    private int nClusters = 8;
    private double balanceThreshold = Double.NaN;
    private double densityExponent = Double.NaN;

    Builder() {
      super(2);
    }

    /** Sets imbalanced-learn's {@code n_clusters}. */
    public Builder optNClusters(int n) {
      this.nClusters = positive("kmeans_estimator", n);
      return this;
    }

    /** Sets imbalanced-learn's {@code cluster_balance_threshold}. */
    public Builder optClusterBalanceThreshold(double t) {
      if (!(t >= 0 && t <= 1)) {
        throw new InvalidOptionException("cluster_balance_threshold must be in [0, 1] or auto, got " + t);
      }
      this.balanceThreshold = t;
      return this;
    }

    /** Sets imbalanced-learn's {@code density_exponent}. */
    public Builder optDensityExponent(double e) {
      this.densityExponent = e;
      return this;
    }

    /** Builds the {@code KMeansSmote}. */
    public KMeansSmote build() {
      return new KMeansSmote(this);
    }
  }
}
