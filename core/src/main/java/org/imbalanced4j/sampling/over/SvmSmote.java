package org.imbalanced4j.sampling.over;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_parameter;
import libsvm.svm_problem;
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
 * SVM-SMOTE: SMOTE from the support vectors of the class, found by an RBF support vector machine
 * (LIBSVM, C = 1, gamma = 1 / (d * Var(X)) as scikit-learn's {@code gamma='scale'}). Support
 * vectors whose {@code m_neighbors} are all of other classes are noise and dropped; those with at
 * least half of them from other classes ("danger") interpolate towards a same-class neighbour, the
 * others ("safe") extrapolate away from it by up to {@code out_step}. A share {@code f ~ Beta(10,
 * 10)} of the new rows ({@code int(f (n + 1))}) comes from the danger vectors and the rest from
 * the safe ones; as in imbalanced-learn, a group that is empty contributes nothing.
 *
 * <p>Reference: H. M. Nguyen, E. W. Cooper and K. Kamei, "Borderline over-sampling for imbalanced
 * data classification", International Journal of Knowledge Engineering and Soft Data Paradigms
 * 3(1), 4-21, 2011. SVM by C.-C. Chang and C.-J. Lin, "LIBSVM: a library for support vector
 * machines", ACM TIST 2(3), 2011. Generation as imbalanced-learn's {@code SVMSMOTE}.
 */
public final class SvmSmote extends SmoteBase {
  private final int mNeighbors;
  private final double outStep;

  private SvmSmote(Builder b) {
    super(b.strategy, b.kNeighbors, b.seed);
    this.mNeighbors = b.mNeighbors;
    this.outStep = b.outStep;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "SVMSMOTE";
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
    NumpyRandom rng = new NumpyRandom(seed);
    int[] support = supportVectors(data);
    for (int k : target.classes()) {
      int n = target.get(k);
      if (n == 0) {
        continue;
      }
      int[] rows = SamplerSupport.rowsOf(y, k);
      int[] pos = new int[data.rows()];
      java.util.Arrays.fill(pos, -1);
      for (int i = 0; i < rows.length; i++) {
        pos[rows[i]] = i;
      }
      int[] sv = java.util.Arrays.stream(support).filter(i -> y[i] == k).toArray();
      Neighbors around = all.querySelf(sv, mNeighbors + 1);
      int[] danger = new int[sv.length];
      int[] safe = new int[sv.length];
      int nd = 0;
      int ns = 0;
      for (int q = 0; q < sv.length; q++) {
        int other = 0;
        for (int j = 1; j <= mNeighbors; j++) {
          other += y[around.index(q, j)] != k ? 1 : 0;
        }
        if (other == mNeighbors) {
          continue; // noise
        }
        if (other >= mNeighbors / 2.0) {
          danger[nd++] = pos[sv[q]];
        } else {
          safe[ns++] = pos[sv[q]];
        }
      }
      float[] xk = SamplerSupport.rows(data, rows);
      NeighborIndex classIndex = NeighborIndex.of(xk, rows.length, d);
      double f = rng.beta(10, 10);
      int first = (int) (f * (n + 1));
      if (nd > 0) {
        int[] dp = java.util.Arrays.copyOf(danger, nd);
        generate(out, data, xk, rows, dp, classIndex, first, 1.0, k);
      }
      if (ns > 0) {
        int[] sp = java.util.Arrays.copyOf(safe, ns);
        generate(out, data, xk, rows, sp, classIndex, n - first, -outStep, k);
      }
    }
    return out.build();
  }

  private void generate(Synthesis out, Dataset data, float[] xk, int[] rows, int[] base,
      NeighborIndex classIndex, int n, double step, int label) {
    int d = data.features();
    float[] xb = new float[base.length * d];
    int[] baseRows = new int[base.length];
    for (int i = 0; i < base.length; i++) {
      System.arraycopy(xk, base[i] * d, xb, i * d, d);
      baseRows[i] = rows[base[i]];
    }
    Neighbors nns = classIndex.querySelf(base, kNeighbors + 1);
    makeSamples(out, data, xb, baseRows, SamplerSupport.range(base.length), xk, rows, nns, n, step, label);
  }

  /** Indices of the support vectors of an RBF SVM on all rows (one-vs-one for several classes). */
  private static int[] supportVectors(Dataset data) {
    int n = data.rows();
    int d = data.features();
    float[] x = data.toRowMajor();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = data.label(i);
    }
    svm_problem prob = org.imbalanced4j.svm.LibSvm.problem(x, n, d, y);
    svm_parameter p = org.imbalanced4j.svm.LibSvm.rbf(svm_parameter.C_SVC, org.imbalanced4j.svm.LibSvm.scaleGamma(x, n, d));
    svm_model model = svm.svm_train(prob, p);
    int[] sv = new int[model.l];
    for (int i = 0; i < model.l; i++) {
      sv[i] = model.sv_indices[i] - 1;
    }
    java.util.Arrays.sort(sv);
    return sv;
  }

  /**
   * Builder: {@code optSamplingStrategy} (auto), {@code optKNeighbors} (5), {@code optMNeighbors}
   * (10), {@code optOutStep} (0.5), {@code optSeed} (0).
   */
  public static final class Builder extends SmoteBase.Builder<Builder> {
    private int mNeighbors = 10;
    private double outStep = 0.5;

    Builder() {
      super(5);
    }

    /** Sets imbalanced-learn's {@code m_neighbors}. */
    public Builder optMNeighbors(int m) {
      this.mNeighbors = positive("m_neighbors", m);
      return this;
    }

    /** Sets imbalanced-learn's {@code out_step}. */
    public Builder optOutStep(double step) {
      if (!(step >= 0)) {
        throw new InvalidOptionException("out_step must be >= 0, got " + step);
      }
      this.outStep = step;
      return this;
    }

    /** Builds the {@code SvmSmote}. */
    public SvmSmote build() {
      return new SvmSmote(this);
    }
  }
}
