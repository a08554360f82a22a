package org.imbalanced4j.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.learn.Capability;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.optim.Solution;
import org.imbalanced4j.optim.TrustRegionNewton;
import org.imbalanced4j.weights.ClassWeights;

/**
 * L2-penalised logistic regression, scikit-learn's {@code LogisticRegression(solver="lbfgs")}
 * objective solved to its optimum: the fast classical baseline.
 *
 * <p>Features are standardised on the training rows (categorical features one-hot), as
 * scikit-learn's {@code StandardScaler} in a pipeline; the intercept is not penalised. With sample
 * weights {@code s_i} (the data's row weights times the class weights) it minimises, for two
 * classes, {@code sum_i s_i [log(1 + e^{u_i}) - y_i u_i] + ||w||^2 / (2C)} with one weight vector
 * ({@code u_i = w.x_i + b}), and otherwise the multinomial {@code sum_i s_i [logsumexp(z_i) -
 * z_{i,y_i}] + ||W||^2 / (2C)}, as scikit-learn 1.2 does. A class-weight scheme ({@link
 * ClassWeights#of}: {@code balanced} is {@code class_weight='balanced'}) is computed from the rows
 * each fit is given, so after a resampler it sees the resampled counts, as in an imbalanced-learn
 * pipeline.
 *
 * <p>The solver is a trust-region Newton method ({@link TrustRegionNewton}, the solver of
 * LIBLINEAR) rather than L-BFGS: on nearly separable, heavily weighted data (rare classes with
 * balanced weights) it needs far fewer passes over the rows to reach the same optimum. It stops
 * with scikit-learn's rule, {@code max |gradient| <= tol}; {@code max_iter} caps the Newton steps,
 * and a fit that reaches the cap first says so in {@link Model#warnings()}, as scikit-learn's
 * {@code ConvergenceWarning}. A class with no training row gets probability 0.
 *
 * <pre>{@code
 * Model m = LogisticRegression.builder().optClassWeight("balanced").build().fit(train, null, 0);
 * }</pre>
 */
public final class LogisticRegression implements Trainer {
  /** The logit of a class that had no training row: its probability is 0 in double precision. */
  static final double ABSENT_CLASS_LOGIT = -1e4;

  private final double c;
  private final int maxIter;
  private final double tol;
  private final String classWeight;

