package org.imbalanced4j.sampling.over;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.Synthesis;

/**
 * Random over-sampling: draws rows of each targeted class with replacement and appends them.
 * With {@code shrinkage} it draws from a smoothed bootstrap instead (ROSE): each drawn row gets
 * Gaussian noise {@code x + N(0, diag(h * c * sd_j)^2)}, with {@code sd_j} the class's standard
 * deviation of feature j, {@code c = (4 / ((d + 2) n))^(1 / (d + 4))} and {@code h} the
 * shrinkage factor.
 *
 * <p>References: N. Lunardon, G. Menardi and N. Torelli, "ROSE: a package for binary imbalanced
 * learning", The R Journal 6(1), 79-89, 2014 (smoothed bootstrap). With the same seed it draws
 * the same rows as imbalanced-learn's {@code RandomOverSampler(random_state=seed)}.
 */
public final class RandomOverSampler extends Sampler {
  private final long seed;
  private final Double shrinkage;
  private final Map<String, Double> shrinkageByClass;

  private RandomOverSampler(Builder b) {
    super(b.strategy);
    this.seed = b.seed;
    this.shrinkage = b.shrinkage;
    this.shrinkageByClass = b.shrinkageByClass;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "RandomOverSampler";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.OVER;
  }

  @Override
  protected boolean acceptsCategorical() {
    return shrinkage == null && shrinkageByClass == null;
  }

  @Override
  protected String categoricalHint() {
    return "; shrinkage adds noise to every feature: use it on numeric features only";
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    NumpyRandom rng = new NumpyRandom(seed);
    int[] y = data.labels();
    int total = Arrays.stream(target.classes()).map(target::get).sum();
    Synthesis out = new Synthesis(data, total);
    int d = data.features();
    for (int k : target.classes()) {
      int n = target.get(k);
      int[] rows = SamplerSupport.rowsOf(y, k);
      int[] boot = new int[n];
      for (int i = 0; i < n; i++) {
        boot[i] = rows[rng.randint(rows.length)];
      }
      Double h = shrinkageOf(data.schema().classNames().get(k));
      if (h == null) {
        for (int i : boot) {
          out.addCopy(i);
        }
        continue;
      }
      double c = Math.pow(4.0 / ((d + 2.0) * data.rows()), 1.0 / (d + 4.0));
      double[] scale = std(data, rows);
      float[] row = new float[d];
      for (int i : boot) {
        for (int j = 0; j < d; j++) {
          row[j] = (float) (rng.gauss() * h * c * scale[j] + data.value(i, j));
        }
        out.addRow(row, k, data.weight(i));
      }
    }
    return out.build();
  }

  private Double shrinkageOf(String className) {
    if (shrinkageByClass != null) {
      Double h = shrinkageByClass.get(className);
      if (h == null) {
        throw new InvalidOptionException("shrinkage has no factor for class '" + className
            + "', which is resampled; give one for every resampled class");
      }
      return h;
    }
    return shrinkage;
  }

  /** Population standard deviation of each feature over the rows ({@code np.std}). */
  private static double[] std(Dataset data, int[] rows) {
    int d = data.features();
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (int i : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += data.value(i, j);
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= rows.length;
    }
    for (int i : rows) {
      for (int j = 0; j < d; j++) {
        double t = data.value(i, j) - mean[j];
        sd[j] += t * t;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j] / rows.length);
    }
    return sd;
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optSeed} (0), {@code optShrinkage} (none:
   * plain bootstrap; one factor for all classes or one per class).
   */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private long seed;
    private Double shrinkage;
    private Map<String, Double> shrinkageByClass;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets imbalanced-learn's {@code shrinkage}. */
    public Builder optShrinkage(double h) {
      this.shrinkage = nonNegative(h, "all classes");
      return this;
    }

    /** Sets imbalanced-learn's {@code shrinkage}. */
    public Builder optShrinkage(Map<String, Double> byClass) {
      Map<String, Double> m = new LinkedHashMap<>();
      byClass.forEach((k, v) -> m.put(k, nonNegative(v, "class '" + k + "'")));
      this.shrinkageByClass = m;
      return this;
    }

    private static double nonNegative(double h, String who) {
      if (!(h >= 0) || Double.isInfinite(h)) {
        throw new InvalidOptionException("shrinkage must be >= 0, got " + h + " for " + who);
      }
      return h;
    }

    /** Builds the {@code RandomOverSampler}. */
    public RandomOverSampler build() {
      return new RandomOverSampler(this);
    }
  }
}
