package org.imbalanced4j.sampling.under;

import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cluster.KMeans;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.Synthesis;

/**
 * Cluster centroids: replaces each targeted class by the centres of {@code n} k-means clusters of
 * its rows ({@code voting=soft}, new rows), or by the row nearest each centre ({@code
 * voting=hard}, kept rows). Other classes are kept whole.
 *
 * <p>Reference: W.-C. Lin, C.-F. Tsai, Y.-H. Hu and J.-S. Jhang, "Clustering-based undersampling
 * in class-imbalanced data", Information Sciences 409-410, 17-26, 2017. Class counts as
 * imbalanced-learn's {@code ClusterCentroids}; its default k-means is scikit-learn's (k-means++,
 * 10 initialisations).
 */
public final class ClusterCentroids extends Sampler {
  private final boolean hard;
  private final long seed;

  private ClusterCentroids(Builder b) {
    super(b.strategy);
    this.hard = b.hard;
    this.seed = b.seed;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "ClusterCentroids";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.UNDER;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    int[] y = data.labels();
    int d = data.features();
    // rows of untargeted classes first, as kept rows; then each targeted class's centres
    int[][] keep = new int[data.classCount()][];
    for (int k = 0; k < data.classCount(); k++) {
      keep[k] = target.targets(k) ? new int[0] : SamplerSupport.rowsOf(y, k);
    }
    int[] kept = SamplerSupport.concat(keep);
    if (hard) {
      int[][] parts = new int[data.classCount()][];
      for (int k = 0; k < data.classCount(); k++) {
        int[] rows = SamplerSupport.rowsOf(y, k);
        if (!target.targets(k)) {
          parts[k] = rows;
          continue;
        }
        KMeans.Result r = cluster(data, rows, target.get(k));
        float[] xk = SamplerSupport.rows(data, rows);
        var nn = NeighborIndex.of(xk, rows.length, d).query(r.centres(), r.k(), 1);
        int[] pick = new int[r.k()];
        for (int c = 0; c < r.k(); c++) {
          pick[c] = rows[nn.index(c, 0)];
        }
        parts[k] = pick;
      }
      return SamplerSupport.keep(data, SamplerSupport.concat(parts));
    }
    Synthesis out = new Synthesis(data.subset(kept), 0);
    float[] row = new float[d];
    for (int k : target.classes()) {
      int[] rows = SamplerSupport.rowsOf(y, k);
      KMeans.Result r = cluster(data, rows, target.get(k));
      float[] c = r.centres();
      for (int ci = 0; ci < r.k(); ci++) {
        System.arraycopy(c, ci * d, row, 0, d);
        out.addRow(row, k, 1.0);
      }
    }
    Resampled res = out.build();
    int[] src = res.source();
    for (int i = 0; i < src.length; i++) {
      src[i] = src[i] >= 0 ? kept[src[i]] : -1;
    }
    return new Resampled(res.data(), src);
  }

  private KMeans.Result cluster(Dataset data, int[] rows, int n) {
    if (n == 0) {
      return new KMeans.Result(new float[0], new int[rows.length], 0, 0, data.features());
    }
    return KMeans.builder().setK(n).optSeed(seed).build()
        .fit(SamplerSupport.rows(data, rows), rows.length, data.features());
  }

  /** Builder: {@code optSamplingStrategy} (auto), {@code optVoting} (soft), {@code optSeed} (0). */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private boolean hard;
    private long seed;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    /** {@code soft} (centres, the default for dense data) or {@code hard} (nearest rows). */
    public Builder optVoting(String voting) {
      String v = voting.strip().toLowerCase(Locale.ROOT);
      if (!v.equals("soft") && !v.equals("hard") && !v.equals("auto")) {
        throw InvalidOptionException.unknown("voting", voting, java.util.List.of("auto", "soft", "hard"));
      }
      this.hard = v.equals("hard");
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the {@code ClusterCentroids}. */
    public ClusterCentroids build() {
      return new ClusterCentroids(this);
    }
  }
}
