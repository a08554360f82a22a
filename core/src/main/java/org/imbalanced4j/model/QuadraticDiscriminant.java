package org.imbalanced4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.imbalanced4j.DataException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.learn.Capability;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.model.io.ModelFormat;
import org.imbalanced4j.model.io.ModelWriter;

/**
 * Quadratic discriminant analysis, scikit-learn's {@code QuadraticDiscriminantAnalysis} after a
 * {@code StandardScaler} (categorical features one-hot): each class c is a Gaussian with its own
 * mean {@code mu_c} and covariance, and a row's log posterior is, up to a constant (Hastie,
 * Tibshirani and Friedman, <i>The Elements of Statistical Learning</i>, 2nd ed., eq. 4.12),
 *
 * <pre>delta_c(x) = -1/2 (sum_k ((x - mu_c) . v_ck)^2 / s_ck + sum_k log s_ck) + log pi_c</pre>
 *
 * where {@code v_ck} are the right singular vectors of the class's centred rows {@code X_c} and
 * {@code sigma_ck} its singular values (EJML's SVD; with shrinkage the eigen-decomposition of the
 * scatter matrix {@code X_c^T X_c}, four times less work), {@code s_ck = (1 - r) sigma_ck^2 /
 * (n_c - 1) + r} the variances along them shrunk towards 1 by {@code reg_param} r (the covariance
 * {@code (1 - r) Sigma_c + r I}), and {@code pi_c = n_c / n} the training shares. Probabilities are
 * {@code softmax(delta)}. A class of no more rows than inputs keeps all d directions, those its
 * rows do not span at variance r; scikit-learn's thin SVD keeps only as many directions as rows,
 * one of them an arbitrary vector of the null space, so its result there depends on LAPACK's
 * choice and is not matched.
 *
 * <p>A generative classifier needs no iterations and no tuning: on low-dimensional data whose
 * classes are roughly Gaussian (a rare class in a region of its own) it ranks rows by the ratio of
 * the two densities, which is what average precision rewards.
 */
public final class QuadraticDiscriminant implements Trainer {
  /** Singular values at or below this count as zero, scikit-learn's {@code tol}. */
  static final double TOL = 1e-4;

  /** The catalogue entry. */
  public static final Learner LEARNER = new Learner("qda",
      "quadratic discriminant analysis (a Gaussian per class) on standardised features, as scikit-learn's "
          + "QuadraticDiscriminantAnalysis after a StandardScaler.",
      List.of(new Param("reg_param", "0.1",
          "r in [0, 1]: each class's variances become (1 - r) s + r, shrunk towards the standardised 1; "
              + "0 (scikit-learn's default) fails on a class whose rows are collinear or that has a constant "
              + "feature")),
      Set.of(Capability.TABLE),
      p -> new QuadraticDiscriminant(p.real("reg_param", 0.1, 0.0, 1.0)),
      Fitted.FORMAT);

  private final double reg;

  /** A trainer with scikit-learn's {@code reg_param}, from 0 to 1. */
  public QuadraticDiscriminant(double regParam) {
    if (!(regParam >= 0 && regParam <= 1)) {
      throw new IllegalArgumentException("reg_param must be from 0 to 1");
    }
    this.reg = regParam;
  }

