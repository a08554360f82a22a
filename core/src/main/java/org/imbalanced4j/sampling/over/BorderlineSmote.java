package org.imbalanced4j.sampling.over;

import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerSupport;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.sampling.Synthesis;

/**
 * Borderline-SMOTE: SMOTE from the rows "in danger" only, those with at least half but not all of
 * their {@code m_neighbors} nearest neighbours (in the whole data) from other classes.
 *
 * <ul>
 *   <li>{@code borderline-1}: interpolates towards the {@code k_neighbors} nearest rows of the same
 *       class, {@code u ~ U[0, 1)};
 *   <li>{@code borderline-2}: a share {@code f ~ Beta(10, 10)} of the rows as borderline-1, the rest
 *       towards the {@code k_neighbors} nearest rows of other classes with {@code u ~ U[0, 0.5)}.
 * </ul>
 *
 * <p>Reference: H. Han, W.-Y. Wang and B.-H. Mao, "Borderline-SMOTE: a new over-sampling method
 * in imbalanced data sets learning", ICIC 2005, LNCS 3644, 878-887. Class counts equal
 * imbalanced-learn's {@code BorderlineSMOTE(random_state=seed)}, whose borderline-2 takes the
 * second part's neighbours by their positions in the class rather than among the other classes;
 * here they are the other classes' nearest rows, as the paper defines them.
 */
public final class BorderlineSmote extends SmoteBase {
  /** The two variants. */
  public enum Kind {
    /** Borderline-1: synthetic rows between a danger row and neighbours of its own class. */
    BORDERLINE_1,
    /** Borderline-2: also towards neighbours of the other classes, at most half-way. */
    BORDERLINE_2;

    /** The kind of imbalanced-learn's {@code kind} value, {@code borderline-1} or {@code borderline-2}. */
    public static Kind parse(String s) {
      String t = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
      return switch (t) {
        case "borderline-1" -> BORDERLINE_1;
        case "borderline-2" -> BORDERLINE_2;
        default -> throw InvalidOptionException.unknown("kind", s, java.util.List.of("borderline-1", "borderline-2"));
      };
    }
  }

  private final int mNeighbors;
  private final Kind variant;

  private BorderlineSmote(Builder b) {
    super(b.strategy, b.kNeighbors, b.seed);
    this.mNeighbors = b.mNeighbors;
    this.variant = b.kind;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "BorderlineSMOTE";
  }

  @Override
  protected int minRowsTotal() {
    return mNeighbors + 1;
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    int[] y = data.labels();
    int d = data.features();
    Synthesis out = new Synthesis(data, totalToAdd(target));
    NeighborIndex all = SamplerSupport.index(data);
    for (int k : target.classes()) {
      int n = target.get(k);
      if (n == 0) {
        continue;
      }
      int[] rows = SamplerSupport.rowsOf(y, k);
      int[] danger = inDanger(all.querySelf(rows, mNeighbors + 1), y, k, mNeighbors);
      if (danger.length == 0) {
        continue;
      }
      float[] xk = SamplerSupport.rows(data, rows);
      int[] dangerRows = new int[danger.length];
      float[] xDanger = new float[danger.length * d];
      for (int i = 0; i < danger.length; i++) {
        dangerRows[i] = rows[danger[i]];
        System.arraycopy(xk, danger[i] * d, xDanger, i * d, d);
      }
      NeighborIndex classIndex = NeighborIndex.of(xk, rows.length, d);
      Neighbors nns = classIndex.querySelf(danger, kNeighbors + 1);
      int[] pos = SamplerSupport.range(danger.length);
      if (variant == Kind.BORDERLINE_1) {
        makeSamples(out, data, xDanger, dangerRows, pos, xk, rows, nns, n, 1.0, k);
      } else {
        double f = new NumpyRandom(seed).beta(10, 10);
        makeSamples(out, data, xDanger, dangerRows, pos, xk, rows, nns, (int) (f * (n + 1)), 1.0, k);
        int[] others = SamplerSupport.rowsNotOf(y, k);
        float[] xo = SamplerSupport.rows(data, others);
        // neighbours among the other classes; column 0 is skipped by makeSamples, so ask k + 1
        Neighbors toOthers = NeighborIndex.of(xo, others.length, d)
            .query(xDanger, danger.length, Math.min(kNeighbors + 1, others.length));
        makeSamples(out, data, xDanger, dangerRows, pos, xo, others, toOthers,
            (int) ((1 - f) * n), 0.5, k);
      }
    }
    return out.build();
  }

  /**
   * Positions (in the query order) of rows in danger: with m neighbours (column 0 is the row
   * itself), {@code m/2 <= #other-class < m}.
   */
  static int[] inDanger(Neighbors nn, int[] y, int k, int m) {
    int[] out = new int[nn.queries()];
    int n = 0;
    for (int q = 0; q < nn.queries(); q++) {
      int other = 0;
      for (int j = 1; j <= m; j++) {
        if (y[nn.index(q, j)] != k) {
          other++;
        }
      }
      if (other >= m / 2.0 && other < m) {
        out[n++] = q;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optKNeighbors} (5), {@code optMNeighbors}
   * (10), {@code optKind} (borderline-1), {@code optSeed} (0).
   */
  public static final class Builder extends SmoteBase.Builder<Builder> {
    private int mNeighbors = 10;
    private Kind kind = Kind.BORDERLINE_1;

    Builder() {
      super(5);
    }

    /** Sets imbalanced-learn's {@code m_neighbors}. */
    public Builder optMNeighbors(int m) {
      this.mNeighbors = positive("m_neighbors", m);
      return this;
    }

    /** Sets imbalanced-learn's {@code kind}. */
    public Builder optKind(Kind kind) {
      this.kind = kind;
      return this;
    }

    /** Builds the {@code BorderlineSmote}. */
    public BorderlineSmote build() {
      return new BorderlineSmote(this);
    }
  }
}
