package org.imbalanced4j.sampling.under;

import java.util.function.Function;
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
  private final Function<Dataset, NeighborIndex> index;

  private TomekLinks(SamplingStrategy strategy, Function<Dataset, NeighborIndex> index) {
    super(strategy);
    this.index = index;
  }

  /** A builder with the defaults. */
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
    boolean[] link = links(data, target, index.apply(data));
    return SamplerSupport.keep(data, SamplerSupport.unflagged(link));
  }

  /**
   * Rows of targeted classes that are in a Tomek link. Every link has an end outside the largest
   * class, so only the rows outside it and the nearest neighbours they find inside it are
   * searched: on 1% minority data, 2% of the rows instead of all.
   */
  static boolean[] links(Dataset data, SamplingTarget target, NeighborIndex index) {
    int[] y = data.labels();
    int n = y.length;
    int largest = SamplerSupport.largestClass(y, data.classCount());
    int[] nearest = new int[n];
    java.util.Arrays.fill(nearest, -1);
    int[] outside = SamplerSupport.rowsNotOf(y, largest);
    record(nearest, outside, index);
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
    record(nearest, inside, index);
    boolean[] link = new boolean[n];
    for (int i = 0; i < n; i++) {
      int j = nearest[i]; // unknown (-1) only for rows of the largest class that are in no link
      if (j >= 0 && target.targets(y[i]) && y[j] != y[i] && nearest[j] == i) {
        link[i] = true;
      }
    }
    return link;
  }

  /**
   * Each row's nearest other row, searched in blocks so that the search results never take more
   * than a few megabytes (on an over-sampler's output, rows outside the largest class are half).
   */
  private static void record(int[] nearest, int[] rows, NeighborIndex index) {
    int block = 1 << 18;
    for (int from = 0; from < rows.length; from += block) {
      int[] part = java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + block));
      Neighbors nn = index.querySelf(part, 2);
      for (int q = 0; q < part.length; q++) {
        nearest[part[q]] = nn.index(q, 1);
      }
    }
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto: every class but the minority) and {@code
   * optNeighborIndex}, the index the neighbours are searched in ({@link NeighborIndex#of(Dataset)}
   * by default; {@link NeighborIndex#inPlace(Dataset)} when the data is too large to copy).
   */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private Function<Dataset, NeighborIndex> index = NeighborIndex::of;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    /**
     * Sets the index the neighbours are searched in (default: {@link org.imbalanced4j.neighbors.NeighborIndex#of}, an
     * exact index).
     */
    public Builder optNeighborIndex(Function<Dataset, NeighborIndex> index) {
      this.index = java.util.Objects.requireNonNull(index, "index");
      return this;
    }

    /** Builds the {@code TomekLinks}. */
    public TomekLinks build() {
      return new TomekLinks(strategy, index);
    }
  }
}
