package org.imbalanced4j.sampling.under;

import java.util.Arrays;
import java.util.List;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedKFold;

/**
 * Instance hardness threshold: a classifier's cross-validated probability of each row's own
 * class measures how hard the row is; each targeted class keeps its {@code n} easiest rows, those
 * at or above the {@code (1 - n / N_c)} quantile of its probabilities (NumPy's linear percentile).
 * Ties at the threshold may keep a few more.
 *
 * <p>The classifier is pluggable ({@link Estimator}); the default is a k-nearest-neighbour vote
 * ({@code k = 5}), which needs no tuning. Reference: M. R. Smith, T. Martinez and C.
 * Giraud-Carrier, "An instance level analysis of data complexity", Machine Learning 95(2),
 * 225-256, 2014. As imbalanced-learn's {@code InstanceHardnessThreshold}, whose default is a
 * random forest.
 */
public final class InstanceHardnessThreshold extends Sampler {
  /** Probabilities of each class for the test rows, from a model fitted on the training rows. */
  @FunctionalInterface
  public interface Estimator {
    /** Class probabilities of the test rows from a model fitted on the training rows. */
    double[][] fitPredictProba(Dataset train, Dataset test);
  }

  /** The default estimator: the share of the k nearest training rows of each class. */
  public static Estimator knn(int k) {
    return (train, test) -> {
      int kk = Math.min(k, train.rows());
      Neighbors nn = NeighborIndex.of(train).query(test.toRowMajor(), test.rows(), kk);
      double[][] p = new double[test.rows()][train.classCount()];
      for (int i = 0; i < test.rows(); i++) {
        for (int j = 0; j < kk; j++) {
          p[i][train.label(nn.index(i, j))] += 1.0 / kk;
        }
      }
      return p;
    };
  }

  private final Estimator estimator;
  private final int cv;
  private final long seed;

  private InstanceHardnessThreshold(Builder b) {
    super(b.strategy);
    this.estimator = b.estimator;
    this.cv = b.cv;
    this.seed = b.seed;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "InstanceHardnessThreshold";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.UNDER;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    int[] y = data.labels();
    double[] proba = new double[data.rows()];
    List<Split> folds = StratifiedKFold.builder().optNSplits(cv).optShuffle(true).optSeed(seed)
        .build().split(y);
    for (Split s : folds) {
      int[] test = s.test();
      double[][] p = estimator.fitPredictProba(data.subset(s.train()), data.subset(test));
      for (int i = 0; i < test.length; i++) {
        proba[test[i]] = p[i][y[test[i]]];
      }
    }
    int[][] parts = new int[data.classCount()][];
    for (int k = 0; k < data.classCount(); k++) {
      int[] rows = SamplerSupport.rowsOf(y, k);
      if (!target.targets(k) || rows.length == 0) {
        parts[k] = rows;
        continue;
      }
      double[] pk = Arrays.stream(rows).mapToDouble(i -> proba[i]).toArray();
      double threshold = org.imbalanced4j.numeric.Percentile.of(pk, (1.0 - (double) target.get(k) / rows.length) * 100.0);
      parts[k] = Arrays.stream(rows).filter(i -> proba[i] >= threshold).toArray();
    }
    return SamplerSupport.keep(data, SamplerSupport.concat(parts));
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optEstimator} (5-NN vote), {@code optCv}
   * (5), {@code optSeed} (0).
   */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private Estimator estimator = knn(5);
    private int cv = 5;
    private long seed;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    /** Sets imbalanced-learn's {@code estimator}. */
    public Builder optEstimator(Estimator e) {
      this.estimator = e;
      return this;
    }

    /** Sets imbalanced-learn's {@code cv}. */
    public Builder optCv(int cv) {
      if (cv < 2) {
        throw new InvalidOptionException("cv must be at least 2, got " + cv);
      }
      this.cv = cv;
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the {@code InstanceHardnessThreshold}. */
    public InstanceHardnessThreshold build() {
      return new InstanceHardnessThreshold(this);
    }
  }
}
