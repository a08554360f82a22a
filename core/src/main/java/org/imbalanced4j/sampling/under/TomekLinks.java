package org.imbalanced4j.sampling.under;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;
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
    boolean[] link = links(data, target);
    return SamplerSupport.keep(data, SamplerSupport.unflagged(link));
  }

  /**
   * Rows of targeted classes that are in a Tomek link. Every link has an end outside the largest
   * class, so only the rows outside it and the nearest neighbours they find inside it are
   * searched: on 1% minority data, 2% of the rows instead of all.
   */
  static boolean[] links(Dataset data, SamplingTarget target) {
    int[] y = data.labels();
    int n = y.length;
    int largest = SamplerSupport.largestClass(y, data.classCount());
    NeighborIndex index = SamplerSupport.index(data);
    int[] nearest = new int[n];
    java.util.Arrays.fill(nearest, -1);
    int[] outside = SamplerSupport.rowsNotOf(y, largest);
    record(nearest, outside, index.querySelf(outside, 2));
    boolean[] asked = new boolean[n];
    int[] inside = new int[outside.length];
    int m = 0;
    for (int i : outside) {
      int j = nearest[i];
      if (y[j] == largest && !asked[j]) {
        asked[j] = true;
        inside[m++] = j;
      }
    }
    inside = java.util.Arrays.copyOf(inside, m);
    java.util.Arrays.sort(inside);
    record(nearest, inside, index.querySelf(inside, 2));
    boolean[] link = new boolean[n];
    for (int i = 0; i < n; i++) {
      int j = nearest[i]; // unknown (-1) only for rows of the largest class that are in no link
      if (j >= 0 && target.targets(y[i]) && y[j] != y[i] && nearest[j] == i) {
        link[i] = true;
      }
    }
    return link;
  }

  private static void record(int[] nearest, int[] rows, Neighbors nn) {
    for (int q = 0; q < rows.length; q++) {
      nearest[rows[q]] = nn.index(q, 1);
    }
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