  @Override
  public String describe() {
    return "qda(reg_param=" + reg + ")";
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    Schema schema = train.schema();
    Standardizer std = Standardizer.fit(train);
    int d = std.width();
    if (d > MAX_INPUTS) {
      throw new DataException("qda: " + d + " input columns (categorical features one-hot) would make a " + d + " x "
          + d + " covariance per class; qda takes at most " + MAX_INPUTS);
    }
    int n = train.rows();
    int classes = schema.classCount();
    double[][] means = new double[classes][];
    double[][] scalings = new double[classes][];
    double[][] directions = new double[classes][];
    double[] priors = new double[classes];
    for (int c = 0; c < classes; c++) {
      int cls = c;
      int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> train.label(i) == cls).toArray();
      if (rows.length < 2) {
        throw new DataException("qda: class '" + schema.classNames().get(c) + "' has " + rows.length
            + " training row" + (rows.length == 1 ? "" : "s") + "; its covariance needs at least 2");
      }
      priors[c] = (double) rows.length / n;
      double[] mean = new double[d];
      double[] row = new double[d];
      for (int i : rows) {
        std.transformExact(train, i, row);
        for (int j = 0; j < d; j++) {
          mean[j] += row[j];
        }
      }
      for (int j = 0; j < d; j++) {
        mean[j] /= rows.length;
      }
      double[] squares = new double[d]; // the squared singular values of the centred rows
      double[] v = new double[d * d]; // their right singular vectors, row q for squares[q] (V^T)
      if (!(reg == 0 ? bySvd(std, train, rows, mean, squares, v) : byScatter(std, train, rows, mean, squares, v))) {
        throw new DataException("qda: the decomposition of class '" + schema.classNames().get(c)
            + "' did not converge");
      }
      int rank = 0;
      double[] s = new double[d];
      for (int q = 0; q < d; q++) {
        rank += squares[q] > TOL * TOL ? 1 : 0;
        s[q] = (1 - reg) * squares[q] / (rows.length - 1) + reg;
      }
      if (reg == 0 && rank < d) {
        throw new DataException("qda: the " + rows.length + " training rows of class '" + schema.classNames().get(c)
            + "' span " + rank + " of " + d + " input dimensions (collinear, or a feature constant within the "
            + "class); give reg_param > 0, such as reg_param=0.1");
      }
      means[c] = mean;
      scalings[c] = s;
      directions[c] = v;
    }
    return new Fitted(schema, std, means, scalings, directions, priors,
        new Provenance(describe(), Map.of("reg_param", reg), seed, n + " rows"));
  }

  /**
   * The squared singular values and right singular vectors of the centred rows by EJML's SVD of the
   * rows themselves: without shrinkage every variance enters undamped, and the smallest are only
   * as exact as the SVD (the scatter matrix would square the condition number). V is d x d: a tall
   * class's thin SVD has it all; a class of no more rows than inputs takes the full V.
   */
  private static boolean bySvd(Standardizer std, Dataset data, int[] rows, double[] mean, double[] squares,
      double[] v) {
    int d = mean.length;
    DMatrixRMaj centred = new DMatrixRMaj(rows.length, d);
    double[] row = new double[d];
    for (int r = 0; r < rows.length; r++) {
      std.transformExact(data, rows[r], row);
      for (int j = 0; j < d; j++) {
        centred.data[r * d + j] = row[j] - mean[j];
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(rows.length, d, false, true, rows.length > d);
    if (!svd.decompose(centred)) {
      return false;
    }
    double[] sigma = svd.getSingularValues();
    for (int q = 0; q < svd.numberOfSingularValues(); q++) {
      squares[q] = sigma[q] * sigma[q];
    }
    System.arraycopy(svd.getV(null, true).data, 0, v, 0, d * d);
    return true;
  }

  /**
   * The same from EJML's symmetric eigen-decomposition of the scatter matrix {@code X_c^T X_c}
   * (its eigenvalues are the squared singular values), a quarter of the SVD's work: with shrinkage
   * r every variance is at least r, and the scatter's rounding (eps times its largest eigenvalue)
   * does not show.
   */
  private static boolean byScatter(Standardizer std, Dataset data, int[] rows, double[] mean, double[] squares,
      double[] v) {
    int d = mean.length;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(scatter(std, data, rows, mean))) {
      return false;
    }
    for (int q = 0; q < d; q++) {
      squares[q] = Math.max(0, eig.getEigenvalue(q).real);
      DMatrixRMaj vec = eig.getEigenVector(q);
      for (int j = 0; j < d; j++) {
        v[q * d + j] = vec.get(j, 0);
      }
    }
    return true;
  }

  /** Rows per part of the scatter matrix, at least; at most {@link #PARTS} parts. */
  private static final int BLOCK = 2048;

  /** Partial scatter matrices at most: their memory is {@code PARTS x d^2} doubles. */
  private static final int PARTS = 8;

  /** Input columns at most: the covariance of each class is d x d, its decomposition O(d^3). */
  static final int MAX_INPUTS = 1024;

  /**
   * The scatter matrix {@code sum_i (x_i - mean)(x_i - mean)^T} of the given rows' inputs, accumulated in up to {@link #PARTS} contiguous parts on every core and added in part
   * order: the parts depend on the rows only, so the sums are the same on any number of threads.
   */
  static DMatrixRMaj scatter(Standardizer std, Dataset data, int[] rows, double[] mean) {
    int d = mean.length;
    int blocks = Math.max(1, Math.min(PARTS, rows.length / BLOCK));
    int per = (rows.length + blocks - 1) / blocks;
    double[][] part = new double[blocks][];
    java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
      double[] g = new double[d * d];
      double[] c = new double[d];
      for (int r = b * per; r < Math.min(rows.length, (b + 1) * per); r++) {
        std.transformExact(data, rows[r], c);
        for (int j = 0; j < d; j++) {
          c[j] -= mean[j];
        }
        for (int a = 0; a < d; a++) {
          double ca = c[a];
          int row = a * d;
          for (int b2 = a; b2 < d; b2++) {
            g[row + b2] += ca * c[b2];
          }
        }
      }
      part[b] = g;
    });
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    for (double[] g : part) {
      for (int a = 0; a < d; a++) {
        for (int b2 = a; b2 < d; b2++) {
          out.data[a * d + b2] += g[a * d + b2];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b2 = 0; b2 < a; b2++) {
        out.data[a * d + b2] = out.data[b2 * d + a];
      }
    }
    return out;
  }

  /** A fitted QDA: each class's mean, variances along its directions, the directions and its share. */
  public static final class Fitted implements Model {
    static final ModelFormat FORMAT = ModelFormat.of("qda", in -> {
      int classes = in.schema().classCount();
      JsonNode per = in.get("classes");
      if (!per.isArray() || per.size() != classes) {
        throw in.error("model.json describes " + per.size() + " classes, the schema " + classes);
      }
      double[][] means = new double[classes][];
      double[][] scalings = new double[classes][];
      double[][] directions = new double[classes][];
      double[] priors = new double[classes];
      for (int c = 0; c < classes; c++) {
        JsonNode e = per.get(c);
        if (!e.isObject()) {
          throw in.error("model.json's qda class " + c + " is not an object");
        }
        means[c] = numbers(in, e, "mean");
        scalings[c] = numbers(in, e, "scalings");
        directions[c] = numbers(in, e, "directions");
        double[] prior = numbers(in, e, "prior");
        if (prior.length != 1) {
          throw in.error("model.json's qda class " + c + " has " + prior.length + " priors");
        }
        priors[c] = prior[0];
      }
      try {
        return new Fitted(in.schema(), Standardizer.read(in.get("standardizer")), means, scalings, directions, priors,
            new Provenance("qda", Map.of(), 0, "saved"));
      } catch (IllegalArgumentException e) {
        throw in.error(e.getMessage());
      }
    });

    private static double[] numbers(org.imbalanced4j.model.io.ModelReader in, JsonNode e, String key) {
      JsonNode a = e.get(key);
      if (a == null || !(a.isArray() || a.isNumber())) {
        throw in.error("model.json's qda class has no '" + key + "'");
      }
      if (a.isNumber()) {
        return new double[] {a.asDouble()};
      }
      double[] out = new double[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = a.get(i).asDouble();
      }
      return out;
    }

    private final Schema schema;
    private final Standardizer std;
    private final double[][] means;
    private final double[][] scalings;
    private final double[] priors;
    private final double[] logDet;
    private final double[][] directions; // per class, V^T row-major: direction q at [q * d, (q + 1) * d)
    private final Provenance provenance;

    Fitted(Schema schema, Standardizer std, double[][] means, double[][] scalings, double[][] directions,
        double[] priors, Provenance provenance) {
      int d = std.width();
      logDet = new double[means.length];
      for (int c = 0; c < means.length; c++) {
        int k = scalings[c].length;
        if (means[c].length != d || directions[c].length != d * k || !(priors[c] > 0)) {
          throw new IllegalArgumentException("qda class " + c + " does not fit " + d + " inputs: mean "
              + means[c].length + ", directions " + directions[c].length + " values for " + k + ", prior "
              + priors[c]);
        }
        for (double s : scalings[c]) {
          if (!(s > 0)) {
            throw new IllegalArgumentException("qda class " + c + " has a variance " + s);
          }
          logDet[c] += Math.log(s);
        }
      }
      this.schema = schema;
      this.std = std;
      this.means = means;
      this.scalings = scalings;
      this.directions = directions;
      this.priors = priors;
      this.provenance = provenance;
    }

    @Override
    public ScoreKind scoreKind() {
      return ScoreKind.LOGIT;
    }

    /** The log posteriors up to a constant, scikit-learn's {@code _decision_function}. */
    @Override
    public double[][] scores(Dataset data) {
      int d = std.width();
      double[][] out = new double[data.rows()][];
      int block = 1024;
      // rows are independent: blocks on every core give the same numbers as one thread
      java.util.stream.IntStream.range(0, (out.length + block - 1) / block).parallel().forEach(b -> {
        double[] row = new double[d];
        double[] centred = new double[d];
        for (int i = b * block; i < Math.min(out.length, (b + 1) * block); i++) {
          std.transformExact(data, i, row);
          out[i] = logPosteriors(row, centred);
        }
      });
      return out;
    }

    /** {@code delta_c} of a row's inputs {@code x} for every class; {@code centred} is scratch. */
    private double[] logPosteriors(double[] x, double[] centred) {
      int d = centred.length;
      double[] z = new double[means.length];
      for (int c = 0; c < means.length; c++) {
        for (int j = 0; j < d; j++) {
          centred[j] = x[j] - means[c][j];
        }
        int k = scalings[c].length;
        double[] dir = directions[c];
        double norm2 = 0;
        for (int q = 0; q < k; q++) {
          double p = 0;
          for (int j = 0; j < d; j++) {
            p += centred[j] * dir[q * d + j];
          }
          norm2 += p * p / scalings[c][q];
        }
        z[c] = -0.5 * (norm2 + logDet[c]) + Math.log(priors[c]);
      }
      return z;
    }

    @Override
    public double[][] predictProba(Dataset data) {
      double[][] z = scores(data);
      for (double[] row : z) {
        LogisticRegression.softmax(row);
      }
      return z;
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public Provenance provenance() {
      return provenance;
    }

    @Override
    public String kind() {
      return "qda";
    }

    @Override
    public void save(ModelWriter out) {
      out.put("standardizer", std.toMap());
      List<Map<String, Object>> per = new java.util.ArrayList<>();
      for (int c = 0; c < means.length; c++) {
        per.add(Map.of("mean", means[c], "scalings", scalings[c], "directions", directions[c], "prior", priors[c]));
      }
      out.put("classes", per);
    }
  }
}
