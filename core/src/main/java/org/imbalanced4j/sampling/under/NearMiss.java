package org.imbalanced4j.sampling.under;

import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeSet;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.ClassCounts;
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
 * NearMiss under-sampling: keeps the rows of a targeted class that are closest to the minority
 * class, by the sum of distances to minority rows.
 *
 * <ul>
 *   <li>version 1: smallest sum of distances to the {@code n_neighbors} nearest minority rows;
 *   <li>version 2: smallest sum of distances to the {@code n_neighbors} farthest minority rows;
 *   <li>version 3: first the {@code n_neighbors_ver3} nearest rows of the class around each
 *       minority row are short-listed, then the largest sum of distances to the {@code
 *       n_neighbors} nearest minority rows wins.
 * </ul>
 *
 * <p>Ties keep row order (a stable sort). Reference: I. Mani and I. Zhang, "kNN approach to
 * unbalanced data distributions: a case study involving information extraction", ICML Workshop on
 * Learning from Imbalanced Datasets, 2003. Same rows, in the same order, as imbalanced-learn's
 * {@code NearMiss}.
 */
public final class NearMiss extends Sampler {
  private final int version;
  private final int nNeighbors;
  private final int nNeighborsVer3;

  private NearMiss(Builder b) {
    super(b.strategy);
    this.version = b.version;
    this.nNeighbors = b.nNeighbors;
    this.nNeighborsVer3 = b.nNeighborsVer3;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "NearMiss";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.UNDER;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    ClassCounts cc = data.classCounts();
    int minority = cc.minority();
    int[] y = data.labels();
    int[] minRows = SamplerSupport.rowsOf(y, minority);
    if (minRows.length < nNeighbors) {
      throw new org.imbalanced4j.DataException(name() + ": the minority class '"
          + cc.classNames().get(minority) + "' has " + minRows.length + " rows, but n_neighbors="
          + nNeighbors + " needs at least " + nNeighbors);
    }
    NeighborIndex minIndex = SamplerSupport.index(data, minRows);
    int[][] parts = new int[data.classCount()][];
    for (int k = 0; k < data.classCount(); k++) {
      int[] rows = SamplerSupport.rowsOf(y, k);
      if (!target.targets(k) || rows.length == 0) {
        parts[k] = rows;
        continue;
      }
      int n = target.get(k);
      float[] xk = SamplerSupport.rows(data, rows);
      int[] chosen;
      if (version == 3) {
        if (rows.length < nNeighborsVer3) {
          throw new org.imbalanced4j.DataException(name() + ": class '" + cc.classNames().get(k)
              + "' has " + rows.length + " rows, but n_neighbors_ver3=" + nNeighborsVer3
              + " needs at least " + nNeighborsVer3);
        }
        Neighbors around = NeighborIndex.of(xk, rows.length, data.features())
            .query(SamplerSupport.rows(data, minRows), minRows.length, nNeighborsVer3);
        TreeSet<Integer> shortList = new TreeSet<>();
        for (int q = 0; q < minRows.length; q++) {
          for (int j = 0; j < nNeighborsVer3; j++) {
            shortList.add(around.index(q, j));
          }
        }
        int[] sl = shortList.stream().mapToInt(Integer::intValue).toArray();
        float[] xs = new float[sl.length * data.features()];
        for (int i = 0; i < sl.length; i++) {
          System.arraycopy(xk, sl[i] * data.features(), xs, i * data.features(), data.features());
        }
        Neighbors nn = minIndex.query(xs, sl.length, nNeighbors);
        int[] order = select(nn, nNeighbors, n, true);
        chosen = new int[order.length];
        for (int i = 0; i < order.length; i++) {
          chosen[i] = rows[sl[order[i]]];
        }
      } else {
        int kq = version == 1 ? nNeighbors : minRows.length;
        Neighbors nn = minIndex.query(xk, rows.length, kq);
        int[] order = select(nn, nNeighbors, n, false);
        chosen = Arrays.stream(order).map(i -> rows[i]).toArray();
      }
      parts[k] = chosen;
    }
    return SamplerSupport.keep(data, SamplerSupport.concat(parts));
  }

  /**
   * The {@code n} queries with the smallest (or largest) sum of their last {@code last}
   * neighbour distances, in that order, ties in query order.
   */
  private static int[] select(Neighbors nn, int last, int n, boolean farthest) {
    int q = nn.queries();
    double[] sum = new double[q];
    for (int i = 0; i < q; i++) {
      double s = 0;
      for (int j = nn.k() - last; j < nn.k(); j++) {
        s += nn.distance(i, j);
      }
      sum[i] = s;
    }
    Integer[] order = new Integer[q];
    for (int i = 0; i < q; i++) {
      order[i] = i;
    }
    Comparator<Integer> by = Comparator.comparingDouble(i -> sum[i]);
    Arrays.sort(order, farthest ? by.reversed() : by); // stable: ties keep query order
    return Arrays.stream(order).limit(n).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optVersion} (1), {@code optNNeighbors}
   * (3), {@code optNNeighborsVer3} (3).
   */
  public static final class Builder {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private int version = 1;
    private int nNeighbors = 3;
    private int nNeighborsVer3 = 3;

    /** Sets imbalanced-learn's {@code sampling_strategy} ({@link org.imbalanced4j.sampling.SamplingStrategy}). */
    public Builder optSamplingStrategy(SamplingStrategy s) {
      this.strategy = s;
      return this;
    }

    /** Sets imbalanced-learn's {@code version}. */
    public Builder optVersion(int version) {
      if (version < 1 || version > 3) {
        throw new InvalidOptionException("NearMiss version must be 1, 2 or 3, got " + version);
      }
      this.version = version;
      return this;
    }

    /** Sets imbalanced-learn's {@code n_neighbors}. */
    public Builder optNNeighbors(int n) {
      this.nNeighbors = UnderSupport.positive("n_neighbors", n);
      return this;
    }

    /** Sets imbalanced-learn's {@code n_neighbors_ver3}. */
    public Builder optNNeighborsVer3(int n) {
      this.nNeighborsVer3 = UnderSupport.positive("n_neighbors_ver3", n);
      return this;
    }

    /** Builds the {@code NearMiss}. */
    public NearMiss build() {
      return new NearMiss(this);
    }
  }
}
