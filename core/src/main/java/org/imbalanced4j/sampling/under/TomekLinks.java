package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;

/**
 * Removes Tomek links: pairs of rows of different classes that are each other's nearest
 * neighbour. Of each link, the row of a targeted class is removed (by default every class but the
 * minority), which cleans the class boundary.
 *
 * <p>Rows {@code i} and {@code j} form a link when {@code y_i != y_j}, {@code nn(i) = j} and
 * {@code nn(j) = i}, with {@code nn} the nearest other row under the Euclidean distance.
 *
 * <p>Reference: I. Tomek, "Two modifications of CNN", IEEE Transactions on Systems, Man, and
 * Cybernetics 6(11), 769-772, 1976. Same rows as imbalanced-learn's {@code TomekLinks}.
 *
 * <pre>{@code
 * Resampled r = TomekLinks.builder().build().fitResample(data);
 * }</pre>
 */
public final class TomekLinks extends Sampler {
  private TomekLinks(SamplingStrategy strategy) {
    super(strategy);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "TomekLinks";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.CLEANING;
  }

  @Override
  protected int minRowsTotal() {
    return 2;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    int[] y = data.labels();
    Neighbors nn = SamplerSupport.index(data).querySelf(2);
    boolean[] link = links(y, nn, target);
    return SamplerSupport.keep(data, SamplerSupport.unflagged(link));
  }

  /** Rows of targeted classes that are in a Tomek link. */
  static boolean[] links(int[] y, Neighbors nn, SamplingTarget target) {
    boolean[] link = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      if (!target.targets(y[i])) {
        continue;
      }
      int j = nn.index(i, 1);
      if (y[j] != y[i] && nn.index(j, 1) == i) {
        link[i] = true;
      }
    }
    return link;
  }

  /** Builder: {@code optSamplingStrategy} (auto: every class but the minority). */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();

    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    public TomekLinks build() {
      return new TomekLinks(strategy);
    }
  }
}