  private LogisticRegression(Builder b) {
    this.c = b.c;
    this.maxIter = b.maxIter;
    this.tol = b.tol;
    this.classWeight = b.classWeight;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The catalogue entry: {@code logistic} with scikit-learn's parameter names. */
  public static final Learner LEARNER = new Learner("logistic",
      "scikit-learn's LogisticRegression objective (L2, multinomial), solved to its optimum by trust-region Newton "
          + "on standardised features (categories one-hot).",
      List.of(new Param("C", "1.0", "inverse strength of the L2 penalty"),
          new Param("max_iter", "100", "most Newton steps, a cap: a fit that reaches it is marked \"did not converge\""),
          new Param("tol", "1e-4", "stop when every gradient entry is below it"),
          new Param("class_weight", "none", "none | balanced | inverse | sqrt | effective")),
      Set.of(Capability.TABLE, Capability.SAMPLE_WEIGHTS),
      p -> builder().optC(p.real("C", 1.0)).optMaxIter(p.positive("max_iter", 100)).optTolerance(p.real("tol", 1e-4))
          .optClassWeight(p.text("class_weight", "none")).build(),
      LinearModel.FORMAT);

  @Override
  public String describe() {
    return "logistic(C=" + c + (classWeight == null ? "" : ", class_weight=" + classWeight) + ")";
  }

  @Override
  public LinearModel fit(Dataset train, Dataset validation, long seed) {
    long[] counts = train.classCounts().counts();
    int k = counts.length;
    int[] present = new int[k]; // class code -> index among the present classes, or -1
    List<Integer> classes = new ArrayList<>();
    for (int cl = 0; cl < k; cl++) {
      present[cl] = counts[cl] > 0 ? classes.size() : -1;
      if (counts[cl] > 0) {
        classes.add(cl);
      }
    }
    if (classes.size() < 2) {
      throw new DataException("logistic regression needs rows of at least two classes; the training rows are all of class '"
          + train.schema().classNames().get(classes.isEmpty() ? 0 : classes.get(0)) + "'");
    }
    Standardizer enc = Standardizer.fit(train);
    int n = train.rows();
    int d = enc.width();
    Design x = Design.of(enc, train);
    double[] perClass = classWeight == null ? null : ClassWeights.of(classWeight, counts, 0.999);
    double[] s = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int label = train.label(i);
      y[i] = present[label];
      s[i] = (train.hasWeights() ? train.weight(i) : 1) * (perClass == null ? 1 : perClass[label]);
    }
    TrustRegionNewton solver = TrustRegionNewton.builder().optTolerance(tol).optMaxIterations(maxIter).build();
    double[] w = new double[(d + 1) * k]; // LinearModel's layout: row j feature j (d: bias), column = class
    Solution sol;
    if (classes.size() == 2) {
      boolean[] positive = new boolean[n];
      for (int i = 0; i < n; i++) {
        positive[i] = y[i] == 1;
      }
      sol = solver.minimize(new BinaryLogisticObjective(x, positive, s, c), new double[d + 1]);
      double[] v = sol.x();
      // softmax([-u/2, u/2]) = (1 - sigmoid(u), sigmoid(u))
      for (int j = 0; j <= d; j++) {
        w[j * k + classes.get(0)] = -v[j] / 2;
        w[j * k + classes.get(1)] = v[j] / 2;
      }
    } else {
      int m = classes.size();
      sol = solver.minimize(new MultinomialLogisticObjective(x, m, y, s, c), new double[(d + 1) * m]);
      double[] v = sol.x();
      for (int ci = 0; ci < m; ci++) {
        for (int j = 0; j <= d; j++) {
          w[j * k + classes.get(ci)] = v[ci * (d + 1) + j];
        }
      }
    }
    for (int cl = 0; cl < k; cl++) {
      if (present[cl] < 0) {
        w[d * k + cl] = ABSENT_CLASS_LOGIT;
      }
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("C", c);
    params.put("max_iter", maxIter);
    params.put("tol", tol);
    params.put("class_weight", classWeight == null ? "none" : classWeight);
    params.put("n_iter", sol.iterations());
    List<String> warnings = sol.converged() ? List.of() : List.of(String.format(Locale.ROOT,
        "logistic regression did not converge in max_iter=%d Newton steps (max |gradient| %.3g > tol %.3g); raise max_iter",
        maxIter, sol.gradientNorm(), tol));
    return new LinearModel(train.schema(), enc, w, new Provenance(describe(), params, seed, n + " rows"), warnings);
  }

  static void scores(double[] w, float[] x, int off, int d, int k, double[] z) {
    for (int cl = 0; cl < k; cl++) {
      double s = w[d * k + cl];
      for (int j = 0; j < d; j++) {
        s += w[j * k + cl] * x[off + j];
      }
      z[cl] = s;
    }
  }

  static void softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = Math.exp(z[i] - max);
      s += z[i];
    }
    for (int i = 0; i < z.length; i++) {
      z[i] /= s;
    }
  }

  /**
   * Builder: {@code optC} (1.0, inverse penalty strength), {@code optMaxIter} (100 Newton steps),
   * {@code optTolerance} (1e-4, on {@code max |gradient|}), {@code optClassWeight} (none).
   */
  public static final class Builder {
    private double c = 1.0;
    private int maxIter = 100;
    private double tol = 1e-4;
    private String classWeight;

    /** Sets scikit-learn's {@code C}, the inverse of the L2 penalty's strength (default: 1). */
    public Builder optC(double c) {
      if (!(c > 0) || Double.isInfinite(c)) {
        throw new InvalidOptionException("C must be a positive number, got " + c);
      }
      this.c = c;
      return this;
    }

    /** Sets scikit-learn's {@code max_iter}, a cap on solver iterations (a warning when reached). */
    public Builder optMaxIter(int maxIter) {
      if (maxIter < 1) {
        throw new InvalidOptionException("max_iter must be at least 1, got " + maxIter);
      }
      this.maxIter = maxIter;
      return this;
    }

    /** Sets scikit-learn's {@code tol}, the solver's stopping tolerance on the gradient. */
    public Builder optTolerance(double tol) {
      if (!(tol > 0)) {
        throw new InvalidOptionException("tol must be a positive number, got " + tol);
      }
      this.tol = tol;
      return this;
    }

    /** A {@link ClassWeights#of} scheme; {@code none} or null for none. */
    public Builder optClassWeight(String scheme) {
      if (scheme == null || scheme.equalsIgnoreCase("none")) {
        this.classWeight = null;
        return this;
      }
      ClassWeights.of(scheme, new long[] {1, 1}, 0.999); // an unknown scheme fails now
      this.classWeight = scheme;
      return this;
    }

    /** Builds the {@code LogisticRegression}. */
    public LogisticRegression build() {
      return new LogisticRegression(this);
    }
  }
}
